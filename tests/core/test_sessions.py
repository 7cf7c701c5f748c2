"""Sessions and login: CSRF, brute-force cool-off, session key rotation, timeouts,
and the end of old sessions and tokens when credentials change."""

import time
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from core.security import LOGIN_AT, SEEN_AT

pytestmark = pytest.mark.django_db

ME = "/api/v1/auth/me/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


class TestCsrf:
    def test_the_login_form_refuses_a_post_without_its_csrf_token(
        self, consultant, password
    ):
        client = Client(enforce_csrf_checks=True)

        response = client.post(
            reverse("account_login"), {"login": consultant.email, "password": password}
        )

        assert response.status_code == 403
        assert "_auth_user_id" not in client.session

    def test_a_session_api_call_without_csrf_token_is_refused_and_changes_nothing(
        self, pme_member
    ):
        client = Client(enforce_csrf_checks=True)
        client.force_login(pme_member)

        response = client.post(
            "/api/v1/pme/companies/",
            {"name": "Boulangerie Lemaire", "enterprise_number": "0403.019.261"},
            content_type="application/json",
        )

        assert response.status_code == 403
        assert response.json()["code"] == "permission_denied"
        from pme.models import Company

        assert not Company.objects.exists()

    def test_a_token_api_call_needs_no_csrf_token(self, api, consultant):
        response = api(consultant).get(ME)

        assert response.status_code == 200


class TestBruteForce:
    def test_an_account_cools_off_then_signs_in_again(
        self, client, consultant, password
    ):
        url = reverse("account_login")
        start = time.time()
        for _ in range(5):
            client.post(url, {"login": consultant.email, "password": "wrong"})
        client.post(url, {"login": consultant.email, "password": password})
        assert "_auth_user_id" not in client.session

        # Six minutes later the five-minute window has passed.
        later = start + 6 * 60
        with mock.patch("allauth.core.internal.ratelimit.time.time", lambda: later):
            client.post(url, {"login": consultant.email, "password": password})

        assert client.session["_auth_user_id"] == str(consultant.pk)

    def test_the_token_endpoint_is_throttled_with_a_retry_delay(
        self, anonymous_api, consultant
    ):
        url = reverse("auth-api:token")
        statuses = [
            anonymous_api.post(
                url, {"email": consultant.email, "password": "wrong"}
            ).status_code
            for _ in range(11)
        ]

        assert statuses[-1] == 429
        assert 400 in statuses


class TestSessionKey:
    def test_login_gives_a_new_session_key(self, client, consultant, password):
        client.get(reverse("account_login"))
        client.session.save()
        before = client.session.session_key

        client.post(
            reverse("account_login"), {"login": consultant.email, "password": password}
        )

        assert client.session["_auth_user_id"] == str(consultant.pk)
        assert client.session.session_key != before


class TestCredentialChanges:
    def test_a_changed_password_ends_other_sessions_and_tokens(self, api, consultant):
        browser = signed_in(consultant)
        token_client = api(consultant)
        assert browser.get(ME).status_code == 200

        consultant.set_password("Un-Nouveau-Secret-2026")
        consultant.save()

        assert browser.get(ME).status_code in (401, 403)
        assert token_client.get(ME).status_code == 401
        assert not Token.objects.filter(user=consultant).exists()

    def test_a_deactivated_user_loses_sessions_and_tokens(self, api, consultant):
        browser = signed_in(consultant)
        token_client = api(consultant)

        consultant.is_active = False
        consultant.save()

        assert browser.get(ME).status_code in (401, 403)
        assert token_client.get(ME).status_code == 401
        assert not Token.objects.filter(user=consultant).exists()

    def test_an_ordinary_profile_change_keeps_the_token(self, api, consultant):
        token_client = api(consultant)

        consultant.first_name = "Claire-Marie"
        consultant.save()

        assert token_client.get(ME).status_code == 200


class TestTimeouts:
    def _age(self, client, *, login_ago: float, seen_ago: float) -> None:
        session = client.session
        now = time.time()
        session[LOGIN_AT] = now - login_ago
        session[SEEN_AT] = now - seen_ago
        session.save()

    def test_an_idle_session_ends(self, settings, consultant):
        client = signed_in(consultant)
        self._age(
            client,
            login_ago=settings.SESSION_IDLE_TIMEOUT + 60,
            seen_ago=settings.SESSION_IDLE_TIMEOUT + 1,
        )

        page = client.get(reverse("core:dashboard"))

        assert page.status_code == 302
        assert reverse("account_login") in page["Location"]
        assert "_auth_user_id" not in client.session

    def test_an_active_session_ends_at_the_absolute_timeout(self, settings, consultant):
        client = signed_in(consultant)
        self._age(client, login_ago=settings.SESSION_ABSOLUTE_TIMEOUT + 1, seen_ago=5)

        response = client.get(ME)

        assert response.status_code == 401
        assert response.json()["code"] == "session_expired"

    def test_a_recent_session_goes_on_and_its_idle_clock_moves(self, consultant):
        client = signed_in(consultant)
        self._age(client, login_ago=600, seen_ago=120)
        before = client.session[SEEN_AT]

        assert client.get(reverse("core:dashboard")).status_code == 200
        assert client.session[SEEN_AT] > before


class TestNoStore:
    def test_pages_for_a_signed_in_user_are_not_stored(self, consultant):
        response = signed_in(consultant).get(reverse("core:dashboard"))

        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]

    def test_api_responses_are_not_stored(self, api, consultant):
        assert "no-store" in api(consultant).get(ME)["Cache-Control"]

    def test_public_pages_for_visitors_may_be_cached(self, client):
        response = client.get("/")

        assert "no-store" not in response.get("Cache-Control", "")
