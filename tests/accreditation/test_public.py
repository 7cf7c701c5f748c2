"""Public verification and the expert directory (API and pages), without login."""

import pytest
from django.urls import reverse
from rest_framework.throttling import ScopedRateThrottle

from accreditation.models import Accreditation, Application
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    need,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

S = Accreditation.Status


@pytest.fixture(autouse=True)
def verify_rate(monkeypatch):
    # The project settings will define the "public-verify" rate; the test
    # settings may not yet, and DRF reads the dict captured at import time.
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "public-verify", "100/min")


def verify_url(code):
    return reverse("public-api:verify", args=[code])


def expert(first="Claire", last="Dubois", domains=("TEL",), status=S.ACTIVE, **profile):
    consultant = UserFactory(first_name=first, last_name=last)
    application = ApplicationFactory(
        consultant=consultant,
        status=Application.Status.APPROVED,
        domains=list(domains),
        **{"provinces": ["BE-WHT"], "languages": ["fr"], **profile},
    )
    for code in domains:
        AccreditationFactory(
            consultant=consultant,
            application=application,
            domain=need(code),
            status=status,
        )
    return consultant


# -- verification -------------------------------------------------------------


def test_it_confirms_a_valid_accreditation(anonymous_api):
    accreditation = AccreditationFactory()
    AccreditationFactory(
        consultant=accreditation.consultant,
        application=accreditation.application,
        domain=need("HRP"),
    )

    response = anonymous_api.get(verify_url(accreditation.verification_code))

    assert response.status_code == 200
    assert response.json() == {
        "valid": True,
        "holder": accreditation.consultant.get_full_name(),
        "domains": ["TEL", "HRP"],
        "status": "active",
        "valid_until": accreditation.valid_until.isoformat(),
    }


def test_it_accepts_a_code_typed_in_lower_case(anonymous_api):
    accreditation = AccreditationFactory()

    response = anonymous_api.get(verify_url(accreditation.verification_code.lower()))

    assert response.json()["valid"] is True


@pytest.mark.parametrize("status", [S.REVOKED, S.EXPIRED, S.SUSPENDED, S.RELINQUISHED])
def test_it_says_when_an_accreditation_is_not_valid(status, anonymous_api):
    accreditation = AccreditationFactory(status=status)

    body = anonymous_api.get(verify_url(accreditation.verification_code)).json()

    assert body["valid"] is False
    assert body["status"] == status


@pytest.mark.parametrize("status", [S.RENEWAL_OPEN, S.RENEWAL_REVIEW])
def test_it_counts_a_pending_renewal_as_valid(status, anonymous_api):
    accreditation = AccreditationFactory(status=status)

    body = anonymous_api.get(verify_url(accreditation.verification_code)).json()

    assert body["valid"] is True


def test_it_answers_404_for_an_unknown_code(anonymous_api):
    response = anonymous_api.get(verify_url("AAAA-BBBB-CCCC-DDDD"))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert set(response.json()) == {"code", "detail"}


def test_it_throttles_code_guessing(anonymous_api, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "public-verify", "3/min")

    statuses = [
        anonymous_api.get(verify_url(f"AAAA-BBBB-CCCC-DDD{n}")).status_code
        for n in range(4)
    ]

    assert statuses == [404, 404, 404, 429]


def test_it_shows_the_verification_page(client):
    accreditation = AccreditationFactory(status=S.REVOKED)
    path = reverse(
        "accreditation-public:verify-code", args=[accreditation.verification_code]
    )

    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Revoked accreditation" in response.text
    assert accreditation.consultant.last_name in response.text


def test_it_sends_the_form_to_the_code_page(client):
    accreditation = AccreditationFactory()

    response = client.get(
        reverse("accreditation-public:verify"),
        {"code": accreditation.verification_code.lower()},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "accreditation-public:verify-code", args=[accreditation.verification_code]
    )


