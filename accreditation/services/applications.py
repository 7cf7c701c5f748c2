"""The accreditation application workflow (domain.md §2).

Every transition goes through ``_transition``: it locks the row, checks who
may act (403), that the state allows the action (409), and the guards (409
with the list of what is missing), runs the django-fsm transition, sets the
due date of the new state, writes one audit row in the same transaction and
queues the e-mails to whoever must act next, sent after commit.
"""

import datetime
import logging
from collections.abc import Callable, Iterable

from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import register_action_labels
from core.dates import add_working_days, add_years
from core.errors import DomainError, NotAllowed, TransitionNotAllowed
from core.mail import queue_templated_email
from core.models import Need, User
from core.roles import Role
from core.workflow import run_transition

from ..models import Accreditation, Application
from ..selectors.applications import (
    application_checklist,
    application_conflicting_domains,
    domain_quota_reached,
)
from .common import (
    nwow,
    require_owner,
    require_role,
    required_reason,
)

logger = logging.getLogger(__name__)

Status = Application.Status

ACTION_LABELS = {
    "accreditation.application.created": gettext_lazy("Application created"),
    "accreditation.application.submitted": gettext_lazy("Application submitted"),
    "accreditation.application.changes_requested": gettext_lazy("Changes requested"),
    "accreditation.application.resubmitted": gettext_lazy("Application resubmitted"),
    "accreditation.application.abandoned": gettext_lazy("Application abandoned"),
    "accreditation.application.accepted": gettext_lazy("Review started"),
    "accreditation.application.training_required": gettext_lazy("Training required"),
    "accreditation.application.training_completed": gettext_lazy("Training completed"),
    "accreditation.application.interview_scheduled": gettext_lazy(
        "Interview scheduled"
    ),
    "accreditation.application.interviewed": gettext_lazy("Interview recorded"),
    "accreditation.application.recommended": gettext_lazy("Recommendation made"),
    "accreditation.application.approved": gettext_lazy("Application approved"),
    "accreditation.application.rejected": gettext_lazy("Application rejected"),
    "accreditation.application.withdrawn": gettext_lazy("Application withdrawn"),
    "accreditation.application.appealed": gettext_lazy("Rejection appealed"),
    "accreditation.application.appeal_upheld": gettext_lazy(
        "Appeal upheld: back to review"
    ),
    "accreditation.application.appeal_rejected": gettext_lazy("Appeal rejected: final"),
    "accreditation.application.document_added": gettext_lazy("Document added"),
    "accreditation.application.document_removed": gettext_lazy("Document removed"),
    "accreditation.application.reference_added": gettext_lazy(
        "Reference mission added"
    ),
}


def register_application_action_labels() -> None:
    register_action_labels(ACTION_LABELS)


# -- who may act -----------------------------------------------------------


# -- due dates and notifications --------------------------------------------


def _due_date_for(status: str, today: datetime.date) -> datetime.date | None:
    days = nwow("APPLICATION_SLA_WORKING_DAYS").get(status)
    return add_working_days(today, days) if days else None


def _users_with_role(role: Role) -> Iterable[User]:
    return Group.objects.get(name=role.value).user_set.filter(is_active=True)


def _notify(application: Application, *, recipients: Iterable[User], kind: str):
    """Queue one e-mail per recipient, each rendered in their own language."""
    base = nwow("PUBLIC_URL").rstrip("/")
    for user in recipients:
        queue_templated_email(
            template_prefix=f"accreditation/email/application_{kind}",
            to=user.email,
            language=user.language,
            context={
                "application": application,
                "recipient": user,
                "url": f"{base}/accreditation/applications/{application.pk}/",
            },
        )


def _notify_applicant(application: Application) -> None:
    _notify(application, recipients=[application.consultant], kind="status")


def _notify_role(role: Role) -> Callable[[Application], None]:
    def notify(application: Application) -> None:
        _notify(application, recipients=_users_with_role(role), kind="action_needed")

    return notify


# -- the one way a status changes ---------------------------------------------


