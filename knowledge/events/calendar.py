"""The iCalendar file of an event: the event itself, then one entry per session.

Every text goes through the icalendar library, which escapes commas,
semicolons, backslashes and new lines, so that no participant-supplied text
can add properties or entries of its own.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event

PRODUCT_ID = "-//NWOW Wallonie//Forum NWOW//FR"


def _uid(kind: str, pk: int) -> str:
    host = settings.NWOW["PUBLIC_URL"].split("//")[-1].split("/")[0].split(":")[0]
    return f"{kind}-{pk}@{host or 'nwow.wallonie.be'}"


def _location(event: Event) -> str:
    parts = [event.venue_name, event.address, event.municipality]
    place = ", ".join(part for part in parts if part)
    return place or event.online_url


def event_calendar(event: Event) -> bytes:
    """The ``.ics`` bytes of ``event`` and its sessions, times in UTC."""
    base = settings.NWOW["PUBLIC_URL"].rstrip("/")
    url = f"{base}{reverse('events:event-detail', args=[event.pk])}"
    stamp = timezone.now()

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", event.title)

    entry = CalendarEvent()
    entry.add("uid", _uid("event", event.pk))
    entry.add("dtstamp", stamp)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("description", f"{event.description}\n\n{url}")
    entry.add("location", _location(event))
    entry.add("url", url)
    entry.add(
        "status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED"
    )
    calendar.add_component(entry)

    for session in event.sessions.prefetch_related("speakers"):
        item = CalendarEvent()
        item.add("uid", _uid("session", session.pk))
        item.add("dtstamp", stamp)
        item.add("dtstart", session.starts_at)
        item.add("dtend", session.ends_at)
        item.add("summary", f"{session.title} · {event.title}")
        speakers = ", ".join(
            f"{s.name} ({s.organisation})" if s.organisation else s.name
            for s in session.speakers.all()
        )
        item.add(
            "description", "\n\n".join(p for p in [session.abstract, speakers] if p)
        )
        room = session.room
        item.add(
            "location", f"{room}, {_location(event)}" if room else _location(event)
        )
        item.add("related-to", _uid("event", event.pk))
        calendar.add_component(item)
    return calendar.to_ical()


def calendar_filename(event: Event) -> str:
    return f"evenement-{event.pk}.ics"
