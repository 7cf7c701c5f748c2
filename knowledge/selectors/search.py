"""One search across case studies, capsules and resources, with facets.

The text search runs in the database (``text_search``) and returns only the
tags of the matching items; facets and their filters run over those in
memory, since the knowledge base holds hundreds of items, not millions
(``bench/bench_search.py`` measures it). ``load_items`` then fetches the
items of the page shown.
Facet counts are "disjunctive": the count of a value is what one would get by
choosing it with the other facets' choices kept, so a chosen facet still
shows its alternatives.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy as _

from core.models import Need
from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection

from ..models import Capsule, Content, ContentKind, ContentStatus
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
    """One matching item: its tags and rank; ``item`` once ``load_items`` ran."""

    kind: str
    pk: int
    rank: float
    published_at: datetime | None
    values: dict[str, set[str]]
    item: Content | None = None


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


_TAG_FIELDS = ("province", "sector", "language", "year", "dimensions")


def _values(row: dict, kind: str, needs: set[str]) -> dict[str, set[str]]:
    def one(value) -> set[str]:
        return {str(value)} if value not in (None, "") else set()

    return {
        "kind": {kind},
        "need": needs,
        "dimension": set(row["dimensions"].split()),
        "province": one(row["province"]),
        "sector": one(row["sector"]),
        "language": one(row["language"]),
        "year": one(row["year"]),
    }


def _sqlite_rank(row: dict, words: list[str]) -> float:
    # A word in the title counts more than one lost in the story.
    text = row["search_text"]
    title = text[: len(row["title"]) + 1]
    return sum(3.0 * title.count(word) + text.count(word) for word in words)


def _need_codes(model: type[Content], ids: list[int]) -> dict[int, set[str]]:
    """Need codes per item, in one query over the M2M table."""
    through = model.needs.through
    owner = f"{model._meta.model_name}_id"
    codes: dict[int, set[str]] = {pk: set() for pk in ids}
    rows = through.objects.filter(**{f"{owner}__in": ids}).values_list(
        owner, "need__code"
    )
    for pk, code in rows:
        codes[pk].add(code)
    return codes


def load_items(hits: list[Hit]) -> list[Hit]:
    """Fetch the items of ``hits`` (a page), two queries per kind shown."""
    for kind, model in MODELS.items():
        wanted = [hit for hit in hits if hit.kind == kind]
        if not wanted:
            continue
        queryset = model.objects.prefetch_related("needs")
        if model is Capsule:
            queryset = queryset.select_related("featured_company")
        items = queryset.in_bulk([hit.pk for hit in wanted])
        for hit in wanted:
            hit.item = items[hit.pk]
    return hits


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

    ranked_in_db = connection.vendor == "postgresql" and bool(words)
    fields = ["pk", "published_at", *_TAG_FIELDS]
    if ranked_in_db:
        fields.append("rank")
    elif words:
        fields += ["title", "search_text"]

    hits: list[Hit] = []
    for kind, model in MODELS.items():
        rows = model.objects.filter(status=ContentStatus.PUBLISHED)
        found = list(text_search(rows, query).values(*fields))
        needs = _need_codes(model, [row["pk"] for row in found])
        for row in found:
            if ranked_in_db:
                rank = float(row["rank"])
            else:
                rank = _sqlite_rank(row, words) if words else 0.0
            hits.append(
                Hit(
                    kind=kind,
                    pk=row["pk"],
                    rank=rank,
                    published_at=row["published_at"],
                    values=_values(row, kind, needs[row["pk"]]),
                )
            )

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
            -(hit.published_at.timestamp() if hit.published_at else 0),
            hit.kind,
            -hit.pk,
        )
    )
    return SearchResults(query=query, hits=results, facets=facets, chosen=chosen)
