"""Personal data held by core's models and by the third-party apps core runs.

See ``core.personal_data`` for what the declarations mean.
"""

from .personal_data import register_no_personal_data, register_personal_data

register_personal_data(
    "core.User",
    subject=("pk",),
    fields=("email", "first_name", "last_name", "phone"),
    on_erase="keep",
    note="The account itself: pseudonymised, deactivated and made unusable.",
)
register_personal_data(
    "core.HistoricalUser",
    subject=("id",),
    fields=("email", "first_name", "last_name", "phone"),
    on_erase="delete",
    note="Earlier versions of the profile.",
)
register_personal_data(
    "core.AuditEntry",
    subject=("actor",),
    fields=("ip_address",),
    on_erase="scrub",
    note="Kept by legal obligation under a pseudonym; the IP address is removed.",
)
register_personal_data(
    "admin.LogEntry",
    subject=("user",),
    on_erase="keep",
    note="Changes made in the admin by staff; mentions are replaced.",
)
register_personal_data(
    "account.EmailAddress",
    subject=("user",),
    fields=("email",),
    on_erase="delete",
)
register_personal_data(
    "account.EmailConfirmation",
    subject=("email_address__user",),
    on_erase="delete",
)
register_personal_data("authtoken.Token", subject=("user",), on_erase="delete")
register_personal_data(
    "sessions.Session",
    note="Ended at erasure; the session data only names the account.",
)
register_personal_data(
    "django_tasks_database.DBTaskResult",
    fields=("args_kwargs", "return_value"),
    note="Queued e-mails hold the recipient's address; erasure replaces it.",
)

register_personal_data(
    "core.IdempotencyRecord",
    fields=("body",),
    note="Answers to retried API writes, kept a day; erasure replaces mentions.",
)

register_no_personal_data("auth.Permission", "Permissions of the roles.")
register_no_personal_data("auth.Group", "The roles.")
register_no_personal_data("contenttypes.ContentType", "Django's model registry.")
register_no_personal_data("core.Need", "The needs taxonomy.")
register_no_personal_data("core.NeedDimension", "The needs taxonomy.")
