"""batch_assign on the real ranking engine: capacities and hard filters hold."""

import pytest

from matching.assignment.services import batch_assign
from matching.models import Proposal
from matching.ranking import connect_snapshot_invalidation
from tests.matching.factories import company_of, expert_request
from tests.matching.ranking_helpers import approved_expert, profile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _invalidation():
    # matching's ready() connects it; idempotent once it does.
    connect_snapshot_invalidation()


def test_it_never_proposes_an_expert_above_free_capacity(reviewer, pme_member):
    experts = [approved_expert(), approved_expert()]
    for expert in experts:
        profile(expert, max_concurrent_missions=1)
    requests = [expert_request(company_of(pme_member)) for _ in range(3)]
    run = batch_assign(actor=reviewer, request_ids=[r.pk for r in requests])
    assert len(run.assignments) == 2
    assert sorted(Proposal.objects.values_list("expert", flat=True)) == sorted(
        expert.pk for expert in experts
    )


def test_it_never_proposes_an_expert_the_filters_exclude(reviewer, pme_member):
    approved_expert(languages=("nl",))
    requests = [expert_request(company_of(pme_member))]
    run = batch_assign(actor=reviewer, request_ids=[r.pk for r in requests])
    assert run.assignments == []
    assert not Proposal.objects.exists()
