"""Registration, the waiting list and its promotions, cancellation."""

import datetime

import pytest
from django.utils import timezone

from core.audit import audit_history
from core.errors import NotAllowed, NotFound, TransitionNotAllowed
from core.models import AuditEntry
from knowledge.events import selectors, services
from knowledge.events.models import Event, Registration
from tests.knowledge.events.factories import EventFactory, RegistrationFactory

Status = Registration.Status


def _register(event, users):
    return [services.registration_create(user=user, event=event) for user in users]


def test_it_gives_a_place_while_there_is_one(event, consultant):
    registration = services.registration_create(user=consultant, event=event)

    assert registration.status == Status.REGISTERED
    assert selectors.places_left(event) == event.capacity - 1


def test_it_puts_latecomers_on_the_waiting_list_in_arrival_order(event, people):
    first, second, third, fourth, fifth = _register(event, people(5))

    assert [r.status for r in (first, second, third)] == [Status.REGISTERED] * 3
    assert fourth.status == fifth.status == Status.WAITLISTED
    assert selectors.waitlist_position(fourth) == 1
    assert selectors.waitlist_position(fifth) == 2


def test_it_promotes_the_first_waiting_when_a_place_frees_up(event, people):
    users = people(5)
    _register(event, users)

    services.registration_cancel(user=users[1], event=event)

    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses[users[1].pk] == Status.CANCELLED
    assert statuses[users[3].pk] == Status.REGISTERED
    assert statuses[users[4].pk] == Status.WAITLISTED
    fifth = Registration.objects.get(user=users[4])
    assert selectors.waitlist_position(fifth) == 1


def test_it_audits_the_promotion_as_the_systems_doing(event, people):
    users = people(4)
    _register(event, users)

    services.registration_cancel(user=users[0], event=event)

    promoted = Registration.objects.get(user=users[3])
    entry = AuditEntry.objects.get(action="events.registration.promoted")
    assert entry.object_id == str(promoted.pk)
    assert entry.actor is None
    assert (entry.from_state, entry.to_state) == ("waitlisted", "registered")
    assert promoted.promoted_at is not None


def test_it_mails_the_promoted_person_after_commit(
    event, people, mailoutbox, django_capture_on_commit_callbacks
):
    users = people(4)
    _register(event, users)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(user=users[0], event=event)

    assert [message.to for message in mailoutbox] == [[users[3].email]]
    assert users[3].event_registrations.get().event.title in mailoutbox[0].subject


def test_it_mails_in_the_recipients_language(
    event, people, mailoutbox, django_capture_on_commit_callbacks
):
    (user,) = people(1)
    user.language = "en"
    user.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(user=user, event=event)

    assert mailoutbox[0].subject.endswith(f"You are registered: {event.title}")


def test_it_never_promotes_more_than_the_places_freed(event, people):
    users = people(6)
    _register(event, users)

    services.registration_cancel(user=users[3], event=event)  # a waiting one

    assert selectors.places_taken(event) == 3
    assert Registration.objects.get(user=users[4]).status == Status.WAITLISTED


def test_it_refuses_a_second_registration(event, consultant):
    services.registration_create(user=consultant, event=event)

    with pytest.raises(TransitionNotAllowed) as refusal:
        services.registration_create(user=consultant, event=event)

    assert refusal.value.code == "already_registered"
    assert Registration.objects.count() == 1


def test_it_puts_a_returning_person_at_the_end_of_the_queue(event, people):
    users = people(4)
    _register(event, users)
    services.registration_cancel(user=users[0], event=event)  # users[3] promoted

    back = services.registration_create(user=users[0], event=event)

    assert back.status == Status.WAITLISTED
    assert back.queue_number == 5
    assert Registration.objects.filter(user=users[0]).count() == 1


def test_it_gives_a_returning_person_a_free_place(event, consultant):
    services.registration_create(user=consultant, event=event)
    services.registration_cancel(user=consultant, event=event)

    back = services.registration_create(user=consultant, event=event)

    assert back.status == Status.REGISTERED
    assert back.cancelled_at is None
    actions = audit_history(back).values_list("action", flat=True)
    assert list(actions) == [
        "events.registration.registered",
        "events.registration.cancelled",
        "events.registration.registered",
    ]


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.CANCELLED])
def test_it_refuses_registration_unless_published(consultant, status):
    event = EventFactory(status=status)

    with pytest.raises(TransitionNotAllowed):
        services.registration_create(user=consultant, event=event)

    assert not Registration.objects.exists()


def test_it_refuses_registration_before_the_window_opens(consultant):
    event = EventFactory(
        registration_opens_at=timezone.now() + datetime.timedelta(days=2)
    )

    with pytest.raises(TransitionNotAllowed) as refusal:
        services.registration_create(user=consultant, event=event)

    assert refusal.value.code == "registration_not_open_yet"


def test_it_refuses_registration_after_the_deadline(consultant):
    event = EventFactory(
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    with pytest.raises(TransitionNotAllowed) as refusal:
        services.registration_create(user=consultant, event=event)

    assert refusal.value.code == "registration_closed"


def test_it_opens_club_meetings_to_club_members_only(consultant, club_member):
    meeting = EventFactory(kind=Event.Kind.CLUB_MEETING)

    with pytest.raises(NotAllowed) as refusal:
        services.registration_create(user=consultant, event=meeting)
    registration = services.registration_create(user=club_member, event=meeting)

    assert refusal.value.code == "club_members_only"
    assert registration.status == Status.REGISTERED


def test_it_refuses_to_cancel_a_registration_that_does_not_exist(event, consultant):
    with pytest.raises(NotFound):
        services.registration_cancel(user=consultant, event=event)


def test_it_refuses_to_cancel_once_the_event_started(consultant):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    RegistrationFactory(event=event, user=consultant)

    with pytest.raises(TransitionNotAllowed) as refusal:
        services.registration_cancel(user=consultant, event=event)

    assert refusal.value.code == "event_started"
    assert Registration.objects.get().status == Status.REGISTERED


def test_it_lets_a_waiting_person_leave_the_list(event, people):
    users = people(5)
    _register(event, users)

    left = services.registration_cancel(user=users[3], event=event)

    assert left.status == Status.CANCELLED
    assert selectors.waitlist_position(Registration.objects.get(user=users[4])) == 1
