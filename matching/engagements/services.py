"""The mission workflow (issue #5, "Missions").

Every status change goes through ``core.workflow.run_transition``: it locks
the row, checks who may act (403), that the state allows the action (409,
naming the state), the guards, runs the django-fsm transition, writes one
audit row ``matching.engagement.<event>`` in the same transaction and queues
the e-mail to whoever acts next, sent after commit in their own language.

Who is who: the expert is ``engagement.expert``; the company's members are
its pme memberships; the agency (reviewer, decider, admin) reads every
mission and may cancel one, nothing else.
"""

import datetime
import logging
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record, register_action_labels
from core.dates import add_working_days
from core.errors import DomainError, NotAllowed, NotFound, TransitionNotAllowed
from core.models import User
from core.workflow import run_transition
from pme.models import Assessment

from .. import pme_adapter
from ..models import Engagement, ExpertRequest, Proposal, Rating, WorkingSession
from .common import (
    is_agency,
    is_expert,
    is_member,
    mail,
    notify_all_but,
    notify_company,
    notify_expert,
    nwow,
    require_expert,
    require_member,
    require_member_or_agency,
    required_reason,
)

logger = logging.getLogger(__name__)

Status = Engagement.Status

# The expert may log working sessions while the mission runs.
SESSION_STATES = (Status.ACCEPTED, Status.IN_PROGRESS, Status.RETURNED)
# The outcome is measured once the company accepted the report.
OUTCOME_STATES = (Status.VALIDATED, Status.CLOSED)
SESSION_HOURS_RANGE = (Decimal("0.5"), Decimal("12"))

ACTION_LABELS = {
    "matching.engagement.chosen": gettext_lazy("Expert chosen: mission proposed"),
    "matching.engagement.accepted": gettext_lazy("Mission accepted"),
    "matching.engagement.declined": gettext_lazy("Mission declined"),
    "matching.engagement.started": gettext_lazy("Mission started"),
    "matching.engagement.report_submitted": gettext_lazy("Report submitted"),
    "matching.engagement.validated": gettext_lazy("Report validated"),
    "matching.engagement.returned": gettext_lazy("Report returned"),
    "matching.engagement.rated": gettext_lazy("Mission rated and closed"),
    "matching.engagement.cancelled": gettext_lazy("Mission cancelled"),
    "matching.engagement.session_logged": gettext_lazy("Working session logged"),
    "matching.engagement.outcome_recorded": gettext_lazy("Maturity gain recorded"),
}


def register_engagement_action_labels() -> None:
    register_action_labels(ACTION_LABELS)


# -- the one way a status changes -------------------------------------------------


def sync_request_status(engagement: Engagement) -> None:
    """Keep the request's status in step with its mission, in the same
    transaction: a live mission takes the request off the market, a declined
    or cancelled one puts it back, a closed one closes it."""
    Status = ExpertRequest.Status
    if engagement.status == Engagement.Status.CLOSED:
        status = Status.CLOSED
    elif engagement.status in (
        Engagement.Status.DECLINED,
        Engagement.Status.CANCELLED,
    ):
        status = Status.OPEN
    else:
        status = Status.MATCHED
    ExpertRequest.objects.filter(pk=engagement.request_id).exclude(
        status=Status.WITHDRAWN
    ).update(status=status)


def _transition(
    *,
    engagement: Engagement,
    actor: User,
    method: str,
    event: str,
    authorize: Callable[[Engagement], None],
    reason: str = "",
    guard: Callable[[Engagement], None] | None = None,
    change: Callable[[Engagement], None] | None = None,
    after: Callable[[Engagement], None] | None = None,
    notify: Iterable[Callable[[Engagement], None]] = (),
    data: dict | None = None,
) -> Engagement:
    def after_all(locked: Engagement) -> None:
        if after is not None:
            after(locked)
        sync_request_status(locked)

    locked = run_transition(
        instance=engagement,
        method=method,
        action=f"matching.engagement.{event}",
        actor=actor,
        reason=reason,
        authorize=authorize,
        guard=guard,
        change=change,
        after=after_all,
        notify=notify,
        refused=_("This action is not possible while the mission is “%(status)s”."),
        data=data,
    )
    return locked


# -- choosing an expert ---------------------------------------------------------


