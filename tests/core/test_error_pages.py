"""Error pages: the API's error shape under /api/, the site's layout elsewhere,
and 503 with Retry-After while the database is unreachable."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    # Unhandled exceptions become responses, as they do in production.
    return Client(raise_request_exception=False)


def _database_down(*args, **kwargs):
    raise OperationalError("connection to server at 127.0.0.1 failed")


def test_it_answers_an_unknown_api_path_in_the_error_shape(client):
    response = client.get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Not found."}


def test_it_shows_a_page_in_the_layout_for_an_unknown_page(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "errors/404.html" in [t.name for t in response.templates]
    assert "This page does not exist" in response.text


def test_it_answers_503_with_retry_after_when_a_page_finds_the_database_down(
    client, monkeypatch, settings
):
    settings.DATABASE_RETRY_AFTER_SECONDS = 20
    monkeypatch.setattr("core.views.selectors.need_list", _database_down)

    response = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 503
    assert response["Retry-After"] == "20"
    assert "no-store" in response["Cache-Control"]
    assert "try again in" in response.text


def test_it_answers_503_in_the_error_shape_when_the_api_finds_the_database_down(
    client, monkeypatch, api, consultant
):
    monkeypatch.setattr("core.api.views.MeApi.get", _database_down)
    client = api(consultant)
    client.raise_request_exception = False

    response = client.get(reverse("auth-api:me"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"
    assert int(response["Retry-After"]) > 0


def test_it_answers_503_when_the_database_fails_inside_a_middleware(
    client, monkeypatch, consultant
):
    client.force_login(consultant)
    monkeypatch.setattr(SessionStore, "load", _database_down)

    response = client.get(reverse("core:dashboard"))

    assert response.status_code == 503
    assert "Retry-After" in response


def test_it_keeps_500_for_any_other_error(client, monkeypatch, api, consultant):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("core.api.views.MeApi.get", broken)
    client = api(consultant)
    client.raise_request_exception = False

    response = client.get(reverse("auth-api:me"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "Retry-After" not in response
