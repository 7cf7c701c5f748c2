"""Accreditation applications and the accreditations they grant, per domain.

Both lifecycles are django-fsm fields with ``protected=True``: only the
transition methods below change a status, and only the services in
``accreditation.services`` call them (row lock, guards, audit row, e-mail).
"""

import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from core.models import Need
from core.reference.enterprise import validate_enterprise_number

# Unambiguous upper-case letters and digits: a code read aloud or typed from a
# printed certificate survives (no 0/O, 1/I/L).
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def generate_verification_code() -> str:
    # 16 symbols of 31 ≈ 79 bits: guessing a valid code is impractical.
    body = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(body[i : i + 4] for i in range(0, 16, 4))


def document_path(instance: "ApplicationDocument", filename: str) -> str:
    # Never the client's name on disk: only a random name and the extension
    # that the content check has already established.
    suffix = PurePath(filename).suffix.lower()[:5]
    return f"accreditation/{instance.application_id}/{uuid.uuid4().hex}{suffix}"


class Application(FSMModelMixin, models.Model):
    """A consultant's request to be accredited for one or more domains."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        INCOMPLETE = "incomplete", _("Incomplete")
        ABANDONED = "abandoned", _("Abandoned")
        UNDER_REVIEW = "under_review", _("Under review")
        TRAINING_REQUIRED = "training_required", _("Training required")
        INTERVIEW_SCHEDULED = "interview_scheduled", _("Interview scheduled")
        INTERVIEWED = "interviewed", _("Interviewed")
        RECOMMENDED = "recommended", _("Recommended")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        APPEALED = "appealed", _("Appealed")
        REJECTED_FINAL = "rejected_final", _("Rejected (final)")

    class Recommendation(models.TextChoices):
        APPROVE = "approve", _("Approve")
        REJECT = "reject", _("Reject")

    # States in which the file is still alive: it blocks another application
    # for the same domain and can be withdrawn.
    OPEN_STATES = (
        Status.DRAFT,
        Status.SUBMITTED,
        Status.INCOMPLETE,
        Status.UNDER_REVIEW,
        Status.TRAINING_REQUIRED,
        Status.INTERVIEW_SCHEDULED,
        Status.INTERVIEWED,
        Status.RECOMMENDED,
        Status.APPEALED,
    )

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consultant"),
        on_delete=models.PROTECT,
        related_name="accreditation_applications",
    )
    domains = models.ManyToManyField(
        Need, verbose_name=_("domains"), related_name="applications"
    )
    enterprise_number = models.CharField(
        _("enterprise number"),
        max_length=10,
        blank=True,
        validators=[validate_enterprise_number],
        help_text=_("The consultant's own company (BCE/KBO), 10 digits."),
    )
    motivation = models.TextField(_("motivation"), blank=True)
    years_experience = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(60)]
    )
    languages = models.JSONField(
        _("working languages"), default=list, blank=True, help_text="fr, de, nl, en"
    )
    provinces = models.JSONField(
        _("provinces served"), default=list, blank=True, help_text="BE-WHT, …"
    )
    remote = models.BooleanField(_("works remotely"), default=False)

    status = FSMField(
        _("status"),
        max_length=24,
        choices=Status,
        default=Status.DRAFT,
        protected=True,
        db_index=True,
    )
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_("When whoever must act next should have acted."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    changes_requested = models.TextField(_("changes requested"), blank=True)
    prescribed_programme = models.ForeignKey(
        "training.Programme",
        verbose_name=_("prescribed programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prescribed_in",
    )
    interview_at = models.DateTimeField(_("interview"), null=True, blank=True)
    interview_score = models.PositiveSmallIntegerField(
        _("interview score"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    interview_minutes = models.TextField(_("interview minutes"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation, blank=True
    )
    recommendation_reason = models.TextField(
        _("motivation of the recommendation"), blank=True
    )
    recommended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recommended by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("motivation of the decision"), blank=True)
    appeal_reason = models.TextField(_("grounds of appeal"), blank=True)

    class Meta:
        verbose_name = _("accreditation application")
        verbose_name_plural = _("accreditation applications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return _("Application #%(id)s") % {"id": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES

    # -- transitions: the services check roles and guards, these move the state.

    @transition(field=status, source=Status.DRAFT, target=Status.SUBMITTED)
    def submit(self) -> None:
        """Consultant: send the complete file to the agency."""

    @transition(field=status, source=Status.SUBMITTED, target=Status.INCOMPLETE)
    def request_changes(self) -> None:
        """Reviewer: the file lacks something; the consultant has until the due date."""

    @transition(field=status, source=Status.INCOMPLETE, target=Status.SUBMITTED)
    def resubmit(self) -> None:
        """Consultant: send the completed file back before the due date."""

    @transition(field=status, source=Status.INCOMPLETE, target=Status.ABANDONED)
    def abandon(self) -> None:
        """System: the due date of an incomplete file has passed."""

    @transition(field=status, source=Status.SUBMITTED, target=Status.UNDER_REVIEW)
    def accept(self) -> None:
        """Reviewer: the file is complete; the review starts."""

    @transition(
        field=status, source=Status.UNDER_REVIEW, target=Status.TRAINING_REQUIRED
    )
    def require_training(self) -> None:
        """Reviewer: a programme is prescribed for a skill gap."""

    @transition(
        field=status, source=Status.TRAINING_REQUIRED, target=Status.UNDER_REVIEW
    )
    def complete_training(self) -> None:
        """System: the prescribed programme's certification was issued."""

    @transition(
        field=status, source=Status.UNDER_REVIEW, target=Status.INTERVIEW_SCHEDULED
    )
    def schedule_interview(self) -> None:
        """Reviewer: an interview is planned."""

    @transition(
        field=status, source=Status.INTERVIEW_SCHEDULED, target=Status.INTERVIEWED
    )
    def record_interview(self) -> None:
        """Reviewer: the interview took place; scores and minutes recorded."""

    @transition(
        field=status,
        source=[Status.UNDER_REVIEW, Status.INTERVIEWED],
        target=Status.RECOMMENDED,
    )
    def recommend(self) -> None:
        """Reviewer: recommend approval or rejection, with motivation."""

    @transition(field=status, source=Status.RECOMMENDED, target=Status.APPROVED)
    def approve(self) -> None:
        """Decider (not the recommending reviewer): grant the accreditation."""

    @transition(field=status, source=Status.RECOMMENDED, target=Status.REJECTED)
    def reject(self) -> None:
        """Decider (not the recommending reviewer): refuse the accreditation."""

    @transition(field=status, source=OPEN_STATES, target=Status.WITHDRAWN)
    def withdraw(self) -> None:
        """Consultant: give up the application."""

    @transition(field=status, source=Status.REJECTED, target=Status.APPEALED)
    def appeal(self) -> None:
        """Consultant: contest a rejection within the appeal window."""

    @transition(field=status, source=Status.APPEALED, target=Status.UNDER_REVIEW)
    def reopen_on_appeal(self) -> None:
        """Decider: the appeal is founded; the file goes back to review."""

    @transition(field=status, source=Status.APPEALED, target=Status.REJECTED_FINAL)
    def reject_appeal(self) -> None:
        """Decider: the appeal is unfounded; the rejection is final."""


