"""The event's workflow: publish, cancel, close; and its capacity."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.errors import DomainError, TransitionNotAllowed
from core.models import User
from core.workflow import run_transition
from knowledge.text import normalize

from ..models import Event, Registration
from ..selectors import places_taken
from .common import absolute_url, mail, require_staff, required_text
from .registrations import promote_waiting

logger = logging.getLogger(__name__)

Status = Event.Status


def event_refresh_search_text(event: Event) -> Event:
    """Store the normalised words of the event, its sessions and speakers."""
    parts = [event.title, event.description, event.venue_name, event.municipality]
    for session in event.sessions.prefetch_related("speakers"):
        parts += [session.title, session.abstract]
        parts += [f"{s.name} {s.organisation}" for s in session.speakers.all()]
    event.search_text = normalize(" ".join(part for part in parts if part))
    Event.objects.filter(pk=event.pk).update(search_text=event.search_text)
    return event


def _transition(
    *, actor: User, event: Event, method: str, verb: str, reason: str = "", **hooks
) -> Event:
    return run_transition(
        instance=event,
        method=method,
        action=f"events.event.{verb}",
        actor=actor,
        reason=reason,
        authorize=lambda _event: require_staff(actor),
        refused=_("This action is not possible while the event is “%(status)s”."),
        **hooks,
    )


def event_publish(*, actor: User, event: Event) -> Event:
    """Show the event and open its registration window."""

    def guard(locked: Event) -> None:
        if locked.starts_at <= timezone.now():
            raise TransitionNotAllowed(
                _("This event has already started: it cannot be published."),
                code="event_started",
            )
        if locked.capacity < 1:
            raise DomainError(
                _("Give the event a capacity of at least one place."),
                code="invalid",
                fields={"capacity": [_("At least one place.")]},
            )

    event = _transition(
        actor=actor, event=event, method="publish", verb="published", guard=guard
    )
    return event_refresh_search_text(event)


def _notify_cancelled(event: Event) -> None:
    people = [
        registration.user
        for registration in event.registrations.filter(
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED]
        ).select_related("user")
    ]
    mail(
        template="event_cancelled",
        recipients=people,
        context={"event": event, "url": absolute_url("events:event-list")},
    )


def event_cancel(*, actor: User, event: Event, reason: str) -> Event:
    """Call the event off; everyone registered or waiting is told why."""
    reason = required_text(
        reason, "reason", _("Explain why; the participants will read it.")
    )

    def change(locked: Event) -> None:
        locked.status_reason = reason

    return _transition(
        actor=actor,
        event=event,
        method="cancel",
        verb="cancelled",
        reason=reason,
        change=change,
        notify=[_notify_cancelled],
    )


def event_close(*, actor: User, event: Event, reason: str = "") -> Event:
    """Stop registrations; attendance can still be checked in."""
    return _transition(
        actor=actor, event=event, method="close", verb="closed", reason=reason
    )


def event_capacity_change(*, actor: User, event: Event, capacity: int) -> Event:
    """Change the number of places; a raise promotes the first on the waiting list.

    The capacity never goes below the places already given: cancel
    registrations first.
    """
    require_staff(actor)
    if capacity is None or int(capacity) < 1:
        raise DomainError(
            _("Give the event a capacity of at least one place."),
            code="invalid",
            fields={"capacity": [_("At least one place.")]},
        )
    capacity = int(capacity)

    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.status == Status.CANCELLED:
            raise TransitionNotAllowed(
                _("This event is cancelled: its capacity can no longer change."),
            )
        taken = places_taken(locked)
        if capacity < taken:
            raise DomainError(
                _("%(taken)s places are already given: the capacity cannot be lower.")
                % {"taken": taken},
                code="capacity_below_registrations",
                fields={"capacity": [_("At least %(taken)s.") % {"taken": taken}]},
            )
        before = locked.capacity
        locked.capacity = capacity
        locked.save(update_fields=["capacity"])
        audit_record(
            action="events.event.capacity_changed",
            actor=actor,
            obj=locked,
            data={"from": before, "to": capacity},
        )
        promote_waiting(locked)
    logger.info("Event %s capacity %s -> %s", locked.pk, before, capacity)
    return locked
