"""Benchmark of batch assignment: 1,000 requests, 5,000 experts with capacities.

Run: ``.venv/bin/python bench/bench_assignment.py`` (prints figures). One BLAS
thread, as in our web workers. Two kinds of instances: independent scores
(every request has its own favourites), and contested ones where a shared
expert quality dominates (everyone wants the same experts), which is where
greedy loses and the top-K restriction is put to the test.
"""

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching.assignment.solver import (  # noqa: E402
    UNASSIGNED,
    assign_greedy,
    assign_optimal,
    is_feasible,
    total,
)

TOP_K = 50
REPEATS = 5


def instance(seed: int, n_requests: int, n_experts: int, *, contested: bool):
    rng = np.random.default_rng(seed)
    fit = rng.random((n_requests, n_experts))
    if contested:
        quality = rng.random(n_experts)
        fit = 0.7 * quality[None, :] + 0.3 * fit
    fit[rng.random(fit.shape) < 0.8] = -np.inf
    return fit, rng.integers(0, 4, n_experts)


def timed(function, *args, **kwargs):
    times, result = [], None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def large(contested: bool) -> None:
    label = "contested" if contested else "independent"
    scores, capacity = instance(1, 1000, 5000, contested=contested)
    optimal, seconds = timed(assign_optimal, scores, capacity, top_k=TOP_K)
    full, full_seconds = timed(assign_optimal, scores, capacity)
    greedy, greedy_seconds = timed(assign_greedy, scores, capacity)
    assert is_feasible(scores, capacity, optimal)
    assert is_feasible(scores, capacity, greedy)
    print(f"1,000 x 5,000 ({label}, {int(capacity.sum())} slots, 80% forbidden)")
    for name, assignment, elapsed in (
        (f"optimal, top-{TOP_K}", optimal, seconds),
        ("optimal, all", full, full_seconds),
        ("greedy", greedy, greedy_seconds),
    ):
        figure = total(scores, assignment)
        print(f"  {name:16} {elapsed * 1000:7.1f} ms  total {figure:.4f}")
    print(
        f"  served: optimal {(optimal != UNASSIGNED).sum()}, "
        f"greedy {(greedy != UNASSIGNED).sum()}; "
        f"top-K equals full optimum: "
        f"{abs(total(scores, optimal) - total(scores, full)) < 1e-6}"
    )


def top_k_check() -> None:
    print("top-K against the full optimum, 200 x 1,000, 10 seeds each")
    for contested in (False, True):
        for k in (5, 10, 20, 50):
            exact = 0
            for seed in range(10):
                scores, capacity = instance(100 + seed, 200, 1000, contested=contested)
                full = total(scores, assign_optimal(scores, capacity))
                kept = total(scores, assign_optimal(scores, capacity, top_k=k))
                exact += abs(full - kept) < 1e-6
            label = "contested" if contested else "independent"
            print(f"  {label:11} K={k:3}: exact on {exact}/10")


if __name__ == "__main__":
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, NumPy {np.__version__}, "
        f"OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}"
    )
    large(contested=False)
    large(contested=True)
    top_k_check()