def _expert_user(expert) -> User:
    try:
        return User.objects.get(pk=int(getattr(expert, "pk", expert)), is_active=True)
    except (User.DoesNotExist, TypeError, ValueError):
        raise DomainError(
            _("Unknown expert."),
            code="invalid",
            fields={"expert": [_("Choose one of the proposed experts.")]},
        ) from None


def engagement_choose(
    *, user: User, request: ExpertRequest, expert: User | int
) -> Engagement:
    """A member of the company chooses an expert: a mission in ``proposed``.

    The expert must pass the ranking's hard filters at this moment; a request
    has at most one live mission (a database constraint backs the check).
    """
    # Imported here: the ranking engine loads NumPy arrays we do not need
    # for any other action of this module.
    from matching.ranking.engine import passes_filters

    # 1. Who: the company's members only; the agency reads but never chooses.
    if not pme_adapter.companies_of(user).filter(pk=request.company_id).exists():
        if is_agency(user):
            raise NotAllowed(_("Only a member of the company can choose an expert."))
        raise NotFound()
    expert_user = _expert_user(expert)

    with transaction.atomic():
        # 2. Lock the request: concurrent choices queue here, the second then
        # sees the first mission and gets a 409.
        locked = ExpertRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status == ExpertRequest.Status.MATCHED:
            raise TransitionNotAllowed(
                _("This request already has a live mission."),
                code="engagement_exists",
            )
        if locked.status != ExpertRequest.Status.OPEN:
            raise TransitionNotAllowed(
                _("An expert can only be chosen for an open request, not “%(status)s”.")
                % {"status": locked.get_status_display()}
            )
        live = (
            Engagement.objects.filter(request=locked)
            .exclude(status__in=[Status.DECLINED, Status.CANCELLED])
            .first()
        )
        if live is not None:
            raise TransitionNotAllowed(
                _("This request already has a mission in the state “%(status)s”.")
                % {"status": live.get_status_display()},
                code="engagement_exists",
            )

        # 3. The hard filters, as the ranking applies them.
        ok, failing = passes_filters(locked, expert_user.pk)
        if not ok:
            raise TransitionNotAllowed(
                _(
                    "This expert does not meet the conditions of the request "
                    "(%(reason)s)."
                )
                % {"reason": failing or "?"},
                code="expert_not_eligible",
                fields={"expert": [failing or ""]},
            )

        # 4. The mission, the proposal marked, one audit row, the expert told.
        proposal = Proposal.objects.filter(request=locked, expert=expert_user).first()
        try:
            with transaction.atomic():
                engagement = Engagement.objects.create(
                    request=locked, expert=expert_user, proposal=proposal
                )
        except IntegrityError:
            raise TransitionNotAllowed(
                _("This request already has a live mission."),
                code="engagement_exists",
            ) from None
        if proposal is not None:
            Proposal.objects.filter(pk=proposal.pk).update(chosen=True)
        sync_request_status(engagement)
        audit_record(
            action="matching.engagement.chosen",
            actor=user,
            obj=engagement,
            to_state=engagement.status,
            data={"request": locked.pk, "expert": expert_user.pk},
        )
        mail(engagement, [expert_user], "proposed")
    logger.info(
        "Engagement %s: expert %s chosen for request %s",
        engagement.pk,
        expert_user.pk,
        locked.pk,
    )
    return engagement


# -- the expert's actions ----------------------------------------------------------


def engagement_accept(*, user: User, engagement: Engagement) -> Engagement:
    return _transition(
        engagement=engagement,
        actor=user,
        method="accept",
        event="accepted",
        authorize=lambda e: require_expert(e, user),
        notify=[notify_company],
    )


def engagement_decline(
    *, user: User, engagement: Engagement, reason: str = ""
) -> Engagement:
    reason = required_reason(reason)

    def record(locked: Engagement) -> None:
        locked.status_reason = reason

    return _transition(
        engagement=engagement,
        actor=user,
        method="decline",
        event="declined",
        reason=reason,
        authorize=lambda e: require_expert(e, user),
        change=record,
        notify=[notify_company],
    )


def engagement_start(
    *, user: User, engagement: Engagement, started_on: datetime.date | None = None
) -> Engagement:
    today = timezone.localdate()
    started_on = started_on or today
    if started_on > today:
        raise DomainError(
            _("A mission cannot start in the future."),
            fields={"started_on": [_("Give today's date or an earlier one.")]},
        )

    def record(locked: Engagement) -> None:
        locked.started_on = started_on

    return _transition(
        engagement=engagement,
        actor=user,
        method="start",
        event="started",
        authorize=lambda e: require_expert(e, user),
        change=record,
        notify=[notify_company],
        data={"started_on": started_on.isoformat()},
    )


