"""Expert requests, expert profiles, ranking weights, proposals and missions."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from core.models import Need


class ExpertRequest(models.Model):
    """A company asks for an approved expert for some needs of the taxonomy."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        MATCHED = "matched", _("Expert at work")
        CLOSED = "closed", _("Mission closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    company = models.ForeignKey(
        "pme.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="expert_requests",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    needs = models.ManyToManyField(
        Need, verbose_name=_("needs"), related_name="expert_requests"
    )
    primary_need = models.ForeignKey(
        Need,
        verbose_name=_("main need"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The need an expert must at least be accredited for."),
    )
    description = models.TextField(_("situation"), max_length=5000)
    language = models.CharField(
        _("language of the mission"), max_length=2, choices=settings.LANGUAGES
    )
    budget_days = models.PositiveSmallIntegerField(
        _("budget in days"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    start_from = models.DateField(_("start at the earliest"), null=True, blank=True)
    start_until = models.DateField(_("start at the latest"), null=True, blank=True)
    assessment = models.ForeignKey(
        "pme.Assessment",
        verbose_name=_("maturity scan"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The scan the request builds on."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert request")
        verbose_name_plural = _("expert requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_until__isnull=True)
                | Q(start_from__isnull=True)
                | Q(start_until__gte=F("start_from")),
                name="matching_request_start_window",
            )
        ]

    def __str__(self) -> str:
        return _("Request #%(id)s") % {"id": self.pk}


class ExpertProfile(models.Model):
    """What an accredited expert declares for matching: capacity, exclusions."""

    expert = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="expert_profile",
    )
    max_concurrent_missions = models.PositiveSmallIntegerField(
        _("maximum concurrent missions"),
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(30)],
    )
    excluded_sections = models.JSONField(
        _("excluded NACE sections"), default=list, blank=True
    )
    excluded_sizes = models.JSONField(
        _("excluded size classes"), default=list, blank=True
    )
    excluded_provinces = models.JSONField(
        _("excluded provinces"), default=list, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")

    def __str__(self) -> str:
        return str(self.expert)


class WeightsVersion(models.Model):
    """The weights of the ranking's components, versioned and editable by staff.

    ``weights`` maps a component name to its weight; each proposal stores the
    version it was computed with.
    """

    number = models.PositiveIntegerField(_("version"), unique=True)
    weights = models.JSONField(_("weights"))
    is_current = models.BooleanField(_("current"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("ranking weights")
        verbose_name_plural = _("ranking weights")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="matching_one_current_weights",
            )
        ]

    def __str__(self) -> str:
        return _("Weights v%(number)s") % {"number": self.number}


class Proposal(models.Model):
    """An expert proposed for a request, with the score and its components."""

    request = models.ForeignKey(
        ExpertRequest, on_delete=models.CASCADE, related_name="proposals"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposals"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))
    components = models.JSONField(_("components"))
    weights_version = models.ForeignKey(
        WeightsVersion, on_delete=models.PROTECT, related_name="+"
    )
    model_version = models.CharField(
        _("learned model"),
        max_length=64,
        blank=True,
        help_text=_("Empty when the hand-tuned score ranked."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    chosen = models.BooleanField(_("chosen"), default=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["request", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "expert"], name="matching_proposal_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request} · {self.expert} ({self.score:.2f})"


class Engagement(FSMModelMixin, models.Model):
    """A mission: an expert accompanies a company on an expert request."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        IN_PROGRESS = "in_progress", _("In progress")
        REPORT_SUBMITTED = "report_submitted", _("Report submitted")
        RETURNED = "returned", _("Returned")
        VALIDATED = "validated", _("Validated")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    # Missions that occupy one of the expert's slots.
    ACTIVE_STATES = (
        Status.PROPOSED,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
        Status.REPORT_SUBMITTED,
        Status.RETURNED,
    )

    request = models.ForeignKey(
        ExpertRequest, on_delete=models.PROTECT, related_name="engagements"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        related_name="engagements",
    )
    proposal = models.ForeignKey(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = FSMField(
        _("status"),
        max_length=20,
        choices=Status,
        default=Status.PROPOSED,
        protected=True,
        db_index=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    report_summary = models.TextField(_("summary"), blank=True)
    report_recommendations = models.TextField(_("recommendations"), blank=True)
    action_plan = models.TextField(_("action plan"), blank=True)
    report_submitted_at = models.DateTimeField(
        _("report submitted at"), null=True, blank=True
    )
    validation_due = models.DateField(
        _("validation due by"),
        null=True,
        blank=True,
        help_text=_("15 working days after the report (configurable)."),
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    status_reason = models.TextField(_("reason of the last change"), blank=True)
    scan_after = models.ForeignKey(
        "pme.Assessment",
        verbose_name=_("scan after the mission"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.JSONField(
        _("maturity gain per dimension"),
        default=dict,
        blank=True,
        help_text=_("Scan after minus scan before, per dimension code."),
    )

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One live mission per request.
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(
                    status__in=[
                        "proposed",
                        "accepted",
                        "in_progress",
                        "report_submitted",
                        "returned",
                        "validated",
                        "closed",
                    ]
                ),
                name="matching_one_live_engagement_per_request",
            )
        ]

    def __str__(self) -> str:
        return _("Mission #%(id)s") % {"id": self.pk}

    @transition(field=status, source=Status.PROPOSED, target=Status.ACCEPTED)
    def accept(self) -> None:
        """Expert: takes the mission."""

    @transition(field=status, source=Status.PROPOSED, target=Status.DECLINED)
    def decline(self) -> None:
        """Expert: does not take the mission (reason)."""

    @transition(field=status, source=Status.ACCEPTED, target=Status.IN_PROGRESS)
    def start(self) -> None:
        """Expert: the mission starts."""

    @transition(
        field=status,
        source=[Status.IN_PROGRESS, Status.RETURNED],
        target=Status.REPORT_SUBMITTED,
    )
    def submit_report(self) -> None:
        """Expert: the report (summary, recommendations, action plan) is ready."""

    @transition(field=status, source=Status.REPORT_SUBMITTED, target=Status.VALIDATED)
    def validate(self) -> None:
        """Company: accepts the report within the validation period."""

    @transition(field=status, source=Status.REPORT_SUBMITTED, target=Status.RETURNED)
    def return_report(self) -> None:
        """Company: sends the report back with what to change."""

    @transition(field=status, source=Status.VALIDATED, target=Status.CLOSED)
    def close(self) -> None:
        """Company (rating given) or system: the mission is over."""

    @transition(
        field=status,
        source=[Status.PROPOSED, Status.ACCEPTED, Status.IN_PROGRESS],
        target=Status.CANCELLED,
    )
    def cancel(self) -> None:
        """Company or agency: the mission stops (reason required)."""


class WorkingSession(models.Model):
    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(12)],
    )
    topic = models.CharField(_("topic"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("working session")
        verbose_name_plural = _("working sessions")
        ordering = ["engagement", "date", "id"]

    def __str__(self) -> str:
        return f"{self.engagement} · {self.date} · {self.topic}"


class Rating(models.Model):
    engagement = models.OneToOneField(
        Engagement, on_delete=models.CASCADE, related_name="rating"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rated_at = models.DateTimeField(_("rated at"), auto_now_add=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="matching_rating_1_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.engagement} · {self.score}/5"
