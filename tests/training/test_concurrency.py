"""Concurrent registrations never exceed a session's capacity (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from core.errors import DomainError
from core.roles import Role
from tests.factories import UserFactory
from tests.training.factories import EnrolmentFactory, SessionFactory
from training import services
from training.models import SessionRegistration

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer; the row lock matters on PostgreSQL.",
    ),
]


def test_it_never_overbooks_a_session_under_concurrent_registrations():
    session = SessionFactory(capacity=3)
    enrolments = [
        EnrolmentFactory(
            programme=session.module.programme,
            consultant=UserFactory(roles=[Role.CONSULTANT]),
        )
        for _index in range(12)
    ]
    barrier = threading.Barrier(len(enrolments))
    outcomes = []

    def register(enrolment):
        barrier.wait()
        try:
            services.session_register(
                user=enrolment.consultant, session=session, enrolment=enrolment
            )
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(e,)) for e in enrolments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("ok") == 3
    assert outcomes.count("session_full") == 9
    assert SessionRegistration.objects.filter(session=session).count() == 3