def _transition(
    *,
    application: Application,
    actor: User | None,
    method: str,
    action: str,
    reason: str = "",
    authorize: Callable[[Application], None] | None = None,
    guard: Callable[[Application], None] | None = None,
    change: Callable[[Application], None] | None = None,
    after: Callable[[Application], None] | None = None,
    notify: Iterable[Callable[[Application], None]] = (),
    data: dict | None = None,
) -> Application:
    """core.workflow.run_transition, plus the due date of the new state."""

    def finish(locked: Application) -> None:
        if change is not None:
            change(locked)
        # An incomplete file keeps the due date the reviewer gave it.
        if locked.status != Status.INCOMPLETE:
            locked.due_date = _due_date_for(locked.status, timezone.localdate())

    return run_transition(
        instance=application,
        method=method,
        action=f"accreditation.application.{action}",
        actor=actor,
        reason=reason,
        authorize=authorize,
        guard=guard,
        change=finish,
        after=after,
        notify=notify,
        refused=_("This action is not possible while the application is “%(status)s”."),
        data=data,
    )


# -- guards ---------------------------------------------------------------


def _missing_items(application: Application, *, with_conflicts: bool) -> list[str]:
    missing = [
        str(item.label) for item in application_checklist(application) if not item.done
    ]
    if with_conflicts:
        conflicts = application_conflicting_domains(application)
        if conflicts:
            missing.append(
                _("no other open application for %(domains)s")
                % {"domains": ", ".join(conflicts)}
            )
    return missing


def _guard_sendable(application: Application) -> None:
    """Everything the submit guard of domain.md §2 asks for."""
    missing = _missing_items(application, with_conflicts=True)
    if missing:
        raise TransitionNotAllowed(
            _("The file cannot be sent yet. Still missing: %(items)s.")
            % {"items": "; ".join(missing)},
            code="application_incomplete",
            fields={"missing": missing},
        )


def _guard_checklist(application: Application) -> None:
    """The completeness checklist the reviewer accepts before the review."""
    missing = _missing_items(application, with_conflicts=False)
    if missing:
        raise TransitionNotAllowed(
            _("The file is not complete: %(items)s.") % {"items": "; ".join(missing)},
            code="application_incomplete",
            fields={"missing": missing},
        )


# -- transitions ------------------------------------------------------------


def application_submit(*, application: Application, actor: User) -> Application:
    def stamp(locked: Application) -> None:
        locked.submitted_at = timezone.now()

    return _transition(
        application=application,
        actor=actor,
        method="submit",
        action="submitted",
        authorize=lambda a: require_owner(a, actor),
        guard=_guard_sendable,
        change=stamp,
        notify=[_notify_role(Role.REVIEWER)],
    )


def application_request_changes(
    *,
    application: Application,
    actor: User,
    reason: str = "",
    due_date: datetime.date | None = None,
) -> Application:
    reason = required_reason(reason)
    today = timezone.localdate()
    due = due_date or today + datetime.timedelta(days=nwow("INCOMPLETE_DUE_DAYS"))
    if due <= today:
        raise DomainError(
            _("The due date must be in the future."),
            fields={"due_date": [_("Give the applicant time to complete the file.")]},
        )

    def record(locked: Application) -> None:
        locked.changes_requested = reason
        locked.due_date = due

    return _transition(
        application=application,
        actor=actor,
        method="request_changes",
        action="changes_requested",
        reason=reason,
        authorize=lambda a: require_role(actor, Role.REVIEWER),
        change=record,
        notify=[_notify_applicant],
        data={"due_date": due.isoformat()},
    )


def application_resubmit(*, application: Application, actor: User) -> Application:
    def before_due(locked: Application) -> None:
        if locked.due_date and timezone.localdate() > locked.due_date:
            raise TransitionNotAllowed(
                _("The due date (%(date)s) has passed: the file can no longer be sent.")
                % {"date": locked.due_date.isoformat()},
                code="due_date_passed",
            )
        _guard_sendable(locked)

    def stamp(locked: Application) -> None:
        locked.submitted_at = timezone.now()

    return _transition(
        application=application,
        actor=actor,
        method="resubmit",
        action="resubmitted",
        authorize=lambda a: require_owner(a, actor),
        guard=before_due,
        change=stamp,
        notify=[_notify_role(Role.REVIEWER)],
    )


def application_abandon_overdue(*, today: datetime.date) -> list[int]:
    """Abandon incomplete files whose due date has passed (the daily clock)."""
    overdue = Application.objects.filter(
        status=Status.INCOMPLETE, due_date__lt=today
    ).values_list("pk", flat=True)
    abandoned = []
    for pk in list(overdue):
        application = Application.objects.get(pk=pk)
        try:
            _transition(
                application=application,
                actor=None,
                method="abandon",
                action="abandoned",
                reason=_("The due date passed without the requested changes."),
                notify=[_notify_applicant],
            )
        except TransitionNotAllowed:
            continue  # resubmitted meanwhile: nothing to do
        abandoned.append(pk)
    return abandoned


