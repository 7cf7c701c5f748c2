"""Companies (PME), their members, and the NWOW/HR maturity scan.

The questionnaire is versioned data: an assessment points to the version it
was taken on, keeps its raw answers, and stores the scores computed from
them, so a new version never changes the scores of past assessments.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.reference.enterprise import validate_enterprise_number
from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NACE_VERSION, NaceSection
from core.reference.sme import SizeClass


def _localized(obj, prefix: str, language: str | None = None) -> str:
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    return getattr(obj, f"{prefix}_{language}", None) or getattr(obj, f"{prefix}_fr")


class Company(models.Model):
    """A small or medium enterprise registered in Wallonia."""

    name = models.CharField(_("name"), max_length=200)
    enterprise_number = models.CharField(
        _("enterprise number"),
        max_length=10,
        unique=True,
        validators=[validate_enterprise_number],
        help_text=_("10 digits, as registered at the Crossroads Bank for Enterprises."),
    )
    postal_code = models.CharField(
        _("postal code"), max_length=4, validators=[RegexValidator(r"^\d{4}$")]
    )
    province = models.CharField(
        _("province"), max_length=6, choices=Province, editable=False
    )
    nace_code = models.CharField(
        _("NACE-BEL code"),
        max_length=7,
        help_text=_("Main activity, NACE-BEL 2025, such as 62.100."),
    )
    nace_version = models.CharField(
        _("NACE-BEL version"), max_length=4, default=NACE_VERSION, editable=False
    )
    nace_section = models.CharField(
        _("NACE section"), max_length=1, choices=NaceSection, editable=False
    )
    employees = models.PositiveIntegerField(
        _("staff headcount"), validators=[MaxValueValidator(100_000)]
    )
    annual_turnover_eur = models.DecimalField(
        _("annual turnover (EUR)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    balance_sheet_eur = models.DecimalField(
        _("balance sheet total (EUR)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    size_class = models.CharField(
        _("size class"), max_length=6, choices=SizeClass, editable=False
    )
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="companies",
        verbose_name=_("members"),
    )

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["size_class", "nace_section", "province"])]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="company_memberships",
    )
    role = models.CharField(_("role"), max_length=6, choices=Role, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["company", "joined_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "user"], name="pme_membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.company}"


class Invitation(models.Model):
    """An e-mail invitation to join a company; the link is signed and expires."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.company}"


class QuestionnaireVersion(models.Model):
    """One version of the NWOW/HR maturity questionnaire (domain.md §5)."""

    number = models.PositiveSmallIntegerField(_("version"), unique=True)
    is_current = models.BooleanField(
        _("current"),
        default=False,
        help_text=_("New scans use the current version; past scans keep theirs."),
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="pme_one_current_questionnaire",
            )
        ]

    def __str__(self) -> str:
        return _("Questionnaire v%(number)s") % {"number": self.number}


class QuestionnaireDimension(models.Model):
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="dimensions"
    )
    code = models.CharField(_("code"), max_length=2, choices=Dimension)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label_fr = models.CharField(_("label (French)"), max_length=120)
    label_en = models.CharField(_("label (English)"), max_length=120)
    label_de = models.CharField(_("label (German)"), max_length=120)
    label_nl = models.CharField(_("label (Dutch)"), max_length=120)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["version", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="pme_dimension_unique_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.label()}"

    def label(self, language: str | None = None) -> str:
        return _localized(self, "label", language)


class Question(models.Model):
    dimension = models.ForeignKey(
        QuestionnaireDimension, on_delete=models.CASCADE, related_name="questions"
    )
    code = models.CharField(
        _("code"),
        max_length=8,
        validators=[RegexValidator(r"^D[1-6]\.\d{1,2}$")],
        help_text=_("Stable within a version, such as D2.3."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_fr = models.TextField(_("text (French)"))
    text_en = models.TextField(_("text (English)"))
    text_de = models.TextField(_("text (German)"))
    text_nl = models.TextField(_("text (Dutch)"))

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["dimension__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "code"], name="pme_question_unique_in_dimension"
            )
        ]

    def __str__(self) -> str:
        return self.code

    def text(self, language: str | None = None) -> str:
        return _localized(self, "text", language)


class Assessment(models.Model):
    """One maturity scan of a company: raw answers plus the scores they gave."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="assessments"
    )
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="assessments"
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    taken_at = models.DateTimeField(_("taken at"), auto_now_add=True, db_index=True)
    dimension_scores = models.JSONField(
        _("dimension scores"),
        default=dict,
        help_text=_("0–100 per dimension code; null when no question was answered."),
    )
    overall_score = models.DecimalField(
        _("overall score"), max_digits=5, decimal_places=2, null=True
    )
    level = models.PositiveSmallIntegerField(
        _("level"), null=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("maturity scan")
        verbose_name_plural = _("maturity scans")
        ordering = ["-taken_at", "-id"]
        get_latest_by = "taken_at"

    def __str__(self) -> str:
        return f"{self.company} · {self.taken_at:%Y-%m-%d}"


class Answer(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    # 0 absent · 1 ad hoc · 2 some teams · 3 company-wide · 4 measured and
    # improved; NULL is "don't know", left out of every score.
    value = models.PositiveSmallIntegerField(
        _("answer"), null=True, blank=True, validators=[MaxValueValidator(4)]
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question"], name="pme_answer_unique"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__lte=4),
                name="pme_answer_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question.code}={self.value}"
