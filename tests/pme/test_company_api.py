"""The companies API: registration, ownership, members, mass assignment."""

import pytest
from django.urls import reverse

from core.roles import Role
from pme.models import Company, Membership
from tests.factories import UserFactory
from tests.pme.factories import CompanyFactory

pytestmark = pytest.mark.django_db

LIST = "pme-api:company-list"

PAYLOAD = {
    "name": "Atelier Mosan",
    "enterprise_number": "BE 0403.019.261",
    "postal_code": "4700",
    "nace_code": "6210",
    "employees": 249,
    "annual_turnover_eur": 50_000_000,
    "balance_sheet_eur": 60_000_000,
}


def detail(company, name="company-detail"):
    return reverse(f"pme-api:{name}", args=[company.pk])


def test_it_registers_a_company_with_its_derived_fields(api, pme_member):
    response = api(pme_member).post(reverse(LIST), PAYLOAD)

    assert response.status_code == 201
    body = response.json()
    assert body["enterprise_number"] == "0403019261"
    assert body["province"] == "BE-WLG"
    assert body["language"] == "de"
    assert body["size_class"] == "medium"
    assert body["nace_code"] == "62.10"
    assert body["nace_section"] == "K"
    assert body["created_by"] == pme_member.pk
    assert body["member_count"] == 1


def test_it_ignores_server_fields_sent_by_the_client(api, pme_member, reviewer):
    payload = {
        **PAYLOAD,
        "province": "BE-WHT",
        "size_class": "micro",
        "nace_section": "A",
        "created_by": reviewer.pk,
    }

    body = api(pme_member).post(reverse(LIST), payload).json()

    company = Company.objects.get(pk=body["id"])
    assert (company.province, company.size_class) == ("BE-WLG", "medium")
    assert (company.nace_section, company.created_by) == ("K", pme_member)


def test_it_ignores_server_fields_in_patch(api, pme_member, reviewer):
    company = CompanyFactory(created_by=pme_member)

    response = api(pme_member).patch(
        detail(company),
        {"name": "Renamed", "province": "BE-WHT", "created_by": reviewer.pk},
    )

    assert response.status_code == 200
    company.refresh_from_db()
    assert company.name == "Renamed"
    assert (company.province, company.created_by) == ("BE-WNA", pme_member)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("postal_code", "1000", "postal_code_brussels"),
        ("postal_code", "2000", "postal_code_flanders"),
        ("postal_code", "9000", "postal_code_flanders"),
        ("enterprise_number", "0403.019.262", "enterprise_number_checksum"),
        ("employees", 250, "not_sme"),
    ],
)
def test_it_answers_400_with_a_stable_code(api, pme_member, field, value, code):
    response = api(pme_member).post(reverse(LIST), {**PAYLOAD, field: value})

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert field in response.json()["fields"]


def test_it_answers_a_translated_400_for_a_duplicate_number(api, pme_member):
    CompanyFactory(enterprise_number="0403019261")

    response = api(pme_member).post(reverse(LIST), PAYLOAD, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json()["code"] == "enterprise_number_taken"
    assert "already registered" in response.json()["detail"]


def test_it_refuses_registration_to_a_consultant(api, consultant):
    response = api(consultant).post(reverse(LIST), PAYLOAD)

    assert response.status_code == 403
    assert not Company.objects.exists()


def test_it_requires_authentication(anonymous_api):
    assert anonymous_api.get(reverse(LIST)).status_code == 401


def test_it_lists_only_own_companies_in_few_queries(
    api, pme_member, django_assert_max_num_queries
):
    own = [CompanyFactory(created_by=pme_member) for _ in range(3)]
    CompanyFactory()
    client = api(pme_member)

    with django_assert_max_num_queries(4):
        response = client.get(reverse(LIST))

    assert sorted(row["id"] for row in response.json()["results"]) == [
        company.pk for company in own
    ]


def test_it_lets_the_agency_see_every_company(api, reviewer):
    company = CompanyFactory()

    assert api(reviewer).get(detail(company)).status_code == 200


def test_it_hides_another_companys_data_on_every_endpoint(api, pme_member):
    other = CompanyFactory()
    client = api(pme_member)

    assert client.get(detail(other)).status_code == 404
    assert client.patch(detail(other), {"name": "Mine"}).status_code == 404
    assert client.get(detail(other, "company-members")).status_code == 404
    assert client.get(detail(other, "company-invitations")).status_code == 404
    assert (
        client.post(
            detail(other, "company-invitations"), {"email": "x@example.be"}
        ).status_code
        == 404
    )
    remove = reverse("pme-api:company-member", args=[other.pk, other.created_by_id])
    assert client.delete(remove).status_code == 404
    assert Membership.objects.filter(company=other).count() == 1


def test_it_lets_only_admins_patch(api, pme_member):
    company = CompanyFactory()
    Membership.objects.create(company=company, user=pme_member, role="member")

    response = api(pme_member).patch(detail(company), {"name": "Mine"})

    assert response.status_code == 403


def test_it_lists_members(api, pme_member):
    company = CompanyFactory(created_by=pme_member)

    response = api(pme_member).get(detail(company, "company-members"))

    assert response.json() == [
        {
            "user": pme_member.pk,
            "email": pme_member.email,
            "name": pme_member.get_full_name(),
            "role": "admin",
            "joined_at": response.json()[0]["joined_at"],
        }
    ]


def test_it_removes_a_member_but_not_the_last_admin(api, pme_member):
    company = CompanyFactory(created_by=pme_member)
    colleague = UserFactory(roles=[Role.PME])
    Membership.objects.create(company=company, user=colleague)
    client = api(pme_member)

    removed = client.delete(
        reverse("pme-api:company-member", args=[company.pk, colleague.pk])
    )
    last = client.delete(
        reverse("pme-api:company-member", args=[company.pk, pme_member.pk])
    )

    assert removed.status_code == 204
    assert last.status_code == 409
    assert last.json()["code"] == "last_admin"


def test_it_forbids_a_plain_member_to_remove(api, pme_member):
    company = CompanyFactory()
    Membership.objects.create(company=company, user=pme_member)

    response = api(pme_member).delete(
        reverse("pme-api:company-member", args=[company.pk, company.created_by_id])
    )

    assert response.status_code == 403
