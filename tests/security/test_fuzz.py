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
from django.apps import apps
from django.db import connection, models
from django.db.backends.signals import connection_created
from django.db.models import Count
from rest_framework.authtoken.models import Token
from schemathesis import engine
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events
from schemathesis.transport import wsgi

from config.wsgi import application
from pme.models import Company

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
# Far from page numbers, page sizes, years and postal codes (see distinct_ids).
FIRST_ID = 700_001


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


@pytest.fixture
def distinct_ids():
    """Start every table's ids at FIRST_ID for the test, then back at 1.

    Schemathesis takes a value the owner's request itself carried for an id
    the owner chose, not one the server showed them, and skips it in its
    object-level check: with ids from 1, company 1 of a list fetched with
    ``page=1`` would never be probed."""
    tables = [
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.managed and isinstance(model._meta.pk, models.AutoField)
    ]
    _set_next_ids(tables, FIRST_ID)
    yield
    _set_next_ids(tables, 1)


def _set_next_ids(tables: list[str], first: int) -> None:
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, false)",
                    [table, first],
                )
            else:  # SQLite keeps the last id given in sqlite_sequence
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                if first > 1:
                    cursor.execute(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)",
                        [table, first - 1],
                    )


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
    reference_data,
    distinct_ids,
    in_process_probes,
    closing_connections,
    tmp_path,
    owner,
    peer,
):
    schema = _schema(tmp_path, owner, peer)

    failures, checked = _run(schema)

    print(
        f"\nfuzzed {len(list(schema.get_all_operations()))} operations as {owner} "
        f"with {peer} as peer: {sum(checked.values())} checks, "
        f"{len(failures)} failures; "
        + ", ".join(f"{n} {c}" for n, c in checked.items())
    )
    assert checked["object_level_authorization"] > 0
    assert failures == [], "\n\n".join(failures)


def test_its_object_level_check_catches_a_company_shown_to_another_member(
    reference_data,
    distinct_ids,
    in_process_probes,
    closing_connections,
    tmp_path,
    monkeypatch,
):
    """The check above is only worth its silence if it speaks up: open one
    company's detail to every signed-in user and the fuzzer must say so."""
    from pme.api.companies import CompanyViewSet

    strict = CompanyViewSet.get_queryset

    def every_company_on_detail(self):
        queryset = strict(self)
        if self.action == "retrieve":
            return Company.objects.annotate(member_count=Count("memberships"))
        return queryset

    monkeypatch.setattr(CompanyViewSet, "get_queryset", every_company_on_detail)
    schema = _schema(tmp_path, "pme_member", "other_member").include(
        path_regex=r"^/api/v1/pme/companies/(\{id\}/)?$", method="GET"
    )

    failures, _checked = _run(schema)

    assert any(
        "GET /api/v1/pme/companies/{id}/ [object_level_authorization]" in failure
        and "`other_member` received the `Company` that `pme_member` owns" in failure
        for failure in failures
    ), "\n\n".join(failures)


def _schema(tmp_path, owner: str, peer: str):
    people = build_people()
    build_world(people)
    identities = []
    for name in (owner, peer):
        key = Token.objects.get_or_create(user=people[name])[0].key
        header = {"name": "Authorization", "value": f"Token {key}"}
        identities.append({"name": name, "fixedHeaders": [header]})
    auth_path = tmp_path / "identities.json"
    auth_path.write_text(json.dumps({"auth": identities}))
    return schemathesis.openapi.from_wsgi(
        "/api/v1/schema/", application, config=_config(str(auth_path), owner, peer)
    )
