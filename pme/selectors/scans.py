"""Reads of the maturity scan: the questionnaire, a company's scans, its
progress, the needs that address its weakest dimensions and its benchmark."""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils.translation import gettext as _

from core.errors import NotFound
from core.models import Need, User
from core.reference.maturity import Dimension

from ..models import (
    Assessment,
    Company,
    Question,
    QuestionnaireDimension,
    QuestionnaireVersion,
)
from ..scoring import ScanResult

WEAKEST_COUNT = 2


# -- the questionnaire --------------------------------------------------------


def questionnaire_get(*, number: int | None = None) -> QuestionnaireVersion:
    """The current version (or the one numbered ``number``), with its
    dimensions and their questions prefetched in order."""
    versions = QuestionnaireVersion.objects.prefetch_related(
        Prefetch(
            "dimensions",
            queryset=QuestionnaireDimension.objects.order_by("position", "code"),
        ),
        Prefetch(
            "dimensions__questions",
            queryset=Question.objects.order_by("position", "code"),
        ),
    )
    lookup = {"is_current": True} if number is None else {"number": number}
    try:
        return versions.get(**lookup)
    except QuestionnaireVersion.DoesNotExist:
        raise NotFound(_("No questionnaire has been published yet.")) from None


def questionnaire_current() -> QuestionnaireVersion:
    return questionnaire_get()


def questionnaire_structure(version: QuestionnaireVersion) -> dict[str, list[str]]:
    """{dimension code: [question codes]} of a version, in the asked order."""
    rows = (
        Question.objects.filter(dimension__version=version)
        .order_by("dimension__position", "dimension__code", "position", "code")
        .values_list("dimension__code", "code")
    )
    structure: dict[str, list[str]] = {
        code: []
        for code in version.dimensions.order_by("position", "code").values_list(
            "code", flat=True
        )
    }
    for dimension, question in rows:
        structure[dimension].append(question)
    return structure


def dimension_labels(
    version: QuestionnaireVersion, language: str | None = None
) -> dict[str, str]:
    """{dimension code: label} of a version, in ``language`` or the active one."""
    return {
        dimension.code: dimension.label(language)
        for dimension in version.dimensions.order_by("position", "code")
    }


# -- companies and their scans ------------------------------------------------


def company_list_for_member(*, user: User) -> QuerySet[Company]:
    """The companies whose scans ``user`` may see and take: their own only.

    Agency users are not members of companies and see none here: the scan
    pages and endpoints are for the companies themselves.
    """
    if not user.is_authenticated:
        return Company.objects.none()
    return Company.objects.filter(memberships__user=user)


def company_get_for_member(*, user: User, pk: int) -> Company:
    try:
        return company_list_for_member(user=user).get(pk=pk)
    except Company.DoesNotExist:
        raise NotFound() from None


def assessment_list(*, user: User) -> QuerySet[Assessment]:
    """Every scan of the companies ``user`` belongs to, newest first."""
    return Assessment.objects.filter(
        company__in=company_list_for_member(user=user)
    ).select_related("company", "version")


def assessment_get(*, user: User, pk: int) -> Assessment:
    try:
        return assessment_list(user=user).get(pk=pk)
    except Assessment.DoesNotExist:
        raise NotFound() from None


def assessment_list_for_company(company: Company) -> QuerySet[Assessment]:
    return company.assessments.select_related("version").order_by("-taken_at", "-id")


def assessment_latest(company: Company) -> Assessment | None:
    return assessment_list_for_company(company).first()


def assessment_result(assessment: Assessment) -> ScanResult:
    """The stored scores of an assessment as a ScanResult (weakest(), …)."""
    overall = assessment.overall_score
    return ScanResult(
        dimension_scores=dict(assessment.dimension_scores),
        overall_score=float(overall) if overall is not None else None,
        level=assessment.level,
    )


@dataclass(frozen=True)
class ScanHistory:
    """A company's scans, oldest first, and each dimension's score per scan."""

    scans: list[Assessment]
    dimensions: dict[str, list[float | None]] = field(default_factory=dict)

    @property
    def dates(self) -> list[datetime]:
        return [scan.taken_at for scan in self.scans]

    @property
    def overall(self) -> list[float | None]:
        return [assessment_result(scan).overall_score for scan in self.scans]


