"""Personal data of training: a consultant's path, results and CPD log."""

from core.personal_data import register_no_personal_data, register_personal_data

register_no_personal_data("training.Programme", "The training catalogue.")
register_no_personal_data("training.Module", "The training catalogue.")
register_no_personal_data("training.Assessment", "The training catalogue.")
register_personal_data(
    "training.Session",
    subject=("trainer",),
    on_erase="keep",
    note="Sessions a trainer teaches; kept for the consultants who attended.",
)
register_personal_data("training.Enrolment", subject=("consultant",), on_erase="keep")
register_personal_data(
    "training.SessionRegistration",
    subject=("enrolment__consultant",),
    on_erase="keep",
)
register_personal_data(
    "training.Attendance",
    subject=("registration__enrolment__consultant", "recorded_by"),
    on_erase="keep",
)
register_personal_data(
    "training.Attempt",
    subject=("enrolment__consultant", "recorded_by"),
    on_erase="keep",
)
register_personal_data(
    "training.Certification",
    subject=("consultant",),
    on_erase="keep",
    note="Kept: accreditation decisions rest on it.",
)
register_personal_data(
    "training.CpdActivity",
    subject=("consultant", "reviewed_by"),
    fields=("description", "evidence"),
    on_erase="scrub",
    note="The hours stay for the accreditation cycle; description and evidence go.",
)
