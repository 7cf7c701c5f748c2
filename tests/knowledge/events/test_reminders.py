"""The daily reminders: who gets one, when, and never twice."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from knowledge.events.models import Registration, ReminderSent
from tests.knowledge.events.factories import EventFactory, RegistrationFactory, in_days


@pytest.fixture
def soon(db):
    return EventFactory(starts_at=in_days(7, 10))


def _run(today=None):
    out = StringIO()
    args = ["--today", today.isoformat()] if today else []
    call_command("send_event_reminders", *args, stdout=out)
    return out.getvalue()


def test_it_reminds_the_registered_seven_days_before_and_only_once(
    soon, consultant, mailoutbox, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=soon, user=consultant)

    with django_capture_on_commit_callbacks(execute=True):
        first = _run()
        second = _run()

    assert f"J-7 {soon.title} -> {consultant.email}" in first
    assert "1 reminder(s) sent" in first
    assert "0 reminder(s) sent" in second
    assert [message.to for message in mailoutbox] == [[consultant.email]]
    assert ReminderSent.objects.get().days_before == 7


def test_it_sends_the_last_reminder_the_day_before(soon, consultant):
    RegistrationFactory(event=soon, user=consultant)
    day_before = timezone.localdate(soon.starts_at) - datetime.timedelta(days=1)

    _run()
    _run(day_before)
    _run(day_before)

    days = sorted(ReminderSent.objects.values_list("days_before", flat=True))
    assert days == [1, 7]


def test_it_skips_the_waiting_and_the_cancelled(soon, people):
    waiting, cancelled = people(2)
    RegistrationFactory(event=soon, user=waiting, status=Registration.Status.WAITLISTED)
    RegistrationFactory(
        event=soon, user=cancelled, status=Registration.Status.CANCELLED
    )

    output = _run()

    assert "0 reminder(s) sent" in output
    assert not ReminderSent.objects.exists()


def test_it_waits_for_events_further_away(consultant):
    RegistrationFactory(event=EventFactory(starts_at=in_days(20)), user=consultant)

    _run()

    assert not ReminderSent.objects.exists()


def test_it_follows_the_configured_days(settings, soon, consultant):
    settings.NWOW = {**settings.NWOW, "EVENT_REMINDER_DAYS": [3]}
    RegistrationFactory(event=soon, user=consultant)

    _run()

    assert not ReminderSent.objects.exists()
