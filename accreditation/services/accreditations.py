"""Writes on accreditations: the lifecycle of domain.md §3.

Every transition goes the same way (``_run_transition``):

1. lock the row (``select_for_update``) so that concurrent attempts end with
   one winner and 409s for the others;
2. check the state machine under the lock and raise a specific, translated
   409 when the current state does not allow the action;
3. run the django-fsm transition and save;
4. write one audit row in the same transaction;
5. queue an e-mail to whoever must act next, sent after commit in the
   recipient's language.

Role checks happen before the lock: a refusal for the wrong role costs no lock.
"""

import datetime
import logging
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record, register_action_labels
from core.dates import add_years
from core.errors import DomainError, NotAllowed, NotFound, TransitionNotAllowed
from core.mail import queue_templated_email
from core.models import User
from core.roles import Role
from core.workflow import run_transition

from ..models import Accreditation
from ..selectors import accreditations as selectors

logger = logging.getLogger(__name__)

ACTION_PREFIX = "accreditation.accreditation."
EMAIL_PREFIX = "accreditation/email/accreditation_"


def register_lifecycle_action_labels() -> None:
    """Labels of the audit codes written here (called from AppConfig.ready)."""
    register_action_labels(
        {
            f"{ACTION_PREFIX}suspended": gettext_lazy("Accreditation suspended"),
            f"{ACTION_PREFIX}reinstated": gettext_lazy("Accreditation reinstated"),
            f"{ACTION_PREFIX}revoked": gettext_lazy("Accreditation revoked"),
            f"{ACTION_PREFIX}relinquished": gettext_lazy("Accreditation relinquished"),
            f"{ACTION_PREFIX}renewal_opened": gettext_lazy("Renewal opened"),
            f"{ACTION_PREFIX}renewal_submitted": gettext_lazy("Renewal submitted"),
            f"{ACTION_PREFIX}renewed": gettext_lazy("Accreditation renewed"),
            f"{ACTION_PREFIX}expired": gettext_lazy("Accreditation expired"),
            f"{ACTION_PREFIX}reminder_sent": gettext_lazy("Renewal reminder sent"),
        }
    )


# -- helpers ---------------------------------------------------------------


def _require_reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            message,
            code="reason_required",
            fields={"reason": [_("This field is required.")]},
        )
    return reason


def _require_holder(actor: User, accreditation: Accreditation) -> None:
    if not actor.has_role(Role.CONSULTANT):
        raise NotAllowed(_("Only the holder of the accreditation can do this."))
    if accreditation.consultant_id != actor.pk:
        # Another consultant's accreditation is none of their business: not
        # even its existence is confirmed.
        raise NotFound()


def _deciders() -> list[User]:
    return list(
        User.objects.filter(groups__name=Role.DECIDER, is_active=True).distinct()
    )


def _email(
    *,
    event: str,
    accreditation: Accreditation,
    to: list[User],
    reason: str = "",
    extra: dict | None = None,
) -> None:
    context = {
        "accreditation": accreditation,
        "consultant": accreditation.consultant,
        "domain": accreditation.domain,
        "reason": reason,
        "public_url": settings.NWOW["PUBLIC_URL"].rstrip("/"),
        "site_name": settings.NWOW["SITE_NAME"],
        **(extra or {}),
    }
    for user in to:
        queue_templated_email(
            template_prefix=f"{EMAIL_PREFIX}{event}",
            to=user.email,
            context={**context, "recipient": user},
            language=user.language,
        )