def application_accept(*, application: Application, actor: User) -> Application:
    return _transition(
        application=application,
        actor=actor,
        method="accept",
        action="accepted",
        authorize=lambda a: require_role(actor, Role.REVIEWER),
        guard=_guard_checklist,
        notify=[_notify_applicant],
    )


def application_require_training(
    *, application: Application, actor: User, programme, reason: str = ""
) -> Application:
    if programme is None or not programme.is_published:
        raise DomainError(
            _("Choose a published training programme."),
            fields={"programme": [_("Choose a published training programme.")]},
        )

    def prescribe(locked: Application) -> None:
        locked.prescribed_programme = programme

    return _transition(
        application=application,
        actor=actor,
        method="require_training",
        action="training_required",
        reason=reason,
        authorize=lambda a: require_role(actor, Role.REVIEWER),
        change=prescribe,
        notify=[_notify_applicant],
        data={"programme": programme.pk},
    )


def application_complete_training(*, application: Application) -> Application:
    """System: the prescribed programme was certified; the review resumes."""
    return _transition(
        application=application,
        actor=None,
        method="complete_training",
        action="training_completed",
        notify=[_notify_applicant, _notify_role(Role.REVIEWER)],
    )


def on_certification_issued(sender, certification, **kwargs) -> None:
    """Resume every file of the holder that waited for this programme."""
    waiting = Application.objects.filter(
        consultant_id=certification.consultant_id,
        status=Status.TRAINING_REQUIRED,
        prescribed_programme_id=certification.programme_id,
    )
    for application in waiting:
        application_complete_training(application=application)


def application_schedule_interview(
    *, application: Application, actor: User, at: datetime.datetime
) -> Application:
    if at <= timezone.now():
        raise DomainError(
            _("The interview must be planned in the future."),
            fields={"at": [_("Choose a future date and time.")]},
        )

    def plan(locked: Application) -> None:
        locked.interview_at = at

    return _transition(
        application=application,
        actor=actor,
        method="schedule_interview",
        action="interview_scheduled",
        authorize=lambda a: require_role(actor, Role.REVIEWER),
        change=plan,
        notify=[_notify_applicant],
        data={"at": at.isoformat()},
    )


def application_record_interview(
    *, application: Application, actor: User, score: int, minutes: str
) -> Application:
    if not 0 <= score <= 100:
        raise DomainError(
            _("The score is out of 100."), fields={"score": [_("Between 0 and 100.")]}
        )
    minutes = (minutes or "").strip()
    if not minutes:
        raise DomainError(
            _("The minutes of the interview are required."),
            fields={"minutes": [_("Summarise the interview.")]},
        )

    def record(locked: Application) -> None:
        locked.interview_score = score
        locked.interview_minutes = minutes

    return _transition(
        application=application,
        actor=actor,
        method="record_interview",
        action="interviewed",
        authorize=lambda a: require_role(actor, Role.REVIEWER),
        change=record,
        data={"score": score},
    )


def application_recommend(
    *, application: Application, actor: User, decision: str, reason: str
) -> Application:
    reason = required_reason(reason)
    if decision not in Application.Recommendation.values:
        raise DomainError(
            _("The recommendation is approve or reject."),
            fields={"decision": [_("Choose approve or reject.")]},
        )

    def record(locked: Application) -> None:
        locked.recommendation = decision
        locked.recommendation_reason = reason
        locked.recommended_by = actor

    return _transition(
        application=application,
        actor=actor,
        method="recommend",
        action="recommended",
        reason=reason,
        authorize=lambda a: require_role(actor, Role.REVIEWER),
        change=record,
        notify=[_notify_role(Role.DECIDER)],
        data={"decision": decision},
    )


def _four_eyes(actor: User) -> Callable[[Application], None]:
    def authorize(locked: Application) -> None:
        require_role(actor, Role.DECIDER)
        if locked.recommended_by_id == actor.pk:
            raise NotAllowed(
                _(
                    "Four eyes: you recommended this file, so another decider "
                    "must decide."
                ),
                code="four_eyes",
            )

    return authorize


