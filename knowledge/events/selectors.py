"""Reads of the Forum and the club: who sees which event, places, the waiting
list, the attendance list and the club's directory.

Drafts are seen by editors and admins only; club meetings by the club's
members and the staff. Anything a user may not see is a 404, whatever the
reason.
"""

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.errors import NotFound
from core.models import User
from core.roles import Role
from knowledge.text import terms
from pme.models import Company, Membership

from .models import ClubMembership, Event, Registration

Status = Event.Status


def is_events_staff(user: User | None) -> bool:
    """Editors and admins run the Forum and the club."""
    return bool(
        user is not None
        and user.is_authenticated
        and (user.is_superuser or user.has_role(Role.EDITOR, Role.ADMIN))
    )


# -- the club ------------------------------------------------------------------


def company_ids_of(user: User | None) -> set[int]:
    if user is None or not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user_id=user.pk).values_list("company_id", flat=True)
    )


def club_member_list() -> QuerySet[ClubMembership]:
    """The accepted memberships, by company name: the club's directory."""
    return (
        ClubMembership.objects.filter(status=ClubMembership.Status.ACCEPTED)
        .select_related("company")
        .order_by("company__name", "id")
    )


def club_companies_of(user: User | None) -> QuerySet[Company]:
    """The user's companies that are members of the club."""
    ids = company_ids_of(user)
    return Company.objects.filter(
        pk__in=ids,
        club_memberships__status=ClubMembership.Status.ACCEPTED,
    ).order_by("name")


def is_club_member(user: User | None) -> bool:
    return club_companies_of(user).exists()


def club_membership_list_for(*, user: User) -> QuerySet[ClubMembership]:
    """Applications of the user's companies; every one for the staff."""
    memberships = ClubMembership.objects.select_related(
        "company", "applied_by", "decided_by"
    )
    if is_events_staff(user):
        return memberships
    return memberships.filter(company_id__in=company_ids_of(user))


def club_membership_get_for(*, user: User, pk) -> ClubMembership:
    try:
        return club_membership_list_for(user=user).get(pk=int(pk))
    except (ClubMembership.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None


def club_pending_list() -> QuerySet[ClubMembership]:
    return (
        ClubMembership.objects.filter(status=ClubMembership.Status.APPLIED)
        .select_related("company", "applied_by")
        .order_by("applied_at", "id")
    )


# -- events --------------------------------------------------------------------


def event_list_for(*, user: User | None) -> QuerySet[Event]:
    """The events this user may see, soonest first."""
    events = Event.objects.all()
    if is_events_staff(user):
        return events
    events = events.exclude(status=Status.DRAFT)
    if not is_club_member(user):
        events = events.exclude(kind=Event.Kind.CLUB_MEETING)
    return events


def event_get_for(*, user: User | None, pk) -> Event:
    try:
        return event_list_for(user=user).get(pk=int(pk))
    except (Event.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None


def event_filter(
    events: QuerySet[Event],
    *,
    q: str = "",
    need: str = "",
    province: str = "",
    kind: str = "",
) -> QuerySet[Event]:
    """Narrow events by words (accents ignored), need code, province, kind."""
    for word in terms(q):
        events = events.filter(search_text__contains=word)
    if need:
        events = events.filter(needs__code=need.upper()).distinct()
    if province:
        events = events.filter(province=province)
    if kind:
        events = events.filter(kind=kind)
    return events


def with_places(events: QuerySet[Event]) -> QuerySet[Event]:
    """Annotate ``places_taken``, ``places_left`` and ``waitlist_count``."""
    taken = Count(
        "registrations",
        filter=Q(registrations__status__in=Registration.PLACE_STATES),
        distinct=True,
    )
    return events.annotate(
        places_taken=taken,
        places_left=F("capacity") - taken,
        waitlist_count=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.WAITLISTED),
            distinct=True,
        ),
    )


def upcoming_and_past(events: QuerySet[Event]) -> tuple[list[Event], list[Event]]:
    """Events not over yet (soonest first), then past ones (latest first)."""
    now = timezone.now()
    upcoming = list(events.filter(ends_at__gte=now).order_by("starts_at", "id"))
    past = list(events.filter(ends_at__lt=now).order_by("-starts_at", "-id"))
    return upcoming, past


def places_taken(event: Event) -> int:
    return event.registrations.filter(status__in=Registration.PLACE_STATES).count()


def places_left(event: Event) -> int:
    return max(0, event.capacity - places_taken(event))


def waitlist(event: Event) -> QuerySet[Registration]:
    """The waiting list in arrival order: the first is promoted first."""
    return event.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
        "queue_number"
    )


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        status=Registration.Status.WAITLISTED,
        queue_number__lt=registration.queue_number,
    ).count()
    return ahead + 1


def registration_of(*, user: User | None, event: Event) -> Registration | None:
    if user is None or not user.is_authenticated:
        return None
    return Registration.objects.filter(user=user, event=event).first()


def registration_list_for(*, user: User) -> QuerySet[Registration]:
    """The user's own registrations; every one for the staff."""
    registrations = Registration.objects.select_related("event", "user")
    if is_events_staff(user):
        return registrations
    if not user.is_authenticated:
        return registrations.none()
    return registrations.filter(user=user)


def registration_get_for(*, user: User, pk) -> Registration:
    try:
        return registration_list_for(user=user).get(pk=int(pk))
    except (Registration.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None


def my_upcoming_registrations(*, user: User) -> QuerySet[Registration]:
    """The user's live registrations of events not over yet, soonest first."""
    return (
        Registration.objects.filter(
            user=user,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED],
            event__ends_at__gte=timezone.now(),
        )
        .exclude(event__status=Status.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at", "id")
    )


def attendance_list(event: Event) -> QuerySet[Registration]:
    """Who holds a place, by last name: the list staff check in from."""
    return (
        event.registrations.filter(status__in=Registration.PLACE_STATES)
        .select_related("user", "checked_in_by", "cpd_activity")
        .order_by("user__last_name", "user__first_name", "id")
    )


def with_waitlist_position(
    registrations: QuerySet[Registration],
) -> QuerySet[Registration]:
    """Annotate ``waiting_ahead``: how many wait before each registration."""
    ahead = (
        Registration.objects.filter(
            event_id=OuterRef("event_id"),
            status=Registration.Status.WAITLISTED,
            queue_number__lt=OuterRef("queue_number"),
        )
        .order_by()
        .values("event_id")
        .annotate(count=Count("id"))
        .values("count")
    )
    return registrations.annotate(waiting_ahead=Coalesce(Subquery(ahead), 0))


def position_of(registration: Registration) -> int | None:
    """The waiting-list position, from the annotation when there is one."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = getattr(registration, "waiting_ahead", None)
    if ahead is None:
        return waitlist_position(registration)
    return ahead + 1
