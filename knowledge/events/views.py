"""Pages of the Forum and the club.

Views stay thin: they read through the selectors, call one service on POST
and redirect with a message. ``register_events_ui`` adds the dashboard panel
(no navigation item: the knowledge hub links to the event list and the club).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.dashboard import register_dashboard_panel
from core.errors import DomainError, NotFound

from . import selectors, services
from .api.views import calendar_response
from .forms import (
    ClubApplyForm,
    EventFilterForm,
    ReasonForm,
    TestimonialForm,
    add_domain_error,
)
from .models import ClubMembership, Event, Registration
from .selectors import is_events_staff

PANEL_LIMIT = 5


def _event(request, pk: int) -> Event:
    try:
        return selectors.event_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


def _require_staff(request) -> None:
    if not is_events_staff(request.user):
        # Staff pages do not exist for anyone else.
        raise Http404


def event_list(request):
    form = EventFilterForm(request.GET or None)
    events = selectors.event_list_for(user=request.user)
    events = selectors.event_filter(events, **form.filters())
    events = selectors.with_places(events).prefetch_related("needs")
    upcoming, past = selectors.upcoming_and_past(events)
    context = {
        "form": form,
        "upcoming": upcoming,
        "past": past,
        "is_staff": is_events_staff(request.user),
        "filtered": bool(form.is_bound and any(form.filters().values())),
    }
    return render(request, "events/event_list.html", context)


def event_detail(request, pk: int):
    event = _event(request, pk)
    registration = selectors.registration_of(user=request.user, event=event)
    staff = is_events_staff(request.user)
    taken = selectors.places_taken(event)
    context = {
        "event": event,
        "sessions": event.sessions.prefetch_related("speakers"),
        "needs": event.needs.all(),
        "registration": registration,
        "position": selectors.position_of(registration) if registration else None,
        "places_taken": taken,
        "places_left": max(0, event.capacity - taken),
        "waitlist_count": selectors.waitlist(event).count(),
        "can_register": _can_register(request, event, registration),
        "can_cancel": registration is not None
        and registration.status
        in (Registration.Status.REGISTERED, Registration.Status.WAITLISTED)
        and not event.starts_at <= timezone.now(),
        "is_staff": staff,
        "reason_form": ReasonForm() if staff else None,
        "now": timezone.now(),
    }
    return render(request, "events/event_detail.html", context)


def _can_register(request, event: Event, registration) -> bool:
    if event.status != Event.Status.PUBLISHED:
        return False
    now = timezone.now()
    if event.registration_opens_at and now < event.registration_opens_at:
        return False
    if now >= event.registration_deadline:
        return False
    if (
        registration is not None
        and registration.status != Registration.Status.CANCELLED
    ):
        return False
    return True


@login_required
@require_POST
def event_register(request, pk: int):
    event = _event(request, pk)
    try:
        registration = services.registration_create(user=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        if registration.status == Registration.Status.WAITLISTED:
            messages.warning(
                request,
                _("The event is full: you are number %(position)s on the waiting list.")
                % {"position": selectors.waitlist_position(registration)},
            )
        else:
            messages.success(request, _("You are registered. See you there!"))
    return redirect("events:event-detail", pk=pk)


@login_required
@require_POST
def event_cancel_registration(request, pk: int):
    event = _event(request, pk)
    try:
        services.registration_cancel(user=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("events:event-detail", pk=pk)


def event_calendar(request, pk: int):
    return calendar_response(_event(request, pk))


TRANSITIONS = {
    "publish": (services.event_publish, False, gettext_lazy("The event is published.")),
    "close": (services.event_close, True, gettext_lazy("Registration is closed.")),
    "cancel": (services.event_cancel, True, gettext_lazy("The event is cancelled.")),
}


@login_required
@require_POST
def event_transition(request, pk: int, action: str):
    _require_staff(request)
    event = _event(request, pk)
    if action not in TRANSITIONS:
        raise Http404
    service, with_reason, done = TRANSITIONS[action]
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        if with_reason:
            service(actor=request.user, event=event, reason=reason)
        else:
            service(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, done)
    return redirect("events:event-detail", pk=pk)


@login_required
def my_registrations(request):
    registrations = selectors.with_waitlist_position(
        selectors.registration_list_for(user=request.user).filter(user=request.user)
    ).order_by("-event__starts_at", "-id")
    return render(
        request,
        "events/my_registrations.html",
        {"registrations": registrations},
    )


# -- attendance (staff) -------------------------------------------------------


@login_required
def attendance(request, pk: int):
    _require_staff(request)
    event = _event(request, pk)
    rows = selectors.attendance_list(event)
    context = {
        "event": event,
        "rows": rows,
        "attended": sum(
            1 for row in rows if row.status == Registration.Status.ATTENDED
        ),
        "waitlist": selectors.waitlist(event).select_related("user"),
    }
    return render(request, "events/attendance.html", context)


def _staff_registration(request, pk: int, registration_pk: int) -> Registration:
    _require_staff(request)
    event = _event(request, pk)
    registration = event.registrations.filter(pk=registration_pk).first()
    if registration is None:
        raise Http404
    return registration


@login_required
@require_POST
def attendance_check_in(request, pk: int, registration_pk: int):
    registration = _staff_registration(request, pk, registration_pk)
    try:
        services.registration_check_in(actor=request.user, registration=registration)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request,
            _("%(name)s is checked in.") % {"name": registration.user.get_full_name()},
        )
    return redirect("events:attendance", pk=pk)


@login_required
@require_POST
def attendance_no_show(request, pk: int, registration_pk: int):
    registration = _staff_registration(request, pk, registration_pk)
    try:
        services.registration_mark_no_show(
            actor=request.user, registration=registration
        )
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request,
            _("%(name)s is recorded as absent.")
            % {"name": registration.user.get_full_name()},
        )
    return redirect("events:attendance", pk=pk)


# -- the club ------------------------------------------------------------------


def _applicable_companies(request):
    """The user's companies with no live application or membership."""
    from pme.models import Company

    return Company.objects.filter(
        pk__in=selectors.company_ids_of(request.user)
    ).exclude(club_memberships__status__in=ClubMembership.LIVE_STATES)


