"""The explainable ranking of approved experts for an expert request."""

from .engine import (
    FilteredExpert,
    RankedExpert,
    Ranking,
    current_reranker,
    proposals_refresh,
    rank,
    rank_detailed,
    register_reranker,
    score_matrix,
)
from .snapshot import connect_snapshot_invalidation, get_snapshot, invalidate_snapshot

__all__ = [
    "FilteredExpert",
    "RankedExpert",
    "Ranking",
    "connect_snapshot_invalidation",
    "current_reranker",
    "get_snapshot",
    "invalidate_snapshot",
    "proposals_refresh",
    "rank",
    "rank_detailed",
    "register_reranker",
    "score_matrix",
]
