"""Rank the approved experts for a request, and score many requests at once.

The hand-tuned score is Σ weight × component with the current
WeightsVersion. A learned model registered with ``register_reranker`` only
changes the order; the score and components shown stay the hand-tuned ones,
so they still add up and stay explainable.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from ..models import ExpertRequest, Proposal, WeightsVersion
from . import components as comp
from .context import RequestContext, build_contexts
from .filters import eligible, failures, reason_codes
from .reasons import reasons_for
from .snapshot import LANGUAGES, PROVINCES, Snapshot, get_snapshot

# Scores and components are rounded alike so that the rounded components
# add up to the rounded score.
DECIMALS = 4

Reranker = Callable[[np.ndarray, tuple[str, ...]], np.ndarray]
_reranker: Reranker | None = None


def register_reranker(fn: Reranker | None) -> None:
    """Order rankings with a learned model (None returns to the hand-tuned score).

    ``fn(components, names)`` receives the raw components (experts ×
    names, each in [0, 1]) and returns one score per expert; its
    ``version`` attribute is stored on each proposal.
    """
    global _reranker
    _reranker = fn


def current_reranker() -> Reranker | None:
    return _reranker


@dataclass(frozen=True)
class RankedExpert:
    expert_id: int
    name: str
    domains: list[str]
    provinces: list[str]
    languages: list[str]
    score: float
    components: dict[str, float]
    reasons: list[str]
    rank: int


@dataclass(frozen=True)
class FilteredExpert:
    expert_id: int
    name: str
    codes: list[str]


@dataclass
class Ranking:
    experts: list[RankedExpert]
    weights_version: WeightsVersion
    model_version: str = ""
    filtered_out: list[FilteredExpert] = field(default_factory=list)


def current_weights() -> WeightsVersion:
    weights = (
        WeightsVersion.objects.filter(is_current=True).first()
        or WeightsVersion.objects.order_by("-number").first()
    )
    if weights is None:
        raise ImproperlyConfigured("No ranking WeightsVersion: run migrate.")
    return weights


def contributions(components: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """weight × component per factor, rounded."""
    return np.round(components * weights, DECIMALS)


def scores_of(contribution: np.ndarray) -> np.ndarray:
    return np.round(contribution.sum(axis=-1), DECIMALS)


def score_vector(
    snapshot: Snapshot,
    context: RequestContext,
    weights: np.ndarray,
    *,
    today: datetime.date | None = None,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """(scores with -inf where a filter fails, raw components, filter masks)."""
    masks = failures(snapshot, context)
    raw = comp.compute(snapshot, context, today=today)
    # Rounding is the costly step: only the eligible rows need a score.
    rows = np.flatnonzero(eligible(masks))
    scores = np.full(snapshot.size, -np.inf)
    scores[rows] = scores_of(contributions(raw[rows], weights))
    return scores, raw, masks


def _prepared(requests: Iterable[ExpertRequest]):
    snapshot = get_snapshot()
    return snapshot, build_contexts(snapshot, requests)


def rank_detailed(
    request: ExpertRequest, *, limit: int = 10, explain: bool = False
) -> Ranking:
    """The top experts with their reasons; the filtered-out ones if ``explain``."""
    snapshot, (context,) = _prepared([request])
    version = current_weights()
    weights = comp.weight_vector(version.weights)
    scores, raw, masks = score_vector(snapshot, context, weights)

    rows = np.flatnonzero(np.isfinite(scores))
    reranker = current_reranker()
    model_version = ""
    if reranker is not None and len(rows):
        order_key = np.asarray(reranker(raw[rows], comp.COMPONENT_NAMES), dtype=float)
        model_version = str(getattr(reranker, "version", ""))[:64]
    else:
        order_key = scores[rows]
    # Best first; the expert id breaks ties so that the order is stable.
    order = np.lexsort((snapshot.expert_ids[rows], -order_key))
    top = rows[order[:limit]]

    parts = contributions(raw[top], weights)
    experts = [
        _ranked(snapshot, context, row, raw[row], parts[i], float(scores[row]), i + 1)
        for i, row in enumerate(top)
    ]
    filtered = []
    if explain:
        filtered = [
            FilteredExpert(
                expert_id=int(snapshot.expert_ids[row]),
                name=snapshot.names[row],
                codes=reason_codes(masks, row),
            )
            for row in np.flatnonzero(~np.isfinite(scores))
        ]
    return Ranking(experts, version, model_version, filtered)


def rank(request: ExpertRequest, *, limit: int = 10) -> list[RankedExpert]:
    return rank_detailed(request, limit=limit).experts


def proposal_components(request: ExpertRequest, expert_id: int) -> dict[str, float]:
    """The weighted components of one expert for one request (they add up to
    the score), or an empty dict when the expert fails a hard filter."""
    snapshot, (context,) = _prepared([request])
    weights = comp.weight_vector(current_weights().weights)
    scores, raw, _masks = score_vector(snapshot, context, weights)
    rows = np.flatnonzero(snapshot.expert_ids == expert_id)
    if not len(rows) or not np.isfinite(scores[rows[0]]):
        return {}
    parts = contributions(raw[rows[:1]], weights)[0]
    return {
        name: round(float(value), 4)
        for name, value in zip(comp.COMPONENT_NAMES, parts, strict=True)
    }


def passes_filters(request: ExpertRequest, expert_id: int) -> tuple[bool, str | None]:
    """Whether one expert passes every hard filter of a request, else the first
    failing reason code (choosing an expert applies the ranking's own rules)."""
    snapshot, (context,) = _prepared([request])
    weights = comp.weight_vector(current_weights().weights)
    scores, _raw, masks = score_vector(snapshot, context, weights)
    rows = np.flatnonzero(snapshot.expert_ids == expert_id)
    if not len(rows):
        # Not in the snapshot: no matchable accreditation at all.
        return False, "no_accreditation"
    row = int(rows[0])
    if np.isfinite(scores[row]):
        return True, None
    return False, reason_codes(masks, row)[0]


def _ranked(snapshot, context, row, raw_row, parts_row, score, position):
    return RankedExpert(
        expert_id=int(snapshot.expert_ids[row]),
        name=snapshot.names[row],
        domains=[
            snapshot.needs[c].code for c in np.flatnonzero(snapshot.accredited[row])
        ],
        provinces=[PROVINCES[i] for i in np.flatnonzero(snapshot.provinces[row])],
        languages=[LANGUAGES[i] for i in np.flatnonzero(snapshot.languages[row])],
        score=score,
        components={
            name: float(parts_row[i]) for i, name in enumerate(comp.COMPONENT_NAMES)
        },
        reasons=reasons_for(snapshot, context, row, raw_row),
        rank=position,
    )


def score_matrix(
    requests: Iterable[ExpertRequest],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(expert ids, scores [requests × experts] with -inf when filtered, free slots).

    The hand-tuned score of ``rank`` with the current weights, for the batch
    assignment. Requests should come from ``request_list_for`` (needs
    prefetched, company and assessment selected).
    """
    snapshot, contexts = _prepared(requests)
    weights = comp.weight_vector(current_weights().weights)
    matrix = np.full((len(contexts), snapshot.size), -np.inf)
    for i, context in enumerate(contexts):
        matrix[i] = score_vector(snapshot, context, weights)[0]
    return snapshot.expert_ids.copy(), matrix, snapshot.free_capacity.copy()


@transaction.atomic
def proposals_refresh(
    *, expert_request: ExpertRequest, limit: int = 10, explain: bool = False
) -> Ranking:
    """Rank and store the proposals, replacing the unchosen ones of the request."""
    ranking = rank_detailed(expert_request, limit=limit, explain=explain)

    Proposal.objects.filter(request=expert_request, chosen=False).delete()
    # A chosen expert ranked again keeps its row (and its choice): update it.
    Proposal.objects.bulk_create(
        [
            Proposal(
                request=expert_request,
                expert_id=ranked.expert_id,
                rank=ranked.rank,
                score=ranked.score,
                components=ranked.components,
                weights_version=ranking.weights_version,
                model_version=ranking.model_version,
            )
            for ranked in ranking.experts
        ],
        update_conflicts=True,
        unique_fields=["request", "expert"],
        update_fields=[
            "rank",
            "score",
            "components",
            "weights_version",
            "model_version",
        ],
    )
    return ranking