def _run_transition(
    *,
    accreditation: Accreditation,
    actor: User | None,
    event: str,
    method: str,
    refused: str,
    reason: str = "",
    check: Callable[[Accreditation], None] | None = None,
    change: Callable[[Accreditation], None] | None = None,
    notify: Callable[[Accreditation], list[User]] | None = None,
    data: dict | None = None,
) -> Accreditation:
    """core.workflow.run_transition, with the reason kept on the row and the
    e-mail of ``event`` to the users ``notify`` names."""

    def finish(locked: Accreditation) -> None:
        locked.status_reason = reason
        if change is not None:
            change(locked)

    def send(locked: Accreditation) -> None:
        _email(event=event, accreditation=locked, to=notify(locked), reason=reason)

    return run_transition(
        instance=accreditation,
        method=method,
        action=f"{ACTION_PREFIX}{event}",
        actor=actor,
        reason=reason,
        guard=check,
        change=finish,
        notify=[send] if notify is not None else [],
        refused=refused,
        data=data,
    )


def _holder(accreditation: Accreditation) -> list[User]:
    return [accreditation.consultant]


# -- agency actions --------------------------------------------------------


def accreditation_suspend(
    *, actor: User, accreditation: Accreditation, reason: str
) -> Accreditation:
    """Reviewer: suspend an active accreditation (complaint, conflict, …)."""
    if not actor.has_role(Role.REVIEWER):
        raise NotAllowed(_("Only a reviewer can suspend an accreditation."))
    reason = _require_reason(reason, _("Give the reason of the suspension."))

    def change(locked: Accreditation) -> None:
        locked.suspended_by = actor

    return _run_transition(
        accreditation=accreditation,
        actor=actor,
        event="suspended",
        method="suspend",
        refused=_("Only an active accreditation can be suspended; it is %(status)s."),
        reason=reason,
        change=change,
        notify=_holder,
    )


def accreditation_reinstate(
    *, actor: User, accreditation: Accreditation, reason: str = ""
) -> Accreditation:
    """Decider: the cause of the suspension is resolved."""
    if not actor.has_role(Role.DECIDER):
        raise NotAllowed(_("Only a decider can reinstate an accreditation."))

    def change(locked: Accreditation) -> None:
        locked.suspended_by = None

    return _run_transition(
        accreditation=accreditation,
        actor=actor,
        event="reinstated",
        method="reinstate",
        refused=_(
            "Only a suspended accreditation can be reinstated; it is %(status)s."
        ),
        reason=(reason or "").strip(),
        change=change,
        notify=_holder,
    )


def accreditation_revoke(
    *, actor: User, accreditation: Accreditation, reason: str
) -> Accreditation:
    """Decider: proven fraud or ethics breach.

    Four eyes: the decider may not be the reviewer who suspended the
    accreditation (someone holding both roles could otherwise do both steps).
    """
    if not actor.has_role(Role.DECIDER):
        raise NotAllowed(_("Only a decider can revoke an accreditation."))
    reason = _require_reason(reason, _("Give the reason of the revocation."))

    def check(locked: Accreditation) -> None:
        if locked.suspended_by_id == actor.pk:
            raise NotAllowed(
                _(
                    "You suspended this accreditation: another decider must "
                    "decide on its revocation."
                ),
                code="four_eyes",
            )

    return _run_transition(
        accreditation=accreditation,
        actor=actor,
        event="revoked",
        method="revoke",
        refused=_(
            "Only an active or suspended accreditation can be revoked; "
            "it is %(status)s."
        ),
        reason=reason,
        check=check,
        notify=_holder,
    )


def accreditation_renew(
    *,
    actor: User,
    accreditation: Accreditation,
    reason: str = "",
    today: datetime.date | None = None,
) -> Accreditation:
    """Decider: grant a new validity period; the history stays in the audit log.

    The new period starts where the old one ends, or today if the decision
    comes after that, so that no day is covered twice and none is lost.
    """
    if not actor.has_role(Role.DECIDER):
        raise NotAllowed(_("Only a decider can renew an accreditation."))
    today = today or timezone.localdate()
    years = settings.NWOW["ACCREDITATION_VALIDITY_YEARS"]
    previous: dict = {}

    def change(locked: Accreditation) -> None:
        previous.update(
            valid_from=locked.valid_from.isoformat(),
            valid_until=locked.valid_until.isoformat(),
        )
        locked.valid_from = max(locked.valid_until, today)
        locked.valid_until = add_years(locked.valid_from, years)
        locked.reminders_sent = []

    return _run_transition(
        accreditation=accreditation,
        actor=actor,
        event="renewed",
        method="renew",
        refused=_(
            "Only an accreditation whose renewal is under review can be renewed; "
            "it is %(status)s."
        ),
        reason=(reason or "").strip(),
        change=change,
        notify=_holder,
        data={"previous_period": previous},
    )


