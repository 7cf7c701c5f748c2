"""The editors' admin: capacity and status go through the services."""

import pytest
from django.urls import reverse

from core.audit import audit_history
from knowledge.events.models import Event, Registration
from knowledge.events.services import registration_create
from tests.knowledge.events.factories import EventFactory


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _change_form(event, **changes):
    data = {
        "kind": event.kind,
        "title": event.title,
        "description": event.description,
        "language": event.language,
        "starts_at_0": event.starts_at.strftime("%d/%m/%Y"),
        "starts_at_1": event.starts_at.strftime("%H:%M:%S"),
        "ends_at_0": event.ends_at.strftime("%d/%m/%Y"),
        "ends_at_1": event.ends_at.strftime("%H:%M:%S"),
        "venue_name": event.venue_name,
        "address": event.address,
        "municipality": event.municipality,
        "province": event.province,
        "capacity": event.capacity,
        "cpd_hours": str(event.cpd_hours),
        "dimensions": "[]",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    data.update(changes)
    return data


def test_it_promotes_the_waiting_list_when_an_editor_raises_the_capacity(
    editor_client, people
):
    event = EventFactory(capacity=1)
    first, second = people(2)
    registration_create(user=first, event=event)
    registration_create(user=second, event=event)

    response = editor_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        _change_form(event, capacity=2),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Event.objects.get().capacity == 2
    assert Registration.objects.get(user=second).status == "registered"
    assert "events.event.capacity_changed" in [
        entry.action for entry in audit_history(event)
    ]


def test_it_publishes_through_the_admin_action_with_an_audit_row(editor_client):
    draft = EventFactory(status=Event.Status.DRAFT)

    editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )

    assert Event.objects.get().status == Event.Status.PUBLISHED
    assert [entry.action for entry in audit_history(draft)] == [
        "events.event.published"
    ]


def test_it_keeps_the_admin_closed_to_consultants(client, consultant):
    client.force_login(consultant)

    response = client.get(reverse("admin:events_event_changelist"))

    assert response.status_code == 302
