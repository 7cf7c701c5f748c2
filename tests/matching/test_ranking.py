"""The ranking engine: hard filters, components, reasons, snapshot, batch scores."""

import datetime

import numpy as np
import pytest

from matching.models import Engagement
from matching.ranking import (
    connect_snapshot_invalidation,
    get_snapshot,
    rank,
    rank_detailed,
    register_reranker,
    score_matrix,
)
from matching.ranking.components import exploration
from pme.models import Membership
from tests.matching.factories import company_of, expert_request
from tests.matching.ranking_helpers import approved_expert, mission, profile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _invalidation():
    # matching's ready() connects them; idempotent (dispatch_uid) once it does.
    connect_snapshot_invalidation()


@pytest.fixture
def request_(pme_member):
    """A request for TEL, in French, of a small K-section company in Namur."""
    return expert_request(company_of(pme_member))


@pytest.fixture
def good_expert():
    return approved_expert(first_name="Good")


def outcome_of(request):
    ranking = rank_detailed(request, limit=50, explain=True)
    ranked = {ranked.expert_id for ranked in ranking.experts}
    return ranked, {item.expert_id: item.codes for item in ranking.filtered_out}


def test_it_ranks_an_expert_who_passes_every_filter(request_, good_expert):
    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk}
    assert filtered == {}


def test_it_filters_out_an_expert_without_the_primary_need(request_, good_expert):
    other = approved_expert(domains=("COL",))

    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk}
    assert filtered[other.pk] == ["no_accreditation"]


def test_it_filters_out_an_expert_who_does_not_speak_the_language(
    request_, good_expert
):
    other = approved_expert(languages=("nl",))

    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk}
    assert filtered[other.pk] == ["language"]


def test_it_filters_out_an_expert_of_another_province_who_does_not_work_remotely(
    request_, good_expert
):
    other = approved_expert(provinces=("BE-WLX",))
    remote = approved_expert(provinces=("BE-WLX",), remote=True)

    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk, remote.pk}
    assert filtered[other.pk] == ["province"]


def test_it_filters_out_an_expert_without_free_capacity(request_, good_expert):
    other = approved_expert()
    profile(other, max_concurrent_missions=1)
    mission(other, status=Engagement.Status.IN_PROGRESS)

    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk}
    assert filtered[other.pk] == ["capacity"]


def test_it_filters_out_a_member_of_the_company(request_, good_expert):
    other = approved_expert()
    Membership.objects.create(company=request_.company, user=other)

    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk}
    assert filtered[other.pk] == ["conflict_of_interest"]


def test_it_filters_out_an_expert_who_excludes_the_sector(request_, good_expert):
    other = approved_expert()
    profile(other, excluded_sections=["K"])

    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk}
    assert filtered[other.pk] == ["excluded_sector"]


def test_it_filters_out_an_expert_who_excludes_the_size(request_, good_expert):
    other = approved_expert()
    profile(other, excluded_sizes=["small"])

    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk}
    assert filtered[other.pk] == ["excluded_size"]


def test_it_filters_out_an_expert_who_excludes_the_province(request_, good_expert):
    other = approved_expert(remote=True)
    profile(other, excluded_provinces=["BE-WNA"])

    ranked, filtered = outcome_of(request_)

    assert ranked == {good_expert.pk}
    assert filtered[other.pk] == ["excluded_province"]


def test_it_never_proposes_a_suspended_accreditation(request_, good_expert):
    other = approved_expert()
    accreditation = other.accreditations.get()
    accreditation.suspend()
    accreditation.save()

    assert outcome_of(request_)[0] == {good_expert.pk}


def test_it_adds_the_components_up_to_the_score(request_, good_expert):
    mission(good_expert, rating=4, outcome={"D2": 30})
    approved_expert(since=datetime.date(2024, 1, 1))

    for ranked in rank(request_):
        assert round(sum(ranked.components.values()), 4) == ranked.score
        assert set(ranked.components) >= {"need_coverage", "quality", "exploration"}


def test_it_does_not_let_one_five_star_mission_beat_many_good_ones(request_):
    lucky = approved_expert()
    mission(lucky, rating=5)
    steady = approved_expert()
    for score in (4, 5, 4, 5, 4, 5):
        mission(steady, rating=score)

    snapshot = get_snapshot()
    quality = snapshot.quality
    assert quality[snapshot.row_of[steady.pk]] > quality[snapshot.row_of[lucky.pk]]


