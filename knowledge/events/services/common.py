"""Shared by the Forum's services: who may act, clean input, e-mails."""

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import DomainError, NotAllowed
from core.mail import queue_templated_email
from core.models import User

from ..selectors import is_events_staff

ACTION_LABELS = {
    "events.event.published": gettext_lazy("Event published"),
    "events.event.cancelled": gettext_lazy("Event cancelled"),
    "events.event.closed": gettext_lazy("Event closed"),
    "events.event.capacity_changed": gettext_lazy("Event capacity changed"),
    "events.registration.registered": gettext_lazy("Registered for an event"),
    "events.registration.waitlisted": gettext_lazy("Put on an event's waiting list"),
    "events.registration.promoted": gettext_lazy("Promoted from the waiting list"),
    "events.registration.cancelled": gettext_lazy("Event registration cancelled"),
    "events.registration.attended": gettext_lazy("Event attendance checked in"),
    "events.registration.no_show": gettext_lazy("Recorded as absent from an event"),
    "events.club.applied": gettext_lazy("Applied to join the club"),
    "events.club.accepted": gettext_lazy("Accepted into the club"),
    "events.club.rejected": gettext_lazy("Club application rejected"),
    "events.club.left": gettext_lazy("Left the club"),
    "training.cpd.forum_credited": gettext_lazy("Forum attendance credited as CPD"),
}


def require_staff(user: User) -> None:
    if not is_events_staff(user):
        raise NotAllowed(_("Only the agency's editors can do this."))


def required_text(value: str, field: str, hint: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(
            _("Some required fields are empty."),
            code="required",
            fields={field: [hint]},
        )
    return value


def absolute_url(url_name: str, *args) -> str:
    base = settings.NWOW["PUBLIC_URL"].rstrip("/")
    return f"{base}{reverse(url_name, args=args)}"


def mail(*, template: str, recipients: Iterable[User], context: dict) -> None:
    """One e-mail per active recipient, in the recipient's language."""
    for user in recipients:
        if not user.is_active or not user.email:
            continue
        queue_templated_email(
            template_prefix=f"events/email/{template}",
            to=user.email,
            language=user.language,
            context={**context, "recipient": user},
        )
