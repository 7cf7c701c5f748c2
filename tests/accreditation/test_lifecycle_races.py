"""Concurrent accreditation transitions on PostgreSQL: one winner, one audit row."""

import threading

import pytest
from django.db import connection, connections

from accreditation.models import Accreditation
from accreditation.services import accreditations as services
from core.errors import DomainError
from core.models import AuditEntry
from tests.accreditation.factories import AccreditationFactory

pytestmark = pytest.mark.usefixtures("reference_data")


def outcomes_of(count: int, work) -> list[str]:
    """Run ``work`` in ``count`` threads released together; collect outcomes."""
    barrier = threading.Barrier(count)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker():
        barrier.wait()
        try:
            work()
            outcome = "ok"
        except DomainError as error:
            outcome = str(error.status_code)
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_it_lets_one_of_eight_concurrent_revocations_win(decider):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL")
    accreditation = AccreditationFactory()

    outcomes = outcomes_of(
        8,
        lambda: services.accreditation_revoke(
            actor=decider, accreditation=accreditation, reason="Fraude prouvée"
        ),
    )

    assert sorted(outcomes) == ["409"] * 7 + ["ok"]
    accreditation.refresh_from_db()
    assert accreditation.status == Accreditation.Status.REVOKED
    assert (
        AuditEntry.objects.filter(action="accreditation.accreditation.revoked").count()
        == 1
    )
