"""Schemathesis against the OpenAPI schema: no input makes the API fail.

Every operation is fuzzed with a fixed seed and a bounded number of cases
(``NWOW_FUZZ_EXAMPLES``, 5 by default; raise it for a deeper run), as a
consultant and as a company member who own the objects of
tests/security/world.py, with every check schemathesis runs for one identity
(server errors, status codes, content types, headers, response schemas,
rejection of invalid data, ignored auth…). Object-level authorization across
the two is proven by the permission matrix. Findings we accept are listed in
ACCEPTED with their reason.
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

from config.wsgi import application

from .world import build_people, build_world

EXAMPLES = int(os.environ.get("NWOW_FUZZ_EXAMPLES", "5"))
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
# Checks we do not run, each with the reason the finding is accepted.
ACCEPTED = {
    positive_data_acceptance: (
        "The schema describes the shape of the input; business rules then refuse "
        "some well-shaped values with a documented 400 and a field message: an "
        "enterprise number failing its mod-97 check, an unknown taxonomy code, a "
        "password too close to the name, an invitation token that is not ours, "
        "a filter naming a need that does not exist."
    ),
}


def _operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    return [result.ok() for result in schema.get_all_operations()]


def _fuzz(operation, token: str) -> list[str]:
    failures = []

    @FUZZ_SETTINGS
    @given(case=operation.as_strategy())
    def run(case):
        case.call_and_validate(
            headers={"Authorization": f"Token {token}"},
            excluded_checks=list(ACCEPTED),
        )

    try:
        run()
    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - reported below
        failures.append(f"{operation.label}: {str(error)[:1500]}")
    return failures


@pytest.fixture
def keep_connection():
    """Schemathesis calls the WSGI application itself, which closes the
    database connection at each request's start and end, as a server should;
    inside a test's transaction that would close it under the test (Django's
    test client unhooks the same signals)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("persona", ["consultant", "pme_member"])
def test_it_never_fails_on_any_input(db, keep_connection, persona):
    people = build_people()
    build_world(people)
    token = Token.objects.get_or_create(user=people[persona])[0].key

    failures = []
    for operation in _operations():
        failures.extend(_fuzz(operation, token))

    assert failures == [], "\n\n".join(failures)
