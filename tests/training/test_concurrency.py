"""Concurrent registrations never exceed a session's capacity (PostgreSQL)."""

from functools import partial

import pytest
from django.db import connection

from core.roles import Role
from tests.concurrency import run_at_once
from tests.factories import UserFactory
from tests.training.factories import EnrolmentFactory, SessionFactory
from training import services
from training.models import SessionRegistration

pytestmark = [
    # Transactional tests see tables flushed by earlier ones: restore the
    # taxonomy and role groups first.
    pytest.mark.usefixtures("reference_data"),
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
    outcomes = run_at_once(
        [
            partial(
                services.session_register,
                user=enrolment.consultant,
                session=session,
                enrolment=enrolment,
            )
            for enrolment in enrolments
        ]
    )

    assert outcomes.count("ok") == 3
    assert outcomes.count("409:session_full") == 9
    assert SessionRegistration.objects.filter(session=session).count() == 3
