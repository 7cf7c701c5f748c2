"""Concurrent registrations on PostgreSQL: never over capacity, the waiting
list in arrival order, the first waiting promoted first."""

from functools import partial

import pytest
from django.db import connection

from knowledge.events import selectors, services
from knowledge.events.models import Registration
from tests.concurrency import run_at_once
from tests.knowledge.events.factories import EventFactory

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer; the row lock matters on PostgreSQL.",
    ),
]

Status = Registration.Status


def test_it_never_overbooks_under_concurrent_registrations(people):
    event = EventFactory(capacity=3)
    users = people(12)

    outcomes = run_at_once(
        [partial(services.registration_create, user=u, event=event) for u in users]
    )

    assert outcomes == ["ok"] * 12
    assert selectors.places_taken(event) == 3
    rows = list(event.registrations.order_by("queue_number"))
    assert [r.queue_number for r in rows] == list(range(1, 13))
    # Whoever got a number first got a place: places, then the waiting list.
    assert [r.status for r in rows] == [Status.REGISTERED] * 3 + [Status.WAITLISTED] * 9


def test_it_refuses_the_same_person_twice_at_the_same_instant(people):
    event = EventFactory(capacity=5)
    (user,) = people(1)

    outcomes = run_at_once(
        [partial(services.registration_create, user=user, event=event)] * 4
    )

    assert sorted(outcomes) == ["409:already_registered"] * 3 + ["ok"]
    assert event.registrations.count() == 1


def test_it_promotes_the_first_waiting_under_concurrent_cancellations(people):
    event = EventFactory(capacity=3)
    users = people(8)
    for user in users:
        services.registration_create(user=user, event=event)

    outcomes = run_at_once(
        [
            partial(services.registration_cancel, user=user, event=event)
            for user in users[:3]
        ]
    )

    assert outcomes == ["ok"] * 3
    registered = event.registrations.filter(status=Status.REGISTERED)
    assert {r.user_id for r in registered} == {u.pk for u in users[3:6]}
    waiting = [r.user_id for r in selectors.waitlist(event)]
    assert waiting == [users[6].pk, users[7].pk]


def test_it_keeps_capacity_when_registrations_and_cancellations_mix(people):
    event = EventFactory(capacity=2)
    early = people(2)
    for user in early:
        services.registration_create(user=user, event=event)
    late = people(6)

    calls = [partial(services.registration_cancel, user=u, event=event) for u in early]
    calls += [partial(services.registration_create, user=u, event=event) for u in late]
    outcomes = run_at_once(calls)

    assert outcomes == ["ok"] * 8
    assert selectors.places_taken(event) == 2
    waiting = list(selectors.waitlist(event))
    taken = list(event.registrations.filter(status=Status.REGISTERED))
    # Those who hold a place arrived before everyone still waiting.
    assert max(r.queue_number for r in taken) < min(r.queue_number for r in waiting)
