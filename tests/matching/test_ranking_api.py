"""The proposals endpoint and page: ownership, persistence, query count."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching.models import Proposal, WeightsVersion
from matching.ranking import connect_snapshot_invalidation
from tests.factories import UserFactory
from tests.matching.factories import company_of, expert_request
from tests.matching.ranking_helpers import approved_expert, mission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _invalidation():
    connect_snapshot_invalidation()


@pytest.fixture
def request_(pme_member):
    return expert_request(company_of(pme_member))


def api_url(request, **query):
    url = reverse("matching-api:request-proposals", args=[request.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def page_url(request):
    return reverse("matching:request-proposals", args=[request.pk])


def test_it_returns_the_ranked_experts_to_a_member(api, pme_member, request_):
    expert = approved_expert(first_name="Claire", last_name="Dubois")

    response = api(pme_member).get(api_url(request_))

    assert response.status_code == 200
    (proposal,) = response.json()
    assert proposal["expert"] == {
        "id": expert.pk,
        "name": "Claire Dubois",
        "domains": ["TEL"],
        "province": ["BE-WNA"],
        "languages": ["fr"],
    }
    assert round(sum(proposal["components"].values()), 4) == proposal["score"]
    assert proposal["reasons"]


def test_it_hides_the_proposals_from_an_outsider(api, request_, other_consultant):
    approved_expert()
    outsider = UserFactory()
    company_of(outsider)

    assert api(outsider).get(api_url(request_)).status_code == 404
    assert api(other_consultant).get(api_url(request_)).status_code == 404


def test_it_shows_the_proposals_to_the_agency(api, reviewer, request_):
    approved_expert()

    response = api(reviewer).get(api_url(request_))

    assert response.status_code == 200
    assert len(response.json()) == 1


def test_it_stores_the_proposals_with_the_weights_version(api, pme_member, request_):
    first, second = approved_expert(), approved_expert()
    mission(second, rating=5)

    api(pme_member).get(api_url(request_))
    api(pme_member).get(api_url(request_))

    stored = Proposal.objects.filter(request=request_)
    assert [p.expert_id for p in stored] == [second.pk, first.pk]
    assert {p.weights_version for p in stored} == {
        WeightsVersion.objects.get(is_current=True)
    }


def test_it_keeps_a_chosen_proposal_when_ranking_again(api, pme_member, request_):
    expert = approved_expert()
    api(pme_member).get(api_url(request_))
    Proposal.objects.filter(expert=expert).update(chosen=True)

    api(pme_member).get(api_url(request_))

    assert Proposal.objects.get(request=request_, expert=expert).chosen


def test_it_limits_the_number_of_proposals(api, pme_member, request_):
    for _ in range(3):
        approved_expert()

    assert len(api(pme_member).get(api_url(request_, limit=2)).json()) == 2
    assert api(pme_member).get(api_url(request_, limit=0)).status_code == 400


def test_it_explains_the_filtered_experts_to_the_agency(api, reviewer, request_):
    dutch = approved_expert(languages=("nl",))

    body = api(reviewer).get(api_url(request_, explain=1)).json()

    assert body["filtered_out"] == [
        {"expert": {"id": dutch.pk, "name": str(dutch)}, "reasons": ["language"]}
    ]


def queries_for(client, request) -> int:
    """Queries of one call that rebuilds the snapshot (the worst case)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(api_url(request, limit=50)).status_code == 200
    return len(queries)


def test_it_issues_as_many_queries_for_50_experts_as_for_5(
    api, pme_member, request_, django_assert_max_num_queries
):
    client = api(pme_member)
    for _ in range(5):
        approved_expert()
    client.get(api_url(request_))
    few = queries_for(client, request_)

    for _ in range(45):
        approved_expert()

    with django_assert_max_num_queries(few):
        assert len(client.get(api_url(request_, limit=50)).json()) == 50
    assert queries_for(client, request_) == few


def test_it_shows_the_cards_with_bars_and_the_choice(client, pme_member, request_):
    expert = approved_expert()
    client.force_login(pme_member)

    response = client.get(page_url(request_))

    assert response.status_code == 200
    html = response.content.decode()
    choose = reverse("matching:request-choose", args=[request_.pk])
    assert f'action="{choose}"' in html and f'value="{expert.pk}"' in html
    assert html.count("<meter") == 8


def test_it_shows_the_filtered_experts_to_the_agency_only(client, reviewer, request_):
    approved_expert(languages=("nl",))
    client.force_login(reviewer)

    html = client.get(page_url(request_)).content.decode()

    assert 'id="filtered-out"' in html
    assert "request-choose" not in html and "Choose this expert" not in html


def test_it_hides_the_page_from_an_outsider(client, request_):
    outsider = UserFactory()
    client.force_login(outsider)

    assert client.get(page_url(request_)).status_code == 404


def test_it_returns_no_proposal_when_no_expert_is_approved(api, pme_member, request_):
    response = api(pme_member).get(api_url(request_))

    assert response.status_code == 200
    assert response.json() == []
