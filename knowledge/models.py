"""The knowledge base: case studies, video capsules and the resource catalogue.

The three kinds share one publication workflow (draft → in review → published
→ archived, and back to draft when an editor returns an item) and the same
tags: needs of the taxonomy, maturity dimensions, province, sector, size
class, language and year, so that search, facets and recommendations treat
them alike. Each row keeps a normalised copy of its text (``search_text``)
that search matches against on every database.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, FSMModelMixin, transition

from core.models import Need
from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass

from .text import normalize

# A DOI as Crossref defines it: "10.", a registrant code, "/", a suffix.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
DIMENSION_CODES = tuple(code for code, _label in Dimension.choices)


def validate_dimensions(value: str) -> None:
    codes = value.split()
    unknown = [code for code in codes if code not in DIMENSION_CODES]
    if unknown:
        raise ValidationError(
            _("Unknown maturity dimension: %(codes)s. Use D1 to D6."),
            code="dimension_unknown",
            params={"codes": ", ".join(unknown)},
        )


def validate_doi(value: str) -> None:
    if value and not DOI_PATTERN.fullmatch(value):
        raise ValidationError(
            _("Enter a DOI such as 10.1093/qje/qju032, without “https://doi.org/”."),
            code="doi_format",
        )


def normalize_doi(value: str) -> str:
    """Drop the resolver prefixes people paste with a DOI."""
    value = (value or "").strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/"):
        if value.lower().startswith(prefix):
            return value[len(prefix) :]
    return value.removeprefix("doi:").removeprefix("DOI:").strip()


class ContentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class ContentKind(models.TextChoices):
    CASE_STUDY = "case_study", _("Case study")
    CAPSULE = "capsule", _("Video capsule")
    RESOURCE = "resource", _("Resource")


class Content(FSMModelMixin, models.Model):
    """What the three kinds share: tags, workflow and the search text."""

    KIND: str = ""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"), max_length=1000, help_text=_("Two or three sentences.")
    )
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    needs = models.ManyToManyField(
        Need, verbose_name=_("needs"), related_name="+", blank=True
    )
    dimensions = models.CharField(
        _("maturity dimensions"),
        max_length=20,
        blank=True,
        validators=[validate_dimensions],
        help_text=_("Codes D1 to D6, separated by spaces."),
    )
    province = models.CharField(
        _("province"), max_length=6, choices=Province, blank=True
    )
    sector = models.CharField(
        _("sector (NACE section)"), max_length=1, choices=NaceSection, blank=True
    )
    size_class = models.CharField(
        _("size class"), max_length=6, choices=SizeClass, blank=True
    )
    year = models.PositiveSmallIntegerField(
        pgettext_lazy("publication", "year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    status = FSMField(
        _("status"),
        max_length=10,
        choices=ContentStatus,
        default=ContentStatus.DRAFT,
        protected=True,
        db_index=True,
    )
    status_reason = models.TextField(_("reason of the last change"), blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Sorted, unique codes: facets and filters compare whole strings.
        self.dimensions = " ".join(sorted(set(self.dimensions.split())))
        self.search_text = normalize(" ".join(p for p in self.searchable_parts() if p))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            f"knowledge:{self.KIND.replace('_', '-')}-detail", args=[self.pk]
        )

    @property
    def kind(self) -> str:
        return self.KIND

    @property
    def kind_label(self) -> str:
        return ContentKind(self.KIND).label

    @property
    def dimension_list(self) -> list[str]:
        return self.dimensions.split()

    @property
    def is_published(self) -> bool:
        return self.status == ContentStatus.PUBLISHED

    def searchable_parts(self) -> list[str]:
        return [self.title, self.summary]

    # The workflow: editors (and admins) move content; run through
    # knowledge.services.content_transition, which checks who acts.
    @transition(
        field=status, source=ContentStatus.DRAFT, target=ContentStatus.IN_REVIEW
    )
    def submit(self) -> None:
        """Editor: the draft is ready to be reviewed."""

    @transition(
        field=status, source=ContentStatus.IN_REVIEW, target=ContentStatus.PUBLISHED
    )
    def publish(self) -> None:
        """Editor: the item becomes public."""

    @transition(
        field=status, source=ContentStatus.IN_REVIEW, target=ContentStatus.DRAFT
    )
    def send_back(self) -> None:
        """Editor: the item goes back to its author with a reason."""

    @transition(
        field=status, source=ContentStatus.PUBLISHED, target=ContentStatus.ARCHIVED
    )
    def archive(self) -> None:
        """Editor: the item leaves the public pages and stays in the records."""


class CaseStudy(Content):
    """How a Walloon PME moved to the New Ways of Working, told as a story."""

    KIND = ContentKind.CASE_STUDY

    company = models.ForeignKey(
        "pme.Company",
        verbose_name=_("registered company"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_studies",
    )
    company_name = models.CharField(
        _("company name"),
        max_length=200,
        help_text=_("As shown to readers, also when the company is registered."),
    )
    employees = models.PositiveIntegerField(_("staff headcount"), null=True, blank=True)
    situation = models.TextField(_("the situation"), max_length=10000)
    actions = models.TextField(_("what was done"), max_length=10000)
    results = models.TextField(_("results"), max_length=10000)
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert involved"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(Content.Meta):
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def searchable_parts(self) -> list[str]:
        return [
            *super().searchable_parts(),
            self.company_name,
            self.situation,
            self.actions,
            self.results,
        ]


class KeyFigure(models.Model):
    """One result in figures: "−30 % office space", "absenteeism 6 % → 3.5 %"."""

    case_study = models.ForeignKey(
        CaseStudy, on_delete=models.CASCADE, related_name="figures"
    )
    value = models.CharField(_("figure"), max_length=40)
    label = models.CharField(_("what it measures"), max_length=160)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("ordering", "position"), default=0
    )

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["case_study", "position", "id"]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class Quote(models.Model):
    case_study = models.ForeignKey(
        CaseStudy, on_delete=models.CASCADE, related_name="quotes"
    )
    text = models.TextField(_("quote"), max_length=2000)
    author_name = models.CharField(_("said by"), max_length=120, blank=True)
    author_role = models.CharField(_("their role"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("ordering", "position"), default=0
    )

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["case_study", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


def _capsule_path(capsule: "Capsule", filename: str) -> str:
    # The stored name never comes from the uploader.
    return f"knowledge/capsules/{filename}"


class Capsule(Content):
    """A short video, with its transcript and subtitles for accessibility."""

    KIND = ContentKind.CAPSULE

    class VideoType(models.TextChoices):
        MP4 = "video/mp4", "MP4"
        WEBM = "video/webm", "WebM"

    duration_seconds = models.PositiveIntegerField(
        _("duration (seconds)"), validators=[MaxValueValidator(3 * 3600)]
    )
    video_file = models.FileField(
        _("video file"), upload_to=_capsule_path, blank=True, max_length=200
    )
    video_type = models.CharField(
        _("video type"), max_length=10, choices=VideoType, blank=True, editable=False
    )
    external_url = models.URLField(
        _("external video link"),
        blank=True,
        help_text=_("Instead of a file: a link to the video elsewhere."),
    )
    transcript = models.TextField(_("transcript"), max_length=50000)
    subtitles_file = models.FileField(
        _("subtitles (WebVTT)"), upload_to=_capsule_path, blank=True, max_length=200
    )
    featured_company = models.ForeignKey(
        "pme.Company",
        verbose_name=_("featured company"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="capsules",
    )
    featured_company_name = models.CharField(
        _("featured company name"), max_length=200, blank=True
    )

    class Meta(Content.Meta):
        verbose_name = _("video capsule")
        verbose_name_plural = _("video capsules")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(video_file="") | ~models.Q(external_url=""),
                name="knowledge_capsule_has_video",
            )
        ]

    def searchable_parts(self) -> list[str]:
        return [
            *super().searchable_parts(),
            self.featured_company_name,
            self.transcript,
        ]

    @property
    def duration_label(self) -> str:
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"{minutes}:{seconds:02d}"


class Resource(Content):
    """A statistic, publication, study, guide or template, with its citation."""

    KIND = ContentKind.RESOURCE

    class Kind(models.TextChoices):
        STATISTICS = "statistics", _("Statistics")
        PUBLICATION = "publication", _("Scientific publication")
        STUDY = "study", _("Study")
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Template")
        LEGISLATION = "legislation", _("Legislation")

    resource_kind = models.CharField(_("kind of resource"), max_length=12, choices=Kind)
    authors = models.CharField(
        _("authors"),
        max_length=500,
        blank=True,
        help_text=_("“Last name, First name” separated by semicolons."),
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("Journal, institution or editor."),
    )
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("issue"), max_length=20, blank=True)
    pages = models.CharField(
        _("pages"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\d+([–-]\d+)?$")],
    )
    url = models.URLField(_("link"), blank=True, max_length=500)
    file = models.FileField(
        _("file"), upload_to="knowledge/resources/", blank=True, max_length=200
    )
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_("Only when the publication has one, such as 10.1093/qje/qju032."),
    )

    class Meta(Content.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-year", "title", "id"]

    def searchable_parts(self) -> list[str]:
        return [*super().searchable_parts(), self.authors, self.publisher, self.doi]

    @property
    def author_list(self) -> list[str]:
        return [name.strip() for name in self.authors.split(";") if name.strip()]

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""
