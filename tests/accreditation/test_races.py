"""Concurrent transitions on PostgreSQL: one winner, no duplicate rows."""

import threading

import pytest
from django.db import connection, connections

from accreditation.models import Accreditation, Application
from accreditation.services import applications as services
from core.errors import DomainError
from core.models import AuditEntry
from tests.accreditation.factories import complete_application

pytestmark = pytest.mark.usefixtures("reference_data")


def run_at_once(count: int, work) -> list[str]:
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


def test_it_lets_one_of_twelve_concurrent_approvals_win(consultant, decider):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL")
    application = complete_application(consultant=consultant)
    Application.objects.filter(pk=application.pk).update(status="recommended")

    outcomes = run_at_once(
        12,
        lambda: services.application_approve(application=application, actor=decider),
    )

    assert sorted(outcomes) == ["409"] * 11 + ["ok"]
    assert Accreditation.objects.filter(application=application).count() == 1
    assert (
        AuditEntry.objects.filter(action="accreditation.application.approved").count()
        == 1
    )
