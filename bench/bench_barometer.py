"""Benchmark of the barometer's results: two closed waves of N responses each.

Run: ``.venv/bin/python bench/bench_barometer.py`` (prints figures). It builds
a throw-away SQLite database (or uses ``DATABASE_URL``), seeds the demo
questionnaire's 14 questions in two waves with N responses each, and times
``survey_results`` overall and with a province × size class filter: the
time a results page or ``GET .../results/`` spends computing, breakdowns,
anonymity checks and trend included ("cold"), and the same from the cache
that keeps the figures of closed waves ("warm").
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
_TMP = Path(tempfile.mkdtemp(prefix="bench-barometer-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_TMP / 'bench.sqlite3'}")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import datetime  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from core.demo import DemoContext  # noqa: E402
from knowledge.surveys import demo  # noqa: E402
from knowledge.surveys.models import Survey, Wave  # noqa: E402
from knowledge.surveys.results import Filters, survey_results  # noqa: E402

SIZES = (200, 1000, 5000)
REPEATS = 5


def build(n: int) -> Survey:
    survey = Survey.objects.create(slug=f"bench-{n}", title_fr=f"Banc {n}")
    ctx = DemoContext(seed=1, experts=0, companies=0)
    rng = random.Random(n)  # noqa: S311 - benchmark data
    for year, shift in ((2025, 0.0), (2026, 0.06)):
        wave = Wave.objects.create(
            survey=survey,
            year=year,
            opens_on=datetime.date(year, 3, 1),
            closes_on=datetime.date(year, 4, 30),
        )
        for position, spec in enumerate(demo.QUESTIONS):
            demo._question(wave, spec, position)
        demo._fill_wave(ctx, rng, wave, n, shift)
        Wave.objects.filter(pk=wave.pk).update(status=Wave.Status.CLOSED)
    return survey


def timed(survey: Survey, filters: Filters, *, cold: bool) -> float:
    runs = []
    for _ in range(REPEATS):
        if cold:
            cache.clear()
        start = time.perf_counter()
        survey_results(survey=survey, filters=filters).as_dict  # noqa: B018
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"Python {platform.python_version()} on {platform.machine()}")
    print("median ms of", REPEATS, "runs; cold = computed, warm = from the cache")
    print(f"{'responses/wave':>15} {'overall':>8} {'2 filters':>10} {'warm':>6}")
    for n in SIZES:
        with transaction.atomic():
            survey = build(n)
        overall = timed(survey, Filters(), cold=True)
        filtered = timed(
            survey, Filters(province="BE-WHT", size_class="small"), cold=True
        )
        warm = timed(survey, Filters(), cold=False)
        print(f"{n:>15} {overall:>8.0f} {filtered:>10.0f} {warm:>6.1f}")


if __name__ == "__main__":
    main()
