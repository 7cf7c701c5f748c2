"""Reads of the training app, and the progress computation.

Progress rules (documented here because they are the agency's rules):

* **Attendance %** of a module = minutes marked *present* across the module's
  sessions / the module's nominal hours × 60, capped at 100. The nominal hours,
  not the sessions booked, are the reference: a consultant cannot reach 100 %
  by booking a single short session, and parallel groups of one module do not
  inflate the denominator. Absent and excused sessions add no minutes.
* **Assessments passed**: the *best* attempt of each assessment counts. Every
  non-compensable assessment must reach its pass score. The compensable ones
  pass together when each passes, or when their weighted average ratio
  (Σ weight × best / max ÷ Σ weight) reaches their weighted pass ratio
  (Σ weight × pass / max ÷ Σ weight). An assessment never attempted scores 0.
  A module without assessments has nothing to fail.
* **Module passed** = attendance met and assessments passed.
* **Completion %** = passed mandatory modules / mandatory modules. A programme
  without mandatory modules is never complete (nothing to certify).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.utils import timezone

from core.models import User
from core.roles import AGENCY_ROLES, Role

from .models import (
    Assessment,
    Attempt,
    Attendance,
    Certification,
    CpdActivity,
    Enrolment,
    Module,
    Programme,
    Session,
    SessionRegistration,
)

HUNDRED = Decimal(100)


def is_training_staff(user: User) -> bool:
    """Trainers and the agency's reviewers, deciders and administrators see
    every enrolment and certification; editors of the knowledge base do not."""
    return user.is_superuser or user.has_role(Role.TRAINER, *AGENCY_ROLES)


def programme_list(*, user: User) -> QuerySet[Programme]:
    programmes = Programme.objects.select_related("domain")
    if not is_training_staff(user):
        programmes = programmes.filter(is_published=True)
    return programmes


def programme_detail_queryset(*, user: User) -> QuerySet[Programme]:
    return programme_list(user=user).prefetch_related("modules__assessments")


def session_list(*, user: User) -> QuerySet[Session]:
    sessions = Session.objects.select_related("module__programme", "trainer").annotate(
        seats_taken=Count("registrations")
    )
    # Explicit: a grouped query drops the model's default ordering.
    sessions = sessions.order_by("starts_at", "id")
    if not is_training_staff(user):
        sessions = sessions.filter(module__programme__is_published=True)
    return sessions


def assessment_list(*, user: User) -> QuerySet[Assessment]:
    assessments = Assessment.objects.select_related("module__programme")
    if not is_training_staff(user):
        assessments = assessments.filter(module__programme__is_published=True)
    return assessments


def enrolment_list(*, user: User) -> QuerySet[Enrolment]:
    enrolments = Enrolment.objects.select_related("programme__domain", "consultant")
    if is_training_staff(user):
        return enrolments
    return enrolments.filter(consultant=user)


def certification_list(*, user: User) -> QuerySet[Certification]:
    certifications = Certification.objects.select_related(
        "programme__domain", "consultant"
    )
    if is_training_staff(user):
        return certifications
    return certifications.filter(consultant=user)


def cpd_activity_list(*, user: User) -> QuerySet[CpdActivity]:
    activities = CpdActivity.objects.select_related("consultant", "reviewed_by")
    if user.has_role(Role.REVIEWER, Role.DECIDER, Role.ADMIN) or user.is_superuser:
        return activities
    return activities.filter(consultant=user)


def cpd_review_queue() -> QuerySet[CpdActivity]:
    """Declared activities waiting for a reviewer, the longest waiting first."""
    return (
        CpdActivity.objects.filter(status=CpdActivity.Status.DECLARED)
        .select_related("consultant")
        .order_by("created_at", "id")
    )


def trainer_session_list(*, trainer: User) -> QuerySet[Session]:
    return session_list(user=trainer).filter(trainer=trainer)


def upcoming_session_list(*, user: User) -> QuerySet[Session]:
    return session_list(user=user).filter(starts_at__gt=timezone.now())


def cpd_verified_hours(*, consultant: User, start, end) -> Decimal:
    """Verified CPD hours of a consultant between two dates (inclusive)."""
    total = CpdActivity.objects.filter(
        consultant=consultant,
        status=CpdActivity.Status.VERIFIED,
        date__gte=start,
        date__lte=end,
    ).aggregate(total=Sum("hours"))["total"]
    return total or Decimal(0)


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    minutes_attended: int
    attendance_pct: Decimal
    attendance_met: bool
    assessments_passed: bool

    @property
    def passed(self) -> bool:
        return self.attendance_met and self.assessments_passed


@dataclass(frozen=True)
class EnrolmentProgress:
    enrolment: Enrolment
    modules: list[ModuleProgress]
    completion_pct: Decimal
    hours_attended: Decimal

    @property
    def is_complete(self) -> bool:
        mandatory = [m for m in self.modules if m.module.mandatory]
        return bool(mandatory) and all(m.passed for m in mandatory)


def assessments_passed(assessments: list[Assessment], best: dict[int, Decimal]):
    """Apply the pass rule of the module docstring to ``best`` scores by id."""
    compensable = []
    for assessment in assessments:
        score = best.get(assessment.pk, Decimal(0))
        if assessment.compensable:
            compensable.append((assessment, score))
        elif score < assessment.pass_score:
            return False

    if all(score >= a.pass_score for a, score in compensable):
        return True
    total_weight = sum(a.weight for a, _score in compensable)
    achieved = sum(a.weight * score / a.max_score for a, score in compensable)
    required = sum(a.weight * a.pass_score / a.max_score for a, _s in compensable)
    return achieved / total_weight >= required / total_weight


def enrolment_progress(*, enrolment: Enrolment) -> EnrolmentProgress:
    """Progress of one enrolment in four queries, however many modules."""
    modules = list(
        Module.objects.filter(programme_id=enrolment.programme_id).prefetch_related(
            "assessments"
        )
    )
    best = dict(
        Attempt.objects.filter(enrolment=enrolment)
        .values("assessment_id")
        .annotate(best=Max("score"))
        .values_list("assessment_id", "best")
    )
    minutes_by_module = dict(
        Attendance.objects.filter(
            registration__enrolment=enrolment, status=Attendance.Status.PRESENT
        )
        .values("registration__session__module_id")
        .annotate(total=Sum("minutes"))
        .values_list("registration__session__module_id", "total")
    )

    results = []
    for module in modules:
        minutes = int(minutes_by_module.get(module.pk) or 0)
        pct = min(HUNDRED, Decimal(minutes) * HUNDRED / (module.nominal_hours * 60))
        pct = pct.quantize(Decimal("0.1"))
        results.append(
            ModuleProgress(
                module=module,
                minutes_attended=minutes,
                attendance_pct=pct,
                attendance_met=pct >= module.min_attendance_pct,
                assessments_passed=assessments_passed(
                    list(module.assessments.all()), best
                ),
            )
        )

    mandatory = [r for r in results if r.module.mandatory]
    completion = Decimal(0)
    if mandatory:
        passed = sum(1 for r in mandatory if r.passed)
        completion = (Decimal(passed) * HUNDRED / len(mandatory)).quantize(
            Decimal("0.1")
        )
    minutes_total = sum(r.minutes_attended for r in results)
    return EnrolmentProgress(
        enrolment=enrolment,
        modules=results,
        completion_pct=completion,
        hours_attended=(Decimal(minutes_total) / 60).quantize(Decimal("0.01")),
    )


@dataclass(frozen=True)
class SessionOption:
    """A session of an enrolment's programme, as offered to its consultant."""

    session: Session
    registered: bool

    @property
    def seats_left(self) -> int:
        return max(0, self.session.capacity - self.session.seats_taken)

    @property
    def started(self) -> bool:
        return self.session.starts_at <= timezone.now()


