"""Capacity-aware assignment of requests to experts (NumPy and SciPy, no Django).

``scores`` is a float matrix ``[n_requests, n_experts]`` where ``-inf`` marks a
forbidden pair (a hard filter failed); ``capacity`` gives each expert's free
slots. An assignment is an int vector: the expert's column per request, or
``UNASSIGNED`` (-1).

The optimal solver expands each expert into one column per slot and solves a
rectangular linear assignment problem (``scipy.optimize.linear_sum_assignment``,
maximising), or, once the top-K restriction below makes it sparse, the same
problem on the kept pairs only (``min_weight_full_bipartite_matching``). Two
devices keep it exact and fast:

* **Load spread.** Slot ``k`` of an expert loses ``epsilon * k / max_slots``.
  The penalty grows with an expert's load, so among optima of equal total the
  solver spreads requests over experts; being below ``epsilon`` per request, it
  costs the true total less than ``epsilon * n_requests`` (keep ``epsilon``
  far below the resolution of the scores).
* **Top-K candidates.** Each request keeps only its ``top_k`` best allowed
  experts, and an expert gets no more slot columns than requests that keep it.
  This is exact whenever, for every request, the kept experts' capacities add
  up to at least ``n_requests`` (or it kept all its allowed experts): if an
  optimum sent a request outside its kept set, those experts would all be full
  and hold more than ``n_requests - 1`` requests, which is impossible; so the
  request can move to a kept expert at no loss. In practice a much smaller K
  already gives the optimum (measured in ``bench/bench_assignment.py``).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

UNASSIGNED = -1
DEFAULT_EPSILON = 1e-9
DEFAULT_TOP_K = 50
GREEDY_CHUNK = 4096


def _check(scores: np.ndarray, capacity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scores = np.asarray(scores, dtype=float)
    capacity = np.asarray(capacity, dtype=int)
    if scores.ndim != 2 or capacity.shape != (scores.shape[1],):
        raise ValueError("scores must be [n_requests, n_experts], capacity [n_experts]")
    if np.isnan(scores).any() or np.isposinf(scores).any():
        raise ValueError("scores must be finite or -inf")
    return scores, np.maximum(capacity, 0)


def _candidates(
    scores: np.ndarray, capacity: np.ndarray, top_k: int | None
) -> np.ndarray:
    """A boolean mask of the pairs the solver may use."""
    allowed = np.isfinite(scores) & (capacity > 0)[None, :]
    n_experts = scores.shape[1]
    if top_k is None or top_k >= n_experts:
        return allowed

    # argpartition on a copy where disallowed pairs sink to the bottom; the
    # mask then drops any of them that filled up a short row.
    ranked = np.where(allowed, scores, -np.inf)
    top = np.argpartition(-ranked, top_k - 1, axis=1)[:, :top_k]
    kept = np.zeros_like(allowed)
    np.put_along_axis(kept, top, True, axis=1)
    return kept & allowed


def assign_optimal(
    scores: np.ndarray,
    capacity: np.ndarray,
    *,
    allow_unassigned: bool = True,
    top_k: int | None = None,
    epsilon: float = DEFAULT_EPSILON,
    method: str = "auto",
) -> np.ndarray:
    """The assignment of maximal total score, at most one expert per request.

    With ``allow_unassigned`` (the default) each request also has a dummy
    column worth 0: the total score is maximised, and a request stays
    unassigned rather than take a forbidden pair or a negative score. Without
    it, as many requests as possible are served first (leaving a request
    unassigned costs more than any total can gain), then the total is
    maximised.

    ``top_k`` restricts each request to its best candidates (see the module
    docstring for when that is exact); ``None`` keeps them all.

    ``method``: ``"dense"`` solves the slot matrix with
    ``linear_sum_assignment``; ``"sparse"`` gives only the kept pairs to
    ``min_weight_full_bipartite_matching`` (LAPJVsp), the same optimum but
    7x faster once ``top_k`` makes the matrix sparse (90 ms against 600 ms
    at 1,000 x 5,000, bench/bench_assignment.py). ``"auto"`` picks sparse
    with ``top_k``, dense without.
    """
    scores, capacity = _check(scores, capacity)
    n_requests, _n_experts = scores.shape
    result = np.full(n_requests, UNASSIGNED, dtype=int)
    kept = _candidates(scores, capacity, top_k)
    if n_requests == 0 or not kept.any():
        return result

    # 1. Slot columns: an expert never needs more slots than requests keeping it.
    experts = np.flatnonzero(kept.any(axis=0))
    slots = np.minimum(capacity[experts], kept[:, experts].sum(axis=0))
    slot_expert = np.repeat(experts, slots)
    slot_index = np.concatenate([np.arange(count) for count in slots])
    penalty = epsilon * slot_index / max(int(slots.max()), 1)

    # 2. A request left unassigned is worth 0, or, when every request should
    # be served, a sentinel worse than any total of real scores can make up.
    sentinel = -(1.0 + n_requests * (np.abs(scores[kept]).max() + 1.0)) * 2.0
    unassigned = 0.0 if allow_unassigned else sentinel
    pair_ok = kept[:, slot_expert]

    # 3. Solve, then keep only the real, allowed pairs.
    if method == "sparse" or (method == "auto" and top_k is not None):
        rows, columns = _solve_sparse(scores, pair_ok, slot_expert, penalty, unassigned)
    else:
        rows, columns = _solve_dense(
            scores, pair_ok, slot_expert, penalty, sentinel, allow_unassigned
        )
    real = columns < slot_expert.size
    rows, columns = rows[real], columns[real]
    chosen = slot_expert[columns]
    allowed = kept[rows, chosen]
    result[rows[allowed]] = chosen[allowed]
    return result


def _solve_dense(scores, pair_ok, slot_expert, penalty, sentinel, allow_unassigned):
    n_requests = scores.shape[0]
    values = np.where(pair_ok, scores[:, slot_expert] - penalty[None, :], sentinel)
    if allow_unassigned:
        values = np.hstack([values, np.zeros((n_requests, n_requests))])
    # Without dummy columns a request may still get a sentinel pair (dropped
    # by the caller) or no column at all when requests outnumber slots.
    return linear_sum_assignment(values, maximize=True)


def _solve_sparse(scores, pair_ok, slot_expert, penalty, unassigned: float):
    n_requests = scores.shape[0]
    n_slots = slot_expert.size
    rows, columns = np.nonzero(pair_ok)
    values = scores[rows, slot_expert[columns]] - penalty[columns]

    # One dummy column per request makes a full matching always exist. The
    # solver minimises positive weights (a stored zero would be no edge):
    # shifting every value by the same constant keeps the optimum, since
    # each request takes exactly one column.
    rows = np.concatenate([rows, np.arange(n_requests)])
    columns = np.concatenate([columns, n_slots + np.arange(n_requests)])
    values = np.concatenate([values, np.full(n_requests, unassigned)])
    shift = np.abs(values).max() + 1.0
    graph = csr_matrix(
        (shift - values, (rows, columns)), shape=(n_requests, n_slots + n_requests)
    )
    return min_weight_full_bipartite_matching(graph)


def assign_greedy(scores: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """The baseline: take the best remaining allowed pair while slots remain."""
    scores, capacity = _check(scores, capacity)
    result = np.full(scores.shape[0], UNASSIGNED, dtype=int)
    left = capacity.copy()
    rows, columns = np.nonzero(np.isfinite(scores) & (capacity > 0)[None, :])
    # Stable sort: on equal scores the earlier request, then expert, wins.
    order = np.argsort(-scores[rows, columns], kind="stable")
    rows, columns = rows[order], columns[order]

    # The loop is Python: walk the pairs by chunks and stop as soon as every
    # request or every slot is taken (usually within the first few chunks).
    open_requests, open_slots = scores.shape[0], int(left.sum())
    for start in range(0, rows.size, GREEDY_CHUNK):
        chunk = slice(start, start + GREEDY_CHUNK)
        for row, column in zip(
            rows[chunk].tolist(), columns[chunk].tolist(), strict=True
        ):
            if result[row] == UNASSIGNED and left[column] > 0:
                result[row] = column
                left[column] -= 1
                open_requests, open_slots = open_requests - 1, open_slots - 1
        if not open_requests or not open_slots:
            break
    return result


def total(scores: np.ndarray, assignment: np.ndarray) -> float:
    """The total score of an assignment (unassigned requests count 0)."""
    scores = np.asarray(scores, dtype=float)
    assignment = np.asarray(assignment, dtype=int)
    rows = np.flatnonzero(assignment != UNASSIGNED)
    return float(scores[rows, assignment[rows]].sum())


def is_feasible(
    scores: np.ndarray, capacity: np.ndarray, assignment: np.ndarray
) -> bool:
    """No forbidden pair, and no expert above capacity."""
    scores, capacity = _check(scores, capacity)
    rows = np.flatnonzero(assignment != UNASSIGNED)
    experts = assignment[rows]
    if not np.isfinite(scores[rows, experts]).all():
        return False
    load = np.bincount(experts, minlength=scores.shape[1])
    return bool((load <= capacity).all())
