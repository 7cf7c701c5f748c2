"""One search across case studies, capsules and resources, with facets.

The text search runs in the database (``text_search``); facets and their
filters run over the matching items in memory, since the knowledge base holds
hundreds of items, not millions (``bench/bench_search.py`` measures it).
Facet counts are "disjunctive": the count of a value is what one would get by
choosing it with the other facets' choices kept, so a chosen facet still
shows its alternatives.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy as _

from core.models import Need
from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection

from ..models import Content, ContentKind, ContentStatus
from ..text import terms
from .content import MODELS, text_search

FACETS = ("kind", "need", "dimension", "province", "sector", "language", "year")
FACET_TITLES = {
    "kind": _("Kind"),
    "need": _("Need"),
    "dimension": _("Maturity dimension"),
    "province": _("Province"),
    "sector": _("Sector"),
    "language": _("Language"),
    "year": _("Year"),
}


@dataclass
class Hit:
    item: Content
    rank: float
    values: dict[str, set[str]]

    @property
    def kind(self) -> str:
        return self.item.KIND


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    title: str
    values: list[FacetValue]


@dataclass
class SearchResults:
    query: str
    hits: list[Hit]
    facets: list[Facet]
    chosen: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.hits)


def _values(item: Content) -> dict[str, set[str]]:
    def one(value) -> set[str]:
        return {str(value)} if value not in (None, "") else set()

    return {
        "kind": {item.KIND},
        "need": {need.code for need in item.needs.all()},
        "dimension": set(item.dimension_list),
        "province": one(item.province),
        "sector": one(item.sector),
        "language": one(item.language),
        "year": one(item.year),
    }


def _sqlite_rank(item: Content, words: list[str]) -> float:
    # A word in the title counts more than one lost in the story.
    title = item.search_text[: len(item.title) + 1]
    return sum(3.0 * title.count(word) + item.search_text.count(word) for word in words)


def _labels(name: str) -> dict[str, str]:
    if name == "kind":
        return dict(ContentKind.choices)
    if name == "need":
        return {need.code: need.label() for need in Need.objects.all()}
    if name == "dimension":
        return {code: f"{code} · {label}" for code, label in Dimension.choices}
    if name == "province":
        return dict(Province.choices)
    if name == "sector":
        return {code: f"{code} · {label}" for code, label in NaceSection.choices}
    if name == "language":
        return dict(settings.LANGUAGES)
    return {}


def _matches(hit: Hit, chosen: dict[str, str], skip: str | None = None) -> bool:
    return all(
        value in hit.values[name]
        for name, value in chosen.items()
        if name != skip and value
    )


def search(*, query: str = "", chosen: dict[str, str] | None = None) -> SearchResults:
    """Published items matching ``query`` and the chosen facet values.

    ``chosen`` maps a facet name (``FACETS``) to one value: ``{"need": "TEL",
    "province": "BE-WLG"}``. The results are best first, then newest.
    """
    chosen = {name: str(value) for name, value in (chosen or {}).items() if value}
    words = terms(query)

    hits: list[Hit] = []
    for kind in MODELS:
        model = MODELS[kind]
        rows = model.objects.filter(status=ContentStatus.PUBLISHED)
        queryset = text_search(rows.prefetch_related("needs"), query)
        for item in queryset:
            if connection.vendor == "postgresql" and words:
                rank = float(item.rank)
            else:
                rank = _sqlite_rank(item, words) if words else 0.0
            hits.append(Hit(item=item, rank=rank, values=_values(item)))

    facets = []
    for name in FACETS:
        counts = Counter(
            value
            for hit in hits
            if _matches(hit, chosen, skip=name)
            for value in hit.values[name]
        )
        labels = _labels(name)
        ordered = (
            sorted(counts, reverse=True)
            if name == "year"
            else sorted(counts, key=lambda v: (-counts[v], str(labels.get(v, v))))
        )
        facets.append(
            Facet(
                name=name,
                title=str(FACET_TITLES[name]),
                values=[
                    FacetValue(
                        value=value,
                        label=str(labels.get(value, value)),
                        count=counts[value],
                        selected=chosen.get(name) == value,
                    )
                    for value in ordered
                ],
            )
        )

    results = [hit for hit in hits if _matches(hit, chosen)]
    results.sort(
        key=lambda hit: (
            -hit.rank,
            -(hit.item.published_at.timestamp() if hit.item.published_at else 0),
            hit.kind,
            -hit.item.pk,
        )
    )
    return SearchResults(query=query, hits=results, facets=facets, chosen=chosen)
