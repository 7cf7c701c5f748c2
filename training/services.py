"""Writes of the training app: each in a transaction, each with an audit row."""

import logging
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.errors import DomainError, NotAllowed, NotFound, TransitionNotAllowed
from core.mail import queue_templated_email
from core.models import User
from core.roles import Role

from . import selectors
from .models import (
    Assessment,
    Attempt,
    Attendance,
    Certification,
    CpdActivity,
    Enrolment,
    Programme,
    Session,
    SessionRegistration,
    certification_validity_days,
)
from .signals import certification_issued

logger = logging.getLogger(__name__)


class SessionFull(DomainError):
    status_code = 409
    default_code = "session_full"


def _require_consultant(user: User) -> None:
    if not user.has_role(Role.CONSULTANT):
        raise NotAllowed(_("Only consultants can do this."))


def _is_admin(user: User) -> bool:
    return user.is_superuser or user.has_role(Role.ADMIN)


def enrolment_create(*, consultant: User, programme: Programme) -> Enrolment:
    _require_consultant(consultant)
    if not programme.is_published:
        raise DomainError(
            _("This programme is not open for enrolment."),
            code="programme_not_published",
        )

    duplicate = DomainError(
        _("You are already enrolled in this programme."), code="already_enrolled"
    )
    if Enrolment.objects.filter(
        consultant=consultant, programme=programme, status=Enrolment.Status.ACTIVE
    ).exists():
        raise duplicate

    try:
        # The savepoint lets the partial unique constraint settle a race
        # between two requests that both passed the check above.
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                consultant=consultant, programme=programme
            )
            audit_record(
                action="training.enrolment.created",
                actor=consultant,
                obj=enrolment,
                to_state=enrolment.status,
                data={"programme": programme.pk},
            )
    except IntegrityError:
        raise duplicate from None
    logger.info("Enrolment %s created for programme %s", enrolment.pk, programme.pk)
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, consultant: User, enrolment: Enrolment) -> Enrolment:
    """Withdraw one's own active enrolment and free its seats to come.

    Registrations to sessions that have not started are removed so that other
    consultants can take the seats; past ones stay, with their attendance, as
    the record of what was followed.
    """
    if enrolment.consultant_id != consultant.pk:
        raise NotFound()
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.ACTIVE:
        raise TransitionNotAllowed(
            _("This enrolment is no longer active."), code="enrolment_not_active"
        )

    released, _by_model = SessionRegistration.objects.filter(
        enrolment=enrolment,
        session__starts_at__gt=timezone.now(),
        attendance__isnull=True,
    ).delete()
    from_state = enrolment.status
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save(update_fields=["status"])
    audit_record(
        action="training.enrolment.withdrawn",
        actor=consultant,
        obj=enrolment,
        from_state=from_state,
        to_state=enrolment.status,
        data={"programme": enrolment.programme_id, "seats_released": released},
    )
    logger.info("Enrolment %s withdrawn", enrolment.pk)
    return enrolment


@transaction.atomic
def session_register(
    *, user: User, session: Session, enrolment: Enrolment
) -> SessionRegistration:
    """Reserve a seat; concurrent requests never exceed the capacity."""
    if enrolment.consultant_id != user.pk:
        raise NotFound()
    if enrolment.status != Enrolment.Status.ACTIVE:
        raise TransitionNotAllowed(
            _("This enrolment is no longer active."), code="enrolment_not_active"
        )

    # 1. Lock the session row: registrations to one session are serialised, so
    #    the count below cannot be overtaken by a concurrent request.
    session = (
        Session.objects.select_for_update().select_related("module").get(pk=session.pk)
    )
    if session.module.programme_id != enrolment.programme_id:
        raise DomainError(
            _("This session belongs to another programme."),
            code="session_other_programme",
        )
    existing = SessionRegistration.objects.filter(
        session=session, enrolment=enrolment
    ).first()
    if existing is not None:
        return existing

    # A seat in a session that has begun would count minutes the consultant
    # cannot attend; a correction by the agency goes through the admin.
    if session.starts_at <= timezone.now():
        raise TransitionNotAllowed(
            _("This session has already started."), code="session_started"
        )

    # 2. Count and insert under the lock.
    if session.registrations.count() >= session.capacity:
        raise SessionFull(_("This session is full."))
    registration = SessionRegistration.objects.create(
        session=session, enrolment=enrolment
    )
    audit_record(
        action="training.session.registered",
        actor=user,
        obj=registration,
        data={"session": session.pk, "enrolment": enrolment.pk},
    )
    return registration


