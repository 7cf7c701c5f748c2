"""Offline quality of a ranking: NDCG@k averaged over requests."""

import numpy as np


def mean_ndcg(
    labels: np.ndarray, scores: np.ndarray, groups: np.ndarray, *, k: int = 10
) -> float | None:
    """The mean NDCG@k of ``scores`` over the groups (one group per request).

    A group with a single proposal, or in which no proposal was chosen, says
    nothing about the order and is left out; None when no group is left.
    """
    from sklearn.metrics import ndcg_score

    values = []
    for group in np.unique(groups):
        rows = groups == group
        if rows.sum() < 2 or not (labels[rows] > 0).any():
            continue
        values.append(ndcg_score([labels[rows]], [scores[rows]], k=k))
    return float(np.mean(values)) if values else None