def enrolment_session_options(*, enrolment: Enrolment) -> dict[int, list]:
    """Sessions to come and sessions booked, by module id, in two queries."""
    booked = set(
        SessionRegistration.objects.filter(enrolment=enrolment).values_list(
            "session_id", flat=True
        )
    )
    sessions = (
        Session.objects.filter(module__programme_id=enrolment.programme_id)
        .filter(Q(starts_at__gt=timezone.now()) | Q(pk__in=booked))
        .annotate(seats_taken=Count("registrations"))
        .order_by("starts_at", "id")
    )
    options: dict[int, list[SessionOption]] = {}
    for session in sessions:
        option = SessionOption(session=session, registered=session.pk in booked)
        options.setdefault(session.module_id, []).append(option)
    return options


@dataclass(frozen=True)
class AssessmentResult:
    assessment: Assessment
    attempts_used: int
    best_score: Decimal | None

    @property
    def attempts_left(self) -> int:
        return max(0, self.assessment.attempts_allowed - self.attempts_used)

    @property
    def passed(self) -> bool:
        return (
            self.best_score is not None
            and self.best_score >= self.assessment.pass_score
        )


@dataclass(frozen=True)
class EnrolmentResults:
    enrolment: Enrolment
    results: list[AssessmentResult]


def module_result_enrolments(*, module: Module) -> QuerySet[Enrolment]:
    """Enrolments whose results a trainer of the module may record."""
    return (
        Enrolment.objects.filter(programme_id=module.programme_id)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("consultant")
        .order_by("consultant__last_name", "consultant__first_name", "id")
    )


def module_results(*, module: Module) -> list[EnrolmentResults]:
    """Every enrolment × assessment of a module with attempts and best score."""
    assessments = list(module.assessments.all())
    enrolments = list(module_result_enrolments(module=module))
    stats = {
        (row["enrolment_id"], row["assessment_id"]): row
        for row in Attempt.objects.filter(
            assessment__module=module, enrolment__in=enrolments
        )
        .values("enrolment_id", "assessment_id")
        .annotate(used=Count("id"), best=Max("score"))
    }
    rows = []
    for enrolment in enrolments:
        results = []
        for assessment in assessments:
            row = stats.get((enrolment.pk, assessment.pk), {})
            results.append(
                AssessmentResult(
                    assessment=assessment,
                    attempts_used=row.get("used", 0),
                    best_score=row.get("best"),
                )
            )
        rows.append(EnrolmentResults(enrolment=enrolment, results=results))
    return rows
