"""Choosing an expert, working sessions, rating, the validation due date and
the measured outcome of a mission."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core.errors import DomainError, TransitionNotAllowed
from matching.engagements import services
from matching.models import Engagement, ExpertRequest, Proposal, Rating, WeightsVersion
from pme.models import Assessment
from tests.concurrency import run_at_once
from tests.matching.factories import scan

from .test_engagement_support import (
    allow_experts,
    audit_count,
    engagement_in,
    open_request,
)
from .test_engagement_support import people as _people

people = _people  # the fixture, shared

pytestmark = pytest.mark.django_db

S = Engagement.Status


def choose(api, user, expert_request, expert):
    url = reverse("matching-api:request-choose", args=[expert_request.pk])
    return api(user).post(url, {"expert": expert.pk}, format="json")


# -- choose -----------------------------------------------------------------------


def test_it_creates_a_proposed_mission_when_the_company_chooses(
    api, consultant, pme_member, monkeypatch
):
    calls = allow_experts(monkeypatch)
    expert_request = open_request(pme_member)

    response = choose(api, pme_member, expert_request, consultant)

    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "proposed"
    assert calls == [(expert_request.pk, consultant.pk)]
    assert audit_count(Engagement.objects.get()) == 1


def test_it_mails_the_chosen_expert_in_their_language(
    api, consultant, pme_member, monkeypatch, django_capture_on_commit_callbacks
):
    allow_experts(monkeypatch)
    consultant.language = "en"
    consultant.save()

    with django_capture_on_commit_callbacks(execute=True):
        choose(api, pme_member, open_request(pme_member), consultant)

    assert [message.to for message in mail.outbox] == [[consultant.email]]
    assert "chose you for a mission" in mail.outbox[0].subject


def test_it_keeps_one_live_mission_per_request(
    api, consultant, other_consultant, pme_member, monkeypatch
):
    allow_experts(monkeypatch)
    expert_request = open_request(pme_member)
    choose(api, pme_member, expert_request, consultant)

    response = choose(api, pme_member, expert_request, other_consultant)

    assert response.status_code == 409
    assert response.json()["code"] == "engagement_exists"
    assert Engagement.objects.count() == 1


def test_it_allows_a_new_choice_once_the_expert_declined(
    api, consultant, other_consultant, pme_member, monkeypatch
):
    allow_experts(monkeypatch)
    expert_request = open_request(pme_member)
    choose(api, pme_member, expert_request, consultant)
    services.engagement_decline(
        user=consultant, engagement=Engagement.objects.get(), reason="Complet."
    )

    response = choose(api, pme_member, expert_request, other_consultant)

    assert response.status_code == 201


def test_it_marks_the_proposal_chosen(api, consultant, pme_member, monkeypatch):
    allow_experts(monkeypatch)
    expert_request = open_request(pme_member)
    proposal = Proposal.objects.create(
        request=expert_request,
        expert=consultant,
        rank=1,
        score=0.8,
        components={"coverage": 0.8},
        weights_version=WeightsVersion.objects.get(is_current=True),
    )

    choose(api, pme_member, expert_request, consultant)

    proposal.refresh_from_db()
    assert proposal.chosen is True
    assert Engagement.objects.get().proposal == proposal


def test_it_refuses_an_expert_who_fails_a_hard_filter(
    api, consultant, pme_member, monkeypatch
):
    allow_experts(monkeypatch, verdict=(False, "capacity"))

    response = choose(api, pme_member, open_request(pme_member), consultant)

    assert response.status_code == 409
    assert response.json()["code"] == "expert_not_eligible"
    assert not Engagement.objects.exists()


@pytest.mark.parametrize(("persona", "expected"), [("reviewer", 403), ("trainer", 404)])
def test_it_lets_only_the_company_choose(api, people, monkeypatch, persona, expected):
    allow_experts(monkeypatch)
    expert_request = open_request(people("member"))

    response = choose(api, people(persona), expert_request, people("expert"))

    assert response.status_code == expected
    assert not Engagement.objects.exists()


def test_it_refuses_to_choose_for_a_withdrawn_request(
    api, consultant, pme_member, monkeypatch
):
    allow_experts(monkeypatch)
    expert_request = open_request(pme_member)
    ExpertRequest.objects.filter(pk=expert_request.pk).update(status="withdrawn")

    response = choose(api, pme_member, expert_request, consultant)

    assert response.status_code == 409


# -- the report and its validation due date ------------------------------------------


def test_it_gives_the_company_working_days_to_validate_the_report(
    consultant, pme_member, monkeypatch
):
    engagement = engagement_in(S.IN_PROGRESS, expert=consultant, member=pme_member)
    # A Friday before Christmas: weekends, 25 December and 1 January are off.
    friday = datetime.datetime(2026, 12, 18, 15, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(services.timezone, "now", lambda: friday)

    submitted = services.engagement_submit_report(
        user=consultant,
        engagement=engagement,
        summary="Diagnostic",
        recommendations="Charte",
        action_plan="Étapes",
    )

    assert settings.NWOW["REPORT_VALIDATION_WORKING_DAYS"] == 15
    assert submitted.validation_due == datetime.date(2027, 1, 12)


def test_it_asks_the_company_to_validate_by_the_due_date(
    consultant, pme_member, django_capture_on_commit_callbacks
):
    pme_member.language = "en"
    pme_member.save()
    engagement = engagement_in(S.IN_PROGRESS, expert=consultant, member=pme_member)

    with django_capture_on_commit_callbacks(execute=True):
        services.engagement_submit_report(
            user=consultant,
            engagement=engagement,
            summary="Diagnostic",
            recommendations="Charte",
            action_plan="Étapes",
        )

    # Every member of the company is told, the company's administrator too.
    to_member = next(m for m in mail.outbox if m.to == [pme_member.email])
    assert len(mail.outbox) == engagement.request.company.memberships.count()
    assert "Report submitted" in to_member.subject
    assert "Please validate the report" in to_member.body


def test_it_requires_every_part_of_the_report(consultant, pme_member):
    engagement = engagement_in(S.IN_PROGRESS, expert=consultant, member=pme_member)

    with pytest.raises(DomainError) as refused:
        services.engagement_submit_report(
            user=consultant, engagement=engagement, summary="Diagnostic"
        )

    assert set(refused.value.fields) == {"recommendations", "action_plan"}
    assert Engagement.objects.get().status == S.IN_PROGRESS


# -- working sessions ---------------------------------------------------------------


def log(api, user, engagement, **overrides):
    body = {"date": timezone.localdate().isoformat(), "hours": "2.5"}
    body.update(topic="Atelier charte", notes="Avec la direction.", **overrides)
    url = reverse("matching-api:engagement-sessions", args=[engagement.pk])
    return api(user).post(url, body, format="json")


@pytest.mark.parametrize("state", [S.ACCEPTED, S.IN_PROGRESS, S.RETURNED])
def test_it_lets_the_expert_log_sessions_while_the_mission_runs(
    api, consultant, pme_member, state
):
    engagement = engagement_in(state, expert=consultant, member=pme_member)

    response = log(api, consultant, engagement)

    assert response.status_code == 201, response.json()
    assert engagement.sessions.get().hours == Decimal("2.5")
    assert audit_count(engagement) == 1


@pytest.mark.parametrize("state", [S.PROPOSED, S.REPORT_SUBMITTED, S.CLOSED])
def test_it_refuses_sessions_outside_the_running_states(
    api, consultant, pme_member, state
):
    engagement = engagement_in(state, expert=consultant, member=pme_member)

    response = log(api, consultant, engagement)

    assert response.status_code == 409
    assert not engagement.sessions.exists()


def test_it_refuses_a_session_in_the_future(api, consultant, pme_member):
    engagement = engagement_in(S.IN_PROGRESS, expert=consultant, member=pme_member)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = log(api, consultant, engagement, date=tomorrow.isoformat())

    assert response.status_code == 400
    assert "date" in response.json()["fields"]


def test_it_lets_only_the_expert_log_a_session(api, consultant, pme_member):
    engagement = engagement_in(S.IN_PROGRESS, expert=consultant, member=pme_member)

    response = log(api, pme_member, engagement)

    assert response.status_code == 403
    assert not engagement.sessions.exists()


# -- rating -----------------------------------------------------------------------


def test_it_closes_the_mission_with_its_rating(consultant, pme_member):
    engagement = engagement_in(S.VALIDATED, expert=consultant, member=pme_member)

    closed = services.engagement_rate(
        user=pme_member, engagement=engagement, score=5, comment="Parfait."
    )

    assert closed.status == S.CLOSED and closed.closed_at is not None
    assert Rating.objects.get(engagement=engagement).score == 5


def test_it_accepts_one_rating_only(consultant, pme_member):
    engagement = engagement_in(S.VALIDATED, expert=consultant, member=pme_member)
    services.engagement_rate(user=pme_member, engagement=engagement, score=4)

    with pytest.raises(TransitionNotAllowed):
        services.engagement_rate(user=pme_member, engagement=engagement, score=1)

    assert Rating.objects.get(engagement=engagement).score == 4


def test_it_refuses_a_rating_before_validation(consultant, pme_member):
    engagement = engagement_in(S.REPORT_SUBMITTED, expert=consultant, member=pme_member)

    with pytest.raises(TransitionNotAllowed):
        services.engagement_rate(user=pme_member, engagement=engagement, score=4)

    assert not Rating.objects.exists()


@pytest.mark.parametrize("score", [0, 6])
def test_it_refuses_a_score_outside_one_to_five(api, consultant, pme_member, score):
    engagement = engagement_in(S.VALIDATED, expert=consultant, member=pme_member)
    url = reverse("matching-api:engagement-rating", args=[engagement.pk])

    response = api(pme_member).post(url, {"score": score}, format="json")

    assert response.status_code == 400
    assert not Rating.objects.exists()


# -- outcome --------------------------------------------------------------------------


def second_scan(engagement, scores: dict) -> Assessment:
    after = scan(engagement.request.company, days_ago=0)
    Assessment.objects.filter(pk=after.pk).update(dimension_scores=scores)
    after.refresh_from_db()
    return after


def test_it_records_the_gain_per_dimension_present_in_both_scans(
    consultant, pme_member
):
    engagement = engagement_in(S.VALIDATED, expert=consultant, member=pme_member)
    # The first scan (tests.matching.factories.SCORES) has D1 40, D2 20, no D7.
    after = second_scan(engagement, {"D1": 65, "D2": 20, "D7": 50})

    recorded = services.outcome_record(engagement=engagement, scan_after=after)

    assert recorded.outcome == {"D1": 25.0, "D2": 0.0}
    assert recorded.scan_after == after
    assert audit_count(engagement) == 1


def test_it_attaches_the_companys_latest_scan(consultant, pme_member):
    engagement = engagement_in(S.CLOSED, expert=consultant, member=pme_member)
    second_scan(engagement, {"D1": 50, "D2": 10})

    recorded = services.engagement_attach_latest_scan(
        user=pme_member, engagement=engagement
    )

    assert recorded.outcome == {"D1": 10.0, "D2": -10.0}


def test_it_asks_for_a_new_scan_when_none_follows_the_mission(consultant, pme_member):
    engagement = engagement_in(S.VALIDATED, expert=consultant, member=pme_member)

    with pytest.raises(TransitionNotAllowed) as refused:
        services.engagement_attach_latest_scan(user=pme_member, engagement=engagement)

    assert refused.value.code == "scan_required"


def test_it_refuses_a_scan_taken_before_the_mission_started(consultant, pme_member):
    engagement = engagement_in(S.VALIDATED, expert=consultant, member=pme_member)
    early = scan(engagement.request.company, days_ago=8)

    with pytest.raises(DomainError):
        services.outcome_record(engagement=engagement, scan_after=early)

    assert Engagement.objects.get().outcome == {}


def test_it_measures_the_outcome_only_after_validation(consultant, pme_member):
    engagement = engagement_in(S.IN_PROGRESS, expert=consultant, member=pme_member)
    after = second_scan(engagement, {"D1": 90})

    with pytest.raises(TransitionNotAllowed):
        services.outcome_record(engagement=engagement, scan_after=after)

    assert Engagement.objects.get().scan_after is None


# -- races on PostgreSQL ------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_it_lets_one_of_two_concurrent_accepts_win(
    reference_data, consultant, pme_member
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: the race needs PostgreSQL")
    engagement = engagement_in(S.PROPOSED, expert=consultant, member=pme_member)

    def accept():
        services.engagement_accept(user=consultant, engagement=engagement)

    outcomes = run_at_once([accept, accept])

    assert sorted(outcomes) == ["409:transition_not_allowed", "ok"]
    assert audit_count(engagement) == 1


def test_it_keeps_the_request_status_in_step_with_its_mission(people):
    from .test_engagement_support import engagement_in

    engagement = engagement_in(
        Engagement.Status.PROPOSED, expert=people("expert"), member=people("member")
    )
    request = engagement.request

    for status, expected in [
        (Engagement.Status.IN_PROGRESS, ExpertRequest.Status.MATCHED),
        (Engagement.Status.DECLINED, ExpertRequest.Status.OPEN),
        (Engagement.Status.CLOSED, ExpertRequest.Status.CLOSED),
    ]:
        Engagement.objects.filter(pk=engagement.pk).update(status=status)
        engagement.refresh_from_db()
        services.sync_request_status(engagement)
        request.refresh_from_db()
        assert request.status == expected
