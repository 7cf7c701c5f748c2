"""The accounts API: register, token, me."""

import pytest
from django.core import mail
from django.urls import reverse

from core.models import AuditEntry, User

pytestmark = pytest.mark.django_db

REGISTER = {
    "email": "Lea.Martin@Example.be",
    "password": "Tele-Travail-2026",
    "first_name": "Léa",
    "last_name": "Martin",
    "role": "consultant",
}


def test_it_registers_a_consultant_with_the_role_and_an_audit_row(anonymous_api):
    response = anonymous_api.post(reverse("auth-api:register"), REGISTER)

    assert response.status_code == 201
    assert response.json()["email"] == "lea.martin@example.be"
    assert response.json()["roles"] == ["consultant"]
    user = User.objects.get(email="lea.martin@example.be")
    assert AuditEntry.objects.filter(action="core.user.registered", actor=user).exists()


def test_it_sends_the_confirmation_mail_after_registering(
    anonymous_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        anonymous_api.post(reverse("auth-api:register"), REGISTER)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lea.martin@example.be"]


def test_it_refuses_a_staff_role_at_registration(anonymous_api):
    response = anonymous_api.post(
        reverse("auth-api:register"), {**REGISTER, "role": "decider"}
    )

    assert response.status_code == 400
    assert set(response.json()) == {"code", "detail", "fields"}
    assert "role" in response.json()["fields"]
    assert not User.objects.exists()


def test_it_refuses_an_address_already_taken_whatever_its_case(
    anonymous_api, consultant
):
    response = anonymous_api.post(
        reverse("auth-api:register"), {**REGISTER, "email": consultant.email.upper()}
    )

    assert response.status_code == 400
    assert response.json()["code"] == "email_taken"
    assert User.objects.count() == 1


def test_it_refuses_a_weak_password_and_says_why(anonymous_api):
    response = anonymous_api.post(
        reverse("auth-api:register"), {**REGISTER, "password": "12345678"}
    )

    assert response.status_code == 400
    assert response.json()["code"] == "password_too_weak"
    assert response.json()["fields"]["password"]
    assert not User.objects.exists()


def test_it_gives_a_token_for_good_credentials(anonymous_api, consultant, password):
    response = anonymous_api.post(
        reverse("auth-api:token"), {"email": consultant.email, "password": password}
    )

    assert response.status_code == 200
    assert len(response.json()["token"]) == 40


def test_it_refuses_a_token_for_a_wrong_password(anonymous_api, consultant):
    response = anonymous_api.post(
        reverse("auth-api:token"), {"email": consultant.email, "password": "nope"}
    )

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_credentials"


def test_it_throttles_the_token_endpoint(anonymous_api, consultant):
    url = reverse("auth-api:token")
    body = {"email": consultant.email, "password": "wrong-password"}
    statuses = [anonymous_api.post(url, body).status_code for _ in range(6)]

    assert statuses[:5] == [400] * 5
    response = anonymous_api.post(url, body)
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_it_refuses_a_token_before_the_address_is_confirmed_when_mandatory(
    anonymous_api, settings
):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    anonymous_api.post(reverse("auth-api:register"), REGISTER)

    response = anonymous_api.post(
        reverse("auth-api:token"),
        {"email": REGISTER["email"], "password": REGISTER["password"]},
    )

    assert response.status_code == 400
    assert response.json()["code"] == "email_not_verified"


def test_it_shows_the_signed_in_user_with_roles(api, reviewer):
    response = api(reviewer).get(reverse("auth-api:me"))

    assert response.status_code == 200
    assert response.json()["email"] == reviewer.email
    assert response.json()["roles"] == ["reviewer"]


def test_it_answers_401_in_the_error_shape_without_credentials(anonymous_api):
    response = anonymous_api.get(reverse("auth-api:me"))

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response.json()["detail"]


def test_it_stores_the_preferred_language(api, consultant):
    response = api(consultant).patch(reverse("auth-api:me"), {"language": "nl"})

    assert response.status_code == 200
    consultant.refresh_from_db()
    assert consultant.language == "nl"


def test_it_ignores_email_and_roles_sent_to_me(api, consultant):
    response = api(consultant).patch(
        reverse("auth-api:me"), {"email": "evil@example.be", "roles": ["admin"]}
    )

    assert response.status_code == 200
    consultant.refresh_from_db()
    assert consultant.email == "claire.consultante@example.be"
    assert consultant.roles == ["consultant"]


def test_it_translates_errors_into_the_requested_language(anonymous_api):
    response = anonymous_api.get(reverse("auth-api:me"), HTTP_ACCEPT_LANGUAGE="fr")

    assert response.json()["detail"] == (
        "Informations d'authentification non fournies."
    )
