"""What ranking needs to know about one request, as snapshot indices."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from pme.models import Membership

from ..models import ExpertRequest
from .snapshot import (
    DIMENSION_INDEX,
    LANGUAGE_INDEX,
    PROVINCE_INDEX,
    SECTION_INDEX,
    SIZE_INDEX,
    Snapshot,
)

# A need none of whose dimensions the scan measured counts half.
UNSCANNED_NEED_WEIGHT = 0.5


@dataclass(frozen=True)
class RequestContext:
    need_columns: np.ndarray  # int (k,) columns of the request's needs
    need_weights: np.ndarray  # float (k,) maturity gap of each need
    primary_column: int | None
    dimension_columns: np.ndarray  # int, dimensions linked to the needs
    language: str
    language_index: int | None
    province: str
    province_index: int | None
    size_index: int | None
    section_index: int | None
    member_ids: np.ndarray  # int64, members of the company


def need_gap(dimensions: Sequence[str], scores: dict) -> float:
    """Mean gap (100 − score) / 100 of the scanned dimensions of a need."""
    gaps = [
        (100.0 - float(scores[d])) / 100.0
        for d in dimensions
        if isinstance(scores.get(d), int | float)
    ]
    if not gaps:
        return UNSCANNED_NEED_WEIGHT
    return min(max(sum(gaps) / len(gaps), 0.0), 1.0)


def build_contexts(
    snapshot: Snapshot, requests: Iterable[ExpertRequest]
) -> list[RequestContext]:
    """Contexts of many requests with two queries in all.

    The requests should come with ``company``, ``assessment`` and
    ``primary_need`` selected and ``needs`` prefetched (as the selectors do).
    """
    requests = list(requests)
    # The company's members: an expert who is one has a conflict of interest.
    members: dict[int, list[int]] = defaultdict(list)
    for company_id, user_id in Membership.objects.filter(
        company_id__in={r.company_id for r in requests}
    ).values_list("company_id", "user_id"):
        members[company_id].append(user_id)
    return [
        _context(snapshot, request, members[request.company_id]) for request in requests
    ]


def _context(
    snapshot: Snapshot, request: ExpertRequest, member_ids: list[int]
) -> RequestContext:
    needs = [
        snapshot.needs[snapshot.need_column[need.pk]]
        for need in request.needs.all()
        if need.pk in snapshot.need_column
    ]
    scores = (request.assessment.dimension_scores if request.assessment else {}) or {}
    dimensions = sorted({d for need in needs for d in need.dimensions})
    company = request.company
    return RequestContext(
        need_columns=np.array(
            [snapshot.need_column[need.id] for need in needs], dtype=np.intp
        ),
        need_weights=np.array(
            [need_gap(need.dimensions, scores) for need in needs], dtype=float
        ),
        primary_column=snapshot.need_column.get(request.primary_need_id),
        dimension_columns=np.array(
            [DIMENSION_INDEX[d] for d in dimensions if d in DIMENSION_INDEX],
            dtype=np.intp,
        ),
        language=request.language,
        language_index=LANGUAGE_INDEX.get(request.language),
        province=company.province,
        province_index=PROVINCE_INDEX.get(company.province),
        size_index=SIZE_INDEX.get(company.size_class),
        section_index=SECTION_INDEX.get(company.nace_section),
        member_ids=np.array(member_ids, dtype=np.int64),
    )
