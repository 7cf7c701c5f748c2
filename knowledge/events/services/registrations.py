"""Registrations: a place or the waiting list, cancellation, promotion,
check-in by staff and the continuing-training credit it gives consultants.

Every write that counts places first locks the event's row: registrations of
one event are then made one at a time, which keeps the places within the
capacity and hands out arrival numbers (the waiting list's order) without
gaps or ties, also under concurrent requests.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.errors import NotAllowed, NotFound, TransitionNotAllowed
from core.models import User
from core.roles import Role
from core.workflow import run_transition

from ..models import Event, Registration
from ..selectors import is_club_member, places_taken, waitlist, waitlist_position
from .common import absolute_url, mail, require_staff

logger = logging.getLogger(__name__)

Status = Registration.Status
OPEN_EVENT_STATES = (Event.Status.PUBLISHED,)
# Promotion and check-in still happen once registrations are closed.
LIVE_EVENT_STATES = (Event.Status.PUBLISHED, Event.Status.CLOSED)


class AlreadyRegistered(TransitionNotAllowed):
    default_code = "already_registered"


def _notify(kind: str):
    def send(registration: Registration) -> None:
        event = registration.event
        mail(
            template=f"registration_{kind}",
            recipients=[registration.user],
            context={
                "event": event,
                "registration": registration,
                "position": waitlist_position(registration),
                "url": absolute_url("events:event-detail", event.pk),
            },
        )

    return send


def _check_open(event: Event, user: User) -> None:
    now = timezone.now()
    if event.status not in OPEN_EVENT_STATES:
        raise TransitionNotAllowed(
            _("Registration is not open: the event is “%(status)s”.")
            % {"status": event.get_status_display()},
            code="registration_closed",
        )
    if event.registration_opens_at and now < event.registration_opens_at:
        raise TransitionNotAllowed(
            _("Registration opens on %(date)s.")
            % {
                "date": date_format(
                    timezone.localtime(event.registration_opens_at), "DATETIME_FORMAT"
                )
            },
            code="registration_not_open_yet",
        )
    if now >= event.registration_deadline:
        raise TransitionNotAllowed(
            _("Registration for this event is closed."), code="registration_closed"
        )
    if event.is_club_meeting and not is_club_member(user):
        raise NotAllowed(
            _("Club meetings are open to the members of the club only."),
            code="club_members_only",
        )


def _next_queue_number(event: Event) -> int:
    # Safe only under the event's row lock, which every caller holds.
    highest = event.registrations.aggregate(top=Max("queue_number"))["top"]
    return (highest or 0) + 1


def _is_full(event: Event) -> bool:
    # Someone already waiting means no place is free for a newcomer either.
    return places_taken(event) >= event.capacity or waitlist(event).exists()


def registration_create(*, user: User, event: Event) -> Registration:
    """Register ``user``: a place if one is free, else the waiting list."""
    if not user.is_authenticated:
        raise NotAllowed()

    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        _check_open(event, user)
        existing = (
            Registration.objects.select_for_update()
            .filter(event=event, user=user)
            .first()
        )
        if existing is not None and existing.status != Status.CANCELLED:
            raise AlreadyRegistered(
                _("You are already registered for this event (%(status)s).")
                % {"status": existing.get_status_display()}
            )

        full = _is_full(event)
        number = _next_queue_number(event)
        now = timezone.now()
        kind = "waitlisted" if full else "registered"
        if existing is not None:
            return _rejoin(existing, user=user, full=full, number=number, now=now)

        registration = Registration(
            event=event,
            user=user,
            status=Status.WAITLISTED if full else Status.REGISTERED,
            queue_number=number,
            requested_at=now,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # Only reachable without the event lock (a bug): the constraint
            # still refuses a second row for the same person.
            raise AlreadyRegistered(
                _("You are already registered for this event.")
            ) from None
        audit_record(
            action=f"events.registration.{kind}",
            actor=user,
            obj=registration,
            to_state=registration.status,
            data={"queue_number": number},
        )
        _notify(kind)(registration)
    logger.info("Registration %s to event %s: %s", registration.pk, event.pk, kind)
    return registration


def _rejoin(
    registration: Registration, *, user: User, full: bool, number: int, now
) -> Registration:
    """Back after cancelling: a new arrival, at the end of the queue."""

    def change(locked: Registration) -> None:
        locked.queue_number = number
        locked.requested_at = now
        locked.cancelled_at = None

    kind = "waitlisted" if full else "registered"
    return run_transition(
        instance=registration,
        method="requeue" if full else "confirm",
        action=f"events.registration.{kind}",
        actor=user,
        change=change,
        notify=[_notify(kind)],
        data={"queue_number": number},
    )


def promote_waiting(event: Event) -> list[Registration]:
    """Give the free places to the first on the waiting list, in arrival order.

    The caller holds the event's row lock. Nobody is promoted once the event
    has started or when it is cancelled.
    """
    if event.status not in LIVE_EVENT_STATES or timezone.now() >= event.starts_at:
        return []
    free = event.capacity - places_taken(event)
    if free <= 0:
        return []

    promoted = []
    for registration in list(waitlist(event)[:free]):

        def change(locked: Registration) -> None:
            locked.promoted_at = timezone.now()

        promoted.append(
            run_transition(
                instance=registration,
                method="confirm",
                action="events.registration.promoted",
                actor=None,
                reason=_("A place became free."),
                change=change,
                notify=[_notify("promoted")],
            )
        )
    return promoted


def registration_cancel(*, user: User, event: Event, reason: str = "") -> Registration:
    """The user gives up their place or their spot on the waiting list."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        registration = Registration.objects.filter(
            event=event, user=user, status__in=[Status.REGISTERED, Status.WAITLISTED]
        ).first()
        if registration is None:
            raise NotFound(_("You are not registered for this event."))

        def guard(_locked: Registration) -> None:
            if timezone.now() >= event.starts_at:
                raise TransitionNotAllowed(
                    _("The event has started: it is too late to cancel."),
                    code="event_started",
                )

        def change(locked: Registration) -> None:
            locked.cancelled_at = timezone.now()

        registration = run_transition(
            instance=registration,
            method="cancel",
            action="events.registration.cancelled",
            actor=user,
            reason=reason,
            guard=guard,
            change=change,
        )
        promote_waiting(event)
    return registration


