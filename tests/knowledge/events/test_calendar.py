"""The iCalendar file of an event, its sessions, and the escaping of text."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from knowledge.events.calendar import event_calendar
from knowledge.events.models import Event
from tests.knowledge.events.factories import (
    EventFactory,
    EventSessionFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def _entries(event):
    calendar = Calendar.from_ical(event_calendar(event))
    return [component for component in calendar.walk("VEVENT")]


def test_it_has_the_event_then_each_session(event):
    session = EventSessionFactory(event=event, title="Atelier bureau partagé")
    SpeakerFactory(session=session, name="Grégory Dumont", organisation="Atelier")

    main, item = _entries(event)

    assert str(main["summary"]) == event.title
    assert main.decoded("dtstart") == event.starts_at
    assert "Palais des Congrès de Namur" in str(main["location"])
    assert str(main["status"]) == "CONFIRMED"
    assert str(item["summary"]).startswith("Atelier bureau partagé")
    assert "Grégory Dumont (Atelier)" in str(item["description"])
    assert str(item["related-to"]) == str(main["uid"])


def test_it_escapes_text_that_looks_like_calendar_syntax():
    event = EventFactory(
        title="Forum; avec, virgules",
        description="Ligne 1\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:forgé",
    )

    raw = event_calendar(event).decode()
    entries = _entries(event)

    assert len(entries) == 1
    assert "Forum\\; avec\\, virgules" in raw
    assert "\nSUMMARY:forgé" not in raw.replace("\r\n ", "")
    assert str(entries[0]["summary"]) == "Forum; avec, virgules"


def test_it_marks_a_cancelled_event():
    event = EventFactory(status=Event.Status.CANCELLED)

    (main,) = _entries(event)

    assert str(main["status"]) == "CANCELLED"


def test_it_serves_the_file_on_the_page_and_the_api(client, api, event):
    page = client.get(reverse("events:event-calendar", args=[event.pk]))
    endpoint = api().get(reverse("events-api:event-calendar", args=[event.pk]))

    for response in (page, endpoint):
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        assert b"BEGIN:VCALENDAR" in response.content


def test_it_serves_no_file_of_a_draft_to_the_public(client):
    draft = EventFactory(status=Event.Status.DRAFT)

    response = client.get(reverse("events:event-calendar", args=[draft.pk]))

    assert response.status_code == 404
