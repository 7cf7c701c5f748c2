"""The NWOW adoption barometer: surveys, yearly waves, questions, responses.

A survey (the barometer) runs in yearly waves. Each wave carries its own
questionnaire, so a question may be reworded from one year to the next; the
question and option codes stay the same, and that is what lines the trend up
across waves. A response is anonymous or linked to a company; either way it
keeps the respondent's profile (province, size class, NACE section) for the
breakdowns, copied from the company when there is one.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass
from knowledge.text import normalize

LANGUAGE_CODES = ("fr", "en", "de", "nl")

code_validator = RegexValidator(
    r"^[A-Z][A-Z0-9_.-]{0,19}$",
    _("Use capital letters, digits, dots, dashes or underscores, such as TEL.DAYS."),
)
option_code_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]{0,19}$",
    _("Use small letters, digits, dashes or underscores, such as two_days."),
)


def localized(obj, prefix: str, language: str | None = None) -> str:
    """The ``<prefix>_<language>`` field of ``obj``, French when it is empty."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    return getattr(obj, f"{prefix}_{language}", "") or getattr(obj, f"{prefix}_fr")


class Survey(models.Model):
    """A survey run in waves, such as the NWOW barometer of Walloon PMEs."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_de = models.CharField(_("title (German)"), max_length=200, blank=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    scope_province = models.CharField(
        _("province covered"),
        max_length=6,
        choices=Province,
        blank=True,
        help_text=_("Empty when the survey covers the whole of Wallonia."),
    )
    needs = models.ManyToManyField(
        "core.Need", verbose_name=_("needs"), related_name="surveys", blank=True
    )
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest published group"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2), MaxValueValidator(100)],
        help_text=_(
            "Groups with fewer respondents are withheld. Empty: the platform's "
            "setting (5); a value here may only raise it."
        ),
    )
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["title_fr", "id"]

    def __str__(self) -> str:
        return self.title()

    def save(self, *args, **kwargs):
        # The accent-free copy that ?q= searches, on SQLite as on PostgreSQL.
        texts = [
            getattr(self, f"{p}_{c}")
            for p in ("title", "description")
            for c in LANGUAGE_CODES
        ]
        self.search_text = normalize(" ".join(texts))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def title(self, language: str | None = None) -> str:
        return localized(self, "title", language)

    def description(self, language: str | None = None) -> str:
        return localized(self, "description", language)

    @property
    def dimension_codes(self) -> list[str]:
        return [link.dimension for link in self.dimension_links.all()]


class SurveyDimension(models.Model):
    """A maturity dimension the survey informs (a tag, like the needs)."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="dimension_links"
    )
    dimension = models.CharField(_("dimension"), max_length=2, choices=Dimension)

    class Meta:
        verbose_name = _("survey dimension")
        verbose_name_plural = _("survey dimensions")
        ordering = ["survey", "dimension"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "dimension"], name="surveys_dimension_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id} → {self.dimension}"


