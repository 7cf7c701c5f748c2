"""Time the ranking of one request among 1,000 / 10,000 / 100,000 experts.

Run it by hand: ``.venv/bin/python bench/bench_ranking.py``. The experts are
synthetic arrays (no database); the same data is scored by the vectorised
engine and by a plain Python loop, which must agree. The figure that matters
is the vectorised time at 10,000 experts: the target is under 1 ms.
"""

import os

# One BLAS/OpenMP thread, as in our web workers (set before NumPy loads).
os.environ["OMP_NUM_THREADS"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import datetime  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import timeit  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402

from matching.ranking import components as comp  # noqa: E402
from matching.ranking.components import ADJACENT_PROVINCES  # noqa: E402
from matching.ranking.context import RequestContext  # noqa: E402
from matching.ranking.engine import score_vector  # noqa: E402
from matching.ranking.snapshot import (  # noqa: E402
    DIMENSIONS,
    LANGUAGES,
    PROVINCE_INDEX,
    PROVINCES,
    SECTIONS,
    SIZES,
    NeedInfo,
    Snapshot,
    bayesian_quality,
)
from matching.weights import DEFAULT_WEIGHTS  # noqa: E402

SIZES_TO_TIME = (1_000, 10_000, 100_000)
NEEDS = 10
TOP = 10
TODAY = datetime.date(2026, 12, 1)
EXPLORATION_DAYS = 180


def synthetic_snapshot(n: int, seed: int = 5) -> Snapshot:
    rng = np.random.default_rng(seed)
    ratings = rng.poisson(2, n)
    return Snapshot(
        expert_ids=np.arange(1, n + 1, dtype=np.int64),
        names=[f"Expert {i}" for i in range(n)],
        needs=[
            NeedInfo(id=i + 1, code=f"N{i:02d}", labels={"fr": f"N{i}"}, dimensions=())
            for i in range(NEEDS)
        ],
        accredited=rng.random((n, NEEDS)) < 0.3,
        accredited_since=np.full((n, NEEDS), TODAY.toordinal() - 400, dtype=np.int32),
        languages=rng.random((n, len(LANGUAGES))) < 0.6,
        provinces=rng.random((n, len(PROVINCES))) < 0.35,
        remote=rng.random(n) < 0.4,
        max_missions=rng.integers(1, 6, n).astype(np.int32),
        active_missions=rng.integers(0, 4, n).astype(np.int32),
        excluded_sections=rng.random((n, len(SECTIONS))) < 0.03,
        excluded_sizes=rng.random((n, len(SIZES))) < 0.03,
        excluded_provinces=rng.random((n, len(PROVINCES))) < 0.03,
        missions_by_size=rng.poisson(1.0, (n, len(SIZES))).astype(np.int32),
        missions_by_section=rng.poisson(0.3, (n, len(SECTIONS))).astype(np.int32),
        rating_count=ratings.astype(np.int32),
        rating_mean=np.where(ratings > 0, rng.uniform(3, 5, n), 0.0),
        quality=bayesian_quality(
            ratings, ratings * rng.uniform(3, 5, n), prior_mean=3.5, prior_weight=3
        ),
        outcome=rng.uniform(0, 0.4, (n, len(DIMENSIONS))),
        approved_on=(TODAY.toordinal() - rng.integers(0, 1500, n)).astype(np.int32),
    )


CONTEXT = RequestContext(
    need_columns=np.array([0, 3, 7], dtype=np.intp),
    need_weights=np.array([0.8, 0.5, 0.4]),
    primary_column=0,
    dimension_columns=np.array([1, 2], dtype=np.intp),
    language="fr",
    language_index=LANGUAGES.index("fr"),
    province="BE-WNA",
    province_index=PROVINCE_INDEX["BE-WNA"],
    size_index=SIZES.index("small"),
    section_index=SECTIONS.index("K"),
    member_ids=np.array([17, 4242], dtype=np.int64),
)
WEIGHTS = comp.weight_vector(DEFAULT_WEIGHTS)


def vectorised(snapshot: Snapshot) -> np.ndarray:
    """Filters, components, score and the top ten (what ``rank`` computes)."""
    scores = score_vector(snapshot, CONTEXT, WEIGHTS, today=TODAY)[0]
    top = np.argpartition(-scores, TOP)[:TOP]
    return top[np.argsort(-scores[top], kind="stable")]


def as_python(snapshot: Snapshot) -> dict:
    """The same arrays as lists of Python values, for the loop."""
    return {
        name: getattr(snapshot, name).tolist()
        for name in (
            "expert_ids accredited languages provinces remote max_missions "
            "active_missions excluded_sections excluded_sizes excluded_provinces "
            "missions_by_size missions_by_section quality outcome approved_on"
        ).split()
    }


def loop(data: dict) -> list[float]:
    """One expert at a time, in plain Python: the baseline."""
    c = CONTEXT
    needs = list(zip(c.need_columns.tolist(), c.need_weights.tolist(), strict=True))
    total_weight = sum(w for _col, w in needs)
    dims = c.dimension_columns.tolist()
    members = set(c.member_ids.tolist())
    p = c.province_index
    near = [PROVINCE_INDEX[x] for x in ADJACENT_PROVINCES[c.province]]
    w = WEIGHTS.tolist()
    today = TODAY.toordinal()
    scores = []
    for i, expert_id in enumerate(data["expert_ids"]):
        accredited = data["accredited"][i]
        serves = data["provinces"][i]
        remote = data["remote"][i]
        free = max(data["max_missions"][i] - data["active_missions"][i], 0)
        if (
            not accredited[c.primary_column]
            or not data["languages"][i][c.language_index]
            or not (serves[p] or remote)
            or free <= 0
            or expert_id in members
            or data["excluded_sections"][i][c.section_index]
            or data["excluded_sizes"][i][c.size_index]
            or data["excluded_provinces"][i][p]
        ):
            scores.append(-math.inf)
            continue
        coverage = sum(wt for col, wt in needs if accredited[col]) / total_weight
        outcome = sum(data["outcome"][i][d] for d in dims) / len(dims)
        sector = 1 - math.exp(-data["missions_by_section"][i][c.section_index] / 3)
        size = 1 - math.exp(-data["missions_by_size"][i][c.size_index] / 3)
        proximity = max(
            1.0 if serves[p] else 0.0,
            0.7 if any(serves[x] for x in near) else 0.0,
            0.5 if remote else 0.0,
        )
        maximum = data["max_missions"][i]
        availability = free / maximum if maximum else 0.0
        age = today - data["approved_on"][i]
        exploration = min(max(1 - age / EXPLORATION_DAYS, 0.0), 1.0)
        parts = (
            coverage,
            data["quality"][i],
            outcome,
            sector,
            size,
            proximity,
            availability,
            exploration,
        )
        scores.append(
            round(sum(round(x * y, 4) for x, y in zip(parts, w, strict=True)), 4)
        )
    return scores


def best_ms(fn, *args, repeat: int, number: int) -> float:
    times = timeit.repeat(lambda: fn(*args), repeat=repeat, number=number)
    return min(times) / number * 1000


def main() -> None:
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, ", end="")
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, OMP_NUM_THREADS=1")
    print(
        f"{'experts':>9} {'vectorised ms':>14} {'Python loop ms':>15} {'speed-up':>9}"
    )
    for n in SIZES_TO_TIME:
        snapshot = synthetic_snapshot(n)
        data = as_python(snapshot)
        expected = np.array(loop(data))
        got = score_vector(snapshot, CONTEXT, WEIGHTS, today=TODAY)[0]
        assert np.allclose(got, expected, atol=1e-4, equal_nan=False), "disagree"

        number = max(1, 200_000 // n)
        fast = best_ms(vectorised, snapshot, repeat=7, number=number)
        slow = best_ms(loop, data, repeat=3, number=1)
        print(f"{n:>9,} {fast:>14.3f} {slow:>15.1f} {slow / fast:>8.0f}×")


if __name__ == "__main__":
    main()
