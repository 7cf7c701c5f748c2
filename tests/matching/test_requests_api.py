"""The expert request API: creation and its checks, reads, withdrawal."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry, Need
from matching.models import ExpertRequest
from tests.factories import UserFactory
from tests.matching.factories import (
    company_of,
    expert_request,
    outsider_company,
    scan,
)
from tests.pme.factories import CompanyFactory

pytestmark = pytest.mark.django_db

LIST = "matching-api:request-list"


def detail_url(obj):
    return reverse("matching-api:request-detail", args=[obj.pk])


def withdraw_url(obj):
    return reverse("matching-api:request-withdraw", args=[obj.pk])


def payload(company, **overrides):
    return {
        "company": company.pk,
        "needs": ["TEL", "MGT"],
        "description": "Nous voulons organiser le télétravail de 40 personnes.",
        "language": "fr",
        **overrides,
    }


def post(client, data):
    return client.post(reverse(LIST), data, format="json", HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def company(pme_member):
    return company_of(pme_member)


# -- creation ------------------------------------------------------------------


def test_it_creates_a_request_on_the_latest_scan(api, pme_member, company):
    latest = scan(company, days_ago=1)

    response = post(api(pme_member), payload(company, budget_days=10))

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "open"
    assert body["needs"] == ["TEL", "MGT"]
    assert body["primary_need"] == "TEL"  # the first need by default
    assert body["assessment"] == latest.pk
    assert body["budget_days"] == 10
    created = ExpertRequest.objects.get()
    assert created.created_by == pme_member
    entry = AuditEntry.objects.get(action="matching.request.created")
    assert entry.actor == pme_member
    assert entry.object_id == str(created.pk)
    assert entry.data["needs"] == ["TEL", "MGT"]


def test_it_refuses_a_second_open_request_for_the_same_need(api, pme_member, company):
    assert post(api(pme_member), payload(company)).status_code == 201

    response = post(api(pme_member), payload(company))

    assert response.status_code == 409
    assert response.json()["code"] == "request_already_open"
    assert ExpertRequest.objects.filter(company=company).count() == 1


def test_it_takes_the_main_need_among_the_needs(api, pme_member, company):
    response = post(api(pme_member), payload(company, primary_need="MGT"))

    assert response.status_code == 201
    assert response.json()["primary_need"] == "MGT"


def test_it_refuses_a_main_need_outside_the_needs(api, pme_member, company):
    response = post(api(pme_member), payload(company, primary_need="HRP"))

    assert response.status_code == 400
    assert "primary_need" in response.json()["fields"]


def test_it_requires_at_least_one_need(api, pme_member, company):
    response = post(api(pme_member), payload(company, needs=[]))

    assert response.status_code == 400
    assert response.json()["fields"]["needs"] == ["Choose at least one need."]
    assert not ExpertRequest.objects.exists()


def test_it_refuses_an_unknown_need_code(api, pme_member, company):
    response = post(api(pme_member), payload(company, needs=["TEL", "XYZ"]))

    assert response.status_code == 400
    assert "XYZ" in response.json()["fields"]["needs"][0]


def test_it_refuses_an_inactive_need(api, pme_member, company):
    Need.objects.filter(code="SEC").update(is_active=False)

    response = post(api(pme_member), payload(company, needs=["SEC"]))

    assert response.status_code == 400
    assert "needs" in response.json()["fields"]


def test_it_requires_a_description_and_a_known_language(api, pme_member, company):
    response = post(api(pme_member), payload(company, description="  ", language="es"))

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"description", "language"}


def test_it_refuses_a_company_the_user_does_not_belong_to(api, pme_member, company):
    other = outsider_company()

    response = post(api(pme_member), payload(other))

    assert response.status_code == 404
    assert not ExpertRequest.objects.exists()


def test_it_asks_for_a_scan_when_there_is_none(api, pme_member):
    company = CompanyFactory(created_by=pme_member)

    response = post(api(pme_member), payload(company))

    assert response.status_code == 409
    assert response.json()["code"] == "scan_required"
    assert "Take the maturity scan of" in response.json()["detail"]
    assert "12 months" in response.json()["detail"]


def test_it_asks_for_a_new_scan_when_the_last_is_older_than_12_months(api, pme_member):
    company = CompanyFactory(created_by=pme_member)
    scan(company, days_ago=366)

    response = post(api(pme_member), payload(company))

    assert response.status_code == 409
    assert response.json()["code"] == "scan_required"


def test_it_ignores_a_scan_that_was_not_completed(api, pme_member):
    company = CompanyFactory(created_by=pme_member)
    scan(company, days_ago=1, level=None)

    response = post(api(pme_member), payload(company))

    assert response.json()["code"] == "scan_required"


def test_it_reads_the_scan_age_from_the_settings(api, pme_member, company, settings):
    settings.NWOW = {**settings.NWOW, "SCAN_MAX_AGE_DAYS": 5}  # company's is 10 days

    response = post(api(pme_member), payload(company))

    assert response.json()["code"] == "scan_required"


def test_it_refuses_a_start_window_that_ends_before_it_begins(api, pme_member, company):
    today = timezone.localdate()

    response = post(
        api(pme_member),
        payload(
            company,
            start_from=str(today + datetime.timedelta(days=30)),
            start_until=str(today + datetime.timedelta(days=10)),
        ),
    )

    assert response.status_code == 400
    assert "start_until" in response.json()["fields"]


def test_it_refuses_a_start_in_the_past(api, pme_member, company):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = post(api(pme_member), payload(company, start_from=str(yesterday)))

    assert response.status_code == 400
    assert "start_from" in response.json()["fields"]


def test_it_accepts_a_coherent_start_window(api, pme_member, company):
    today = timezone.localdate()

    response = post(
        api(pme_member),
        payload(company, start_from=str(today), start_until=str(today)),
    )

    assert response.status_code == 201


def test_it_ignores_status_and_author_sent_by_the_client(api, pme_member, company):
    someone = UserFactory()

    response = post(
        api(pme_member),
        payload(company, status="withdrawn", created_by=someone.pk, id=999),
    )

    assert response.status_code == 201
    created = ExpertRequest.objects.get()
    assert created.status == "open"
    assert created.created_by == pme_member


def test_it_refuses_anonymous_clients(anonymous_api, company):
    response = anonymous_api.post(reverse(LIST), payload(company), format="json")

    assert response.status_code == 401


# -- reads -------------------------------------------------------------------


def test_it_lists_only_the_requests_of_the_users_companies(
    api, pme_member, company, django_assert_max_num_queries
):
    mine = [expert_request(company), expert_request(company, needs=("HRP", "MGT"))]
    expert_request(outsider_company())
    client = api(pme_member)

    # token and user, roles, count, page, needs: whatever the number of rows.
    with django_assert_max_num_queries(5):
        response = client.get(reverse(LIST))

    assert response.status_code == 200
    assert sorted(row["id"] for row in response.json()["results"]) == sorted(
        r.pk for r in mine
    )


def test_it_filters_the_list_by_company_and_status(api, pme_member, company):
    second = company_of(pme_member)
    kept = expert_request(company)
    expert_request(company, status="withdrawn")
    expert_request(second)
    client = api(pme_member)

    by_company = client.get(reverse(LIST), {"company": company.pk, "status": "open"})

    assert [row["id"] for row in by_company.json()["results"]] == [kept.pk]


def test_it_shows_every_request_to_a_reviewer(api, reviewer, company):
    expert_request(company)
    expert_request(outsider_company())

    response = api(reviewer).get(reverse(LIST))

    assert response.json()["count"] == 2


def test_it_shows_a_request_to_a_member_of_its_company(api, pme_member, company):
    created = expert_request(company)

    response = api(pme_member).get(detail_url(created))

    assert response.status_code == 200
    assert response.json()["company"] == company.pk


def test_it_hides_a_request_from_another_companys_member(
    api, pme_member, other_consultant
):
    other = outsider_company()
    theirs = expert_request(other)

    assert api(pme_member).get(detail_url(theirs)).status_code == 404
    assert api(other_consultant).get(detail_url(theirs)).status_code == 404
    assert api(other.created_by).get(detail_url(theirs)).status_code == 200


# -- withdrawal ----------------------------------------------------------------


def test_it_withdraws_an_open_request(api, pme_member, company):
    created = expert_request(company)

    response = api(pme_member).post(
        withdraw_url(created), {"reason": "Plus d'actualité."}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    entry = AuditEntry.objects.get(action="matching.request.withdrawn")
    assert (entry.from_state, entry.to_state) == ("open", "withdrawn")
    assert entry.reason == "Plus d'actualité."


def test_it_refuses_to_withdraw_twice(api, pme_member, company):
    created = expert_request(company, status="withdrawn")

    response = api(pme_member).post(withdraw_url(created), {}, format="json")

    assert response.status_code == 409


def test_it_lets_no_outsider_withdraw(api, pme_member, reviewer):
    theirs = expert_request(outsider_company())

    assert api(pme_member).post(withdraw_url(theirs)).status_code == 404
    # The agency reads every request but acts for no company.
    assert api(reviewer).post(withdraw_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "open"
