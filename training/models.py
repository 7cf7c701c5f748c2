"""Training: programmes, modules, sessions, enrolment, attendance, assessments,
certification and continuing professional development (CPD).

Progress (attendance %, module passed, completion %) is never stored: it is
computed from attendance and attempts by ``training.selectors``.
"""

import base64
import secrets
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from core.models import Need


def default_min_attendance_pct() -> int:
    return int(getattr(settings, "NWOW", {}).get("TRAINING_MIN_ATTENDANCE_PCT", 80))


def certification_validity_days() -> int:
    return int(
        getattr(settings, "NWOW", {}).get("CERTIFICATION_VALIDITY_DAYS", 3 * 365)
    )


def generate_certification_code() -> str:
    # 80 random bits in base32 (no ambiguous lower case): guessing a valid code
    # through a public verification page is impractical.
    return "NWOW-" + base64.b32encode(secrets.token_bytes(10)).decode()


def cpd_evidence_path(instance: "CpdActivity", filename: str) -> str:
    # The name the client sent is never used on disk (path traversal, leaks):
    # only the extension, which the upload check has already normalised.
    suffix = PurePath(filename).suffix.lower()[:5]
    return f"cpd/{uuid.uuid4().hex}{suffix}"


class Programme(models.Model):
    """A versioned curriculum that prepares consultants for one domain."""

    domain = models.ForeignKey(
        Need,
        verbose_name=_("domain"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Consultants can enrol only in published programmes."),
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["domain__position", "domain__code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["domain", "version"], name="training_programme_domain_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class Module(models.Model):
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="modules",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=200)
    nominal_hours = models.DecimalField(
        _("nominal hours"),
        max_digits=5,
        decimal_places=1,
        help_text=_("Attendance is measured against these hours."),
    )
    mandatory = models.BooleanField(_("mandatory"), default=True)
    min_attendance_pct = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        default=default_min_attendance_pct,
        validators=[MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["programme", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nominal_hours__gt=0), name="training_module_hours_positive"
            ),
            models.CheckConstraint(
                condition=Q(min_attendance_pct__lte=100),
                name="training_module_attendance_pct_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Session(models.Model):
    module = models.ForeignKey(
        Module,
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_sessions",
    )
    capacity = models.PositiveIntegerField(_("capacity"))

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gt=0), name="training_session_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="training_session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.module.title} · {timezone.localtime(self.starts_at):%Y-%m-%d}"

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consultant"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at", "-id"]
        constraints = [
            # One running enrolment per programme; a withdrawn or completed one
            # does not prevent enrolling again.
            models.UniqueConstraint(
                fields=["consultant", "programme"],
                condition=Q(status="active"),
                name="training_enrolment_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultant} → {self.programme}"


class SessionRegistration(models.Model):
    """A seat reserved in one session for one enrolment."""

    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")
        ordering = ["session", "registered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="training_registration_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment.consultant} @ {self.session}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    registration = models.OneToOneField(
        SessionRegistration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status)
    minutes = models.PositiveIntegerField(
        _("minutes attended"),
        default=0,
        help_text=_("Only minutes of presence count towards attendance."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["registration"]

    def __str__(self) -> str:
        return f"{self.registration} · {self.get_status_display()}"


class Assessment(models.Model):
    class Kind(models.TextChoices):
        EXAM = "exam", _("Exam")
        CASE_STUDY = "case_study", _("Case study")
        PRESENTATION = "presentation", _("Presentation")
        QUIZ = "quiz", _("Quiz")

    module = models.ForeignKey(
        Module,
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=200)
    max_score = models.DecimalField(
        _("maximum score"), max_digits=6, decimal_places=2, default=Decimal(20)
    )
    pass_score = models.DecimalField(
        _("pass score"), max_digits=6, decimal_places=2, default=Decimal(10)
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        help_text=_("Weight in the compensation between compensable assessments."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=2, validators=[MinValueValidator(1)]
    )
    compensable = models.BooleanField(
        _("compensable"),
        default=False,
        help_text=_(
            "A failed compensable assessment is compensated when the weighted "
            "average of the module's compensable assessments reaches their "
            "weighted pass mark."
        ),
    )

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["module", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_score__lte=models.F("max_score")),
                name="training_assessment_pass_le_max",
            ),
            models.CheckConstraint(
                condition=Q(max_score__gt=0) & Q(pass_score__gte=0),
                name="training_assessment_scores_valid",
            ),
            models.CheckConstraint(
                condition=Q(weight__gt=0), name="training_assessment_weight_positive"
            ),
            models.CheckConstraint(
                condition=Q(attempts_allowed__gte=1),
                name="training_assessment_attempts_min",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_kind_display()})"


class Attempt(models.Model):
    assessment = models.ForeignKey(
        Assessment,
        verbose_name=_("assessment"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["assessment", "enrolment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "enrolment", "number"],
                name="training_attempt_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0), name="training_attempt_score_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment} #{self.number}: {self.score}"


class Certification(FSMModelMixin, models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")

    enrolment = models.OneToOneField(
        Enrolment,
        verbose_name=_("enrolment"),
        # RESTRICT, not PROTECT: an enrolment cannot lose its certification,
        # yet deleting the consultant removes both together.
        on_delete=models.RESTRICT,
        related_name="certification",
    )
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consultant"),
        on_delete=models.CASCADE,
        related_name="certifications",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="certifications",
    )
    code = models.CharField(
        _("code"), max_length=32, unique=True, default=generate_certification_code
    )
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    expires_on = models.DateField(_("expires on"))
    status = FSMField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.VALID,
        protected=True,
    )
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        return self.code

    def save(self, *args, **kwargs):
        if self.expires_on is None:
            self.expires_on = self.issued_on + timedelta(
                days=certification_validity_days()
            )
        super().save(*args, **kwargs)

    @transition(field=status, source=Status.VALID, target=Status.REVOKED)
    def revoke(self, *, reason: str) -> None:
        self.revoked_reason = reason


class CpdActivity(FSMModelMixin, models.Model):
    """A continuing-training activity declared by a consultant."""

    class Category(models.TextChoices):
        TRAINING = "training", _("Training")
        CONFERENCE = "conference", _("Conference")
        PEER_SUPERVISION = "peer_supervision", _("Peer supervision")
        FORUM = "forum", _("NWOW Forum attendance")
        PUBLICATION = "publication", _("Publication")

    class Status(models.TextChoices):
        DECLARED = "declared", _("Declared")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consultant"),
        on_delete=models.CASCADE,
        related_name="cpd_activities",
    )
    category = models.CharField(_("category"), max_length=20, choices=Category)
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    description = models.TextField(_("description"))
    evidence = models.FileField(
        _("evidence"),
        upload_to=cpd_evidence_path,
        blank=True,
        help_text=_("PDF, PNG or JPEG."),
    )
    status = FSMField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DECLARED,
        protected=True,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    review_reason = models.TextField(_("review reason"), blank=True)
    created_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        verbose_name = _("CPD activity")
        verbose_name_plural = _("CPD activities")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0), name="training_cpd_hours_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} · {self.date} · {self.hours} h"

    @transition(field=status, source=Status.DECLARED, target=Status.VERIFIED)
    def verify(self, *, by, reason: str = "") -> None:
        self.reviewed_by = by
        self.review_reason = reason

    @transition(field=status, source=Status.DECLARED, target=Status.REJECTED)
    def reject(self, *, by, reason: str) -> None:
        self.reviewed_by = by
        self.review_reason = reason
