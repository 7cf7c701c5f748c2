"""batch_assign: reviewer only, open requests only, proposals and audit."""

import pytest

from core.errors import DomainError, NotAllowed
from core.models import AuditEntry
from matching.assignment.services import batch_assign
from matching.models import Engagement, ExpertRequest, Proposal, WeightsVersion
from tests.matching.factories import company_of, expert_request
from tests.matching.test_assignment_support import NO, fake_ranking, wave

__all__ = ["fake_ranking", "wave"]

pytestmark = pytest.mark.django_db


def ids(requests) -> list[int]:
    return [row.pk for row in requests]


def test_it_proposes_the_optimal_expert_per_request(reviewer, wave, fake_ranking):
    run = batch_assign(actor=reviewer, request_ids=ids(wave))
    experts = fake_ranking.experts
    assert [(a.request, a.expert) for a in run.assignments] == [
        (wave[0], experts[1]),
        (wave[1], experts[0]),
    ]
    assert run.total_score == pytest.approx(1.65)
    assert run.greedy_total_score == pytest.approx(1.0)


def test_it_creates_rank_one_proposals_with_the_current_weights(reviewer, wave):
    batch_assign(actor=reviewer, request_ids=ids(wave))
    proposal = Proposal.objects.get(request=wave[0])
    assert proposal.rank == 1
    assert proposal.score == pytest.approx(0.8)
    assert proposal.components == {"total": pytest.approx(0.8)}
    assert proposal.weights_version == WeightsVersion.objects.get(is_current=True)


def test_it_proposes_without_creating_an_engagement(reviewer, wave):
    batch_assign(actor=reviewer, request_ids=ids(wave))
    assert not Engagement.objects.exists()


def test_it_uses_the_rankings_components_when_it_explains(reviewer, wave, fake_ranking):
    fake_ranking.components = {"quality": 0.8}
    batch_assign(actor=reviewer, request_ids=ids(wave))
    assert Proposal.objects.get(request=wave[0]).components == {"quality": 0.8}


@pytest.mark.parametrize("persona", ["consultant", "pme_member", "decider"])
def test_it_refuses_anyone_but_a_reviewer(request, persona, wave):
    with pytest.raises(NotAllowed):
        batch_assign(actor=request.getfixturevalue(persona), request_ids=ids(wave))
    assert not Proposal.objects.exists()


def test_it_skips_requests_that_are_not_open(reviewer, wave, fake_ranking):
    ExpertRequest.objects.filter(pk=wave[1].pk).update(status="withdrawn")
    run = batch_assign(actor=reviewer, request_ids=ids(wave))
    assert fake_ranking.seen == [wave[0].pk]
    assert [(u.request_id, u.reason) for u in run.unassigned] == [
        (wave[1].pk, "not_open")
    ]


def test_it_skips_requests_that_already_have_a_mission(reviewer, wave, fake_ranking):
    Engagement.objects.create(request=wave[0], expert=fake_ranking.experts[0])
    run = batch_assign(actor=reviewer, request_ids=ids(wave))
    assert fake_ranking.seen == [wave[1].pk]
    assert run.unassigned[0].reason == "has_mission"


def test_it_reports_unknown_requests(reviewer, wave):
    run = batch_assign(actor=reviewer, request_ids=[*ids(wave), 999_999])
    assert [(u.request_id, u.reason) for u in run.unassigned] == [(999_999, "unknown")]


def test_it_reports_a_request_that_no_expert_fits(reviewer, wave, fake_ranking):
    fake_ranking.rows[wave[1].pk] = [NO, NO]
    run = batch_assign(actor=reviewer, request_ids=ids(wave))
    assert [a.request for a in run.assignments] == [wave[0]]
    assert run.unassigned[0].reason == "no_expert"


def test_it_never_proposes_above_a_free_capacity(reviewer, wave, fake_ranking):
    fake_ranking.capacity = [1, 0]
    batch_assign(actor=reviewer, request_ids=ids(wave))
    expert = fake_ranking.experts[0]
    assert list(Proposal.objects.values_list("expert", flat=True)) == [expert.pk]


def test_it_records_one_audit_row_with_the_figures(reviewer, wave):
    batch_assign(actor=reviewer, request_ids=ids(wave))
    entry = AuditEntry.objects.get(action="matching.assignment.run")
    assert entry.actor == reviewer
    assert entry.data["total_score"] == pytest.approx(1.65)
    assert entry.data["greedy_total_score"] == pytest.approx(1.0)


def test_it_refreshes_an_existing_proposal_on_a_rerun(reviewer, wave):
    batch_assign(actor=reviewer, request_ids=ids(wave))
    batch_assign(actor=reviewer, request_ids=ids(wave))
    assert Proposal.objects.count() == 2


def test_it_refuses_an_empty_batch(reviewer, fake_ranking):
    with pytest.raises(DomainError) as error:
        batch_assign(actor=reviewer, request_ids=[])
    assert "requests" in error.value.fields


def test_it_leaves_other_companies_requests_alone(reviewer, wave, consultant):
    other = expert_request(company_of(consultant))
    batch_assign(actor=reviewer, request_ids=ids(wave))
    assert not Proposal.objects.filter(request=other).exists()


def test_it_runs_on_the_real_ranking_without_any_approved_expert(reviewer, pme_member):
    requests = [expert_request(company_of(pme_member))]
    run = batch_assign(actor=reviewer, request_ids=ids(requests))
    assert run.assignments == []
    assert [u.reason for u in run.unassigned] == ["no_expert"]
