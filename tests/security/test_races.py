"""Races on PostgreSQL: copies of one write sent at the same instant give one
winner. With one Idempotency-Key every write does; without a key every
transition and every write that must be unique does (only writes that may
rightly be repeated, such as logging two working sessions, are exempt)."""

import threading

import pytest
from django.db import connection, connections

from .bodies import body_for
from .matrix_support import client_for, concrete_path
from .test_permission_matrix import EXPECTED
from .world import PERSONAS, build_people, build_world

COPIES = 4
# Writes that may rightly be made twice: a second one is a second record.
REPEATABLE = {
    ("POST", "/api/v1/accreditation/applications/{id}/documents/"),
    ("POST", "/api/v1/accreditation/applications/{id}/references/"),
    ("POST", "/api/v1/matching/assignments/"),
    ("POST", "/api/v1/matching/engagements/{id}/sessions/"),
    ("POST", "/api/v1/pme/companies/{id}/assessments/"),
    ("POST", "/api/v1/training/assessments/{id}/attempts/"),
    ("POST", "/api/v1/training/cpd-activities/"),
    ("POST", "/api/v1/training/sessions/{id}/attendance/"),
    # Anonymous respondents cannot be told apart: each answer is a new one
    # (throttled per address; a company answers once per wave).
    ("POST", "/api/v1/knowledge/surveys/{id}/responses/"),
}
# Writes that give the same record back when repeated: copies all succeed
# and name that one record.
IDEMPOTENT = {
    ("POST", "/api/v1/pme/companies/{id}/invitations/"),
    ("POST", "/api/v1/training/sessions/{id}/register/"),
    ("POST", "/api/v1/knowledge/capsules/{id}/media/"),
    ("POST", "/api/v1/knowledge/resources/{id}/file/"),
    ("POST", "/api/v1/knowledge/events/{id}/capacity/"),
}
# Not writes: the same answer to everyone is right.
NOT_WRITES = {("POST", "/api/v1/auth/token/")}


def _writers():
    for (method, path), codes in sorted(EXPECTED.items()):
        if method == "GET" or (method, path) in NOT_WRITES:
            continue
        allowed = [p for p, c in zip(PERSONAS, codes, strict=True) if 200 <= c < 300]
        if allowed:
            yield method, path, allowed[0]


@pytest.fixture
def on_postgres(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("row locks and unique constraints race only on PostgreSQL")


def _send_copies(method, path, user, world, people, key):
    barrier = threading.Barrier(COPIES)
    answers, lock = [], threading.Lock()

    def send():
        client = client_for(user)
        client.raise_request_exception = False
        data, kind = body_for(method, path, world, people)
        headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
        barrier.wait()
        try:
            caller = getattr(client, method.lower())
            if data is None:
                response = caller(concrete_path(path, world), **headers)
            else:
                response = caller(
                    concrete_path(path, world), data, format=kind, **headers
                )
            is_json = response.get("Content-Type", "").startswith("application/json")
            body = response.json() if is_json else {}
            with lock:
                answers.append(
                    (
                        response.status_code,
                        response.has_header("Idempotent-Replayed"),
                        body.get("id") if isinstance(body, dict) else None,
                    )
                )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


# Keys belong to a signed-in caller: a visitor's writes are not keyed.
@pytest.mark.parametrize(
    ("method", "path", "persona"), [w for w in _writers() if w[2] != "anonymous"]
)
def test_it_runs_copies_with_one_idempotency_key_once(
    on_postgres, method, path, persona
):
    people = build_people()
    world = build_world(people)

    answers = _send_copies(method, path, people[persona], world, people, key="k-1")

    winners = [s for s, replayed, _id in answers if 200 <= s < 300 and not replayed]
    assert len(winners) == 1, answers
    assert all(s == 409 or 200 <= s < 300 for s, _r, _id in answers), answers


@pytest.mark.parametrize(
    ("method", "path", "persona"),
    [w for w in _writers() if w[:2] not in REPEATABLE and w[0] == "POST"],
)
def test_it_gives_one_winner_to_concurrent_copies(on_postgres, method, path, persona):
    people = build_people()
    world = build_world(people)

    answers = _send_copies(method, path, people[persona], world, people, key=None)

    assert all(s < 500 for s, _r, _id in answers), answers
    if (method, path) in IDEMPOTENT:
        assert {s for s, _r, _id in answers} <= {200, 201}, answers
        assert len({record for _s, _r, record in answers}) == 1, answers
    else:
        assert sum(1 for s, _r, _id in answers if 200 <= s < 300) == 1, answers
