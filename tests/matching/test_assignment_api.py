"""POST /api/v1/matching/assignments/: reviewer only, the result's shape."""

import pytest
from django.urls import reverse

from matching.models import ExpertRequest, Proposal
from tests.matching.test_assignment_support import fake_ranking, wave

__all__ = ["fake_ranking", "wave"]

pytestmark = pytest.mark.django_db

URL_NAME = "matching-api:assignment-batch"


def post(client, requests):
    return client.post(
        reverse(URL_NAME), {"requests": [r.pk for r in requests]}, format="json"
    )


def test_it_returns_the_assignments_and_both_totals(api, reviewer, wave, fake_ranking):
    response = post(api(reviewer), wave)
    assert response.status_code == 200
    body = response.json()
    assert [(a["request"], a["expert"]) for a in body["assignments"]] == [
        (wave[0].pk, fake_ranking.experts[1].pk),
        (wave[1].pk, fake_ranking.experts[0].pk),
    ]
    assert body["total_score"] == pytest.approx(1.65)
    assert body["greedy_total_score"] == pytest.approx(1.0)


def test_it_lists_skipped_requests_with_their_reason(api, reviewer, wave):
    ExpertRequest.objects.filter(pk=wave[0].pk).update(status="withdrawn")
    body = post(api(reviewer), wave).json()
    assert body["unassigned"][0]["request"] == wave[0].pk
    assert body["unassigned"][0]["reason"] == "not_open"


@pytest.mark.parametrize("persona", ["consultant", "pme_member", "decider"])
def test_it_forbids_anyone_but_a_reviewer(request, api, persona, wave):
    response = post(api(request.getfixturevalue(persona)), wave)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not Proposal.objects.exists()


def test_it_asks_for_authentication(api, wave):
    assert post(api(), wave).status_code == 401


def test_it_refuses_an_empty_list(api, reviewer):
    response = api(reviewer).post(reverse(URL_NAME), {"requests": []}, format="json")
    assert response.status_code == 400
    assert "requests" in response.json()["fields"]
