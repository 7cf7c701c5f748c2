"""Personal data of accreditation: applications, documents, references and
the accreditations themselves (decisions are kept, by legal obligation)."""

from core.personal_data import register_erasure_hook, register_personal_data

register_personal_data(
    "accreditation.Application",
    subject=("consultant", "recommended_by", "decided_by"),
    fields=("motivation", "interview_minutes"),
    on_erase="scrub",
    note="The decision, its reasons and its audit rows are kept.",
)
register_personal_data(
    "accreditation.ApplicationDocument",
    subject=("application__consultant",),
    fields=("file", "original_name"),
    on_erase="delete",
)
register_personal_data(
    "accreditation.ReferenceMission",
    subject=("application__consultant", "client_email"),
    fields=("client_contact", "client_email", "client_phone", "description"),
    on_erase="scrub",
    note="Also the client contact's own data when the erased person is one.",
)
register_personal_data(
    "accreditation.Accreditation",
    subject=("consultant", "suspended_by"),
    fields=("renewal_proof", "remediation_plan"),
    on_erase="scrub",
    note="Status and validity are kept: the public verification must stay true.",
)


def _end_accreditation_activity(user) -> None:
    """An erased consultant can no longer hold an approval or apply for one."""
    from django_fsm import can_proceed

    from .models import Accreditation, Application
    from .services.accreditations import accreditation_relinquish
    from .services.applications import application_withdraw

    reason = "Account erased at the holder's request (GDPR)."
    for accreditation in Accreditation.objects.filter(consultant=user):
        if can_proceed(accreditation.relinquish):
            accreditation_relinquish(
                actor=user, accreditation=accreditation, reason=reason
            )
    for application in Application.objects.filter(consultant=user):
        if can_proceed(application.withdraw):
            application_withdraw(application=application, actor=user, reason=reason)


register_erasure_hook(_end_accreditation_activity)