# -- attendance ----------------------------------------------------------------


def _check_in_possible(registration: Registration) -> None:
    event = registration.event
    if event.status not in LIVE_EVENT_STATES:
        raise TransitionNotAllowed(
            _("Attendance cannot be recorded: the event is “%(status)s”.")
            % {"status": event.get_status_display()}
        )
    if timezone.localdate() < timezone.localdate(event.starts_at):
        raise TransitionNotAllowed(
            _("Attendance can be recorded from the day of the event."),
            code="event_not_started",
        )


def _credit_description(event: Event, consultant: User) -> str:
    with translation.override(consultant.language or "fr"):
        return _("%(kind)s “%(title)s”, %(date)s (event no. %(id)s)") % {
            "kind": event.get_kind_display(),
            "title": event.title,
            "date": date_format(timezone.localdate(event.starts_at), "DATE_FORMAT"),
            "id": event.pk,
        }


def credit_cpd(*, actor: User, registration: Registration) -> None:
    """Credit a consultant's attendance as continuing training, once.

    Created verified: the staff check-in is the evidence (see
    ``training.services.cpd_credit_event_attendance``).
    """
    from training.services import cpd_credit_event_attendance

    event = registration.event
    consultant = registration.user
    if registration.cpd_activity_id or event.cpd_hours <= 0:
        return
    if not consultant.has_role(Role.CONSULTANT):
        return
    activity = cpd_credit_event_attendance(
        actor=actor,
        consultant=consultant,
        date=timezone.localdate(event.starts_at),
        hours=event.cpd_hours,
        description=_credit_description(event, consultant),
    )
    registration.cpd_activity = activity
    registration.save(update_fields=["cpd_activity"])


def registration_check_in(*, actor: User, registration: Registration) -> Registration:
    """Staff record that the person came; a consultant gets the event's CPD hours."""

    def change(locked: Registration) -> None:
        locked.checked_in_at = timezone.now()
        locked.checked_in_by = actor

    return run_transition(
        instance=registration,
        method="check_in",
        action="events.registration.attended",
        actor=actor,
        authorize=lambda _r: require_staff(actor),
        guard=_check_in_possible,
        change=change,
        after=lambda locked: credit_cpd(actor=actor, registration=locked),
        refused=_("Attendance cannot be recorded for a registration “%(status)s”."),
    )


def registration_mark_no_show(
    *, actor: User, registration: Registration, reason: str = ""
) -> Registration:
    """Staff record that a registered person did not come."""
    return run_transition(
        instance=registration,
        method="mark_no_show",
        action="events.registration.no_show",
        actor=actor,
        reason=reason,
        authorize=lambda _r: require_staff(actor),
        guard=_check_in_possible,
        refused=_("Absence cannot be recorded for a registration “%(status)s”."),
    )