# -- holder actions --------------------------------------------------------


def accreditation_relinquish(
    *, actor: User, accreditation: Accreditation, reason: str = ""
) -> Accreditation:
    """Consultant: give up one's own active accreditation."""
    _require_holder(actor, accreditation)
    return _run_transition(
        accreditation=accreditation,
        actor=actor,
        event="relinquished",
        method="relinquish",
        refused=_(
            "Only an active accreditation can be relinquished; it is %(status)s."
        ),
        reason=(reason or "").strip(),
        notify=_holder,
    )


def renewal_missing_requirements(
    *,
    accreditation: Accreditation,
    renewal_proof: str = "",
    remediation_plan: str = "",
    today: datetime.date | None = None,
) -> list[str]:
    """What the holder still lacks to ask for renewal, in plain sentences.

    Empty when the renewal can be submitted. Pages show this list before the
    consultant tries, the service refuses with it.
    """
    today = today or timezone.localdate()
    missing = []

    required = settings.NWOW["RENEWAL_CPD_HOURS"]
    since = selectors.accreditation_cycle_start(accreditation)
    hours = selectors.cpd_verified_hours(
        consultant=accreditation.consultant, since=since, until=today
    )
    if hours < required:
        missing.append(
            _(
                "%(hours)s verified continuing-training hours since %(since)s; "
                "%(required)s are required."
            )
            % {
                "hours": f"{float(hours):g}",
                "since": formats.date_format(since, "SHORT_DATE_FORMAT"),
                "required": required,
            }
        )

    missions, rating = selectors.consultant_activity(
        consultant=accreditation.consultant, domain=accreditation.domain
    )
    if missions < 1 and not renewal_proof.strip():
        missing.append(
            _(
                "No completed mission in this domain: describe another proof of "
                "activity."
            )
        )

    minimum = settings.NWOW["RENEWAL_MIN_RATING"]
    if (rating is None or rating < minimum) and not remediation_plan.strip():
        if rating is None:
            message = _(
                "No company has rated your missions yet: a remediation plan is "
                "required (the minimum mean rating is %(minimum)s)."
            ) % {"minimum": minimum}
        else:
            message = _(
                "Your mean rating is %(rating).1f, below the minimum of "
                "%(minimum)s: a remediation plan is required."
            ) % {"rating": rating, "minimum": minimum}
        missing.append(message)
    return missing


def accreditation_submit_renewal(
    *,
    actor: User,
    accreditation: Accreditation,
    renewal_proof: str = "",
    remediation_plan: str = "",
    today: datetime.date | None = None,
) -> Accreditation:
    """Consultant: ask for renewal with continuing training and activity."""
    _require_holder(actor, accreditation)
    renewal_proof = (renewal_proof or "").strip()
    remediation_plan = (remediation_plan or "").strip()

    def check(locked: Accreditation) -> None:
        missing = renewal_missing_requirements(
            accreditation=locked,
            renewal_proof=renewal_proof,
            remediation_plan=remediation_plan,
            today=today,
        )
        if missing:
            raise TransitionNotAllowed(
                " ".join(
                    [
                        _("The renewal cannot be submitted yet."),
                        *[str(m) for m in missing],
                    ]
                ),
                code="renewal_requirements_not_met",
            )

    def change(locked: Accreditation) -> None:
        locked.renewal_proof = renewal_proof
        locked.remediation_plan = remediation_plan

    return _run_transition(
        accreditation=accreditation,
        actor=actor,
        event="renewal_submitted",
        method="submit_renewal",
        refused=_(
            "A renewal can be submitted only while the renewal is open; "
            "the accreditation is %(status)s."
        ),
        check=check,
        change=change,
        notify=lambda locked: _deciders(),
        data={
            "renewal_proof": renewal_proof,
            "remediation_plan": remediation_plan,
        },
    )


