"""The missions' pages: choosing an expert, my missions, one mission."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from matching.models import Engagement, Rating
from matching.views_engagements import missions_panel
from tests.matching.factories import scan

from .test_engagement_support import (
    FAKE_PDF,
    allow_experts,
    engagement_in,
    fake_report,
    open_request,
)
from .test_engagement_support import people as _people

people = _people  # the fixture, shared

pytestmark = pytest.mark.django_db

S = Engagement.Status


def signed_in(client, user):
    client.force_login(user)
    return client


def detail(engagement) -> str:
    return reverse("matching:engagement-detail", args=[engagement.pk])


def test_it_takes_the_company_to_the_mission_it_chose(
    client, consultant, pme_member, monkeypatch
):
    allow_experts(monkeypatch)
    expert_request = open_request(pme_member)
    url = reverse("matching:request-choose", args=[expert_request.pk])

    response = signed_in(client, pme_member).post(url, {"expert": consultant.pk})

    engagement = Engagement.objects.get()
    assert response.status_code == 302
    assert response.url == detail(engagement)


def test_it_shows_the_expert_the_actions_they_may_take(client, people):
    engagement = engagement_in(
        S.PROPOSED, expert=people("expert"), member=people("member")
    )

    page = signed_in(client, people("expert")).get(detail(engagement)).content.decode()

    assert 'data-transition="accept"' in page
    assert 'data-transition="decline"' in page
    assert 'data-transition="cancel"' not in page


def test_it_shows_the_company_validate_return_and_the_due_date(client, people):
    engagement = engagement_in(
        S.REPORT_SUBMITTED, expert=people("expert"), member=people("member")
    )
    Engagement.objects.filter(pk=engagement.pk).update(
        validation_due=timezone.localdate()
    )

    page = signed_in(client, people("member")).get(detail(engagement)).content.decode()

    assert 'data-transition="validate"' in page
    assert 'data-transition="return"' in page
    assert timezone.localdate().isoformat() in page
    assert 'data-action="print-report"' in page


@pytest.mark.parametrize("persona", ["other_consultant", "trainer"])
def test_it_hides_a_mission_page_from_outsiders(client, people, persona):
    engagement = engagement_in(
        S.PROPOSED, expert=people("expert"), member=people("member")
    )

    response = signed_in(client, people(persona)).get(detail(engagement))

    assert response.status_code == 404


def test_it_runs_a_transition_from_the_page(client, people):
    engagement = engagement_in(
        S.PROPOSED, expert=people("expert"), member=people("member")
    )
    url = reverse("matching:engagement-transition", args=[engagement.pk, "decline"])

    response = signed_in(client, people("expert")).post(url, {"reason": "Complet."})

    assert response.status_code == 302
    assert Engagement.objects.get().status == S.DECLINED


def test_it_refuses_a_transition_without_its_reason(client, people):
    engagement = engagement_in(
        S.PROPOSED, expert=people("expert"), member=people("member")
    )
    url = reverse("matching:engagement-transition", args=[engagement.pk, "decline"])

    signed_in(client, people("expert")).post(url, {"reason": ""})

    assert Engagement.objects.get().status == S.PROPOSED


def test_it_logs_a_session_from_the_page(client, people):
    engagement = engagement_in(
        S.IN_PROGRESS, expert=people("expert"), member=people("member")
    )
    url = reverse("matching:engagement-session", args=[engagement.pk])
    body = {"date": timezone.localdate().isoformat(), "hours": "2", "topic": "Atelier"}

    signed_in(client, people("expert")).post(url, body)

    page = client.get(detail(engagement)).content.decode()
    assert "Atelier" in page and 'data-form="session"' in page


def test_it_rates_from_the_page_after_validation(client, people):
    engagement = engagement_in(
        S.VALIDATED, expert=people("expert"), member=people("member")
    )
    url = reverse("matching:engagement-rate", args=[engagement.pk])

    signed_in(client, people("member")).post(url, {"score": "5", "comment": "Top"})

    assert Rating.objects.get().score == 5
    assert Engagement.objects.get().status == S.CLOSED


def test_it_offers_the_second_scan_then_shows_the_gain(client, people):
    engagement = engagement_in(
        S.CLOSED, expert=people("expert"), member=people("member")
    )
    member = signed_in(client, people("member"))
    scan_url = reverse("pme:scan-new", args=[engagement.request.company_id])
    assert scan_url in member.get(detail(engagement)).content.decode()
    scan(engagement.request.company, days_ago=0)

    member.post(reverse("matching:engagement-attach-scan", args=[engagement.pk]))

    page = member.get(detail(engagement)).content.decode()
    assert 'data-table="gain"' in page and 'data-dimension="D1"' in page


def test_it_prints_the_report_as_a_pdf(client, people, monkeypatch):
    fake_report(monkeypatch)
    engagement = engagement_in(
        S.VALIDATED, expert=people("expert"), member=people("member")
    )
    url = reverse("matching:engagement-report", args=[engagement.pk])

    response = signed_in(client, people("member")).get(url)

    assert response.content == FAKE_PDF
    assert response["Cache-Control"] == "no-store"


def test_it_lists_my_missions_with_my_next_step(client, people):
    engagement_in(S.PROPOSED, expert=people("expert"), member=people("member"))
    people("expert").language = "en"
    people("expert").save()

    page = signed_in(client, people("expert")).get(reverse("matching:engagement-list"))

    assert "Accept or decline the mission" in page.content.decode()


def test_it_fills_the_dashboard_panel_for_the_parties_only(people, english):
    engagement = engagement_in(
        S.REPORT_SUBMITTED, expert=people("expert"), member=people("member")
    )
    request = RequestFactory().get("/")

    panels = {}
    for persona in ("expert", "member", "reviewer"):
        request.user = people(persona)
        panels[persona] = missions_panel(request)

    assert panels["expert"]["rows"] == [(engagement, None)]
    assert panels["member"]["rows"] == [(engagement, "Validate or return the report")]
    assert panels["reviewer"] is None