def club(request, apply_form=None):
    user = request.user
    staff = is_events_staff(user)
    member = selectors.is_club_member(user)
    can_apply = user.is_authenticated and _applicable_companies(request).exists()
    context = {
        "is_staff": staff,
        "is_member": member,
        "members": selectors.club_member_list() if member or staff else None,
        "meetings": (
            selectors.upcoming_and_past(
                selectors.event_list_for(user=user).filter(kind=Event.Kind.CLUB_MEETING)
            )
            if member or staff
            else None
        ),
        "own": (
            selectors.club_membership_list_for(user=user).filter(
                company_id__in=selectors.company_ids_of(user)
            )
            if user.is_authenticated
            else None
        ),
        "apply_form": apply_form
        or (
            ClubApplyForm(companies=_applicable_companies(request))
            if can_apply
            else None
        ),
        "pending": selectors.club_pending_list() if staff else None,
        "reason_form": ReasonForm() if staff else None,
    }
    return render(request, "events/club.html", context)


@login_required
@require_POST
def club_apply(request):
    form = ClubApplyForm(request.POST, companies=_applicable_companies(request))
    if form.is_valid():
        try:
            services.club_apply(user=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("Your application is sent; the agency will answer soon.")
            )
            return redirect("events:club")
    return club(request, apply_form=form)


def _membership(request, pk: int) -> ClubMembership:
    try:
        return selectors.club_membership_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


CLUB_DECISIONS = {
    "accept": (
        services.club_accept,
        gettext_lazy("The company is now a member of the club."),
    ),
    "reject": (services.club_reject, gettext_lazy("The application is rejected.")),
}


@login_required
@require_POST
def club_decide(request, pk: int, decision: str):
    _require_staff(request)
    if decision not in CLUB_DECISIONS:
        raise Http404
    membership = _membership(request, pk)
    service, done = CLUB_DECISIONS[decision]
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        service(actor=request.user, membership=membership, reason=reason)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, done)
    return redirect("events:club")


@login_required
@require_POST
def club_leave(request, pk: int):
    membership = _membership(request, pk)
    try:
        services.club_leave(user=request.user, membership=membership)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request,
            _("%(company)s has left the club.") % {"company": membership.company.name},
        )
    return redirect("events:club")


@login_required
def club_testimonial(request):
    """A member company tells its story; the editors review it before publishing."""
    from knowledge.services import case_study_submit_testimonial

    companies = selectors.club_companies_of(request.user)
    if not companies.exists():
        raise Http404
    form = TestimonialForm(request.POST or None, companies=companies)
    if request.method == "POST" and form.is_valid():
        try:
            case_study_submit_testimonial(author=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("Thank you! The editors will review your story, then publish it."),
            )
            return redirect("events:club")
    return render(request, "events/club_testimonial.html", {"form": form})


# -- dashboard -------------------------------------------------------------------


def registrations_panel(request) -> dict | None:
    """The user's coming registrations, for the dashboard."""
    user = request.user
    if not user.is_authenticated:
        return None
    rows = list(
        selectors.with_waitlist_position(
            selectors.my_upcoming_registrations(user=user)
        )[:PANEL_LIMIT]
    )
    if not rows:
        return None
    return {"registrations": rows}


def register_events_ui() -> None:
    register_dashboard_panel(
        order=60,
        template_name="events/panels/registrations.html",
        context=registrations_panel,
    )
