"""Idempotency-Key: a retried API write is answered again, never redone."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.idempotency import prune_expired
from core.models import IdempotencyRecord
from training.models import CpdActivity

pytestmark = pytest.mark.django_db

ACTIVITY = {
    "category": "conference",
    "date": "2026-11-20",
    "hours": "3.0",
    "description": "Forum NWOW à Namur",
}


def declare(client, key, **changes):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(
        reverse("training-api:cpd-activity-list"),
        {**ACTIVITY, **changes},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )


def test_it_answers_a_retry_with_the_first_answer_and_writes_once(api, consultant):
    client = api(consultant)

    first = declare(client, "retry-1")
    second = declare(client, "retry-1")

    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert CpdActivity.objects.count() == 1


def test_it_writes_again_without_a_key(api, consultant):
    client = api(consultant)

    declare(client, None)
    declare(client, None)

    assert CpdActivity.objects.count() == 2


def test_it_refuses_the_same_key_for_another_body(api, consultant):
    client = api(consultant)
    declare(client, "reused")

    response = declare(client, "reused", hours="5.0")

    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert CpdActivity.objects.count() == 1


def test_it_asks_a_copy_to_wait_while_the_first_runs(api, consultant):
    client = api(consultant)
    declare(client, "slow")
    IdempotencyRecord.objects.update(state=IdempotencyRecord.State.RUNNING)

    response = declare(client, "slow")

    assert response.status_code == 409
    assert response["Retry-After"] == "1"
    assert CpdActivity.objects.count() == 1


def test_it_keeps_keys_apart_between_users(api, consultant, other_consultant):
    declare(api(consultant), "same-key")

    response = declare(api(other_consultant), "same-key")

    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response
    assert CpdActivity.objects.count() == 2


def test_it_refuses_a_key_that_is_not_printable_ascii(api, consultant):
    response = declare(api(consultant), "clé é")

    assert response.status_code == 400
    assert CpdActivity.objects.count() == 0


def test_it_does_not_keep_a_refusal_caused_by_the_server(api, consultant, monkeypatch):
    client = api(consultant)
    client.raise_request_exception = False

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("training.api.views.services.cpd_declare", broken)
    assert declare(client, "after-500").status_code == 500
    monkeypatch.undo()

    assert declare(client, "after-500").status_code == 201


def test_it_forgets_answers_past_their_lifetime(api, consultant, settings):
    declare(api(consultant), "old")
    IdempotencyRecord.objects.update(
        created_at=timezone.now() - datetime.timedelta(hours=25)
    )

    assert prune_expired() == 1
    assert declare(api(consultant), "old").status_code == 201


def test_it_answers_a_method_the_path_does_not_serve_with_405_whatever_the_key(
    api, consultant
):
    client = api(consultant)
    declare(client, "used-once")

    response = client.put(
        reverse("training-api:cpd-activity-list"),
        ACTIVITY,
        format="json",
        HTTP_IDEMPOTENCY_KEY="used-once",
    )

    assert response.status_code == 405
    assert CpdActivity.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1