class Wave(FSMModelMixin, models.Model):
    """One yearly edition of a survey: draft, then open to responses, then closed.

    Results are published for closed waves only: while a wave is open, two
    looks at its results a few minutes apart would tell one response.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="waves")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    status = FSMField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        protected=True,
        db_index=True,
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("wave")
        verbose_name_plural = _("waves")
        ordering = ["survey", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "year"], name="surveys_wave_one_per_year"
            ),
            models.UniqueConstraint(
                fields=["survey"],
                condition=Q(status="open"),
                name="surveys_wave_one_open_per_survey",
            ),
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="surveys_wave_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} {self.year}"

    @transition(field=status, source=Status.DRAFT, target=Status.OPEN)
    def open(self) -> None:
        """Editor: the wave starts taking responses."""

    @transition(field=status, source=Status.OPEN, target=Status.CLOSED)
    def close(self) -> None:
        """Editor: no more responses; the results are published."""


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Free text")

    CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE)
    NUMERIC_KINDS = (Kind.SCALE, Kind.NUMBER)

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField(
        _("code"),
        max_length=20,
        validators=[code_validator],
        help_text=_("The same code in every wave, so that the trend lines up."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    required = models.BooleanField(_("required"), default=True)
    dimension = models.CharField(
        _("dimension"), max_length=2, choices=Dimension, blank=True
    )
    label_fr = models.CharField(_("question (French)"), max_length=300)
    label_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    label_de = models.CharField(_("question (German)"), max_length=300, blank=True)
    label_nl = models.CharField(_("question (Dutch)"), max_length=300, blank=True)
    help_fr = models.CharField(_("help (French)"), max_length=300, blank=True)
    help_en = models.CharField(_("help (English)"), max_length=300, blank=True)
    help_de = models.CharField(_("help (German)"), max_length=300, blank=True)
    help_nl = models.CharField(_("help (Dutch)"), max_length=300, blank=True)
    scale_min = models.SmallIntegerField(_("scale from"), default=1)
    scale_max = models.SmallIntegerField(_("scale to"), default=5)
    min_value = models.DecimalField(
        _("smallest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("largest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["wave", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "code"], name="surveys_question_code_per_wave"
            ),
            models.CheckConstraint(
                condition=Q(scale_max__gt=F("scale_min")),
                name="surveys_question_scale_order",
            ),
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(max_value__gte=F("min_value")),
                name="surveys_question_number_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.label()}"

    def label(self, language: str | None = None) -> str:
        return localized(self, "label", language)

    def help(self, language: str | None = None) -> str:
        return localized(self, "help", language)

    @property
    def is_choice(self) -> bool:
        return self.kind in self.CHOICE_KINDS

    @property
    def is_numeric(self) -> bool:
        return self.kind in self.NUMERIC_KINDS


class Option(models.Model):
    """One answer of a single- or multiple-choice question."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="options"
    )
    code = models.CharField(
        _("code"),
        max_length=20,
        validators=[option_code_validator],
        help_text=_("The same code in every wave, so that the trend lines up."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label_fr = models.CharField(_("label (French)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200, blank=True)
    label_de = models.CharField(_("label (German)"), max_length=200, blank=True)
    label_nl = models.CharField(_("label (Dutch)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["question", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "code"], name="surveys_option_code_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.label()}"

    def label(self, language: str | None = None) -> str:
        return localized(self, "label", language)


class Response(models.Model):
    """One respondent's answers to a wave, with their profile for the breakdowns."""

    wave = models.ForeignKey(Wave, on_delete=models.PROTECT, related_name="responses")
    company = models.ForeignKey(
        "pme.Company",
        verbose_name=_("company"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
        help_text=_("Empty for an anonymous response."),
    )
    # Who answered for the company; never set on an anonymous response.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    province = models.CharField(_("province"), max_length=6, choices=Province)
    size_class = models.CharField(_("size class"), max_length=6, choices=SizeClass)
    nace_section = models.CharField(
        _("NACE section"), max_length=1, choices=NaceSection, blank=True
    )
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["wave", "submitted_at", "id"]
        constraints = [
            # One response per company per wave, also under concurrent submissions.
            models.UniqueConstraint(
                fields=["wave", "company"],
                condition=Q(company__isnull=False),
                name="surveys_response_one_per_company_per_wave",
            )
        ]
        indexes = [models.Index(fields=["wave", "province", "size_class"])]

    def __str__(self) -> str:
        return _("Response #%(id)s") % {"id": self.pk}

    @property
    def is_anonymous(self) -> bool:
        return self.company_id is None


class Answer(models.Model):
    """One answer value: a chosen option, a number, or a text.

    A multiple-choice question gives one row per chosen option, so that
    counting respondents per option is one ``COUNT(DISTINCT response)``.
    """

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers"
    )
    option = models.ForeignKey(
        Option, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    number = models.DecimalField(
        _("number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "option"],
                condition=Q(option__isnull=False),
                name="surveys_answer_option_once",
            ),
            models.UniqueConstraint(
                fields=["response", "question"],
                condition=Q(option__isnull=True),
                name="surveys_answer_value_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response_id} · {self.question_id}"
