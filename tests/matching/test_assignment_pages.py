"""The reviewer's batch assignment page."""

import pytest
from django.urls import reverse

from core.navigation import nav_items_for
from matching.models import ExpertRequest, Proposal
from tests.matching.test_assignment_support import fake_ranking, wave

__all__ = ["fake_ranking", "wave"]

pytestmark = pytest.mark.django_db

URL_NAME = "matching:assignment-batch"


def test_it_lists_the_open_requests_with_checkboxes(client, reviewer, wave):
    ExpertRequest.objects.filter(pk=wave[1].pk).update(status="withdrawn")
    client.force_login(reviewer)
    response = client.get(reverse(URL_NAME))
    assert list(response.context["requests"]) == [wave[0]]
    assert f'value="{wave[0].pk}"' in response.text


def test_it_shows_the_optimal_total_beside_the_greedy_one(client, reviewer, wave):
    # The reviewer reads French: decimal commas.
    client.force_login(reviewer)
    response = client.post(reverse(URL_NAME), {"requests": [r.pk for r in wave]})
    assert response.status_code == 200
    assert 'data-total="optimal">1,650<' in response.text
    assert 'data-total="greedy">1,000' in response.text
    assert Proposal.objects.count() == 2


def test_it_shows_an_error_when_nothing_is_chosen(client, reviewer):
    client.force_login(reviewer)
    response = client.post(reverse(URL_NAME), {})
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert response.context["run"] is None
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("persona", ["consultant", "pme_member", "decider"])
def test_it_forbids_anyone_but_a_reviewer(request, client, persona, wave):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse(URL_NAME), {"requests": [wave[0].pk]})
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_it_sends_visitors_to_the_login_page(client):
    response = client.get(reverse(URL_NAME))
    assert response.status_code == 302


def test_it_adds_a_menu_entry_for_reviewers_only(reviewer, consultant):
    url = reverse(URL_NAME)
    assert url in [link for _label, link in nav_items_for(reviewer)]
    assert url not in [link for _label, link in nav_items_for(consultant)]
