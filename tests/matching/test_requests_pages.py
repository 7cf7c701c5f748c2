"""The expert request pages, the navigation entry and the dashboard panel."""

import re

import pytest
from django.urls import reverse

from matching.models import ExpertRequest
from tests.matching.factories import (
    company_of,
    expert_request,
    outsider_company,
    scan,
)
from tests.pme.factories import CompanyFactory

pytestmark = pytest.mark.django_db

NEW = "matching:request-new"


@pytest.fixture
def member(pme_member):
    pme_member.language = "en"
    pme_member.save(update_fields=["language"])
    return pme_member


@pytest.fixture
def company(member):
    return company_of(member, language="de")


def checkbox(html: str, value: str) -> str:
    match = re.search(rf'<input[^>]*name="needs"[^>]*value="{value}"[^>]*>', html)
    assert match, value
    return match.group(0)


def detail(obj):
    return reverse("matching:request-detail", args=[obj.pk])


def test_it_preselects_the_needs_of_the_query_string(client, member, company):
    client.force_login(member)

    response = client.get(reverse(NEW), {"company": company.pk, "needs": "TEL,HRP"})

    html = response.content.decode()
    assert "checked" in checkbox(html, "TEL")
    assert "checked" in checkbox(html, "HRP")
    assert "checked" not in checkbox(html, "MGT")
    # The scan's suggestions come first, then the taxonomy.
    assert html.index('value="HRP"') < html.index('value="COL"')
    assert '<option value="de" selected>' in html  # the company's language


def test_it_shows_need_labels_in_the_users_language(client, member, company):
    client.force_login(member)

    response = client.get(reverse(NEW), {"company": company.pk})

    assert "TEL · Telework" in response.content.decode()


def test_it_offers_only_the_users_companies(client, member, company):
    other = outsider_company()
    client.force_login(member)

    html = client.get(reverse(NEW)).content.decode()

    assert company.name in html
    assert other.name not in html


def test_it_refuses_another_companys_form(client, member, company):
    client.force_login(member)

    response = client.get(reverse(NEW), {"company": outsider_company().pk})

    assert response.status_code == 404


def test_it_shows_the_way_to_the_scan_instead_of_the_form(client, member):
    company = CompanyFactory(created_by=member)
    scan(company, days_ago=400)
    client.force_login(member)

    response = client.get(reverse(NEW), {"company": company.pk})

    html = response.content.decode()
    assert reverse("pme:scan-new", args=[company.pk]) in html
    assert 'name="description"' not in html
    assert "Take the maturity scan first" in html


def test_it_creates_a_request_from_the_page(client, member, company):
    client.force_login(member)

    response = client.post(
        reverse(NEW) + f"?company={company.pk}",
        {
            "company": company.pk,
            "needs": ["HRP", "TEL"],
            "description": "Unsere Teams arbeiten hybrid.",
            "language": "de",
        },
    )

    created = ExpertRequest.objects.get()
    assert response["Location"] == detail(created)
    assert created.company == company
    assert {need.code for need in created.needs.all()} == {"HRP", "TEL"}


def test_it_shows_the_field_errors_of_the_service(client, member, company):
    client.force_login(member)

    response = client.post(
        reverse(NEW),
        {
            "company": company.pk,
            "needs": ["TEL"],
            "description": "Hybrid.",
            "language": "fr",
            "start_from": "2030-03-01",
            "start_until": "2030-02-01",
        },
    )

    assert response.status_code == 200
    assert "The latest start cannot come before the earliest start." in (
        response.content.decode()
    )
    assert not ExpertRequest.objects.exists()


def test_it_lists_only_the_users_requests(client, member, company):
    mine = expert_request(company)
    theirs = expert_request(outsider_company())
    client.force_login(member)

    html = client.get(reverse("matching:request-list")).content.decode()

    assert detail(mine) in html
    assert detail(theirs) not in html


def test_it_hides_another_companys_request_and_its_withdrawal(
    client, member, other_consultant
):
    theirs = expert_request(outsider_company())
    withdraw = reverse("matching:request-withdraw", args=[theirs.pk])

    for user in (member, other_consultant):
        client.force_login(user)
        assert client.get(detail(theirs)).status_code == 404
        assert client.post(withdraw).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "open"


def test_it_lets_a_reviewer_read_but_not_withdraw(client, reviewer, company):
    created = expert_request(company)
    client.force_login(reviewer)

    response = client.get(detail(created))

    assert response.status_code == 200
    assert reverse("matching:request-withdraw", args=[created.pk]) not in (
        response.content.decode()
    )


def test_it_withdraws_from_the_detail_page(client, member, company):
    created = expert_request(company)
    client.force_login(member)

    response = client.post(
        reverse("matching:request-withdraw", args=[created.pk]), {"reason": "Done."}
    )

    assert response["Location"] == detail(created)
    created.refresh_from_db()
    assert created.status == "withdrawn"


def test_it_shows_open_requests_on_the_dashboard(client, member, company):
    shown = expert_request(company, needs=("TEL", "MGT"))
    hidden = expert_request(company, status="withdrawn")
    expert_request(outsider_company())
    client.force_login(member)

    html = client.get(reverse("core:dashboard")).content.decode()

    panel = html[html.index('data-panel="matching-requests"') :]
    assert detail(shown) in panel
    assert detail(hidden) not in panel
    assert ">MGT<" in panel
    assert reverse(NEW) in panel
    assert reverse("matching:request-list") in html  # the navigation entry


def test_it_shows_no_panel_to_a_consultant(client, consultant):
    client.force_login(consultant)

    html = client.get(reverse("core:dashboard")).content.decode()

    assert 'data-panel="matching-requests"' not in html
    assert reverse("matching:request-list") not in html
