"""The demo's mission history: enough for train_ranker, and safe to run twice."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from matching import demo
from matching.models import Engagement, ExpertProfile, ExpertRequest, Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def matching_seeder(model_file):
    demo.register()


@pytest.fixture
def model_file(settings, tmp_path):
    path = tmp_path / "ranker.joblib"
    settings.NWOW = {**settings.NWOW, "RANKER_MODEL_PATH": path}
    return path


def test_it_gives_train_ranker_enough_history_to_report_both_figures():
    call_command("seed_demo", "--no-progress", stdout=StringIO())
    out = StringIO()

    call_command("train_ranker", "--min-examples", "50", stdout=out)

    examples = int(re.search(r"Examples: (\d+) proposals", out.getvalue())[1])
    assert examples >= 200
    assert re.search(r"NDCG@10 of the learned model: +0\.\d{4}", out.getvalue())
    assert re.search(r"NDCG@10 of the hand-tuned score: +0\.\d{4}", out.getvalue())


def test_it_seeds_closed_missions_with_outcomes_and_open_requests():
    call_command("seed_demo", "--no-progress", "--companies", "9", stdout=StringIO())

    closed = Engagement.objects.filter(status=Engagement.Status.CLOSED)
    assert closed.exists() and not closed.filter(scan_after__isnull=True).exists()
    assert all(mission.outcome and mission.rating.score for mission in closed)
    assert ExpertRequest.objects.filter(engagements__isnull=True).exists()
    assert ExpertProfile.objects.exists()


def test_it_changes_nothing_when_run_twice():
    call_command("seed_demo", "--no-progress", "--companies", "9", stdout=StringIO())
    counts = (Proposal.objects.count(), Engagement.objects.count())

    call_command("seed_demo", "--no-progress", "--companies", "9", stdout=StringIO())

    assert (Proposal.objects.count(), Engagement.objects.count()) == counts


def test_it_proposes_experts_in_its_history_only_once_they_are_approved():
    from django.db.models import Min
    from django.utils import timezone

    from accreditation.models import Accreditation

    call_command("seed_demo", "--no-progress", "--companies", "9", stdout=StringIO())

    approved_on = dict(
        Accreditation.objects.values("consultant_id")
        .annotate(first=Min("valid_from"))
        .values_list("consultant_id", "first")
    )
    past = Proposal.objects.filter(request__status=ExpertRequest.Status.CLOSED)
    assert past.exists()
    assert all(
        approved_on[expert] <= created.date()
        for expert, created in past.values_list("expert_id", "created_at")
    )
    # A few experts are new on the market, so the exploration bonus shows.
    recent = [
        day for day in approved_on.values() if (timezone.localdate() - day).days < 180
    ]
    assert 0 < len(recent) < len(approved_on)
