"""The club of liberated companies: apply, accept or reject, leave.

A member of a company applies for it; editors and admins decide. A company
has at most one live application or membership (a database constraint backs
the check); after a rejection or leaving, it may apply again.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.errors import NotAllowed, NotFound, TransitionNotAllowed
from core.models import User
from core.workflow import run_transition
from pme.models import Company
from pme.selectors.companies import member_list

from ..models import ClubMembership
from ..selectors import company_ids_of, is_events_staff
from .common import absolute_url, mail, require_staff, required_text

Status = ClubMembership.Status


def _members_of(company: Company) -> list[User]:
    return [membership.user for membership in member_list(company)]


def _notify_company(membership: ClubMembership) -> None:
    mail(
        template="club_decision",
        recipients=_members_of(membership.company),
        context={"membership": membership, "url": absolute_url("events:club")},
    )


def club_apply(
    *, user: User, company: Company, motivation: str, changes: str = ""
) -> ClubMembership:
    """A member of ``company`` applies for it to join the club."""
    if company.pk not in company_ids_of(user):
        # Another company's business: as if it did not exist.
        raise NotFound()
    motivation = required_text(
        motivation,
        "motivation",
        _("Tell the club why your company wants to join."),
    )

    with transaction.atomic():
        live = ClubMembership.objects.filter(
            company=company, status__in=ClubMembership.LIVE_STATES
        )
        current = live.first()
        if current is not None:
            raise TransitionNotAllowed(
                _("%(company)s is already “%(status)s” in the club.")
                % {"company": company.name, "status": current.get_status_display()},
                code="already_applied",
            )
        membership = ClubMembership(
            company=company,
            motivation=motivation,
            changes=(changes or "").strip(),
            applied_by=user,
        )
        try:
            with transaction.atomic():
                membership.save()
        except IntegrityError:
            # Two members applying at the same instant: one application wins.
            raise TransitionNotAllowed(
                _("This company has already applied to the club."),
                code="already_applied",
            ) from None
        audit_record(
            action="events.club.applied",
            actor=user,
            obj=membership,
            to_state=membership.status,
        )
    return membership


def _decide(
    *, actor: User, membership: ClubMembership, method: str, verb: str, reason: str
) -> ClubMembership:
    def change(locked: ClubMembership) -> None:
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decision_reason = reason

    return run_transition(
        instance=membership,
        method=method,
        action=f"events.club.{verb}",
        actor=actor,
        reason=reason,
        authorize=lambda _m: require_staff(actor),
        change=change,
        notify=[_notify_company],
        refused=_("This application is already “%(status)s”."),
    )


def club_accept(
    *, actor: User, membership: ClubMembership, reason: str = ""
) -> ClubMembership:
    return _decide(
        actor=actor,
        membership=membership,
        method="accept",
        verb="accepted",
        reason=(reason or "").strip(),
    )


def club_reject(
    *, actor: User, membership: ClubMembership, reason: str
) -> ClubMembership:
    reason = required_text(
        reason, "reason", _("Explain why; the company will read it.")
    )
    return _decide(
        actor=actor,
        membership=membership,
        method="reject",
        verb="rejected",
        reason=reason,
    )


def club_leave(
    *, user: User, membership: ClubMembership, reason: str = ""
) -> ClubMembership:
    """A member of the company (or the staff) ends its membership."""

    def authorize(locked: ClubMembership) -> None:
        if locked.company_id not in company_ids_of(user) and not is_events_staff(user):
            raise NotAllowed(_("Only a member of the company can do this."))

    def change(locked: ClubMembership) -> None:
        locked.left_at = timezone.now()

    return run_transition(
        instance=membership,
        method="leave",
        action="events.club.left",
        actor=user,
        reason=(reason or "").strip(),
        authorize=authorize,
        change=change,
        refused=_(
            "Only a member company can leave the club; this one is “%(status)s”."
        ),
    )
