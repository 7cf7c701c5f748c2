"""Content to read for a company's needs: the recommendations panel.

Knowledge knows nothing of expert requests or scans: callers pass the needs,
the weakest dimensions, the company's sector and size class and the reader's
language (``knowledge.api`` looks the request up first).

The order follows what helps a company most:
1. content that addresses its needs or its weakest dimensions, then
2. stories of peers (same sector and size class) that address neither;
within each tier the reader's language first, then the strongest match.
Each recommendation says why it is there.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from core.models import Need
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass

from ..models import CaseStudy, Content, ContentStatus
from .content import MODELS

NEED_WEIGHT = 3.0
DIMENSION_WEIGHT = 2.0
SECTOR_WEIGHT = 1.5
SIZE_WEIGHT = 1.0


@dataclass
class Recommendation:
    item: Content
    score: float
    reasons: list[str]
    tier: int
    in_language: bool

    @property
    def kind(self) -> str:
        return self.item.KIND


def _candidates(
    model: type[Content],
    needs: set[str],
    dimensions: set[str],
    sector: str,
    size_class: str,
):
    wanted = Q(needs__code__in=needs) if needs else Q(pk__in=[])
    for code in dimensions:
        wanted |= Q(dimensions__contains=code)
    if sector:
        wanted |= Q(sector=sector)
    if size_class:
        wanted |= Q(size_class=size_class)
    ids = (
        model.objects.filter(status=ContentStatus.PUBLISHED)
        .filter(wanted)
        .values("pk")
        .distinct()
    )
    return model.objects.filter(pk__in=ids).prefetch_related("needs")


def recommendations_for(
    *,
    needs: Iterable[str],
    weak_dimensions: Iterable[str] = (),
    sector: str = "",
    size_class: str = "",
    language: str = "fr",
    limit: int = 6,
) -> list[Recommendation]:
    """Up to ``limit`` published items, best first, each with its reasons."""
    needs = {str(code) for code in needs}
    dimensions = {str(code) for code in weak_dimensions if code in Dimension.values}
    language = (language or "fr")[:2]
    need_labels = {
        need.code: need.label(language) for need in Need.objects.filter(code__in=needs)
    }

    found: list[Recommendation] = []
    for model in MODELS.values():
        for item in _candidates(model, needs, dimensions, sector, size_class):
            item_needs = sorted(need.code for need in item.needs.all())
            shared_needs = [code for code in item_needs if code in needs]
            shared_dimensions = [d for d in item.dimension_list if d in dimensions]
            same_sector = bool(sector) and item.sector == sector
            same_size = bool(size_class) and item.size_class == size_class
            peer = isinstance(item, CaseStudy) and same_sector and same_size

            reasons = [
                _("Addresses your need “%(need)s”.")
                % {"need": need_labels.get(code, code)}
                for code in shared_needs
            ] + [
                _("Works on one of your weakest dimensions: %(dimension)s.")
                % {"dimension": Dimension(code).label}
                for code in shared_dimensions
            ]
            if peer:
                reasons.append(
                    _("A company like yours: %(sector)s, %(size)s.")
                    % {
                        "sector": NaceSection(sector).label,
                        "size": SizeClass(size_class).label.lower(),
                    }
                )
            if not shared_needs and not shared_dimensions and not peer:
                continue  # a shared sector or size alone says too little

            score = (
                NEED_WEIGHT * len(shared_needs)
                + DIMENSION_WEIGHT * len(shared_dimensions)
                + SECTOR_WEIGHT * same_sector
                + SIZE_WEIGHT * same_size
            )
            found.append(
                Recommendation(
                    item=item,
                    score=score,
                    reasons=reasons,
                    tier=1 if shared_needs or shared_dimensions else 2,
                    in_language=item.language == language,
                )
            )

    found.sort(
        key=lambda rec: (
            rec.tier,
            not rec.in_language,
            -rec.score,
            -(rec.item.published_at.timestamp() if rec.item.published_at else 0),
            rec.kind,
            rec.item.pk,
        )
    )
    return found[:limit]


def recommendations_for_request(
    *, expert_request, language: str | None = None, limit: int = 6
) -> list[Recommendation]:
    """Recommendations for an expert request the caller may already see.

    Takes the request's needs and company, and the weakest dimensions of the
    company's latest maturity scan (through ``pme``'s selectors); knowledge
    reads no matching model itself.
    """
    from pme.selectors.scans import assessment_latest, assessment_result

    company = expert_request.company
    assessment = assessment_latest(company)
    weakest = assessment_result(assessment).weakest() if assessment else []
    return recommendations_for(
        needs=[need.code for need in expert_request.needs.all()],
        weak_dimensions=weakest,
        sector=company.nace_section,
        size_class=company.size_class,
        language=language or expert_request.language or company.language,
        limit=limit,
    )
