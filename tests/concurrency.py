"""Running calls at the same instant, for the race tests on PostgreSQL."""

import threading
from collections.abc import Callable

from django.db import connections

from core.errors import DomainError


def run_at_once(calls: list[Callable[[], object]]) -> list[str]:
    """Run each call in its own thread, all released together by a barrier.

    Returns one outcome per call: "ok", or the refusal's ``status:code``
    (such as "409:transition_not_allowed"). Each thread has its own database
    connection, closed at the end so that the test database can be dropped.
    """
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(call):
        barrier.wait()
        try:
            call()
            outcome = "ok"
        except DomainError as error:
            outcome = f"{error.status_code}:{error.code}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
