"""Check-in by staff, absences, and the CPD credit a consultant receives."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from core.audit import audit_history
from core.errors import NotAllowed, TransitionNotAllowed
from core.models import AuditEntry
from knowledge.events import services
from knowledge.events.models import Registration
from tests.knowledge.events.factories import EventFactory, RegistrationFactory
from training.models import CpdActivity

Status = Registration.Status


@pytest.fixture
def today_event():
    now = timezone.now()
    return EventFactory(
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(hours=6),
        cpd_hours=Decimal("6.0"),
    )


def test_it_checks_in_and_credits_the_consultants_hours(
    editor, consultant, today_event
):
    registration = RegistrationFactory(event=today_event, user=consultant)

    checked = services.registration_check_in(actor=editor, registration=registration)

    assert checked.status == Status.ATTENDED
    assert checked.checked_in_by == editor
    activity = CpdActivity.objects.get(consultant=consultant)
    assert activity.category == CpdActivity.Category.FORUM
    assert activity.hours == Decimal("6.0")
    assert activity.date == timezone.localdate(today_event.starts_at)
    assert today_event.title in activity.description
    assert activity.status == CpdActivity.Status.VERIFIED
    assert activity.reviewed_by == editor
    assert checked.cpd_activity == activity


def test_it_credits_one_attendance_once(editor, consultant, today_event):
    registration = RegistrationFactory(event=today_event, user=consultant)
    services.registration_check_in(actor=editor, registration=registration)

    with pytest.raises(TransitionNotAllowed):
        services.registration_check_in(actor=editor, registration=registration)

    assert CpdActivity.objects.filter(consultant=consultant).count() == 1
    assert AuditEntry.objects.filter(action="events.registration.attended").count() == 1


def test_it_credits_no_hours_to_a_company_member(editor, pme_member, today_event):
    registration = RegistrationFactory(event=today_event, user=pme_member)

    services.registration_check_in(actor=editor, registration=registration)

    assert not CpdActivity.objects.exists()


def test_it_credits_nothing_for_an_event_without_hours(editor, consultant):
    event = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(minutes=5), cpd_hours=0
    )
    registration = RegistrationFactory(event=event, user=consultant)

    services.registration_check_in(actor=editor, registration=registration)

    assert not CpdActivity.objects.exists()


def test_it_lets_only_editors_check_in(consultant, other_consultant, today_event):
    registration = RegistrationFactory(event=today_event, user=other_consultant)

    with pytest.raises(NotAllowed):
        services.registration_check_in(actor=consultant, registration=registration)

    assert Registration.objects.get().status == Status.REGISTERED


def test_it_refuses_check_in_before_the_day_of_the_event(editor, consultant):
    registration = RegistrationFactory(user=consultant)  # the event is in a month

    with pytest.raises(TransitionNotAllowed) as refusal:
        services.registration_check_in(actor=editor, registration=registration)

    assert refusal.value.code == "event_not_started"


def test_it_refuses_to_check_in_someone_waiting(editor, consultant, today_event):
    registration = RegistrationFactory(
        event=today_event, user=consultant, status=Status.WAITLISTED
    )

    with pytest.raises(TransitionNotAllowed):
        services.registration_check_in(actor=editor, registration=registration)


def test_it_records_an_absence_then_a_late_arrival(editor, consultant, today_event):
    registration = RegistrationFactory(event=today_event, user=consultant)

    absent = services.registration_mark_no_show(actor=editor, registration=registration)
    late = services.registration_check_in(actor=editor, registration=absent)

    assert absent.status == Status.NO_SHOW
    assert late.status == Status.ATTENDED
    actions = audit_history(registration).values_list("action", flat=True)
    assert list(actions) == [
        "events.registration.no_show",
        "events.registration.attended",
    ]
