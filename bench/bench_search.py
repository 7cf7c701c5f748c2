"""Benchmark of the knowledge base's search with its facets.

Run: ``.venv/bin/python bench/bench_search.py`` (prints figures). It builds a
throw-away SQLite database (or uses ``DATABASE_URL``: point it at an empty
PostgreSQL database to measure the French full-text search), publishes N
items of each kind with realistic text and tags, and times ``search`` with
no query, with one word ("teletravail") and with a word plus two facets —
what a search page or ``GET /api/v1/knowledge/search/`` spends computing.
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
_TMP = Path(tempfile.mkdtemp(prefix="bench-search-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_TMP / 'bench.sqlite3'}")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import platform  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from core.models import Need  # noqa: E402
from knowledge.models import Capsule, CaseStudy, Resource  # noqa: E402
from knowledge.selectors.search import search  # noqa: E402

SIZES = (100, 500, 2000)
REPEATS = 5
WORDS = (
    "télétravail réunion hybride charte équipe confiance bureau partagé "
    "déconnexion sécurité formation accueil planning autonomie décision "
    "numérique outil collaboration indicateur bien-être absentéisme"
).split()
PROVINCES = ["BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def build(n: int) -> None:
    rng = random.Random(n)  # noqa: S311 - benchmark data
    needs = list(Need.objects.all())
    now = timezone.now()
    common = {"status": "published", "published_at": now, "language": "fr"}
    for index in range(n):
        tags = {
            "province": rng.choice(PROVINCES),
            "dimensions": " ".join(sorted(rng.sample(["D1", "D2", "D4", "D6"], 2))),
            "year": rng.randint(2015, 2025),
        }
        items = [
            CaseStudy(
                title=_text(rng, 6),
                summary=_text(rng, 30),
                company_name=f"PME {index}",
                situation=_text(rng, 120),
                actions=_text(rng, 120),
                results=_text(rng, 80),
                **tags,
                **common,
            ),
            Capsule(
                title=_text(rng, 5),
                summary=_text(rng, 25),
                duration_seconds=180,
                external_url="https://video.example.be/",
                transcript=_text(rng, 300),
                **tags,
                **common,
            ),
            Resource(
                title=_text(rng, 8),
                summary=_text(rng, 60),
                resource_kind="study",
                authors="Dupont, Marie",
                **tags,
                **common,
            ),
        ]
        for item in items:
            item.save()
            item.needs.set(rng.sample(needs, 2))


def timed(**kwargs) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        search(**kwargs)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"Python {platform.python_version()} on {connection.vendor}")
    print(
        f"{'items/kind':>11} {'all ms':>8} {'1 word ms':>10} {'word+2 facets ms':>17}"
    )
    done = 0
    for n in SIZES:
        with transaction.atomic():
            build(n - done)
        done = n
        everything = timed()
        one_word = timed(query="teletravail")
        faceted = timed(
            query="teletravail", chosen={"province": "BE-WLG", "need": "TEL"}
        )
        print(f"{n:>11} {everything:>8.0f} {one_word:>10.0f} {faceted:>17.0f}")


if __name__ == "__main__":
    main()
