"""Time the accompaniment report: a 4-page PDF rendered N times.

Run it by hand: ``.venv/bin/python bench/bench_report.py [N]``. The mission is
built from unsaved model instances (no database), so the figure is the
drawing alone: the loading is four queries. Target: a median under 200 ms.
"""

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import datetime  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from decimal import Decimal  # noqa: E402
from io import BytesIO  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from core.models import Need, User  # noqa: E402
from matching.models import Engagement, ExpertRequest, WorkingSession  # noqa: E402
from matching.report import ReportData, fonts, render_pdf  # noqa: E402
from pme.models import Assessment, Company  # noqa: E402

NOTES = (
    "Atelier avec l'équipe de direction : cadre du télétravail, jours de "
    "présence, outils, suivi des objectifs et droit à la déconnexion. "
) * 3
TEXT = (
    "La mission a permis de poser un cadre clair et partagé, d'outiller les "
    "managers et de lancer un pilote suivi chaque mois par un comité. "
) * 6


def mission() -> ReportData:
    now = timezone.now()
    company = Company(
        id=1,
        name="Boulangerie Lambert & Fils",
        enterprise_number="0403019261",
        language="fr",
        province="BE-WLG",
    )
    before = Assessment(
        company=company,
        taken_at=now - datetime.timedelta(days=150),
        dimension_scores={"D1": 40, "D2": 22.5, "D3": 61, "D4": 55, "D5": 70, "D6": 35},
    )
    after = Assessment(
        company=company,
        taken_at=now - datetime.timedelta(days=10),
        dimension_scores={"D1": 52, "D2": 48, "D3": 66, "D4": 58, "D5": 72, "D6": 41},
    )
    request = ExpertRequest(
        id=1,
        company=company,
        assessment=before,
        primary_need_id=1,
        description="Nous voulons organiser le télétravail.\n" * 3,
        created_at=now - datetime.timedelta(days=140),
        language="fr",
    )
    expert = User(id=2, first_name="Jérôme", last_name="Dubois", email="j@d.be")
    engagement = Engagement(
        id=1,
        request=request,
        expert=expert,
        status=Engagement.Status.CLOSED,
        created_at=now - datetime.timedelta(days=130),
        started_on=(now - datetime.timedelta(days=120)).date(),
        report_submitted_at=now - datetime.timedelta(days=30),
        validated_at=now - datetime.timedelta(days=25),
        scan_after=after,
        outcome={"D1": 12, "D2": 25.5, "D3": 5, "D4": 3, "D5": 2, "D6": 6},
        report_summary=TEXT,
        report_recommendations=TEXT,
        action_plan=TEXT,
    )
    needs = [
        Need(id=1, code="TEL", label_fr="Télétravail et politique hybride"),
        Need(id=2, code="HRP", label_fr="Professionnalisation des processus RH"),
    ]
    sessions = [
        WorkingSession(
            engagement=engagement,
            date=engagement.started_on + datetime.timedelta(days=7 * index),
            hours=Decimal("3.5"),
            topic=f"Séance {index + 1} : charte et organisation",
            notes=NOTES,
        )
        for index in range(12)
    ]
    return ReportData(engagement=engagement, needs=needs, sessions=sessions)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    data = mission()
    fonts()  # registered once per process, like in a web worker
    pdf = render_pdf(data)
    pages = len(PdfReader(BytesIO(pdf)).pages)

    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        render_pdf(data)
        times.append((time.perf_counter() - started) * 1000)

    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    print(f"machine: {machine}, Python {platform.python_version()}")
    print(f"report: {pages} pages, {len(pdf) / 1024:.0f} KiB")
    print(
        f"render x{repeats}: median {statistics.median(times):.1f} ms, "
        f"min {min(times):.1f} ms, max {max(times):.1f} ms (target < 200 ms)"
    )


if __name__ == "__main__":
    main()
