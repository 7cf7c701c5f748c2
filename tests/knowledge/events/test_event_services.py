"""The event's workflow (publish, cancel, close) and its capacity."""

import datetime

import pytest
from django.utils import timezone

from core.audit import audit_history
from core.errors import DomainError, NotAllowed, TransitionNotAllowed
from core.models import AuditEntry
from knowledge.events import selectors, services
from knowledge.events.models import Event, Registration
from tests.knowledge.events.factories import (
    EventFactory,
    EventSessionFactory,
    SpeakerFactory,
)

Status = Event.Status


def _audits(event, action):
    return audit_history(event).filter(action=action).count()


def test_it_publishes_a_draft_once_and_audits_it(editor):
    event = EventFactory(status=Status.DRAFT)

    published = services.event_publish(actor=editor, event=event)
    with pytest.raises(TransitionNotAllowed):
        services.event_publish(actor=editor, event=event)

    assert published.status == Status.PUBLISHED
    assert _audits(event, "events.event.published") == 1


def test_it_lets_only_editors_and_admins_publish(consultant, admin_user):
    event = EventFactory(status=Status.DRAFT)

    with pytest.raises(NotAllowed):
        services.event_publish(actor=consultant, event=event)
    services.event_publish(actor=admin_user, event=event)

    assert Event.objects.get().status == Status.PUBLISHED


def test_it_refuses_to_publish_an_event_of_the_past(editor):
    event = EventFactory(
        status=Status.DRAFT, starts_at=timezone.now() - datetime.timedelta(days=1)
    )

    with pytest.raises(TransitionNotAllowed):
        services.event_publish(actor=editor, event=event)

    assert Event.objects.get().status == Status.DRAFT


def test_it_indexes_the_programme_without_accents_on_publishing(editor):
    event = EventFactory(status=Status.DRAFT, title="Journée télétravail")
    SpeakerFactory(session=EventSessionFactory(event=event), name="Zoé Lefèvre")

    services.event_publish(actor=editor, event=event)

    found = selectors.event_filter(Event.objects.all(), q="TELETRAVAIL zoe")
    assert list(found) == [event]


def test_it_needs_a_reason_to_cancel_and_tells_the_participants(
    editor, consultant, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    services.registration_create(user=consultant, event=event)
    mailoutbox.clear()

    with pytest.raises(DomainError) as refusal:
        services.event_cancel(actor=editor, event=event, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.event_cancel(
            actor=editor, event=event, reason="Salle indisponible"
        )

    assert "reason" in refusal.value.fields
    assert cancelled.status == Status.CANCELLED
    assert cancelled.status_reason == "Salle indisponible"
    assert [message.to for message in mailoutbox] == [[consultant.email]]
    assert _audits(event, "events.event.cancelled") == 1


def test_it_closes_registration_of_a_published_event_only(editor):
    event = EventFactory()

    services.event_close(actor=editor, event=event)
    with pytest.raises(TransitionNotAllowed):
        services.event_close(actor=editor, event=event)

    assert Event.objects.get().status == Status.CLOSED
    assert _audits(event, "events.event.closed") == 1


def test_it_promotes_the_waiting_list_when_the_capacity_rises(editor, people):
    event = EventFactory(capacity=2)
    users = people(5)
    for user in users:
        services.registration_create(user=user, event=event)

    services.event_capacity_change(actor=editor, event=event, capacity=4)

    registered = Registration.objects.filter(status="registered").order_by(
        "queue_number"
    )
    assert [r.user for r in registered] == users[:4]
    assert Registration.objects.get(status="waitlisted").user == users[4]
    entry = AuditEntry.objects.get(action="events.event.capacity_changed")
    assert entry.data == {"from": 2, "to": 4}


def test_it_refuses_a_capacity_below_the_places_given(editor, people):
    event = EventFactory(capacity=3)
    for user in people(3):
        services.registration_create(user=user, event=event)

    with pytest.raises(DomainError) as refusal:
        services.event_capacity_change(actor=editor, event=event, capacity=2)

    assert refusal.value.code == "capacity_below_registrations"
    assert Event.objects.get().capacity == 3


def test_it_lets_only_editors_change_the_capacity(event, consultant):
    with pytest.raises(NotAllowed):
        services.event_capacity_change(actor=consultant, event=event, capacity=9)

    assert Event.objects.get().capacity == event.capacity