@transaction.atomic
def attendance_record(
    *,
    trainer: User,
    session: Session,
    enrolment: Enrolment,
    status: str,
    minutes: int,
) -> Attendance:
    """Record (or correct) one consultant's attendance at a session."""
    if session.trainer_id is None or session.trainer_id != trainer.pk:
        raise NotAllowed(_("Only the session's trainer can record attendance."))
    registration = (
        SessionRegistration.objects.select_related("session")
        .filter(session=session, enrolment=enrolment)
        .first()
    )
    if registration is None:
        raise DomainError(
            _("This consultant is not registered for the session."),
            code="not_registered",
        )
    # Only presence earns minutes (see training.selectors): whatever a client
    # sends with "absent" or "excused" is dropped rather than stored.
    if status != Attendance.Status.PRESENT:
        minutes = 0
    if minutes > session.duration_minutes:
        raise DomainError(
            _("Minutes cannot exceed the session's length (%(minutes)s).")
            % {"minutes": session.duration_minutes},
            code="minutes_too_long",
            fields={"minutes": [_("Too many minutes.")]},
        )

    attendance, created = Attendance.objects.update_or_create(
        registration=registration,
        defaults={
            "status": status,
            "minutes": minutes,
            "recorded_by": trainer,
            "recorded_at": timezone.now(),
        },
    )
    audit_record(
        action="training.attendance.recorded",
        actor=trainer,
        obj=attendance,
        to_state=status,
        data={"minutes": minutes, "corrected": not created},
    )
    certification_issue_if_complete(enrolment=enrolment, actor=trainer)
    return attendance


def _may_record_attempt(user: User, assessment: Assessment) -> bool:
    if _is_admin(user):
        return True
    return (
        user.has_role(Role.TRAINER)
        and Session.objects.filter(module=assessment.module, trainer=user).exists()
    )


@transaction.atomic
def attempt_record(
    *, trainer: User, assessment: Assessment, enrolment: Enrolment, score: Decimal
) -> Attempt:
    if not _may_record_attempt(trainer, assessment):
        raise NotAllowed(_("Only a trainer of this module can record results."))
    if assessment.module.programme_id != enrolment.programme_id:
        raise DomainError(
            _("This assessment belongs to another programme."),
            code="assessment_other_programme",
        )
    if not Decimal(0) <= score <= assessment.max_score:
        raise DomainError(
            _("The score must be between 0 and %(max)s.")
            % {"max": assessment.max_score},
            code="score_out_of_range",
            fields={"score": [_("Out of range.")]},
        )

    # Lock the enrolment so two results recorded at once get distinct numbers
    # and cannot both slip under the attempts limit.
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
    used = Attempt.objects.filter(assessment=assessment, enrolment=enrolment).count()
    if used >= assessment.attempts_allowed:
        raise TransitionNotAllowed(
            _("No attempts left: %(allowed)s allowed.")
            % {"allowed": assessment.attempts_allowed},
            code="attempts_exhausted",
        )

    attempt = Attempt.objects.create(
        assessment=assessment,
        enrolment=enrolment,
        number=used + 1,
        score=score,
        recorded_by=trainer,
    )
    audit_record(
        action="training.attempt.recorded",
        actor=trainer,
        obj=attempt,
        data={"score": str(score), "number": attempt.number},
    )
    certification_issue_if_complete(enrolment=enrolment, actor=trainer)
    return attempt


def certification_issue_if_complete(
    *, enrolment: Enrolment, actor: User | None = None
) -> Certification | None:
    """Issue the certification when every mandatory module is passed.

    Idempotent: the enrolment row is locked and an existing certification is
    returned unchanged, so a second result recorded later issues nothing.
    """
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        existing = Certification.objects.filter(enrolment=enrolment).first()
        if existing is not None:
            return existing
        if enrolment.status != Enrolment.Status.ACTIVE:
            return None
        if not selectors.enrolment_progress(enrolment=enrolment).is_complete:
            return None

        issued_on = timezone.localdate()
        certification = Certification.objects.create(
            enrolment=enrolment,
            consultant_id=enrolment.consultant_id,
            programme_id=enrolment.programme_id,
            issued_on=issued_on,
            expires_on=issued_on + timedelta(days=certification_validity_days()),
        )
        enrolment.status = Enrolment.Status.COMPLETED
        enrolment.save(update_fields=["status"])
        audit_record(
            action="training.certification.issued",
            actor=actor,
            obj=certification,
            to_state=certification.status,
            data={"enrolment": enrolment.pk, "programme": enrolment.programme_id},
        )
        consultant = User.objects.get(pk=enrolment.consultant_id)
        queue_templated_email(
            template_prefix="training/email/certification_issued",
            to=consultant.email,
            language=consultant.language,
            context={"certification": certification, "recipient": consultant},
        )
        # Listeners (accreditation) act on committed data only.
        transaction.on_commit(
            lambda: certification_issued.send(
                sender=Certification, certification=certification
            )
        )
    logger.info("Certification %s issued", certification.pk)
    return certification