def engagement_submit_report(
    *,
    user: User,
    engagement: Engagement,
    summary: str = "",
    recommendations: str = "",
    action_plan: str = "",
) -> Engagement:
    """The report; the company then has N working days to validate it."""
    fields = {
        "summary": (summary or "").strip(),
        "recommendations": (recommendations or "").strip(),
        "action_plan": (action_plan or "").strip(),
    }
    missing = {
        name: [_("This field is required.")] for name, v in fields.items() if not v
    }
    if missing:
        raise DomainError(
            _("The report needs a summary, recommendations and an action plan."),
            code="required",
            fields=missing,
        )
    now = timezone.now()
    due = add_working_days(
        timezone.localdate(now), nwow("REPORT_VALIDATION_WORKING_DAYS")
    )

    def record(locked: Engagement) -> None:
        locked.report_summary = fields["summary"]
        locked.report_recommendations = fields["recommendations"]
        locked.action_plan = fields["action_plan"]
        locked.report_submitted_at = now
        locked.validation_due = due
        locked.status_reason = ""

    return _transition(
        engagement=engagement,
        actor=user,
        method="submit_report",
        event="report_submitted",
        authorize=lambda e: require_expert(e, user),
        change=record,
        notify=[notify_company],
        data={"validation_due": due.isoformat()},
    )


# -- the company's actions -----------------------------------------------------------


def engagement_validate(*, user: User, engagement: Engagement) -> Engagement:
    def record(locked: Engagement) -> None:
        locked.validated_at = timezone.now()

    return _transition(
        engagement=engagement,
        actor=user,
        method="validate",
        event="validated",
        authorize=lambda e: require_member(e, user),
        change=record,
        notify=[notify_expert],
    )


def engagement_return(
    *, user: User, engagement: Engagement, reason: str = ""
) -> Engagement:
    reason = required_reason(reason)

    def record(locked: Engagement) -> None:
        locked.status_reason = reason
        locked.validation_due = None

    return _transition(
        engagement=engagement,
        actor=user,
        method="return_report",
        event="returned",
        reason=reason,
        authorize=lambda e: require_member(e, user),
        change=record,
        notify=[notify_expert],
    )


def engagement_rate(
    *, user: User, engagement: Engagement, score: int, comment: str = ""
) -> Engagement:
    """Rate once, after validation; the rating closes the mission."""
    if not isinstance(score, int) or not 1 <= score <= 5:
        raise DomainError(
            _("The score goes from 1 to 5."),
            fields={"score": [_("Give a whole number from 1 to 5.")]},
        )
    comment = (comment or "").strip()

    def once(locked: Engagement) -> None:
        if Rating.objects.filter(engagement=locked).exists():
            raise TransitionNotAllowed(
                _("This mission is already rated."), code="already_rated"
            )

    def record(locked: Engagement) -> None:
        locked.closed_at = timezone.now()

    def rate(locked: Engagement) -> None:
        Rating.objects.create(
            engagement=locked, score=score, comment=comment, rated_by=user
        )

    return _transition(
        engagement=engagement,
        actor=user,
        method="close",
        event="rated",
        authorize=lambda e: require_member(e, user),
        guard=once,
        change=record,
        after=rate,
        notify=[notify_expert],
        data={"score": score},
    )


def engagement_cancel(
    *, user: User, engagement: Engagement, reason: str = ""
) -> Engagement:
    reason = required_reason(reason)

    def record(locked: Engagement) -> None:
        locked.status_reason = reason

    return _transition(
        engagement=engagement,
        actor=user,
        method="cancel",
        event="cancelled",
        reason=reason,
        authorize=lambda e: require_member_or_agency(e, user),
        change=record,
        notify=[notify_all_but(user)],
    )


# -- working sessions ---------------------------------------------------------------


def _clean_session(date, hours, topic) -> tuple[Decimal, str]:
    errors: dict[str, list[str]] = {}
    if date is None:
        errors["date"] = [_("This field is required.")]
    elif date > timezone.localdate():
        errors["date"] = [_("A session cannot be logged in the future.")]
    try:
        hours = Decimal(str(hours))
    except (InvalidOperation, TypeError, ValueError):
        hours = None
    low, high = SESSION_HOURS_RANGE
    if hours is None or not low <= hours <= high:
        errors["hours"] = [
            _("Between %(low)s and %(high)s hours.") % {"low": low, "high": high}
        ]
    topic = (topic or "").strip()
    if not topic:
        errors["topic"] = [_("Name the topic of the session.")]
    if errors:
        raise DomainError(_("Some fields are invalid."), fields=errors)
    return hours, topic


