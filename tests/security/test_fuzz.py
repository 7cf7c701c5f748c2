"""Schemathesis against the OpenAPI schema: no input makes the API fail.

Schemathesis's own engine runs its examples, coverage, fuzzing and stateful
phases over every operation, in process against the WSGI application, with a
fixed seed and a bounded number of cases (``NWOW_FUZZ_EXAMPLES``, 5 by
default; raise it for a deeper run), and every check it has: server errors,
status codes, content types, headers, response schemas, rejection of invalid
data, unsupported methods, ignored auth, use after free, and object-level
authorization between two users of the same kind (two consultants, then two
members of different companies), the first one owning the objects of
tests/security/world.py. Findings we accept are in ACCEPTED with their reason.

Schemathesis's object-level check counts an object as a user's only when it
saw it in that user's responses and not in the peer's, so it probes what the
fuzzer happens to reach; the permission matrix (test_permission_matrix.py)
proves every operation × persona × own or other's object.
"""

import collections
import json
import os
import threading

import pytest
import schemathesis
from django.db.backends.signals import connection_created
from rest_framework.authtoken.models import Token
from schemathesis import engine
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events
from schemathesis.transport import wsgi

from config.wsgi import application

from .world import build_people, build_world

EXAMPLES = int(os.environ.get("NWOW_FUZZ_EXAMPLES", "5"))
SEED = 20261204
PHASES = ["examples", "coverage", "fuzzing", "stateful"]
# Checks we do not run, each with the reason the finding is accepted.
ACCEPTED = {
    "positive_data_acceptance": (
        "The schema describes the shape of the input; business rules then refuse "
        "some well-shaped values with a documented 400 and a field message: an "
        "enterprise number failing its mod-97 check, an unknown taxonomy code, a "
        "password too close to the name, an invitation token that is not ours, "
        "a transition whose guard is not met (409)."
    ),
}
PAIRS = [("consultant", "other_consultant"), ("pme_member", "other_member")]


@pytest.fixture
def in_process_probes(monkeypatch):
    """Schemathesis 4.32.5 sends the requests of its ignored-auth and
    object-level probes with socket options (``max_redirects``, ``verify``…)
    that its in-process transport hands on to werkzeug, which refuses them
    with a TypeError: every probe would be an error, not a check. It drops
    them itself for a normal request; we drop them for the probes too."""
    send = wsgi.WSGITransport.send

    def send_without_socket_options(self, case, *, session=None, **kwargs):
        if session is None:
            for name in ("max_redirects", "verify", "cert", "proxies"):
                kwargs.pop(name, None)
        return send(self, case, session=session, **kwargs)

    monkeypatch.setattr(wsgi.WSGITransport, "send", send_without_socket_options)


@pytest.fixture
def closing_connections():
    """The engine calls the application from a thread of its own, whose
    database connections outlive the test (the in-process transport never
    closes a response, so Django's end-of-request cleanup does not run) and
    keep PostgreSQL from dropping the test database: close them afterwards."""
    main = threading.get_ident()
    opened = []

    def remember(sender, connection, **kwargs):
        if threading.get_ident() != main:
            opened.append(connection.connection)

    connection_created.connect(remember)
    yield
    connection_created.disconnect(remember)
    for raw in opened:
        raw.close()


def _config(auth_path: str, owner: str, peer: str) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            # No cache of earlier runs: each run is the same, from the seed.
            "cache": {"enabled": False},
            "workers": 1,
            "generation": {"max-examples": EXAMPLES},
            "phases": {phase: {"enabled": True} for phase in PHASES},
            "checks": {name: {"enabled": False} for name in ACCEPTED},
            "auth": {"wfc": {"path": auth_path, "user": owner, "peers": [owner, peer]}},
        }
    )


def _run(schema) -> tuple[list[str], collections.Counter]:
    failures, checked = [], collections.Counter()
    for event in engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            for nodes in event.recorder.checks.values():
                for node in nodes:
                    checked[node.name] += 1
                    if node.failure_info is not None:
                        failure = node.failure_info.failure
                        failures.append(f"{event.label} [{node.name}]: {failure}")
        elif isinstance(event, events.NonFatalError):
            failures.append(f"{event.label}: {event.value!r}")
        elif isinstance(event, events.FatalError):
            failures.append(f"fatal: {event.exception!r}")
    return failures, checked


@pytest.mark.parametrize(("owner", "peer"), PAIRS, ids=[pair[0] for pair in PAIRS])
def test_it_never_fails_on_any_input(
    reference_data, in_process_probes, closing_connections, tmp_path, owner, peer
):
    people = build_people()
    build_world(people)
    identities = []
    for name in (owner, peer):
        key = Token.objects.get_or_create(user=people[name])[0].key
        header = {"name": "Authorization", "value": f"Token {key}"}
        identities.append({"name": name, "fixedHeaders": [header]})
    auth_path = tmp_path / "identities.json"
    auth_path.write_text(json.dumps({"auth": identities}))
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/schema/", application, config=_config(str(auth_path), owner, peer)
    )

    failures, checked = _run(schema)

    print(
        f"\nfuzzed {len(list(schema.get_all_operations()))} operations as {owner} "
        f"with {peer} as peer: {sum(checked.values())} checks, "
        f"{len(failures)} failures; "
        + ", ".join(f"{n} {c}" for n, c in checked.items())
    )
    assert checked["object_level_authorization"] > 0
    assert failures == [], "\n\n".join(failures)