def test_it_shows_an_unknown_code_as_not_found(client):
    path = reverse("accreditation-public:verify-code", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ"])

    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "Unknown code" in response.text


def test_it_escapes_the_code_echoed_on_the_page(client):
    path = reverse("accreditation-public:verify-code", args=["<script>x"])

    response = client.get(path)

    assert "<script>x" not in response.text


# -- directory ----------------------------------------------------------------


def experts_api(client, **params):
    return client.get(reverse("public-api:experts"), params).json()


def names(body):
    return [row["name"] for row in body["results"]]


def test_it_lists_matchable_experts_with_their_profile(anonymous_api):
    consultant = expert(
        domains=("TEL", "HRP"), provinces=["BE-WLG"], languages=["de"], remote=True
    )

    body = experts_api(anonymous_api)

    assert body["results"] == [
        {
            "id": consultant.pk,
            "name": "Claire Dubois",
            "domains": ["TEL", "HRP"],
            "provinces": ["BE-WLG"],
            "languages": ["de"],
            "remote": True,
        }
    ]


@pytest.mark.parametrize("status", [S.SUSPENDED, S.EXPIRED, S.REVOKED, S.RELINQUISHED])
def test_it_never_lists_experts_without_a_valid_accreditation(status, anonymous_api):
    expert(first="Out", last="Side", status=status)
    expert(first="In", last="Side", status=S.RENEWAL_REVIEW)

    assert names(experts_api(anonymous_api)) == ["In Side"]


def test_it_shows_only_the_valid_domains_of_an_expert(anonymous_api):
    consultant = expert(domains=("TEL", "HRP"))
    Accreditation.objects.filter(consultant=consultant, domain__code="HRP").delete()
    AccreditationFactory(consultant=consultant, domain=need("HRP"), status=S.SUSPENDED)

    body = experts_api(anonymous_api)

    assert body["results"][0]["domains"] == ["TEL"]
    assert experts_api(anonymous_api, domain="HRP")["count"] == 0


def test_it_filters_by_domain_province_and_language(anonymous_api):
    expert("Anne", "Hainaut", ("TEL",), provinces=["BE-WHT"], languages=["fr"])
    expert(
        "Bert",
        "Liege",
        ("HRP",),
        provinces=["BE-WLG", "BE-WNA"],
        languages=["de", "fr"],
    )

    assert names(experts_api(anonymous_api, domain="HRP")) == ["Bert Liege"]
    assert names(experts_api(anonymous_api, province="BE-WNA")) == ["Bert Liege"]
    assert names(experts_api(anonymous_api, language="fr")) == [
        "Anne Hainaut",
        "Bert Liege",
    ]
    assert names(experts_api(anonymous_api, language="de", province="BE-WHT")) == []


def test_it_searches_names(anonymous_api):
    expert("Anne", "Lefèvre")
    expert("Bert", "Janssens")

    assert names(experts_api(anonymous_api, q="lefè")) == ["Anne Lefèvre"]
    assert names(experts_api(anonymous_api, q="ANNE")) == ["Anne Lefèvre"]
    assert names(experts_api(anonymous_api, q="bert jans")) == ["Bert Janssens"]


def test_it_reads_the_profile_of_the_latest_approved_application(anonymous_api):
    consultant = expert(provinces=["BE-WHT"])
    newer = ApplicationFactory(
        consultant=consultant,
        status=Application.Status.APPROVED,
        provinces=["BE-WLX"],
    )
    Application.objects.filter(pk=newer.pk).update(decided_at="2030-01-01T00:00Z")

    body = experts_api(anonymous_api)

    assert body["results"][0]["provinces"] == ["BE-WLX"]
    assert names(experts_api(anonymous_api, province="BE-WHT")) == []


def test_it_paginates_the_directory_in_constant_queries(
    anonymous_api, django_assert_max_num_queries
):
    for n in range(5):
        expert(first=f"Expert{n}", last="Test")

    with django_assert_max_num_queries(4):
        body = experts_api(anonymous_api, page_size=2)

    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert body["next"]


def test_it_shows_the_directory_page_with_filters(client):
    expert("Anne", "Hainaut", ("TEL",))
    expert("Bert", "Liege", ("HRP",))

    response = client.get(
        reverse("accreditation-public:experts"),
        {"domain": "HRP"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "Bert Liege" in response.text
    assert "Anne Hainaut" not in response.text
