"""Reads of missions: who sees which, and what each may do next."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from core.errors import NotFound
from core.models import User
from core.roles import AGENCY_ROLES

from .. import pme_adapter
from ..models import Engagement
from .common import is_agency, is_expert, is_member
from .services import SESSION_STATES

Status = Engagement.Status

# action name -> (model method, who may: "expert", "member", "agency")
ACTIONS: dict[str, tuple[str, frozenset[str]]] = {
    "accept": ("accept", frozenset({"expert"})),
    "decline": ("decline", frozenset({"expert"})),
    "start": ("start", frozenset({"expert"})),
    "submit-report": ("submit_report", frozenset({"expert"})),
    "validate": ("validate", frozenset({"member"})),
    "return": ("return_report", frozenset({"member"})),
    "rate": ("close", frozenset({"member"})),
    "cancel": ("cancel", frozenset({"member", "agency"})),
}
REASON_ACTIONS = frozenset({"decline", "return", "cancel"})

# What the mission waits for, and from whom, in each state.
NEXT_STEP = {
    Status.PROPOSED: ("expert", _("Accept or decline the mission")),
    Status.ACCEPTED: ("expert", _("Start the mission")),
    Status.IN_PROGRESS: ("expert", _("Submit the report")),
    Status.RETURNED: ("expert", _("Revise and resubmit the report")),
    Status.REPORT_SUBMITTED: ("member", _("Validate or return the report")),
    Status.VALIDATED: ("member", _("Rate the mission")),
}


def engagement_list_for(*, user: User) -> QuerySet[Engagement]:
    """The expert's own missions, those of the user's companies; all for the agency."""
    engagements = Engagement.objects.select_related(
        "request__company", "request__primary_need", "expert"
    )
    if not user.is_authenticated:
        return engagements.none()
    if user.has_role(*AGENCY_ROLES):
        return engagements
    return engagements.filter(
        Q(expert=user) | Q(request__company__in=pme_adapter.companies_of(user))
    )


def engagement_get_for(*, user: User, pk) -> Engagement:
    """One mission the user may see, or NotFound (404) whatever the reason."""
    try:
        return engagement_list_for(user=user).get(pk=int(pk))
    except (Engagement.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None


def engagement_parties(*, user: User, engagement: Engagement) -> set[str]:
    """The parts the user plays in the mission: expert, member, agency."""
    parties = set()
    if is_expert(user, engagement):
        parties.add("expert")
    if is_member(user, engagement):
        parties.add("member")
    if is_agency(user):
        parties.add("agency")
    return parties


def engagement_actions_for(*, user: User, engagement: Engagement) -> list[str]:
    """The actions the state allows and the user's part permits."""
    parties = engagement_parties(user=user, engagement=engagement)
    allowed = []
    for name, (method, who) in ACTIONS.items():
        if parties & who and can_proceed(getattr(engagement, method)):
            allowed.append(name)
    return allowed


def engagement_can_log_session(*, user: User, engagement: Engagement) -> bool:
    return is_expert(user, engagement) and engagement.status in SESSION_STATES


def engagement_next_step(*, user: User, engagement: Engagement) -> str | None:
    """What the mission expects from this user now, or None."""
    step = NEXT_STEP.get(engagement.status)
    if step is None:
        return None
    party, label = step
    if party == "expert" and is_expert(user, engagement):
        return str(label)
    if party == "member" and is_member(user, engagement):
        return str(label)
    return None


def engagement_active_for(*, user: User) -> QuerySet[Engagement]:
    """The user's own missions not over yet, as expert or company member.

    Agency staff are not parties: the dashboard panel shows them nothing.
    """
    mine = Q(expert=user) | Q(request__company__in=pme_adapter.companies_of(user))
    return (
        Engagement.objects.select_related("request__company", "expert")
        .filter(mine, status__in=[*Engagement.ACTIVE_STATES, Status.VALIDATED])
        .order_by("-created_at", "-id")
    )
