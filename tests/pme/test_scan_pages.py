"""Pages of the maturity scan and the dashboard panel (pme/views/scans.py)."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.pme.factories import CompanyFactory
from tests.pme.scans import V1_STRUCTURE, WORKED_EXAMPLE, stored_scan

SCORES = {"D1": 50.0, "D2": 50.0, "D3": 50.0, "D4": 50.0, "D5": 10.0, "D6": 50.0}


@pytest.fixture
def company(db):
    return CompanyFactory()


@pytest.fixture
def owner(company):
    user = company.created_by
    user.language = "en"
    user.save(update_fields=["language"])
    return user


@pytest.fixture
def browser(client, owner):
    client.force_login(owner)
    return client


def form_data(answers):
    return {
        code: "dk" if value is None else str(value) for code, value in answers.items()
    }


def test_the_form_asks_thirty_questions_with_the_scale(browser, company):
    response = browser.get(reverse("pme:scan-new", args=[company.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("data-question=") == 30
    assert html.count('type="radio"') == 30 * 6
    assert "Do you have a right-to-disconnect policy" in html
    for label in ("Absent", "Ad hoc", "Some teams", "Company-wide"):
        assert label in html
    assert "Measured and improved" in html
    assert "Don&#x27;t know" in html


def test_the_form_speaks_the_user_language(client, company):
    user = company.created_by  # French, the default
    client.force_login(user)

    html = client.get(reverse("pme:scan-new", args=[company.pk])).content.decode()

    assert "Avez-vous une politique de droit à la déconnexion" in html


def test_sending_the_form_records_the_scan_and_shows_the_results(browser, company):
    response = browser.post(
        reverse("pme:scan-new", args=[company.pk]), form_data(WORKED_EXAMPLE)
    )

    scan = company.assessments.get()
    assert response.status_code == 302
    assert response.url == reverse("pme:scan-result", args=[scan.pk])
    assert scan.level == 3
    # A question left blank on the page is stored as "don't know".
    every_question = {code: None for codes in V1_STRUCTURE.values() for code in codes}
    stored = dict(scan.answers.values_list("question__code", "value"))
    assert stored == {**every_question, **WORKED_EXAMPLE}


def test_a_form_of_dont_knows_only_is_refused(browser, company):
    data = {code: "dk" for codes in V1_STRUCTURE.values() for code in codes}

    response = browser.post(reverse("pme:scan-new", args=[company.pk]), data)

    assert response.status_code == 200
    assert "Answer at least one question." in response.content.decode()
    assert not company.assessments.exists()


def test_the_result_shows_level_radar_weakest_and_needs(browser, company):
    browser.post(reverse("pme:scan-new", args=[company.pk]), form_data(WORKED_EXAMPLE))
    scan = company.assessments.get()

    response = browser.get(reverse("pme:scan-result", args=[scan.pk]))

    html = response.content.decode()
    assert 'data-level="3"' in html
    assert "Level 3 · Defined" in html
    assert 'data-weakest="D5"' in html
    assert (
        f"/matching/requests/new/?company={company.pk}&amp;needs=HRP,LEG,TEL,SPA"
        in html
    )
    start = html.index("<svg")
    svg = html[start : html.index("</svg>", start) + len("</svg>")]
    ET.fromstring(svg)  # noqa: S314 - our own page
    assert 'role="img"' in svg
    assert 'data-benchmark="unavailable"' in html


def test_the_result_shows_the_benchmark_beside_the_scores(browser, company):
    scan = stored_scan(company, SCORES, 42)
    for index in range(1, 6):
        stored_scan(CompanyFactory(), {**SCORES, "D1": index * 10.0}, index * 10)

    html = browser.get(reverse("pme:scan-result", args=[scan.pk])).content.decode()

    assert "Median of 5 comparable companies" in html
    assert 'data-benchmark="D1">30<' in html
    assert 'class="radar-compare"' in html
    assert 'data-benchmark="unavailable"' not in html


def test_the_history_lists_every_scan_with_a_chart(browser, company):
    old = stored_scan(company, {**SCORES, "D1": 20.0}, 30, days_ago=300)
    new = stored_scan(company, {**SCORES, "D1": 80.0}, 60)

    html = browser.get(reverse("pme:scan-history", args=[company.pk])).content.decode()

    assert html.index(f'data-scan="{old.pk}"') < html.index(f'data-scan="{new.pk}"')
    assert 'class="history-chart img-fluid"' in html
    assert "<polyline" in html


def test_the_history_invites_to_a_first_scan(browser, company):
    html = browser.get(reverse("pme:scan-history", args=[company.pk])).content.decode()

    assert "No scan yet" in html
    assert reverse("pme:scan-new", args=[company.pk]) in html


@pytest.mark.parametrize("persona", ["pme_member", "consultant", "reviewer"])
def test_another_company_scan_pages_are_not_found(client, company, persona, request):
    scan = stored_scan(company, SCORES, 50)
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("pme:scan-new", args=[company.pk])).status_code == 404
    assert client.get(reverse("pme:scan-result", args=[scan.pk])).status_code == 404
    assert client.get(reverse("pme:scan-history", args=[company.pk])).status_code == 404
    response = client.post(reverse("pme:scan-new", args=[company.pk]), {"D1.1": "3"})
    assert response.status_code == 404
    assert company.assessments.count() == 1


def test_the_pages_ask_to_log_in(client, company):
    response = client.get(reverse("pme:scan-new", args=[company.pk]))

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_the_dashboard_panel_shows_the_latest_scan_or_invites(browser, owner, company):
    other = CompanyFactory(name="Zèbre SRL")
    other.memberships.create(user=owner)
    scan = stored_scan(company, SCORES, 42, level=3)

    html = browser.get(reverse("core:dashboard")).content.decode()

    assert "Level 3 · Defined — 42 / 100" in html
    assert reverse("pme:scan-result", args=[scan.pk]) in html
    assert reverse("pme:scan-new", args=[other.pk]) in html
    assert "Take the scan" in html
    assert 'class="radar-chart img-fluid"' in html


def test_the_panel_is_not_shown_without_a_company(client, reviewer):
    client.force_login(reviewer)

    html = client.get(reverse("core:dashboard")).content.decode()

    assert "latest-scan-title" not in html
