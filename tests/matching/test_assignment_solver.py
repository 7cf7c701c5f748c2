"""The assignment solver against a brute-force optimum on small instances."""

import itertools

import numpy as np
import pytest

from matching.assignment.solver import (
    DEFAULT_EPSILON,
    UNASSIGNED,
    assign_greedy,
    assign_optimal,
    is_feasible,
    total,
)

INSTANCES = 200


def random_instance(rng: np.random.Generator):
    n_requests, n_experts = rng.integers(2, 6), rng.integers(2, 5)
    scores = rng.random((n_requests, n_experts)).round(3)
    scores[rng.random(scores.shape) < 0.3] = -np.inf
    return scores, rng.integers(0, 3, n_experts)


def brute_force(scores, capacity, *, most_served_first: bool = False):
    """The best (served, total) or total over every choice, unassigned included."""
    n_requests, n_experts = scores.shape
    best = (-1, -np.inf) if most_served_first else -np.inf
    for choice in itertools.product(range(-1, n_experts), repeat=n_requests):
        assignment = np.array(choice)
        if not is_feasible(scores, capacity, assignment):
            continue
        value = total(scores, assignment)
        if most_served_first:
            value = (int((assignment != UNASSIGNED).sum()), value)
        best = max(best, value)
    return best


def instances(seed: int):
    rng = np.random.default_rng(seed)
    return [random_instance(rng) for _ in range(INSTANCES)]


@pytest.mark.parametrize("method", ["dense", "sparse"])
def test_it_finds_the_brute_force_optimum_on_random_instances(method):
    for scores, capacity in instances(5):
        assignment = assign_optimal(scores, capacity, method=method)
        slack = DEFAULT_EPSILON * len(scores)
        assert total(scores, assignment) == pytest.approx(
            brute_force(scores, capacity), abs=slack
        )


@pytest.mark.parametrize("method", ["dense", "sparse"])
def test_it_never_exceeds_a_capacity_nor_uses_a_forbidden_pair(method):
    for scores, capacity in instances(6):
        for assignment in (
            assign_optimal(scores, capacity, method=method),
            assign_optimal(scores, capacity, allow_unassigned=False, method=method),
            assign_greedy(scores, capacity),
        ):
            assert is_feasible(scores, capacity, assignment)


def test_it_is_never_below_the_greedy_baseline():
    for scores, capacity in instances(7):
        optimal = total(scores, assign_optimal(scores, capacity))
        assert total(scores, assign_greedy(scores, capacity)) <= optimal + 1e-9


@pytest.mark.parametrize("method", ["dense", "sparse"])
def test_it_serves_the_most_requests_first_when_asked(method):
    for scores, capacity in instances(8):
        assignment = assign_optimal(
            scores, capacity, allow_unassigned=False, method=method
        )
        served = int((assignment != UNASSIGNED).sum())
        expected = brute_force(scores, capacity, most_served_first=True)
        assert served == expected[0]
        assert total(scores, assignment) == pytest.approx(expected[1], abs=1e-6)


def test_it_prefers_one_big_score_to_two_small_ones_by_default():
    scores = np.array([[10.0, 1.0], [1.0, -np.inf]])
    capacity = np.array([1, 1])
    assert list(assign_optimal(scores, capacity)) == [0, UNASSIGNED]
    assert list(assign_optimal(scores, capacity, allow_unassigned=False)) == [1, 0]


@pytest.mark.parametrize("method", ["dense", "sparse"])
def test_it_spreads_the_load_on_ties(method):
    scores = np.full((4, 2), 0.5)
    assignment = assign_optimal(scores, np.array([4, 4]), method=method)
    assert sorted(np.bincount(assignment, minlength=2)) == [2, 2]
    assert total(scores, assignment) == 2.0


def test_it_keeps_the_spread_penalty_below_epsilon_per_request():
    rng = np.random.default_rng(9)
    scores = rng.random((30, 5))
    capacity = np.full(5, 30)
    epsilon = 1e-3
    spread = assign_optimal(scores, capacity, epsilon=epsilon)
    plain = assign_optimal(scores, capacity, epsilon=0.0)
    assert 0 <= total(scores, plain) - total(scores, spread) <= epsilon * 30


def test_it_returns_the_full_optimum_with_a_large_enough_top_k():
    rng = np.random.default_rng(10)
    for _ in range(20):
        scores = rng.random((60, 200))
        scores[rng.random(scores.shape) < 0.8] = -np.inf
        capacity = rng.integers(0, 4, 200)
        full = total(scores, assign_optimal(scores, capacity))
        restricted = assign_optimal(scores, capacity, top_k=30)
        assert total(scores, restricted) == pytest.approx(full, abs=1e-6)


def test_it_leaves_everyone_unassigned_without_capacity():
    scores = np.ones((3, 2))
    assignment = assign_optimal(scores, np.zeros(2, dtype=int), top_k=1)
    assert list(assignment) == [UNASSIGNED] * 3


def test_it_rejects_mismatched_shapes():
    with pytest.raises(ValueError):
        assign_optimal(np.ones((2, 3)), np.ones(2, dtype=int))
