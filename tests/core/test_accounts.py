"""Session accounts through allauth: sign-up, rate limits, mail language, admin."""

import pytest
from django.core import mail
from django.urls import reverse

from core.models import AuditEntry, User

pytestmark = pytest.mark.django_db


def test_it_signs_up_a_company_member_with_the_chosen_role(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "jean@boulangerie.be",
            "first_name": "Jean",
            "last_name": "Dupont",
            "role": "pme",
            "password1": "Pain-Chaud-2026",
            "password2": "Pain-Chaud-2026",
        },
        HTTP_ACCEPT_LANGUAGE="nl",
    )

    assert response.status_code == 302
    user = User.objects.get(email="jean@boulangerie.be")
    assert user.roles == ["pme"]
    assert user.language == "nl"
    assert AuditEntry.objects.filter(action="core.user.registered", actor=user).exists()


def test_it_refuses_a_staff_role_on_the_sign_up_form(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "x@example.be",
            "first_name": "X",
            "last_name": "Y",
            "role": "decider",
            "password1": "Pain-Chaud-2026",
            "password2": "Pain-Chaud-2026",
        },
    )

    assert response.status_code == 200
    assert not User.objects.exists()


def test_it_cools_off_an_account_after_repeated_failed_logins(
    client, consultant, password
):
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": consultant.email, "password": "wrong"})

    response = client.post(url, {"login": consultant.email, "password": password})

    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_it_does_not_lock_other_accounts_out(client, consultant, reviewer, password):
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": consultant.email, "password": "wrong"})

    client.post(url, {"login": reviewer.email, "password": password})

    assert client.session["_auth_user_id"] == str(reviewer.pk)


def test_it_sends_a_password_reset_in_the_account_language(
    client, consultant, django_capture_on_commit_callbacks
):
    consultant.language = "de"
    consultant.save()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_reset_password"),
            {"email": consultant.email},
            HTTP_ACCEPT_LANGUAGE="en",
        )

    assert len(mail.outbox) == 1
    assert "Passwort" in mail.outbox[0].subject


def test_it_shows_the_audit_log_read_only_to_the_admin_role(client, admin_user):
    client.force_login(admin_user)

    changelist = client.get(reverse("admin:core_auditentry_changelist"))
    add = client.get(reverse("admin:core_auditentry_add"))

    assert changelist.status_code == 200
    assert add.status_code == 403


def test_it_logs_out_through_a_post(client, consultant):
    client.force_login(consultant)

    client.post(reverse("account_logout"))

    assert "_auth_user_id" not in client.session