@transaction.atomic
def certification_revoke(
    *, actor: User, certification: Certification, reason: str
) -> Certification:
    if not (actor.has_role(Role.DECIDER) or _is_admin(actor)):
        raise NotAllowed()
    if not reason.strip():
        raise DomainError(
            _("A reason is required."),
            code="reason_required",
            fields={"reason": [_("This field is required.")]},
        )
    certification = Certification.objects.select_for_update().get(pk=certification.pk)
    if certification.status != Certification.Status.VALID:
        raise TransitionNotAllowed(_("This certification is already revoked."))

    from_state = certification.status
    certification.revoke(reason=reason)
    certification.save()
    audit_record(
        action="training.certification.revoked",
        actor=actor,
        obj=certification,
        from_state=from_state,
        to_state=certification.status,
        reason=reason,
    )
    return certification


def cpd_declare(
    *,
    consultant: User,
    category: str,
    date,
    hours: Decimal,
    description: str,
    evidence=None,
) -> CpdActivity:
    _require_consultant(consultant)
    with transaction.atomic():
        activity = CpdActivity(
            consultant=consultant,
            category=category,
            date=date,
            hours=hours,
            description=description,
        )
        if evidence is not None:
            # Saved here, inside the transaction, after every check passed.
            activity.evidence.save(evidence.name, evidence, save=False)
        activity.save()
        audit_record(
            action="training.cpd.declared",
            actor=consultant,
            obj=activity,
            to_state=activity.status,
        )
    return activity


def _cpd_review(
    *, reviewer: User, activity: CpdActivity, target: str, reason: str
) -> CpdActivity:
    if not reviewer.has_role(Role.REVIEWER):
        raise NotAllowed(_("Only reviewers can review CPD activities."))
    if target == CpdActivity.Status.REJECTED and not reason.strip():
        raise DomainError(
            _("A reason is required to reject an activity."),
            code="reason_required",
            fields={"reason": [_("This field is required.")]},
        )

    with transaction.atomic():
        activity = CpdActivity.objects.select_for_update().get(pk=activity.pk)
        if activity.status != CpdActivity.Status.DECLARED:
            raise TransitionNotAllowed(
                _("This activity has already been reviewed (%(status)s).")
                % {"status": activity.get_status_display()}
            )
        from_state = activity.status
        if target == CpdActivity.Status.VERIFIED:
            activity.verify(by=reviewer, reason=reason)
        else:
            activity.reject(by=reviewer, reason=reason)
        activity.save()
        audit_record(
            action=f"training.cpd.{target}",
            actor=reviewer,
            obj=activity,
            from_state=from_state,
            to_state=activity.status,
            reason=reason,
        )
        consultant = activity.consultant
        queue_templated_email(
            template_prefix="training/email/cpd_reviewed",
            to=consultant.email,
            language=consultant.language,
            context={"activity": activity, "recipient": consultant},
        )
    return activity


def cpd_verify(*, reviewer: User, activity: CpdActivity, reason: str = ""):
    return _cpd_review(
        reviewer=reviewer,
        activity=activity,
        target=CpdActivity.Status.VERIFIED,
        reason=reason,
    )


def cpd_reject(*, reviewer: User, activity: CpdActivity, reason: str):
    return _cpd_review(
        reviewer=reviewer,
        activity=activity,
        target=CpdActivity.Status.REJECTED,
        reason=reason,
    )


def cpd_credit_event_attendance(
    *,
    actor: User,
    consultant: User,
    date,
    hours: Decimal,
    description: str,
) -> CpdActivity:
    """Credit a consultant's checked-in attendance of an NWOW Forum event.

    The activity is created already verified, by the staff member who checked
    the attendance in: that check-in is the evidence a reviewer would
    otherwise ask for, so there is nothing left to review. Idempotent: the
    same consultant, date and description give back the activity made the
    first time (the events app also keeps one credit per attendance).
    """
    if not (actor.has_role(Role.EDITOR) or _is_admin(actor)):
        raise NotAllowed(_("Only the agency's editors can credit Forum attendance."))
    _require_consultant(consultant)
    hours = Decimal(hours)
    if hours <= 0:
        raise DomainError(
            _("This event credits no continuing-training hours."),
            code="no_cpd_hours",
            fields={"hours": [_("Enter a number of hours greater than zero.")]},
        )

    with transaction.atomic():
        # Locks the consultant's row: two check-ins at once make one credit.
        User.objects.select_for_update().filter(pk=consultant.pk).first()
        existing = CpdActivity.objects.filter(
            consultant=consultant,
            category=CpdActivity.Category.FORUM,
            date=date,
            description=description,
        ).first()
        if existing is not None:
            return existing
        activity = CpdActivity(
            consultant=consultant,
            category=CpdActivity.Category.FORUM,
            date=date,
            hours=hours,
            description=description,
        )
        activity.verify(
            by=actor, reason=_("Attendance checked in by the agency at the event.")
        )
        activity.save()
        audit_record(
            action="training.cpd.forum_credited",
            actor=actor,
            obj=activity,
            to_state=activity.status,
            data={"hours": str(hours)},
        )
    return activity
