"""The missions' API: who sees which mission, history, sessions, the report."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching.models import Engagement
from tests.factories import UserFactory

from .test_engagement_support import (
    FAKE_PDF,
    engagement_in,
    fake_report,
)
from .test_engagement_support import people as _people

people = _people  # the fixture, shared

pytestmark = pytest.mark.django_db

S = Engagement.Status


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def mission(people):
    return engagement_in(
        S.IN_PROGRESS, expert=people("expert"), member=people("member")
    )


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("expert", True),
        ("member", True),
        ("reviewer", True),
        ("other_consultant", False),
    ],
)
def test_it_lists_the_missions_each_user_may_see(api, people, mission, persona, sees):
    response = api(people(persona)).get(reverse("matching-api:engagement-list"))

    assert response.status_code == 200
    assert ids(response) == ({mission.pk} if sees else set())


def test_it_hides_a_mission_from_outsiders(api, trainer, mission):
    url = reverse("matching-api:engagement-detail", args=[mission.pk])

    response = api(trainer).get(url)

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_it_lists_missions_in_a_constant_number_of_queries(api, people, mission):
    client = api(people("reviewer"))
    url = reverse("matching-api:engagement-list")
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(3):
        engagement_in(S.PROPOSED, expert=UserFactory(), member=people("member"))

    with CaptureQueriesContext(connection) as four:
        response = client.get(url)

    assert len(response.json()["results"]) == 4
    assert len(four) == len(one)


def test_it_never_lets_the_status_be_written(api, people, mission):
    url = reverse("matching-api:engagement-detail", args=[mission.pk])

    response = api(people("member")).patch(url, {"status": "closed"}, format="json")

    assert response.status_code == 405
    assert Engagement.objects.get().status == S.IN_PROGRESS


def test_it_tells_the_history_of_a_mission(api, people):
    engagement = engagement_in(
        S.PROPOSED, expert=people("expert"), member=people("member")
    )
    api(people("expert")).post(
        reverse("matching-api:engagement-accept", args=[engagement.pk])
    )

    url = reverse("matching-api:engagement-history", args=[engagement.pk])
    response = api(people("member")).get(url)

    assert [
        (e["transition"], e["from_status"], e["to_status"]) for e in response.json()
    ] == [("matching.engagement.accepted", "proposed", "accepted")]


def test_it_lists_the_sessions_of_a_mission(api, people, mission):
    client = api(people("expert"))
    url = reverse("matching-api:engagement-sessions", args=[mission.pk])
    client.post(url, {"date": "2026-01-05", "hours": "3", "topic": "Kick-off"})

    response = api(people("member")).get(url)

    assert [row["topic"] for row in response.json()] == ["Kick-off"]


@pytest.mark.parametrize("persona", ["expert", "member", "decider"])
def test_it_serves_the_report_to_the_parties_and_the_agency(
    api, people, mission, monkeypatch, persona
):
    fake_report(monkeypatch)
    url = reverse("matching-api:engagement-report", args=[mission.pk])

    response = api(people(persona)).get(url)

    assert response.status_code == 200
    assert response.content == FAKE_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"


def test_it_refuses_the_report_to_outsiders(
    api, other_consultant, mission, monkeypatch
):
    fake_report(monkeypatch)
    url = reverse("matching-api:engagement-report", args=[mission.pk])

    response = api(other_consultant).get(url)

    assert response.status_code == 404
