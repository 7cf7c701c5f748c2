"""Every transition of the application workflow: from which states, by whom,
audited exactly once (issue #3, "Done when")."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accreditation.models import Application
from core.models import AuditEntry
from tests.accreditation.factories import complete_application, need
from training.models import Programme

pytestmark = pytest.mark.django_db

S = Application.Status
ALL_STATES = list(S.values)


def future() -> str:
    return (timezone.now() + datetime.timedelta(days=7)).isoformat()


def body_for(name: str) -> dict:
    if name == "require-training":
        programme = Programme.objects.create(
            domain=need("TEL"), title="Télétravail", is_published=True
        )
        return {"programme": programme.pk}
    return {
        "submit": {},
        "request-changes": {"reason": "Le CV manque de détails."},
        "resubmit": {},
        "accept": {},
        "schedule-interview": {"at": future()},
        "record-interview": {"score": 78, "minutes": "Entretien convaincant."},
        "recommend": {"decision": "approve", "reason": "Solide expérience."},
        "approve": {"reason": "Conforme."},
        "reject": {"reason": "Expérience insuffisante."},
        "withdraw": {},
        "appeal": {"reason": "Des éléments n'ont pas été pris en compte."},
        "decide-appeal": {"decision": "uphold", "reason": "Recevable."},
    }[name]


# transition -> (source states, who may trigger it)
TRANSITIONS = {
    "submit": ([S.DRAFT], "owner"),
    "request-changes": ([S.SUBMITTED], "reviewer"),
    "resubmit": ([S.INCOMPLETE], "owner"),
    "accept": ([S.SUBMITTED], "reviewer"),
    "require-training": ([S.UNDER_REVIEW], "reviewer"),
    "schedule-interview": ([S.UNDER_REVIEW], "reviewer"),
    "record-interview": ([S.INTERVIEW_SCHEDULED], "reviewer"),
    "recommend": ([S.UNDER_REVIEW, S.INTERVIEWED], "reviewer"),
    "approve": ([S.RECOMMENDED], "decider"),
    "reject": ([S.RECOMMENDED], "decider"),
    "withdraw": (list(Application.OPEN_STATES), "owner"),
    "appeal": ([S.REJECTED], "owner"),
    "decide-appeal": ([S.APPEALED], "decider"),
}
PERSONAS = [
    "owner",
    "other_consultant",
    "pme_member",
    "trainer",
    "reviewer",
    "decider",
    "admin_user",
]


@pytest.fixture
def people(request, consultant):
    def get(name):
        return consultant if name == "owner" else request.getfixturevalue(name)

    return get


def in_state(status: str, owner) -> Application:
    application = complete_application(consultant=owner)
    fields = {"status": status, "decided_at": timezone.now()}
    if status == S.INCOMPLETE:
        fields["due_date"] = timezone.localdate() + datetime.timedelta(days=5)
    Application.objects.filter(pk=application.pk).update(**fields)
    return Application.objects.get(pk=application.pk)


def post(api, user, application, name, body):
    url = reverse(f"accreditation-api:application-{name}", args=[application.pk])
    return api(user).post(url, body, format="json")


def audit_count(application) -> int:
    return AuditEntry.objects.filter(
        object_id=str(application.pk), action__startswith="accreditation.application."
    ).count()


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
    owner = people("owner")
    application = in_state(state, owner)
    actor = people(TRANSITIONS[name][1])
    before = audit_count(application)

    response = post(api, actor, application, name, body_for(name))

    application.refresh_from_db()
    if allowed:
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == application.status != state
        assert audit_count(application) == before + 1
    else:
        assert response.status_code == 409
        assert set(response.json()) >= {"code", "detail"}
        assert application.status == state
        assert audit_count(application) == before


ROLE_CASES = [
    (name, persona)
    for name, (_sources, who) in TRANSITIONS.items()
    for persona in PERSONAS
    if persona != who
]


@pytest.mark.parametrize(("name", "persona"), ROLE_CASES)
def test_it_refuses_each_transition_to_every_other_role(api, people, name, persona):
    owner = people("owner")
    application = in_state(TRANSITIONS[name][0][0], owner)
    before = (application.status, audit_count(application))

    response = post(api, people(persona), application, name, body_for(name))

    application.refresh_from_db()
    # Outsiders do not even learn that the file exists; the agency sees it.
    expected = 403 if persona in {"owner", "reviewer", "decider", "admin_user"} else 404
    assert response.status_code == expected
    assert response.json()["code"] in {"permission_denied", "not_found"}
    assert (application.status, audit_count(application)) == before
