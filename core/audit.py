"""Writing the audit log.

Services call ``audit_record`` inside the transaction that makes the change, so
the change and its audit row are committed together or not at all.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry, User

# Human labels of action codes, shown beside the code on pages. Each app
# registers its own from AppConfig.ready.
_ACTION_LABELS: dict[str, str] = {}


def register_action_labels(labels: dict) -> None:
    _ACTION_LABELS.update(labels)


def action_label(action: str) -> str:
    """The translated label of an action code, or the code itself."""
    label = _ACTION_LABELS.get(action)
    return str(label) if label is not None else action


register_action_labels(
    {
        "core.user.registered": _("Account created"),
        "core.user.logged_in": _("Logged in"),
        "core.user.logged_out": _("Logged out"),
        "core.user.login_failed": _("Failed login"),
        "core.user.password_changed": _("Password changed"),
        "core.user.password_reset": _("Password reset"),
        "core.user.email_confirmed": _("E-mail address confirmed"),
        "core.user.role_granted": _("Role granted"),
        "core.user.token_created": _("API token created"),
        "core.user.data_exported": _("Personal data exported"),
        "core.user.erased": _("Personal data erased"),
    }
)


def client_ip(request: HttpRequest | None) -> str | None:
    # REMOTE_ADDR only: behind the reverse proxy, gunicorn is configured with
    # --forwarded-allow-ips so that it already holds the client's address.
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    actor: User | None = None,
    obj=None,
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    data: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Append one row to the audit log, in the caller's transaction if any."""
    if actor is not None and not actor.is_authenticated:
        actor = None

    entry = AuditEntry(
        action=action,
        actor=actor,
        from_state=str(from_state or ""),
        to_state=str(to_state or ""),
        reason=reason or "",
        data=data or {},
        ip_address=client_ip(request),
    )
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj)
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:200]
    entry.full_clean(exclude=["actor", "content_type"])

    # Joins the caller's transaction; opens one only when called outside any.
    with transaction.atomic(savepoint=False):
        entry.save()
    return entry


def audit_history(obj):
    """Audit rows about ``obj``, oldest first (the object's history)."""
    content_type = ContentType.objects.get_for_model(obj)
    return (
        AuditEntry.objects.filter(content_type=content_type, object_id=str(obj.pk))
        .select_related("actor")
        .order_by("at", "id")
    )
