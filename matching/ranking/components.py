"""The score's components, each in [0, 1], for every expert at once."""

from __future__ import annotations

import datetime

import numpy as np
from django.conf import settings

from ..weights import COMPONENTS
from .context import RequestContext
from .snapshot import PROVINCE_INDEX, Snapshot, exploration

__all__ = ["COMPONENT_NAMES", "compute", "exploration", "proximity"]

COMPONENT_NAMES: tuple[str, ...] = tuple(COMPONENTS)

SAME_PROVINCE, ADJACENT_PROVINCE, REMOTE_ONLY = 1.0, 0.7, 0.5

# Walloon provinces that share a border.
ADJACENT_PROVINCES: dict[str, tuple[str, ...]] = {
    "BE-WBR": ("BE-WHT", "BE-WNA", "BE-WLG"),
    "BE-WHT": ("BE-WBR", "BE-WNA"),
    "BE-WLG": ("BE-WBR", "BE-WNA", "BE-WLX"),
    "BE-WLX": ("BE-WNA", "BE-WLG"),
    "BE-WNA": ("BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX"),
}


def compute(
    snapshot: Snapshot,
    context: RequestContext,
    *,
    today: datetime.date | None = None,
) -> np.ndarray:
    """Components matrix (experts × COMPONENT_NAMES), every value in [0, 1]."""
    today = today or datetime.date.today()
    n = snapshot.size
    # Column-major: each component is written as one contiguous column.
    out = np.zeros((n, len(COMPONENT_NAMES)), order="F")
    columns = {name: i for i, name in enumerate(COMPONENT_NAMES)}

    # Loops over the request's few needs and dimensions: adding whole
    # columns is faster than fancy indexing the matrix.
    total_weight = float(context.need_weights.sum())
    if total_weight > 0:
        coverage = out[:, columns["need_coverage"]]
        for column, weight in zip(
            context.need_columns.tolist(), context.need_weights.tolist(), strict=True
        ):
            coverage += (weight / total_weight) * snapshot.accredited[:, column]

    out[:, columns["quality"]] = snapshot.quality
    if len(context.dimension_columns):
        outcome = out[:, columns["outcome"]]
        for column in context.dimension_columns.tolist():
            outcome += snapshot.outcome[:, column]
        outcome /= len(context.dimension_columns)
    if context.section_index is not None:
        out[:, columns["sector_experience"]] = snapshot.section_experience[
            :, context.section_index
        ]
    if context.size_index is not None:
        out[:, columns["size_experience"]] = snapshot.size_experience[
            :, context.size_index
        ]
    out[:, columns["proximity"]] = proximity(snapshot, context.province)
    out[:, columns["availability"]] = snapshot.availability
    out[:, columns["exploration"]] = snapshot.exploration(
        today=today, days=int(settings.NWOW["EXPLORATION_DAYS"])
    )
    return out


def proximity(snapshot: Snapshot, province: str) -> np.ndarray:
    """1 in the company's province, 0.7 next to it, 0.5 remote only, else 0."""
    result = np.where(snapshot.remote, REMOTE_ONLY, 0.0)
    neighbours = [PROVINCE_INDEX[p] for p in ADJACENT_PROVINCES.get(province, ())]
    if neighbours:
        near = snapshot.provinces[:, neighbours].any(axis=1)
        result = np.maximum(result, np.where(near, ADJACENT_PROVINCE, 0.0))
    if province in PROVINCE_INDEX:
        same = snapshot.provinces[:, PROVINCE_INDEX[province]]
        result = np.maximum(result, np.where(same, SAME_PROVINCE, 0.0))
    return result


def weight_vector(weights: dict) -> np.ndarray:
    """The weights in the order of COMPONENT_NAMES (0 for a missing one)."""
    return np.array([float(weights.get(name, 0.0)) for name in COMPONENT_NAMES])