def _grant_accreditations(application: Application, domains: list[Need]) -> None:
    today = timezone.localdate()
    years = nwow("ACCREDITATION_VALIDITY_YEARS")
    for domain in domains:
        Accreditation.objects.create(
            consultant_id=application.consultant_id,
            domain=domain,
            application=application,
            valid_from=today,
            valid_until=add_years(today, years),
        )


def application_approve(
    *,
    application: Application,
    actor: User,
    reason: str = "",
    domains: list[str] | None = None,
) -> Application:
    """Approve, creating one accreditation per approved domain (all by default)."""
    applied = list(application.domains.all())
    approved = applied
    if domains:
        approved = [need for need in applied if need.code in set(domains)]
        if len(approved) != len(set(domains)):
            raise DomainError(
                _("Only domains of the application can be approved."),
                fields={"domains": [_("Choose among the domains applied for.")]},
            )

    def guard(locked: Application) -> None:
        full = [need.code for need in approved if domain_quota_reached(need.code)]
        if full:
            raise TransitionNotAllowed(
                _("The quota of accreditations is reached for: %(codes)s.")
                % {"codes": ", ".join(full)},
                code="quota_reached",
            )
        live = Accreditation.objects.filter(
            consultant_id=locked.consultant_id,
            domain__in=approved,
            status__in=[
                *Accreditation.MATCHABLE_STATES,
                Accreditation.Status.SUSPENDED,
            ],
        ).values_list("domain__code", flat=True)
        if live:
            raise TransitionNotAllowed(
                _("The consultant already holds an accreditation for: %(codes)s.")
                % {"codes": ", ".join(sorted(live))},
                code="already_accredited",
            )

    def decide(locked: Application) -> None:
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decision_reason = reason

    return _transition(
        application=application,
        actor=actor,
        method="approve",
        action="approved",
        reason=reason,
        authorize=_four_eyes(actor),
        guard=guard,
        change=decide,
        after=lambda locked: _grant_accreditations(locked, approved),
        notify=[_notify_applicant],
        data={"domains": [need.code for need in approved]},
    )


def application_reject(
    *, application: Application, actor: User, reason: str = ""
) -> Application:
    reason = required_reason(reason)

    def decide(locked: Application) -> None:
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decision_reason = reason

    return _transition(
        application=application,
        actor=actor,
        method="reject",
        action="rejected",
        reason=reason,
        authorize=_four_eyes(actor),
        change=decide,
        notify=[_notify_applicant],
    )


def application_withdraw(
    *, application: Application, actor: User, reason: str = ""
) -> Application:
    return _transition(
        application=application,
        actor=actor,
        method="withdraw",
        action="withdrawn",
        reason=reason,
        authorize=lambda a: require_owner(a, actor),
    )


def application_appeal(
    *, application: Application, actor: User, reason: str = ""
) -> Application:
    reason = required_reason(reason)

    def within_window(locked: Application) -> None:
        window = datetime.timedelta(days=nwow("APPEAL_WINDOW_DAYS"))
        if locked.decided_at and timezone.now() > locked.decided_at + window:
            raise TransitionNotAllowed(
                _("An appeal must be lodged within %(days)s days of the decision.")
                % {"days": window.days},
                code="appeal_too_late",
            )

    def record(locked: Application) -> None:
        locked.appeal_reason = reason

    return _transition(
        application=application,
        actor=actor,
        method="appeal",
        action="appealed",
        reason=reason,
        authorize=lambda a: require_owner(a, actor),
        guard=within_window,
        change=record,
        notify=[_notify_role(Role.DECIDER)],
    )


def application_decide_appeal(
    *, application: Application, actor: User, decision: str, reason: str
) -> Application:
    reason = required_reason(reason)
    methods = {
        "uphold": ("reopen_on_appeal", "appeal_upheld"),
        "reject": ("reject_appeal", "appeal_rejected"),
    }
    if decision not in methods:
        raise DomainError(
            _("The appeal decision is uphold or reject."),
            fields={"decision": [_("Choose uphold (back to review) or reject.")]},
        )
    method, action = methods[decision]

    def decide(locked: Application) -> None:
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decision_reason = reason

    return _transition(
        application=application,
        actor=actor,
        method=method,
        action=action,
        reason=reason,
        authorize=lambda a: require_role(actor, Role.DECIDER),
        change=decide,
        notify=[_notify_applicant],
    )
