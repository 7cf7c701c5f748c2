"""Shared by the mission services: who is who, clean input, e-mails.

The expert is ``engagement.expert``; the company's members are its pme
memberships; the agency (reviewer, decider, admin) reads every mission.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils.translation import gettext as _

from core.errors import DomainError, NotAllowed
from core.mail import queue_templated_email
from core.models import User
from core.roles import AGENCY_ROLES
from pme.selectors.companies import member_list

from .. import pme_adapter
from ..models import Engagement

# -- who is who ---------------------------------------------------------------


def is_expert(user: User, engagement: Engagement) -> bool:
    return user.is_authenticated and engagement.expert_id == user.pk


def is_member(user: User, engagement: Engagement) -> bool:
    company_id = engagement.request.company_id
    return pme_adapter.companies_of(user).filter(pk=company_id).exists()


def is_agency(user: User) -> bool:
    return user.is_authenticated and user.has_role(*AGENCY_ROLES)


def require_expert(engagement: Engagement, user: User) -> None:
    if not is_expert(user, engagement):
        raise NotAllowed(_("Only the expert of this mission can do this."))


def require_member(engagement: Engagement, user: User) -> None:
    if not is_member(user, engagement):
        raise NotAllowed(_("Only a member of the company can do this."))


def require_member_or_agency(engagement: Engagement, user: User) -> None:
    if not (is_member(user, engagement) or is_agency(user)):
        raise NotAllowed(_("Only the company or the agency can do this."))


# -- input ----------------------------------------------------------------------


def _required_text(value: str, field: str, hint: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(
            _("Some required fields are empty."),
            code="required",
            fields={field: [hint]},
        )
    return value


def required_reason(reason: str) -> str:
    return _required_text(
        reason, "reason", _("Explain why; the other party will read it.")
    )


def nwow(key: str):
    return settings.NWOW[key]


# -- e-mails to whoever acts next ------------------------------------------------


def _mission_url(engagement: Engagement) -> str:
    base = nwow("PUBLIC_URL").rstrip("/")
    return f"{base}/matching/missions/{engagement.pk}/"


def mail(engagement: Engagement, recipients: Iterable[User], kind: str) -> None:
    """One e-mail per recipient, rendered in the recipient's language."""
    for user in recipients:
        if not user.is_active or not user.email:
            continue
        queue_templated_email(
            template_prefix=f"matching/email/engagement_{kind}",
            to=user.email,
            language=user.language,
            context={
                "engagement": engagement,
                "expert_request": engagement.request,
                "company": engagement.request.company,
                "recipient": user,
                "url": _mission_url(engagement),
            },
        )


def _members(engagement: Engagement) -> list[User]:
    return [m.user for m in member_list(engagement.request.company)]


def notify_expert(engagement: Engagement) -> None:
    mail(engagement, [engagement.expert], "status")


def notify_company(engagement: Engagement) -> None:
    mail(engagement, _members(engagement), "status")


def notify_all_but(actor: User) -> Callable[[Engagement], None]:
    def notify(engagement: Engagement) -> None:
        people = [engagement.expert, *_members(engagement)]
        mail(engagement, [p for p in people if p.pk != actor.pk], "status")

    return notify
