"""Company pages: registration wizard step, company page, invitation page."""

import pytest
from django.urls import reverse

from core.roles import Role
from pme.models import Company, Invitation, Membership
from pme.services.companies import invitation_token
from tests.factories import UserFactory
from tests.pme.factories import CompanyFactory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Atelier Mosan",
    "enterprise_number": "0878 065 378",
    "postal_code": "4700",
    "nace_code": "62.100",
    "employees": "25",
    "annual_turnover_eur": "3000000",
    "balance_sheet_eur": "2000000",
    "language": "",
}


def page(name, *args):
    return reverse(f"pme:{name}", args=args)


def test_it_registers_then_redirects_to_the_scan(client, pme_member):
    client.force_login(pme_member)

    response = client.post(page("company-new"), FORM)

    company = Company.objects.get()
    assert response.status_code == 302
    assert response["Location"] == page("scan-new", company.pk)
    assert (company.enterprise_number, company.language) == ("0878065378", "de")
    assert company.memberships.get().role == "admin"


def test_it_shows_the_reason_of_a_refusal_on_the_form(client, pme_member):
    # A signed-in user's stored language decides the page's.
    pme_member.language = "en"
    pme_member.save()
    client.force_login(pme_member)

    response = client.post(page("company-new"), {**FORM, "postal_code": "9000"})

    assert response.status_code == 200
    assert not Company.objects.exists()
    assert "Flemish Region" in response.content.decode()


def test_it_refuses_the_registration_page_to_a_consultant(client, consultant):
    client.force_login(consultant)

    assert client.get(page("company-new")).status_code == 403


def test_it_sends_anonymous_visitors_to_the_login(client):
    response = client.get(page("company-new"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_lists_only_the_users_companies(client, pme_member):
    own = CompanyFactory(created_by=pme_member, name="Mine SRL")
    CompanyFactory(name="Theirs SA")
    client.force_login(pme_member)

    content = client.get(page("company-list")).content.decode()

    assert own.name in content
    assert "Theirs SA" not in content


def test_it_shows_members_and_admin_tools_to_an_admin(client, pme_member):
    company = CompanyFactory(created_by=pme_member)
    colleague = UserFactory(roles=[Role.PME], email="colleague@example.be")
    Membership.objects.create(company=company, user=colleague)
    Invitation.objects.create(
        company=company, email="pending@example.be", invited_by=pme_member
    )
    client.force_login(pme_member)

    content = client.get(page("company-detail", company.pk)).content.decode()

    assert "colleague@example.be" in content
    assert "pending@example.be" in content
    assert page("member-remove", company.pk, colleague.pk) in content
    assert page("company-invite", company.pk) in content


def test_it_shows_no_admin_tools_to_a_member(client, pme_member):
    company = CompanyFactory()
    Membership.objects.create(company=company, user=pme_member)
    client.force_login(pme_member)

    content = client.get(page("company-detail", company.pk)).content.decode()

    assert page("company-invite", company.pk) not in content
    assert "member-remove" not in content
    assert client.get(page("company-edit", company.pk)).status_code == 403


def test_it_hides_another_company_on_every_page(client, pme_member):
    other = CompanyFactory()
    client.force_login(pme_member)

    assert client.get(page("company-detail", other.pk)).status_code == 404
    assert client.get(page("company-edit", other.pk)).status_code == 404
    assert client.post(page("company-edit", other.pk), FORM).status_code == 404
    assert (
        client.post(
            page("company-invite", other.pk), {"email": "x@example.be"}
        ).status_code
        == 404
    )
    assert (
        client.post(page("member-remove", other.pk, other.created_by_id)).status_code
        == 404
    )
    assert not Invitation.objects.exists()
    assert Membership.objects.filter(company=other).count() == 1


def test_it_edits_the_company_and_ignores_derived_fields(client, pme_member):
    company = CompanyFactory(created_by=pme_member)
    client.force_login(pme_member)
    form = {
        **FORM,
        "enterprise_number": company.enterprise_number,
        "postal_code": "6700",
        "language": "fr",
        "province": "BE-WHT",
        "size_class": "medium",
    }

    response = client.post(page("company-edit", company.pk), form)

    assert response["Location"] == page("company-detail", company.pk)
    company.refresh_from_db()
    assert (company.province, company.size_class) == ("BE-WLX", "small")


def test_it_invites_from_the_company_page(
    client, pme_member, mailoutbox, django_capture_on_commit_callbacks
):
    company = CompanyFactory(created_by=pme_member)
    client.force_login(pme_member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(page("company-invite", company.pk), {"email": "new@example.be"})

    assert Invitation.objects.get().email == "new@example.be"
    assert mailoutbox[0].to == ["new@example.be"]


def test_it_keeps_the_last_admin_from_the_page(client, pme_member):
    company = CompanyFactory(created_by=pme_member)
    client.force_login(pme_member)

    response = client.post(
        page("member-remove", company.pk, pme_member.pk), follow=True
    )

    assert company.memberships.filter(user=pme_member).exists()
    assert list(response.context["messages"])[0].level_tag == "error"


def test_it_shows_the_invitation_and_joins_on_post(client, consultant):
    company = CompanyFactory(name="Atelier Mosan")
    invitation = Invitation.objects.create(
        company=company, email=consultant.email, invited_by=company.created_by
    )
    url = page("invitation-accept", invitation_token(invitation))
    client.force_login(consultant)

    shown = client.get(url)
    joined = client.post(url)

    assert "Atelier Mosan" in shown.content.decode()
    assert joined["Location"] == page("company-detail", company.pk)
    assert company.memberships.filter(user=consultant, role="member").exists()


def test_it_does_not_join_with_the_wrong_account(client, consultant):
    company = CompanyFactory()
    invitation = Invitation.objects.create(
        company=company, email="else@example.be", invited_by=company.created_by
    )
    url = page("invitation-accept", invitation_token(invitation))
    client.force_login(consultant)

    client.post(url)

    assert not company.memberships.filter(user=consultant).exists()


def test_it_explains_a_bad_invitation_link(client, consultant):
    client.force_login(consultant)

    response = client.get(page("invitation-accept", "not-a-token"))

    assert response.status_code == 400
    assert 'data-code="invitation_invalid"' in response.content.decode()


def test_it_asks_to_log_in_before_accepting(client):
    response = client.get(page("invitation-accept", "any"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_shows_the_nav_item_and_panel_to_company_accounts(client, pme_member):
    company = CompanyFactory(created_by=pme_member, name="Mine SRL")
    client.force_login(pme_member)

    content = client.get(reverse("core:dashboard")).content.decode()

    assert page("company-list") in content
    assert f'data-company="{company.pk}"' in content
    assert page("company-new") in content


def test_it_shows_no_company_panel_to_a_consultant(client, consultant):
    client.force_login(consultant)

    content = client.get(reverse("core:dashboard")).content.decode()

    assert page("company-list") not in content
    assert page("company-new") not in content
