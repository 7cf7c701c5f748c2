"""Personal data of matching: an expert's profile, proposals and missions,
and what company members wrote about them."""

from core.personal_data import register_erasure_hook, register_personal_data

register_personal_data(
    "matching.ExpertRequest",
    subject=("created_by",),
    on_erase="keep",
    note="The company's request; kept for the company.",
)
register_personal_data(
    "matching.ExpertProfile",
    subject=("expert",),
    on_erase="delete",
    note="Without it the erased expert is never ranked again.",
)
register_personal_data(
    "matching.WeightsVersion", subject=("created_by",), on_erase="keep"
)
register_personal_data("matching.Proposal", subject=("expert",), on_erase="keep")
register_personal_data(
    "matching.Engagement",
    subject=("expert",),
    on_erase="keep",
    note="The mission and its report belong to the company too.",
)
register_personal_data(
    "matching.WorkingSession",
    subject=("logged_by",),
    fields=("notes",),
    on_erase="scrub",
)
register_personal_data(
    "matching.Rating", subject=("rated_by",), fields=("comment",), on_erase="scrub"
)


def _end_missions(user) -> None:
    """An erased expert declines what was only proposed; a mission under way
    must be finished or cancelled by the company first, because the company
    is owed its report (the contract is a lawful ground to keep the data)."""
    from django.utils.translation import ngettext

    from core.errors import DomainError

    from .engagements.services import engagement_decline
    from .models import Engagement

    Status = Engagement.Status
    under_way = Engagement.objects.filter(
        expert=user,
        status__in=[
            Status.ACCEPTED,
            Status.IN_PROGRESS,
            Status.REPORT_SUBMITTED,
            Status.RETURNED,
        ],
    )
    if under_way.exists():
        count = under_way.count()
        raise DomainError(
            ngettext(
                "A mission is under way: finish it, or ask the company to cancel "
                "it, before the account can be erased.",
                "%(count)s missions are under way: finish them, or ask the "
                "companies to cancel them, before the account can be erased.",
                count,
            )
            % {"count": count},
            code="erasure_blocked",
        )
    for engagement in Engagement.objects.filter(expert=user, status=Status.PROPOSED):
        engagement_decline(
            user=user,
            engagement=engagement,
            reason="The expert's account was erased at their request (GDPR).",
        )


register_erasure_hook(_end_missions)
