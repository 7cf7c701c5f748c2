"""Reminders mailed to the registered people a few days before their event.

``EVENT_REMINDER_DAYS`` (in ``settings.NWOW``, default 7 and 1) lists how
many days before. Each reminder sent leaves a ``ReminderSent`` row, so a run
repeated the same day (or a day missed and caught up) sends nothing twice:
a registration due the 7-day reminder that is already 3 days away gets it
once, and the 1-day one the day before.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Event, Registration, ReminderSent
from .common import absolute_url, mail

logger = logging.getLogger(__name__)

DEFAULT_REMINDER_DAYS = (7, 1)


def reminder_days() -> list[int]:
    days = settings.NWOW.get("EVENT_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    return sorted({int(day) for day in days if int(day) >= 0})


def _due_step(days_left: int, steps: list[int]) -> int | None:
    """The smallest configured step that ``days_left`` is within, if any."""
    for step in steps:
        if days_left <= step:
            return step
    return None


def reminders_send(*, today: datetime.date | None = None) -> list[ReminderSent]:
    """Mail every reminder due today; returns the ones sent by this run."""
    today = today or timezone.localdate()
    steps = reminder_days()
    if not steps:
        return []
    horizon = today + datetime.timedelta(days=max(steps))

    registrations = (
        Registration.objects.filter(
            status=Registration.Status.REGISTERED,
            event__status__in=[Event.Status.PUBLISHED, Event.Status.CLOSED],
            event__starts_at__date__gt=today,
            event__starts_at__date__lte=horizon,
        )
        .select_related("event", "user")
        .prefetch_related("reminders")
        .order_by("event__starts_at", "id")
    )
    sent = []
    for registration in registrations:
        event = registration.event
        days_left = (timezone.localdate(event.starts_at) - today).days
        step = _due_step(days_left, steps)
        if step is None:
            continue
        done = {reminder.days_before for reminder in registration.reminders.all()}
        if step in done:
            continue
        try:
            with transaction.atomic():
                reminder = ReminderSent.objects.create(
                    registration=registration, days_before=step
                )
                mail(
                    template="event_reminder",
                    recipients=[registration.user],
                    context={
                        "event": event,
                        "days": days_left,
                        "url": absolute_url("events:event-detail", event.pk),
                    },
                )
        except IntegrityError:
            # Another run sent it a moment ago.
            continue
        sent.append(reminder)
    logger.info("Event reminders sent: %s", len(sent))
    return sent
