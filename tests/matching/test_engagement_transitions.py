"""Every transition of the mission workflow: from which states, by whom,
audited exactly once (issue #5, "Done when")."""

import pytest
from django.urls import reverse

from matching.models import Engagement

from .test_engagement_support import (
    audit_count,
    engagement_in,
)
from .test_engagement_support import people as _people

people = _people  # the fixture, shared

pytestmark = pytest.mark.django_db

S = Engagement.Status
ALL_STATES = list(S.values)
AGENCY = {"reviewer", "decider", "admin_user"}
PERSONAS = ["expert", "member", "other_consultant", "trainer", *sorted(AGENCY)]

BODIES = {
    "decline": {"reason": "Pas disponible ce trimestre."},
    "submit-report": {
        "summary": "Diagnostic posé.",
        "recommendations": "Charte de télétravail.",
        "action_plan": "1. Rédiger la charte.",
    },
    "return": {"reason": "Le plan d'action manque d'échéances."},
    "rating": {"score": 4, "comment": "Très utile."},
    "cancel": {"reason": "Le projet est reporté."},
}

# action -> (source states, who may trigger it)
TRANSITIONS = {
    "accept": ([S.PROPOSED], {"expert"}),
    "decline": ([S.PROPOSED], {"expert"}),
    "start": ([S.ACCEPTED], {"expert"}),
    "submit-report": ([S.IN_PROGRESS, S.RETURNED], {"expert"}),
    "validate": ([S.REPORT_SUBMITTED], {"member"}),
    "return": ([S.REPORT_SUBMITTED], {"member"}),
    "rating": ([S.VALIDATED], {"member"}),
    "cancel": ([S.PROPOSED, S.ACCEPTED, S.IN_PROGRESS], {"member", *AGENCY}),
}


def post(api, user, engagement, name):
    url = reverse(f"matching-api:engagement-{name}", args=[engagement.pk])
    return api(user).post(url, BODIES.get(name, {}), format="json")


CASES = [
    (name, state, state in sources)
    for name, (sources, _who) in TRANSITIONS.items()
    for state in ALL_STATES
]


@pytest.mark.parametrize(
    ("name", "state", "allowed"),
    CASES,
    ids=[f"{n}-from-{s}" for n, s, _a in CASES],
)
def test_it_allows_each_transition_only_from_its_source_states(
    api, people, name, state, allowed
):
    engagement = engagement_in(state, expert=people("expert"), member=people("member"))
    actor = people(sorted(TRANSITIONS[name][1])[0])

    response = post(api, actor, engagement, name)

    engagement.refresh_from_db()
    if allowed:
        assert response.status_code in (200, 201), response.json()
        assert response.json()["status"] == engagement.status != state
        assert audit_count(engagement) == 1
    else:
        assert response.status_code == 409
        assert set(response.json()) >= {"code", "detail"}
        assert (engagement.status, audit_count(engagement)) == (state, 0)


ROLE_CASES = [
    (name, persona)
    for name, (_sources, who) in TRANSITIONS.items()
    for persona in PERSONAS
    if persona not in who
]


@pytest.mark.parametrize(("name", "persona"), ROLE_CASES)
def test_it_refuses_each_transition_to_every_other_role(api, people, name, persona):
    state = TRANSITIONS[name][0][0]
    engagement = engagement_in(state, expert=people("expert"), member=people("member"))

    response = post(api, people(persona), engagement, name)

    engagement.refresh_from_db()
    # Outsiders do not even learn that the mission exists; the parties do.
    expected = 403 if persona in {"expert", "member", *AGENCY} else 404
    assert response.status_code == expected
    assert response.json()["code"] in {"permission_denied", "not_found"}
    assert (engagement.status, audit_count(engagement)) == (state, 0)


def test_it_names_the_current_state_when_refusing(api, people, english):
    engagement = engagement_in(
        S.CLOSED, expert=people("expert"), member=people("member")
    )

    people("expert").language = "en"
    people("expert").save()

    response = post(api, people("expert"), engagement, "accept")

    assert response.status_code == 409
    assert "“Closed”" in response.json()["detail"]
