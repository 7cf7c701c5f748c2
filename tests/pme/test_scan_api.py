"""API of the maturity scan (pme/api/scans.py), at its real paths."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.pme.factories import CompanyFactory
from tests.pme.scans import WORKED_EXAMPLE, WORKED_SCORES, stored_scan

SCORES = {"D1": 50.0, "D2": 50.0, "D3": 50.0, "D4": 50.0, "D5": 50.0, "D6": 50.0}


@pytest.fixture
def company(db):
    return CompanyFactory()


@pytest.fixture
def owner(company):
    return company.created_by


def assessments_url(company):
    return reverse("pme-api:company-assessments", args=[company.pk])


def detail_url(assessment):
    return reverse("pme-api:assessment-detail", args=[assessment.pk])


def test_the_paths_are_the_public_ones(company):
    assert reverse("pme-api:questionnaire") == "/api/v1/pme/questionnaire/"
    assert (
        assessments_url(company) == f"/api/v1/pme/companies/{company.pk}/assessments/"
    )


def test_it_serves_the_questionnaire_in_the_request_language(api, owner):
    response = api(owner).get(
        reverse("pme-api:questionnaire"), HTTP_ACCEPT_LANGUAGE="de"
    )

    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1
    assert [step["value"] for step in body["scale"]] == [0, 1, 2, 3, 4, None]
    assert [d["code"] for d in body["dimensions"]] == [f"D{n}" for n in range(1, 7)]
    assert body["dimensions"][1]["label"] == "Flexibilität von Zeit und Ort"
    assert sum(len(d["questions"]) for d in body["dimensions"]) == 30
    assert body["dimensions"][0]["questions"][0]["code"] == "D1.1"


def test_it_serves_english_on_request(api, owner):
    response = api(owner).get(
        reverse("pme-api:questionnaire"), HTTP_ACCEPT_LANGUAGE="en"
    )

    question = response.json()["dimensions"][0]["questions"][0]
    assert (
        question["text"]
        == "Do your NWOW and digital goals appear in your business plan?"
    )


def test_the_questionnaire_needs_authentication(anonymous_api, db):
    assert anonymous_api.get(reverse("pme-api:questionnaire")).status_code == 401


def test_a_member_takes_the_scan(api, owner, company):
    response = api(owner).post(
        assessments_url(company), {"answers": WORKED_EXAMPLE}, format="json"
    )

    assert response.status_code == 201
    body = response.json()
    assert body["dimension_scores"] == WORKED_SCORES
    assert body["overall_score"] == 61.5
    assert body["level"] == 3
    assert body["weakest"] == ["D5", "D2"]
    assert body["suggested_needs"] == ["HRP", "LEG", "TEL", "SPA"]
    assert body["benchmark"] is None
    assert body["benchmark_reason"]


def test_it_refuses_bad_answers_in_the_error_shape(api, owner, company):
    response = api(owner).post(
        assessments_url(company),
        {"answers": {"D1.1": 7, "D0.1": 2}},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_answers"
    assert body["fields"]["answers"][0] == "Unknown questions: D0.1."
    assert "D1.1" in body["fields"]["answers"][1]


def test_it_asks_for_at_least_one_answer(api, owner, company):
    response = api(owner).post(
        assessments_url(company),
        {"answers": {"D1.1": None}},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert response.json()["detail"] == "Answer at least one question."


def test_it_needs_an_answers_object(api, owner, company):
    response = api(owner).post(assessments_url(company), {}, format="json")

    assert response.status_code == 400
    assert "answers" in response.json()["fields"]


def test_it_lists_the_company_scans_newest_first(
    api, owner, company, django_assert_max_num_queries
):
    old = stored_scan(company, SCORES, 50, days_ago=200)
    new = stored_scan(company, SCORES, 60, days_ago=1)
    client = api(owner)

    with django_assert_max_num_queries(8):
        response = client.get(assessments_url(company))

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [new.pk, old.pk]


def test_the_list_does_not_grow_queries_with_scans(api, owner, company):
    client = api(owner)
    stored_scan(company, SCORES, 50)
    with CaptureQueriesContext(connection) as one_scan:
        client.get(assessments_url(company))
    for days in (10, 20, 30):
        stored_scan(company, SCORES, 50, days_ago=days)
    with CaptureQueriesContext(connection) as four_scans:
        client.get(assessments_url(company))

    assert len(four_scans) == len(one_scan)


def test_it_shows_one_scan_with_its_benchmark(api, owner, company):
    mine = stored_scan(company, SCORES, 50)
    for index in range(1, 6):
        stored_scan(CompanyFactory(), {"D1": index * 10.0}, index * 10)

    response = api(owner).get(detail_url(mine))

    assert response.status_code == 200
    body = response.json()
    assert body["benchmark"]["group_size"] == 5
    assert body["benchmark"]["dimension_scores"]["D1"] == 30.0
    assert body["benchmark"]["overall_score"] == 30.0
    assert body["benchmark_reason"] is None
    assert body["level_meaning"]


def test_the_benchmark_is_withheld_below_five_peers(api, owner, company):
    mine = stored_scan(company, SCORES, 50)
    for _ in range(4):
        stored_scan(CompanyFactory(), SCORES, 30)

    body = api(owner).get(detail_url(mine), HTTP_ACCEPT_LANGUAGE="en").json()

    assert body["benchmark"] is None
    assert "4 of the same size, sector and province" in body["benchmark_reason"]


@pytest.mark.parametrize("persona", ["pme_member", "consultant", "reviewer"])
def test_another_company_scans_are_not_found(api, company, persona, request):
    scan = stored_scan(company, SCORES, 50)
    client = api(request.getfixturevalue(persona))

    assert client.get(assessments_url(company)).status_code == 404
    assert client.get(detail_url(scan)).status_code == 404
    response = client.post(
        assessments_url(company), {"answers": {"D1.1": 3}}, format="json"
    )
    assert response.status_code == 404
    assert company.assessments.count() == 1


def test_an_unknown_company_is_not_found(api, owner):
    response = api(owner).get(reverse("pme-api:company-assessments", args=[999_999]))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
