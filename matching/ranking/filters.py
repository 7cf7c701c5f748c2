"""Hard filters: an expert who fails one is never proposed.

Each filter is a boolean mask over the snapshot's rows (True = fails) with a
stable reason code that staff can read in the explanation.
"""

from __future__ import annotations

import numpy as np

from .context import RequestContext
from .snapshot import Snapshot

# In the order they are reported: an expert's first failing filter is its reason.
FILTER_CODES = (
    "no_accreditation",
    "language",
    "province",
    "capacity",
    "conflict_of_interest",
    "excluded_sector",
    "excluded_size",
    "excluded_province",
)


def failures(snapshot: Snapshot, context: RequestContext) -> dict[str, np.ndarray]:
    """One mask per filter code, True where the expert fails it."""
    n = snapshot.size
    none = np.zeros(n, dtype=bool)

    def column(matrix: np.ndarray, index: int | None) -> np.ndarray:
        return none if index is None else matrix[:, index]

    primary = context.primary_column
    no_accreditation = (
        np.ones(n, dtype=bool) if primary is None else ~snapshot.accredited[:, primary]
    )
    speaks = (
        none
        if context.language_index is None
        else snapshot.languages[:, context.language_index]
    )
    serves = column(snapshot.provinces, context.province_index)
    members = np.isin(snapshot.expert_ids, context.member_ids)
    return {
        "no_accreditation": no_accreditation,
        "language": ~speaks,
        "province": ~(serves | snapshot.remote),
        "capacity": snapshot.free_capacity <= 0,
        "conflict_of_interest": members,
        "excluded_sector": column(snapshot.excluded_sections, context.section_index),
        "excluded_size": column(snapshot.excluded_sizes, context.size_index),
        "excluded_province": column(
            snapshot.excluded_provinces, context.province_index
        ),
    }


def eligible(masks: dict[str, np.ndarray]) -> np.ndarray:
    """True where the expert passes every filter."""
    failed = np.zeros_like(next(iter(masks.values())))
    for mask in masks.values():
        failed |= mask
    return ~failed


def reason_codes(masks: dict[str, np.ndarray], row: int) -> list[str]:
    """Every filter the expert at ``row`` fails, in the order of FILTER_CODES."""
    return [code for code in FILTER_CODES if masks[code][row]]