# -- system (the daily clock) ----------------------------------------------


def _days_left(accreditation: Accreditation, today: datetime.date) -> int:
    return (accreditation.valid_until - today).days


def _reached_reminders(days_left: int) -> list[int]:
    # Largest first, as the reminders go out: 120, 60, 30.
    return sorted(
        (day for day in settings.NWOW["RENEWAL_REMINDER_DAYS"] if days_left <= day),
        reverse=True,
    )


def accreditation_open_renewal(
    *, accreditation: Accreditation, today: datetime.date
) -> Accreditation:
    """System: the renewal window opens RENEWAL_WINDOW_DAYS before expiry.

    The opening notice tells the holder what is expected and by when, so it
    counts as every reminder already due: the holder gets one mail that day,
    not two.
    """

    def check(locked: Accreditation) -> None:
        if _days_left(locked, today) > settings.NWOW["RENEWAL_WINDOW_DAYS"]:
            raise TransitionNotAllowed(
                _("The renewal window of this accreditation is not open yet.")
            )

    def change(locked: Accreditation) -> None:
        locked.reminders_sent = _reached_reminders(_days_left(locked, today))

    return _run_transition(
        accreditation=accreditation,
        actor=None,
        event="renewal_opened",
        method="open_renewal",
        refused=_("Only an active accreditation can enter renewal; it is %(status)s."),
        check=check,
        change=change,
        notify=_holder,
    )


def accreditation_expire(
    *, accreditation: Accreditation, today: datetime.date
) -> Accreditation:
    """System: the validity ended without renewal (missions may finish)."""

    def check(locked: Accreditation) -> None:
        if locked.valid_until >= today:
            raise TransitionNotAllowed(_("This accreditation is still valid."))

    return _run_transition(
        accreditation=accreditation,
        actor=None,
        event="expired",
        method="expire",
        refused=_("Only an accreditation in renewal can expire; it is %(status)s."),
        check=check,
        notify=_holder,
    )


def accreditation_remind(
    *, accreditation: Accreditation, today: datetime.date
) -> int | None:
    """System: send the renewal reminder due today, once per threshold and cycle.

    Returns the threshold (days before expiry) reminded, or None. When the
    clock missed days and several thresholds are due, one mail goes out (the
    most urgent) and all of them are recorded.
    """
    with transaction.atomic():
        locked = (
            Accreditation.objects.select_for_update(of=("self",))
            .select_related("consultant", "domain")
            .get(pk=accreditation.pk)
        )
        days_left = _days_left(locked, today)
        if locked.status != Accreditation.Status.RENEWAL_OPEN or days_left < 0:
            return None
        due = [
            d for d in _reached_reminders(days_left) if d not in locked.reminders_sent
        ]
        if not due:
            return None

        threshold = min(due)
        locked.reminders_sent = sorted({*locked.reminders_sent, *due}, reverse=True)
        locked.save(update_fields=["reminders_sent"])
        audit_record(
            action=f"{ACTION_PREFIX}reminder_sent",
            obj=locked,
            from_state=locked.status,
            to_state=locked.status,
            data={"days_before_expiry": threshold, "days_left": days_left},
        )
        _email(
            event="reminder_sent",
            accreditation=locked,
            to=_holder(locked),
            extra={"days_left": days_left},
        )
    logger.info("Accreditation %s: renewal reminder (%s days)", locked.pk, threshold)
    return threshold