class ApplicationDocument(models.Model):
    class Kind(models.TextChoices):
        CV = "cv", _("CV")
        INSURANCE = "insurance", _("Professional insurance proof")
        CHARTER = "charter", _("Signed charter of independence")
        OTHER = "other", _("Other")

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("original name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["kind", "uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.original_name}"


class ReferenceMission(models.Model):
    """A past mission the applicant cites, with a client the agency may call."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="references",
    )
    client_name = models.CharField(_("client"), max_length=200)
    client_contact = models.CharField(
        _("client contact person"), max_length=200, blank=True
    )
    client_email = models.EmailField(_("client e-mail"))
    client_phone = models.CharField(_("client phone"), max_length=32, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    domain = models.ForeignKey(
        Need, verbose_name=_("domain"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("reference mission")
        verbose_name_plural = _("reference missions")
        ordering = ["-year", "id"]

    def __str__(self) -> str:
        return f"{self.client_name} ({self.year})"


class Accreditation(FSMModelMixin, models.Model):
    """One consultant approved for one domain, for a limited period."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        RENEWAL_OPEN = "renewal_open", _("Renewal open")
        RENEWAL_REVIEW = "renewal_review", _("Renewal under review")
        EXPIRED = "expired", _("Expired")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        RELINQUISHED = "relinquished", _("Relinquished")

    # Only these may be proposed to companies (domain.md §3).
    MATCHABLE_STATES = (Status.ACTIVE, Status.RENEWAL_OPEN, Status.RENEWAL_REVIEW)

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consultant"),
        on_delete=models.PROTECT,
        related_name="accreditations",
    )
    domain = models.ForeignKey(
        Need,
        verbose_name=_("domain"),
        on_delete=models.PROTECT,
        related_name="accreditations",
    )
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.PROTECT,
        related_name="accreditations",
    )
    status = FSMField(
        _("status"),
        max_length=16,
        choices=Status,
        default=Status.ACTIVE,
        protected=True,
        db_index=True,
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), db_index=True)
    verification_code = models.CharField(
        _("verification code"),
        max_length=19,
        unique=True,
        default=generate_verification_code,
        editable=False,
    )
    reminders_sent = models.JSONField(
        _("renewal reminders sent"),
        default=list,
        blank=True,
        help_text=_("Days before expiry for which a reminder went out this cycle."),
    )
    renewal_proof = models.TextField(_("proof of activity"), blank=True)
    remediation_plan = models.TextField(_("remediation plan"), blank=True)
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suspended by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status_reason = models.TextField(_("reason of the last change"), blank=True)

    class Meta:
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        ordering = ["consultant", "domain__position"]
        constraints = [
            # One live accreditation per consultant and domain.
            models.UniqueConstraint(
                fields=["consultant", "domain"],
                condition=Q(
                    status__in=["active", "renewal_open", "renewal_review", "suspended"]
                ),
                name="accreditation_one_live_per_domain",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("valid_from")),
                name="accreditation_valid_until_after_from",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultant} · {self.domain.code}"

    @property
    def is_matchable(self) -> bool:
        return self.status in self.MATCHABLE_STATES

    @transition(field=status, source=Status.ACTIVE, target=Status.RENEWAL_OPEN)
    def open_renewal(self) -> None:
        """System: the renewal window opens before the end of validity."""

    @transition(field=status, source=Status.RENEWAL_OPEN, target=Status.RENEWAL_REVIEW)
    def submit_renewal(self) -> None:
        """Consultant: ask for renewal with continuing training and activity."""

    @transition(field=status, source=Status.RENEWAL_REVIEW, target=Status.ACTIVE)
    def renew(self) -> None:
        """Decider: a new validity period starts."""

    @transition(
        field=status,
        source=[Status.RENEWAL_OPEN, Status.RENEWAL_REVIEW],
        target=Status.EXPIRED,
    )
    def expire(self) -> None:
        """System: the validity has ended without renewal."""

    @transition(field=status, source=Status.ACTIVE, target=Status.SUSPENDED)
    def suspend(self) -> None:
        """Reviewer: complaint, conflict of interest, overdue training or low rating."""

    @transition(field=status, source=Status.SUSPENDED, target=Status.ACTIVE)
    def reinstate(self) -> None:
        """Decider: the cause of the suspension is resolved."""

    @transition(
        field=status, source=[Status.ACTIVE, Status.SUSPENDED], target=Status.REVOKED
    )
    def revoke(self) -> None:
        """Decider (not the reviewer who suspended): fraud or ethics breach."""

    @transition(field=status, source=Status.ACTIVE, target=Status.RELINQUISHED)
    def relinquish(self) -> None:
        """Consultant: give up the accreditation."""
