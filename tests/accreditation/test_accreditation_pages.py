"""Accreditation pages: the holder's list, certificate, renewal; agency actions."""

import pytest
from django.urls import reverse

from accreditation.models import Accreditation
from tests.accreditation.factories import AccreditationFactory

pytestmark = pytest.mark.django_db


def detail(accreditation):
    return reverse("accreditation:accreditation-detail", args=[accreditation.pk])


def test_it_lists_the_holders_accreditations_only(client, consultant):
    mine = AccreditationFactory(consultant=consultant)
    AccreditationFactory()
    client.force_login(consultant)

    response = client.get(reverse("accreditation:accreditation-list"))

    assert list(response.context["accreditations"]) == [mine]


def test_it_downloads_the_certificate_as_a_pdf(client, consultant):
    accreditation = AccreditationFactory(consultant=consultant)
    client.force_login(consultant)

    response = client.get(
        reverse("accreditation:accreditation-certificate", args=[accreditation.pk])
    )

    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"


def test_it_lists_what_renewal_still_needs(client, consultant):
    consultant.language = "en"
    consultant.save()
    accreditation = AccreditationFactory(consultant=consultant)
    Accreditation.objects.filter(pk=accreditation.pk).update(status="renewal_open")
    client.force_login(consultant)

    content = client.get(detail(accreditation)).content.decode()

    assert 'data-action="submit-renewal"' in content
    assert "remediation plan" in content


def test_it_lets_a_reviewer_suspend_from_the_page(client, reviewer):
    accreditation = AccreditationFactory()
    client.force_login(reviewer)

    client.post(
        reverse(
            "accreditation:accreditation-transition", args=[accreditation.pk, "suspend"]
        ),
        {"suspend-reason": "Plainte d'un client"},
    )

    accreditation.refresh_from_db()
    assert accreditation.status == "suspended"
    assert accreditation.suspended_by == reviewer


def test_it_does_not_offer_revocation_to_the_reviewer_who_suspended(client, reviewer):
    from django.contrib.auth.models import Group

    reviewer.groups.add(Group.objects.get(name="decider"))
    accreditation = AccreditationFactory()
    Accreditation.objects.filter(pk=accreditation.pk).update(
        status="suspended", suspended_by=reviewer
    )
    client.force_login(reviewer)

    content = client.get(detail(accreditation)).content.decode()

    assert 'data-action="reinstate"' in content
    assert 'data-action="revoke"' not in content


def test_it_hides_another_consultants_accreditation(client, other_consultant):
    accreditation = AccreditationFactory()
    client.force_login(other_consultant)

    assert client.get(detail(accreditation)).status_code == 404
    assert (
        client.get(
            reverse("accreditation:accreditation-certificate", args=[accreditation.pk])
        ).status_code
        == 404
    )


def test_it_shows_agency_links_in_the_navigation(client, reviewer):
    client.force_login(reviewer)

    content = client.get(reverse("core:dashboard")).content.decode()

    assert reverse("accreditation:application-list") in content
    assert reverse("accreditation:accreditation-list") in content


def test_it_keeps_agency_links_from_company_members(client, pme_member):
    client.force_login(pme_member)

    content = client.get(reverse("core:dashboard")).content.decode()

    assert reverse("accreditation:application-list") not in content
    assert reverse("accreditation-public:experts") in content
