"""Learning to rank: labels, NDCG, the train_ranker command, the model file."""

import logging
import random
import sys
import types
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from core.roles import Role
from matching import learning
from matching.models import Engagement, Proposal, Rating, WeightsVersion
from matching.weights import COMPONENTS
from tests.factories import UserFactory
from tests.matching.factories import expert_request, scan
from tests.pme.factories import CompanyFactory


@pytest.fixture
def model_file(settings, tmp_path):
    path = tmp_path / "ranker.joblib"
    settings.NWOW = {**settings.NWOW, "RANKER_MODEL_PATH": path}
    return path


def history(*, companies: int, experts: int = 10, hidden: str = "exploration"):
    """Past requests where the company always chose the expert with the best
    ``hidden`` component, which the hand-tuned score barely weighs."""
    rng = random.Random(7)  # noqa: S311 - test data, no secret
    weights = WeightsVersion.objects.get(is_current=True)
    people = UserFactory.create_batch(experts, roles=[Role.CONSULTANT])
    for _index in range(companies):
        company = CompanyFactory()
        scan(company)
        request = expert_request(company)
        raws = [{name: rng.random() for name in COMPONENTS} for _e in people]
        scores = [sum(raw[n] * weights.weights[n] for n in COMPONENTS) for raw in raws]
        order = sorted(range(experts), key=lambda i: -scores[i])
        best = max(range(experts), key=lambda i: raws[i][hidden])
        Proposal.objects.bulk_create(
            Proposal(
                request=request,
                expert=people[i],
                rank=rank + 1,
                score=scores[i],
                components={n: raws[i][n] * weights.weights[n] for n in COMPONENTS},
                weights_version=weights,
                chosen=i == best,
            )
            for rank, i in enumerate(order)
        )
        engagement = Engagement.objects.create(
            request=request,
            expert=people[best],
            status=Engagement.Status.CLOSED,
            outcome={"D2": 20.0},
        )
        Rating.objects.create(
            engagement=engagement, score=5, rated_by=company.created_by
        )


def test_it_grades_relevance_from_the_outcome():
    assert learning.relevance(chosen=False, accepted=True, rating=5) == 0
    assert learning.relevance(chosen=True) == 1
    full = learning.relevance(
        chosen=True, accepted=True, rating=5, outcome={"D1": 80, "D2": 40}
    )
    assert full == 4.0


def test_it_computes_ndcg_per_request_as_expected():
    labels = np.array([3.0, 2.0, 0.0, 1.0, 0.0])
    groups = np.array([1, 1, 1, 2, 2])

    perfect = learning.mean_ndcg(labels, np.array([3, 2, 1, 2, 1]), groups)
    reversed_first = learning.mean_ndcg(labels[:3], np.array([1, 2, 3]), groups[:3])

    assert perfect == pytest.approx(1.0)
    expected = (2 / np.log2(3) + 3 / np.log2(4)) / (3 + 2 / np.log2(3))
    assert reversed_first == pytest.approx(expected)


def test_it_leaves_out_requests_where_nobody_was_chosen():
    labels = np.array([0.0, 0.0, 2.0, 0.0])
    groups = np.array([1, 1, 2, 2])

    assert learning.mean_ndcg(labels, np.array([1, 2, 2, 1]), groups) == 1.0
    assert learning.mean_ndcg(labels[:2], np.array([1, 2]), groups[:2]) is None


@pytest.mark.django_db
def test_it_divides_stored_contributions_by_their_weights():
    history(companies=1, experts=2)

    dataset = learning.build_dataset()

    proposal = Proposal.objects.order_by("rank").first()
    column = dataset.feature_names.index("exploration")
    raw = (
        proposal.components["exploration"]
        / proposal.weights_version.weights["exploration"]
    )
    assert dataset.features[0, column] == pytest.approx(raw)


@pytest.mark.django_db
def test_it_trains_and_saves_a_model_that_beats_the_hand_tuned_score(model_file):
    history(companies=28)
    out = StringIO()

    call_command("train_ranker", "--seed", "3", stdout=out)

    assert "NDCG@10 of the learned model" in out.getvalue()
    assert "NDCG@10 of the hand-tuned score" in out.getvalue()
    ranker = learning.load_model(model_file)
    assert ranker.metadata["ndcg_model"] > ranker.metadata["ndcg_baseline"]
    assert ranker.metadata["n_examples"] == 280


@pytest.mark.django_db
def test_it_refuses_to_train_on_too_few_examples(model_file):
    history(companies=3)
    out = StringIO()

    call_command("train_ranker", stdout=out)

    assert "No model saved: 30 examples, fewer than the 200 required." in out.getvalue()
    assert not model_file.exists()


@pytest.mark.django_db
def test_it_saves_nothing_when_the_model_does_not_beat_the_score(model_file):
    # Companies chose the top of the hand-tuned ranking: nothing to improve.
    history(companies=3)
    Proposal.objects.update(chosen=False)
    Engagement.objects.all().delete()
    Proposal.objects.filter(rank=1).update(chosen=True)
    dataset = learning.build_dataset()

    result = learning.train(dataset, min_examples=10, test_size=0.34, seed=1)

    assert result.ndcg_baseline == pytest.approx(1.0)
    assert not result.accepted and "does not beat" in result.refusal


def test_it_refuses_to_load_a_model_with_other_features(tmp_path, caplog):
    ranker = learning.LearnedRanker(
        estimator=None, metadata={"feature_names": ["quality", "price"], "version": "x"}
    )
    path = learning.save_model(ranker, tmp_path / "old.joblib")

    with caplog.at_level(logging.WARNING, logger="matching.learning.model"):
        assert learning.load_model(path) is None

    assert "trained on components" in caplog.text


@pytest.mark.django_db
def test_it_registers_the_saved_model_with_the_ranking_engine(model_file, monkeypatch):
    history(companies=28)
    call_command("train_ranker", "--seed", "3", stdout=StringIO())
    registered = []
    engine = types.SimpleNamespace(register_reranker=registered.append)
    monkeypatch.setitem(sys.modules, "matching.ranking.engine", engine)

    learning.register_learned_ranker()

    scores = registered[0](np.full((2, len(COMPONENTS)), 0.5), list(COMPONENTS))
    assert registered[0].version.startswith("gbr-") and scores.shape == (2,)
