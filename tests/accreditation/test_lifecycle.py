"""The accreditation lifecycle through the API: who may do what from which state.

Each transition is tried from every state, by every persona; an allowed one
changes the state and writes exactly one audit row, a refused one changes
nothing and writes none.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accreditation.models import Accreditation
from accreditation.selectors import accreditations as selectors
from core.models import AuditEntry
from core.roles import Role
from tests.accreditation.factories import AccreditationFactory, need
from tests.factories import UserFactory
from training.models import CpdActivity

pytestmark = pytest.mark.django_db

S = Accreditation.Status
ALL_STATES = list(S)

# action -> (source states, target, the persona allowed, audit event)
TRANSITIONS = {
    "suspend": ([S.ACTIVE], S.SUSPENDED, "reviewer", "suspended"),
    "reinstate": ([S.SUSPENDED], S.ACTIVE, "decider", "reinstated"),
    "revoke": ([S.ACTIVE, S.SUSPENDED], S.REVOKED, "decider", "revoked"),
    "relinquish": ([S.ACTIVE], S.RELINQUISHED, "consultant", "relinquished"),
    "submit-renewal": (
        [S.RENEWAL_OPEN],
        S.RENEWAL_REVIEW,
        "consultant",
        "renewal_submitted",
    ),
    "renew": ([S.RENEWAL_REVIEW], S.ACTIVE, "decider", "renewed"),
}
PERSONAS = [
    "consultant",
    "other_consultant",
    "pme_member",
    "trainer",
    "reviewer",
    "decider",
    "admin_user",
]
# Personas who cannot see the holder's accreditation at all.
BLIND = {"other_consultant", "pme_member", "trainer"}

BODY = {
    "reason": "Plainte d'une PME : conflit d'intérêts.",
    "renewal_proof": "Atelier télétravail chez un client, mars 2026.",
    "remediation_plan": "Supervision par un pair pendant six mois.",
}


def url(action, accreditation):
    return reverse(f"accreditation-api:accreditation-{action}", args=[accreditation.pk])


def audit_rows(accreditation, event=None):
    rows = AuditEntry.objects.filter(
        object_id=str(accreditation.pk),
        action__startswith="accreditation.accreditation.",
    )
    if event:
        rows = rows.filter(action=f"accreditation.accreditation.{event}")
    return rows


def verified_cpd(consultant, hours=40):
    return CpdActivity.objects.create(
        consultant=consultant,
        category=CpdActivity.Category.TRAINING,
        date=timezone.localdate(),
        hours=Decimal(hours),
        description="Formation continue",
        status=CpdActivity.Status.VERIFIED,
    )


@pytest.fixture
def holder(consultant):
    verified_cpd(consultant)
    return consultant


@pytest.fixture
def make(holder):
    def make(status=S.ACTIVE, **kwargs):
        return AccreditationFactory(consultant=holder, status=status, **kwargs)

    return make


@pytest.mark.parametrize(
    ("action", "source"),
    [(a, s) for a, (sources, *_rest) in TRANSITIONS.items() for s in sources],
)
def test_it_allows_each_transition_from_each_source(action, source, make, api, request):
    _sources, target, persona, event = TRANSITIONS[action]
    accreditation = make(source)

    response = api(request.getfixturevalue(persona)).post(
        url(action, accreditation), BODY, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == target
    accreditation.refresh_from_db()
    assert accreditation.status == target
    assert audit_rows(accreditation).count() == 1
    entry = audit_rows(accreditation, event).get()
    assert (entry.from_state, entry.to_state) == (source, target)


@pytest.mark.parametrize(
    ("action", "state"),
    [
        (a, s)
        for a, (sources, *_rest) in TRANSITIONS.items()
        for s in ALL_STATES
        if s not in sources
    ],
)
def test_it_refuses_each_transition_from_every_other_state(
    action, state, make, api, request
):
    persona = TRANSITIONS[action][2]
    accreditation = make(state)

    response = api(request.getfixturevalue(persona)).post(
        url(action, accreditation), BODY, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "transition_not_allowed"
    assert state.label.lower() in body["detail"].lower()
    accreditation.refresh_from_db()
    assert accreditation.status == state
    assert not audit_rows(accreditation).exists()


@pytest.mark.parametrize(
    ("action", "persona"),
    [
        (a, p)
        for a, (_sources, _target, allowed, _event) in TRANSITIONS.items()
        for p in PERSONAS
        if p != allowed
    ],
)
def test_it_refuses_each_transition_to_other_roles(action, persona, make, api, request):
    source = TRANSITIONS[action][0][0]
    accreditation = make(source)

    response = api(request.getfixturevalue(persona)).post(
        url(action, accreditation), BODY, format="json"
    )

    assert response.status_code == (404 if persona in BLIND else 403)
    assert set(response.json()) == {"code", "detail"}
    accreditation.refresh_from_db()
    assert accreditation.status == source
    assert not audit_rows(accreditation).exists()


def test_it_refuses_anonymous_callers(make, anonymous_api):
    accreditation = make()
    response = anonymous_api.post(url("suspend", accreditation), BODY, format="json")
    assert response.status_code == 401


@pytest.mark.parametrize("action", ["suspend", "revoke"])
def test_it_requires_a_reason(action, make, api, request):
    accreditation = make()
    persona = TRANSITIONS[action][2]

    response = api(request.getfixturevalue(persona)).post(
        url(action, accreditation), {"reason": "  "}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"
    assert "reason" in response.json()["fields"]
    assert not audit_rows(accreditation).exists()


def test_it_records_who_suspended_and_why(make, reviewer, api):
    accreditation = make()

    api(reviewer).post(url("suspend", accreditation), BODY, format="json")

    accreditation.refresh_from_db()
    assert accreditation.suspended_by == reviewer
    assert accreditation.status_reason == BODY["reason"]
    assert audit_rows(accreditation).get().reason == BODY["reason"]


def test_it_refuses_revocation_by_the_reviewer_who_suspended(make, api, decider):
    both = UserFactory(roles=[Role.REVIEWER, Role.DECIDER])
    accreditation = make()
    api(both).post(url("suspend", accreditation), BODY, format="json")

    refused = api(both).post(url("revoke", accreditation), BODY, format="json")
    allowed = api(decider).post(url("revoke", accreditation), BODY, format="json")

    assert refused.status_code == 403
    assert refused.json()["code"] == "four_eyes"
    assert allowed.status_code == 200
    assert allowed.json()["status"] == S.REVOKED
    assert audit_rows(accreditation, "revoked").count() == 1


def test_it_lets_a_dual_role_decider_revoke_what_someone_else_suspended(
    make, api, reviewer
):
    both = UserFactory(roles=[Role.REVIEWER, Role.DECIDER])
    accreditation = make()
    api(reviewer).post(url("suspend", accreditation), BODY, format="json")

    response = api(both).post(url("revoke", accreditation), BODY, format="json")

    assert response.status_code == 200


def test_it_forgets_the_suspending_reviewer_on_reinstatement(
    make, api, reviewer, decider
):
    accreditation = make()
    api(reviewer).post(url("suspend", accreditation), BODY, format="json")

    api(decider).post(url("reinstate", accreditation), {}, format="json")

    accreditation.refresh_from_db()
    assert accreditation.suspended_by is None


def test_it_starts_the_new_period_where_the_old_one_ends(make, api, decider, settings):
    today = timezone.localdate()
    accreditation = make(
        S.RENEWAL_REVIEW,
        valid_from=today - datetime.timedelta(days=1000),
        valid_until=today + datetime.timedelta(days=30),
        reminders_sent=[120, 60],
    )
    years = settings.NWOW["ACCREDITATION_VALIDITY_YEARS"]

    api(decider).post(url("renew", accreditation), {}, format="json")

    accreditation.refresh_from_db()
    old_end = today + datetime.timedelta(days=30)
    assert accreditation.valid_from == old_end
    assert accreditation.valid_until == old_end.replace(year=old_end.year + years)
    assert accreditation.reminders_sent == []


def test_it_starts_a_late_renewal_today(make, api, decider):
    today = timezone.localdate()
    accreditation = make(
        S.RENEWAL_REVIEW,
        valid_from=today - datetime.timedelta(days=1200),
        valid_until=today - datetime.timedelta(days=3),
    )

    api(decider).post(url("renew", accreditation), {}, format="json")

    accreditation.refresh_from_db()
    assert accreditation.valid_from == today


def test_it_mails_the_holder_after_a_suspension(
    make, api, reviewer, holder, mailoutbox, django_capture_on_commit_callbacks
):
    accreditation = make()

    with django_capture_on_commit_callbacks(execute=True):
        api(reviewer).post(url("suspend", accreditation), BODY, format="json")

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [holder.email]
    assert "TEL" in mailoutbox[0].subject
    assert BODY["reason"] in mailoutbox[0].body


def test_it_mails_the_deciders_when_a_renewal_is_submitted(
    make, api, holder, decider, mailoutbox, django_capture_on_commit_callbacks
):
    accreditation = make(S.RENEWAL_OPEN)

    with django_capture_on_commit_callbacks(execute=True):
        api(holder).post(url("submit-renewal", accreditation), BODY, format="json")

    assert [message.to for message in mailoutbox] == [[decider.email]]


# -- renewal guards ----------------------------------------------------------


@pytest.fixture
def renewal(consultant):
    return AccreditationFactory(consultant=consultant, status=S.RENEWAL_OPEN)


@pytest.fixture
def activity():
    """Plug a fake matching app in, as matching will from its AppConfig.ready."""
    figures = {"missions": 0, "rating": None}
    selectors.register_activity_provider(
        lambda consultant, domain: (figures["missions"], figures["rating"])
    )
    yield figures
    selectors.register_activity_provider(None)


def submit(api, consultant, accreditation, **body):
    return api(consultant).post(
        url("submit-renewal", accreditation),
        body,
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_it_refuses_a_renewal_without_enough_verified_cpd_hours(
    renewal, consultant, api, settings
):
    verified_cpd(consultant, hours=12)
    # Declared (not verified) and out-of-cycle hours do not count.
    CpdActivity.objects.create(
        consultant=consultant,
        category=CpdActivity.Category.CONFERENCE,
        date=timezone.localdate(),
        hours=Decimal(30),
        description="Pas encore vérifié",
    )
    old = verified_cpd(consultant, hours=30)
    CpdActivity.objects.filter(pk=old.pk).update(
        date=renewal.valid_from - datetime.timedelta(days=400)
    )

    response = submit(api, consultant, renewal, **BODY)

    assert response.status_code == 409
    assert response.json()["code"] == "renewal_requirements_not_met"
    required = settings.NWOW["RENEWAL_CPD_HOURS"]
    assert "12 verified continuing-training hours" in response.json()["detail"]
    assert f"{required} are required" in response.json()["detail"]
    renewal.refresh_from_db()
    assert renewal.status == S.RENEWAL_OPEN


def test_it_refuses_a_renewal_without_mission_or_proof(renewal, consultant, api):
    verified_cpd(consultant)

    response = submit(api, consultant, renewal, remediation_plan="Plan")

    assert response.status_code == 409
    assert "No completed mission" in response.json()["detail"]
    assert "hours" not in response.json()["detail"]


def test_it_refuses_a_renewal_without_rating_or_remediation_plan(
    renewal, consultant, api
):
    verified_cpd(consultant)

    response = submit(api, consultant, renewal, renewal_proof="Preuve")

    assert response.status_code == 409
    assert "No company has rated your missions yet" in response.json()["detail"]


def test_it_refuses_a_renewal_with_a_low_rating_and_no_plan(
    renewal, consultant, api, activity
):
    verified_cpd(consultant)
    activity.update(missions=3, rating=2.5)

    response = submit(api, consultant, renewal)

    assert response.status_code == 409
    assert "Your mean rating is 2.5" in response.json()["detail"]
    assert "mission" not in response.json()["detail"]


def test_it_lists_every_missing_requirement_at_once(renewal, consultant, api):
    detail = submit(api, consultant, renewal).json()["detail"]

    assert "hours" in detail
    assert "No completed mission" in detail
    assert "remediation plan" in detail


def test_it_accepts_a_renewal_backed_by_missions_and_ratings(
    renewal, consultant, api, activity
):
    verified_cpd(consultant)
    activity.update(missions=2, rating=4.4)

    response = submit(api, consultant, renewal)

    assert response.status_code == 200
    assert response.json()["status"] == S.RENEWAL_REVIEW


def test_it_keeps_the_proof_and_plan_submitted(renewal, consultant, api):
    verified_cpd(consultant)

    submit(api, consultant, renewal, **BODY)

    renewal.refresh_from_db()
    assert renewal.renewal_proof == BODY["renewal_proof"]
    assert renewal.remediation_plan == BODY["remediation_plan"]


# -- list, detail, history ---------------------------------------------------


def test_it_lists_only_a_consultants_own_accreditations(
    make, consultant, other_consultant, api
):
    mine = make()
    AccreditationFactory(consultant=other_consultant)

    response = api(consultant).get(reverse("accreditation-api:accreditation-list"))

    assert [row["id"] for row in response.json()["results"]] == [mine.pk]
    assert set(response.json()["results"][0]) == {
        "id",
        "consultant",
        "domain",
        "status",
        "valid_from",
        "valid_until",
        "verification_code",
    }
    assert response.json()["results"][0]["domain"] == "TEL"


def test_it_lists_everything_for_the_agency_with_filters(
    make, other_consultant, reviewer, api, django_assert_max_num_queries
):
    make(S.SUSPENDED)
    AccreditationFactory(consultant=other_consultant, domain=need("HRP"))
    list_url = reverse("accreditation-api:accreditation-list")
    client = api(reviewer)

    # Token, roles, count, rows: however many accreditations there are.
    with django_assert_max_num_queries(4):
        everything = client.get(list_url).json()
    suspended = client.get(list_url, {"status": "suspended"}).json()
    hrp = client.get(list_url, {"domain": "HRP"}).json()

    assert everything["count"] == 2
    assert [row["status"] for row in suspended["results"]] == ["suspended"]
    assert [row["domain"] for row in hrp["results"]] == ["HRP"]


def test_it_hides_another_consultants_accreditation(make, other_consultant, api):
    accreditation = make()
    detail = reverse("accreditation-api:accreditation-detail", args=[accreditation.pk])

    assert api(other_consultant).get(detail).status_code == 404
    assert api(other_consultant).get(url("history", accreditation)).status_code == 404


def test_it_shows_the_history_of_transitions(make, api, reviewer, decider, consultant):
    accreditation = make()
    api(reviewer).post(url("suspend", accreditation), BODY, format="json")
    api(decider).post(
        url("reinstate", accreditation), {"reason": "Résolu"}, format="json"
    )

    history = api(consultant).get(url("history", accreditation)).json()

    assert [(h["transition"], h["from_status"], h["to_status"]) for h in history] == [
        ("accreditation.accreditation.suspended", "active", "suspended"),
        ("accreditation.accreditation.reinstated", "suspended", "active"),
    ]
    assert history[1]["reason"] == "Résolu"
    assert set(history[0]) >= {
        "transition",
        "from_status",
        "to_status",
        "actor",
        "reason",
        "at",
    }


def test_it_never_lets_a_patch_change_the_status(make, api, decider):
    accreditation = make()
    detail = reverse("accreditation-api:accreditation-detail", args=[accreditation.pk])

    response = api(decider).patch(detail, {"status": "revoked"}, format="json")

    assert response.status_code == 405
    accreditation.refresh_from_db()
    assert accreditation.status == S.ACTIVE