def test_it_bounds_the_exploration_bonus_and_lets_it_decay():
    today = datetime.date(2026, 6, 1)
    approved = np.array(
        [today.toordinal() - days for days in (0, 90, 180, 400, -5)], dtype=np.int32
    )

    bonus = exploration(approved, today=today, days=180)

    assert bonus.tolist() == [1.0, 0.5, 0.0, 0.0, 1.0]


def test_it_explains_the_ranking_in_the_users_language(english, request_):
    expert = approved_expert(since=datetime.date(2025, 3, 1))
    for score in (5, 5, 4):
        mission(expert, rating=score)

    (ranked,) = rank(request_)

    assert ranked.reasons[:2] == [
        "Accredited for Telework and hybrid work policy since 2025",
        "3 missions in companies of your size",
    ]
    assert "Mean rating 4.7 out of 5 over 3 missions" in ranked.reasons
    assert {"Works in your province", "Speaks French"} <= set(ranked.reasons)


def test_it_calls_a_newly_approved_expert_so(english, request_, good_expert):
    (ranked,) = rank(request_)

    assert ranked.reasons[-1] == "Newly approved"
    assert ranked.components["exploration"] > 0


def test_it_weights_each_need_by_the_maturity_gap(pme_member):
    request = expert_request(company_of(pme_member), needs=("TEL", "COL"))
    approved_expert(domains=("TEL",))

    (ranked,) = rank(request)

    # The scan: D2 (TEL) at 20 → gap 0.8; D3 (COL) at 60 → gap 0.4.
    assert ranked.components["need_coverage"] == round(0.35 * 0.8 / 1.2, 4)


def test_it_rebuilds_the_snapshot_when_an_accreditation_changes(request_, good_expert):
    assert get_snapshot() is get_snapshot()
    assert [r.expert_id for r in rank(request_)] == [good_expert.pk]

    newcomer = approved_expert()

    assert {r.expert_id for r in rank(request_)} == {good_expert.pk, newcomer.pk}


def test_it_scores_a_batch_like_the_ranking(pme_member, request_, good_expert):
    other = approved_expert(languages=("nl",))
    second = expert_request(request_.company, language="nl")

    expert_ids, scores, free = score_matrix([request_, second])

    column = {int(pk): i for i, pk in enumerate(expert_ids)}
    (ranked,) = rank(request_)
    assert scores[0, column[good_expert.pk]] == ranked.score
    assert scores[0, column[other.pk]] == -np.inf
    assert np.isfinite(scores[1, column[other.pk]])
    assert free.tolist() == [3, 3]


def test_it_orders_by_a_registered_reranker(request_):
    first, second = approved_expert(), approved_expert()

    def reverse_order(components, names):
        return -np.arange(len(components), dtype=float)

    reverse_order.version = "test-1"
    register_reranker(reverse_order)
    try:
        ranking = rank_detailed(request_)
    finally:
        register_reranker(None)

    assert ranking.model_version == "test-1"
    assert [r.expert_id for r in ranking.experts] == [first.pk, second.pk]


def test_it_tells_other_processes_once_the_change_is_committed(
    request_, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from matching.ranking.snapshot import VERSION_KEY

    get_snapshot()
    before = cache.get(VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        approved_expert()
        approved_expert()

    assert len(callbacks) == 1
    assert cache.get(VERSION_KEY) != before


def test_it_tells_whether_one_expert_passes_the_filters(request_, good_expert):
    from matching.ranking.engine import passes_filters

    other = approved_expert(languages=("nl",))

    assert passes_filters(request_, good_expert.pk) == (True, None)
    assert passes_filters(request_, other.pk) == (False, "language")
    assert passes_filters(request_, 987654) == (False, "no_accreditation")


def test_it_explains_one_pair_with_components_that_add_up(request_, good_expert):
    from matching.ranking.engine import proposal_components

    (ranked,) = rank_detailed(request_, limit=1).experts
    parts = proposal_components(request_, good_expert.pk)

    assert parts == pytest.approx(ranked.components)
    assert sum(parts.values()) == pytest.approx(ranked.score, abs=1e-3)