def scan_history(company: Company) -> ScanHistory:
    scans = list(assessment_list_for_company(company).order_by("taken_at", "id"))
    # Dimensions come from the stored scores, so that scans taken on
    # different questionnaire versions still line up by dimension code.
    codes = [str(code) for code in Dimension.values]
    return ScanHistory(
        scans=scans,
        dimensions={
            code: [scan.dimension_scores.get(code) for scan in scans] for code in codes
        },
    )


# -- what to do next ----------------------------------------------------------


def suggested_needs(
    result: ScanResult | Assessment, *, count: int = WEAKEST_COUNT
) -> list[Need]:
    """Active needs of the taxonomy that improve the weakest dimensions, the
    needs of the weakest dimension first, each need once."""
    if isinstance(result, Assessment):
        result = assessment_result(result)
    weakest = result.weakest(count)
    if not weakest:
        return []

    needs = (
        Need.objects.filter(is_active=True, dimension_links__dimension__in=weakest)
        .prefetch_related("dimension_links")
        .distinct()
        .order_by("position", "code")
    )
    rank = {code: index for index, code in enumerate(weakest)}
    return sorted(
        needs,
        key=lambda need: min(
            rank.get(code, len(rank)) for code in need.dimension_codes
        ),
    )


# -- benchmark ----------------------------------------------------------------


@dataclass(frozen=True)
class Benchmark:
    """Medians of comparable companies, or why there are none.

    ``dimension_scores`` and ``overall_score`` are None when the group is
    smaller than ``minimum``: too few companies to compare with, and a median
    of two or three would come close to revealing their own scores.
    """

    group_size: int
    minimum: int
    dimension_scores: dict[str, float | None] | None = None
    overall_score: float | None = None

    @property
    def available(self) -> bool:
        return self.dimension_scores is not None


def benchmark_min_group() -> int:
    return int(settings.NWOW.get("BENCHMARK_MIN_GROUP", 5))


def _median(values: Iterable[float | None]) -> float | None:
    given = [float(value) for value in values if value is not None]
    return round(statistics.median(given), 2) if given else None


def benchmark(assessment: Assessment) -> Benchmark:
    """Compare with the latest scan of each other company of the same size
    class, NACE section and province.

    One row per comparable company (its latest scan, picked by a subquery),
    so the medians are computed in Python with ``statistics.median``: a group
    holds at most a few thousand rows, and SQLite has no median function.
    """
    company = assessment.company
    latest_scan = (
        Assessment.objects.filter(company=OuterRef("pk"))
        .order_by("-taken_at", "-id")
        .values("pk")[:1]
    )
    peers = (
        Company.objects.filter(
            size_class=company.size_class,
            nace_section=company.nace_section,
            province=company.province,
        )
        .exclude(pk=company.pk)
        .annotate(latest_scan=Subquery(latest_scan))
        .filter(latest_scan__isnull=False)
        .values("latest_scan")
    )
    rows = list(
        Assessment.objects.filter(pk__in=peers).values(
            "dimension_scores", "overall_score"
        )
    )

    minimum = benchmark_min_group()
    if len(rows) < minimum:
        return Benchmark(group_size=len(rows), minimum=minimum)

    codes = [str(code) for code in Dimension.values]
    return Benchmark(
        group_size=len(rows),
        minimum=minimum,
        dimension_scores={
            code: _median(row["dimension_scores"].get(code) for row in rows)
            for code in codes
        },
        overall_score=_median(row["overall_score"] for row in rows),
    )


# -- the dashboard ------------------------------------------------------------


def latest_scans_for_user(*, user: User) -> list[tuple[Company, Assessment | None]]:
    """Each company of ``user`` with its latest scan, or None (two queries)."""
    companies = list(company_list_for_member(user=user).order_by("name", "id"))
    latest_ids = (
        Assessment.objects.filter(company=OuterRef("pk"))
        .order_by("-taken_at", "-id")
        .values("pk")[:1]
    )
    scan_ids = (
        Company.objects.filter(pk__in=[company.pk for company in companies])
        .annotate(latest_scan=Subquery(latest_ids))
        .values("latest_scan")
    )
    scans = {
        scan.company_id: scan
        for scan in Assessment.objects.filter(pk__in=scan_ids).select_related("version")
    }
    return [(company, scans.get(company.pk)) for company in companies]