def session_log(
    *,
    user: User,
    engagement: Engagement,
    date: datetime.date,
    hours,
    topic: str,
    notes: str = "",
) -> WorkingSession:
    """The expert logs a working session while the mission runs."""
    if not is_expert(user, engagement):
        raise NotAllowed(_("Only the expert of this mission can log a session."))
    hours, topic = _clean_session(date, hours, topic)

    with transaction.atomic():
        # The lock keeps a session from slipping in beside a status change.
        locked = Engagement.objects.select_for_update(of=("self",)).get(
            pk=engagement.pk
        )
        if locked.status not in SESSION_STATES:
            raise TransitionNotAllowed(
                _("Sessions cannot be logged while the mission is “%(status)s”.")
                % {"status": locked.get_status_display()}
            )
        session = WorkingSession.objects.create(
            engagement=locked,
            date=date,
            hours=hours,
            topic=topic[:200],
            notes=(notes or "").strip(),
            logged_by=user,
        )
        audit_record(
            action="matching.engagement.session_logged",
            actor=user,
            obj=locked,
            data={"session": session.pk, "date": date.isoformat(), "hours": str(hours)},
        )
    return session


# -- the measured outcome -------------------------------------------------------------


def maturity_gain(before: dict, after: dict) -> dict[str, float]:
    """After minus before, for the dimensions scored in both scans."""
    gain = {}
    for code in sorted(set(before) & set(after)):
        if before[code] is None or after[code] is None:
            continue
        gain[code] = round(float(after[code]) - float(before[code]), 1)
    return gain


def _mission_start(engagement: Engagement) -> datetime.datetime:
    if engagement.started_on is None:
        return engagement.created_at
    midnight = datetime.datetime.combine(engagement.started_on, datetime.time.min)
    return timezone.make_aware(midnight)


def outcome_record(
    *, engagement: Engagement, scan_after: Assessment, actor: User | None = None
) -> Engagement:
    """Store the second scan and the gain per dimension against the first."""
    with transaction.atomic():
        locked = (
            Engagement.objects.select_for_update(of=("self",))
            .select_related("request__assessment")
            .get(pk=engagement.pk)
        )
        if locked.status not in OUTCOME_STATES:
            raise TransitionNotAllowed(
                _("The outcome is measured after validation, not “%(status)s”.")
                % {"status": locked.get_status_display()}
            )
        before = locked.request.assessment
        if (
            scan_after.company_id != locked.request.company_id
            or scan_after.taken_at < _mission_start(locked)
            or scan_after.taken_at <= before.taken_at
        ):
            raise DomainError(
                _(
                    "The second scan must be of the same company, taken after "
                    "the mission started."
                ),
                code="invalid_scan",
                fields={"scan_after": [_("Take a new scan of the company.")]},
            )

        locked.scan_after = scan_after
        locked.outcome = maturity_gain(
            before.dimension_scores or {}, scan_after.dimension_scores or {}
        )
        locked.save(update_fields=["scan_after", "outcome"])
        audit_record(
            action="matching.engagement.outcome_recorded",
            actor=actor,
            obj=locked,
            data={"scan_after": scan_after.pk, "outcome": locked.outcome},
        )
    return locked


def engagement_latest_scan(engagement: Engagement) -> Assessment | None:
    """The company's latest completed scan newer than the request's, if any."""
    scan = pme_adapter.latest_scan(engagement.request.company)
    before = engagement.request.assessment
    if scan is None or scan.taken_at <= before.taken_at:
        return None
    if scan.taken_at < _mission_start(engagement):
        return None
    return scan


def engagement_attach_latest_scan(*, user: User, engagement: Engagement) -> Engagement:
    """A member attaches the company's new scan as the mission's outcome."""
    if not is_member(user, engagement):
        raise NotAllowed(_("Only a member of the company can do this."))
    scan = engagement_latest_scan(engagement)
    if scan is None:
        raise TransitionNotAllowed(
            _("Take a new maturity scan of the company first."),
            code="scan_required",
        )
    return outcome_record(engagement=engagement, scan_after=scan, actor=user)
