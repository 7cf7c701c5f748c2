"""The certificate PDF: hostile text renders as text, never as markup or images."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accreditation.certificate import render_certificate, verification_url
from accreditation.models import Accreditation
from tests.accreditation.factories import AccreditationFactory, need
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

S = Accreditation.Status

HOSTILE_NAMES = [
    ("Jean <Dupont>", "Marie & Fils"),
    ('<img src="/etc/passwd"/>', "<img src='/etc/passwd' width=500>"),
    ('<font color="red" size="40">', "</para><b>forged"),
    ("Zoë-Ånnelïse", "Müller-Lüdenscheidt Straße Çà"),
    ("A" * 150, "B" * 150),
    ("Jérôme " * 21, "Weiß " * 30),
]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return "".join(text.split())


def images(data: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize(("first", "last"), HOSTILE_NAMES)
def test_it_renders_hostile_names_as_plain_text(first, last):
    holder = UserFactory(first_name=first, last_name=last, language="de")
    accreditation = AccreditationFactory(consultant=holder)

    data = render_certificate(accreditation)

    assert data.startswith(b"%PDF")
    text = squash(pdf_text(data))
    # Long names wrap across lines; compare without whitespace.
    assert squash(first)[:60] in text
    assert squash(last)[-60:] in text
    assert accreditation.verification_code in text
    assert images(data) == 0


def test_it_lists_every_domain_of_the_same_application_in_the_holders_language():
    holder = UserFactory(language="de")
    tel = AccreditationFactory(consultant=holder)
    AccreditationFactory(
        consultant=holder, domain=need("HRP"), application=tel.application
    )
    AccreditationFactory(domain=need("MGT"))  # someone else's

    text = pdf_text(render_certificate(tel))

    assert need("TEL").label_de.split()[0] in text
    assert "HRP" in text
    assert "MGT" not in text


@pytest.mark.parametrize("status", [S.REVOKED, S.EXPIRED])
def test_it_shows_an_invalid_status_prominently(status, english):
    holder = UserFactory(language="en")
    accreditation = AccreditationFactory(consultant=holder, status=status)

    text = pdf_text(render_certificate(accreditation))

    assert f"{status.label.upper()}: this accreditation is not valid." in text


def test_it_points_the_qr_code_to_the_public_verification_page(settings):
    settings.NWOW = {**settings.NWOW, "PUBLIC_URL": "https://nwow.example.be/"}
    accreditation = AccreditationFactory()

    url = verification_url(accreditation)

    assert url == f"https://nwow.example.be/verify/{accreditation.verification_code}/"
    assert url in squash(pdf_text(render_certificate(accreditation)))


@pytest.mark.parametrize("persona", ["consultant", "reviewer", "decider", "admin_user"])
def test_it_serves_the_certificate_to_the_holder_and_staff(
    persona, consultant, api, request
):
    accreditation = AccreditationFactory(consultant=consultant)
    path = reverse(
        "accreditation-api:accreditation-certificate", args=[accreditation.pk]
    )

    response = api(request.getfixturevalue(persona)).get(path)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("persona", ["other_consultant", "pme_member", "trainer"])
def test_it_hides_the_certificate_from_others(persona, consultant, api, request):
    accreditation = AccreditationFactory(consultant=consultant)
    path = reverse(
        "accreditation-api:accreditation-certificate", args=[accreditation.pk]
    )

    response = api(request.getfixturevalue(persona)).get(path)

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_it_serves_the_certificate_to_clients_asking_for_pdf(consultant, api):
    accreditation = AccreditationFactory(consultant=consultant)
    path = reverse(
        "accreditation-api:accreditation-certificate", args=[accreditation.pk]
    )

    response = api(consultant).get(path, HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
