"""The NWOW Forum: events, their sessions and speakers, registrations with a
waiting list, reminders sent; and the club of liberated companies.

Places are counted from the registrations that hold one (registered,
attended, no-show); the waiting list is ordered by ``queue_number``, given
under the event's row lock, so that the first to arrive is the first promoted.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from core.models import Need
from core.reference.geography import Province
from core.reference.maturity import Dimension


def _valid_dimensions(value) -> None:
    if not isinstance(value, list) or any(
        code not in Dimension.values for code in value
    ):
        raise ValidationError(
            _("Use maturity dimension codes: %(codes)s."),
            params={"codes": ", ".join(Dimension.values)},
            code="dimension",
        )


class Event(FSMModelMixin, models.Model):
    class Kind(models.TextChoices):
        FORUM = "forum", _("NWOW Forum")
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        CLUB_MEETING = "club_meeting", _("Club meeting")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")
        CLOSED = "closed", _("Closed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.FORUM)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    province = models.CharField(
        _("province"), max_length=6, choices=Province, blank=True
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("For a webinar or a hybrid event."),
    )
    capacity = models.PositiveIntegerField(_("capacity"))
    registration_opens_at = models.DateTimeField(
        _("registration opens at"), null=True, blank=True
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes at"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the event starts."),
    )
    cpd_hours = models.DecimalField(
        _("continuing-training hours"),
        max_digits=4,
        decimal_places=1,
        default=0,
        help_text=_("Credited to a consultant whose attendance is checked in."),
    )
    needs = models.ManyToManyField(
        Need, verbose_name=_("needs"), blank=True, related_name="events"
    )
    dimensions = models.JSONField(
        _("maturity dimensions"),
        default=list,
        blank=True,
        validators=[_valid_dimensions],
        help_text=_("Codes D1 to D6."),
    )
    status = FSMField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        protected=True,
    )
    status_reason = models.TextField(_("reason of the status"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Casefolded, accent-stripped text of the event and its sessions, so that
    # "teletravail" finds "télétravail" on SQLite as on PostgreSQL.
    search_text = models.TextField(_("search text"), blank=True, editable=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="events_event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(cpd_hours__gte=0), name="events_event_cpd_hours_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.address

    @property
    def registration_deadline(self):
        return self.registration_closes_at or self.starts_at

    @property
    def is_club_meeting(self) -> bool:
        return self.kind == self.Kind.CLUB_MEETING

    @transition(field=status, source=Status.DRAFT, target=Status.PUBLISHED)
    def publish(self) -> None:
        """Shown to the public and open to registration in its window."""

    @transition(
        field=status,
        source=[Status.DRAFT, Status.PUBLISHED],
        target=Status.CANCELLED,
    )
    def cancel(self) -> None:
        """Called off: the registered people are told."""

    @transition(field=status, source=Status.PUBLISHED, target=Status.CLOSED)
    def close(self) -> None:
        """No more registrations; attendance may still be checked in."""


class EventSession(models.Model):
    class Kind(models.TextChoices):
        TALK = "talk", _("Talk")
        KEYNOTE = "keynote", _("Keynote")
        WORKSHOP = "workshop", _("Workshop")
        ROUND_TABLE = "round_table", _("Round table")
        NETWORKING = "networking", _("Networking")

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.TALK)
    title = models.CharField(_("title"), max_length=200)
    abstract = models.TextField(_("abstract"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="events_session_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Speaker(models.Model):
    session = models.ForeignKey(
        EventSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="speakers",
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("short bio"), blank=True, max_length=1000)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Registration(FSMModelMixin, models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not attend")

    # The states that hold one of the event's places.
    PLACE_STATES = (Status.REGISTERED, Status.ATTENDED, Status.NO_SHOW)

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = FSMField(
        _("status"),
        max_length=12,
        choices=Status,
        default=Status.REGISTERED,
        protected=True,
    )
    queue_number = models.PositiveIntegerField(
        _("arrival number"),
        help_text=_("Order of arrival in the event; the waiting list follows it."),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cpd_activity = models.OneToOneField(
        "training.CpdActivity",
        verbose_name=_("continuing-training credit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registration",
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "queue_number"]
        constraints = [
            # One row per person and event: cancelling and coming back reuses it.
            models.UniqueConstraint(
                fields=["event", "user"], name="events_registration_once"
            ),
            models.UniqueConstraint(
                fields=["event", "queue_number"], name="events_registration_queue"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.event}"

    @property
    def holds_place(self) -> bool:
        return self.status in self.PLACE_STATES

    @transition(
        field=status,
        source=[Status.WAITLISTED, Status.CANCELLED],
        target=Status.REGISTERED,
    )
    def confirm(self) -> None:
        """Takes a place: promoted from the waiting list, or back after cancelling."""

    @transition(field=status, source=Status.CANCELLED, target=Status.WAITLISTED)
    def requeue(self) -> None:
        """Back after cancelling, while the event is full."""

    @transition(
        field=status,
        source=[Status.REGISTERED, Status.WAITLISTED],
        target=Status.CANCELLED,
    )
    def cancel(self) -> None:
        """Gives the place (or the spot in the queue) up."""

    @transition(
        field=status, source=[Status.REGISTERED, Status.NO_SHOW], target=Status.ATTENDED
    )
    def check_in(self) -> None:
        """Staff saw the person at the event."""

    @transition(field=status, source=Status.REGISTERED, target=Status.NO_SHOW)
    def mark_no_show(self) -> None:
        """Staff recorded that the person did not come."""


class ReminderSent(models.Model):
    """One row per reminder mailed: running the command twice sends nothing twice."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    days_before = models.PositiveSmallIntegerField(_("days before"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "days_before"], name="events_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} · J-{self.days_before}"


class ClubMembership(FSMModelMixin, models.Model):
    """A company's application to the club of liberated companies, and its fate."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ACCEPTED = "accepted", _("Member")
        REJECTED = "rejected", _("Rejected")
        LEFT = "left", _("Left the club")

    LIVE_STATES = (Status.APPLIED, Status.ACCEPTED)

    company = models.ForeignKey(
        "pme.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="club_memberships",
    )
    motivation = models.TextField(_("motivation"), max_length=5000)
    changes = models.TextField(
        _("what the company changed"),
        max_length=5000,
        blank=True,
        help_text=_("Shown to the other members in the directory."),
    )
    status = FSMField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.APPLIED,
        protected=True,
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    applied_at = models.DateTimeField(_("applied at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason of the decision"), blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("club membership")
        verbose_name_plural = _("club memberships")
        ordering = ["-applied_at", "-id"]
        constraints = [
            # A company has at most one open application or membership.
            models.UniqueConstraint(
                fields=["company"],
                condition=Q(status__in=["applied", "accepted"]),
                name="events_club_one_live_membership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} · {self.get_status_display()}"

    @transition(field=status, source=Status.APPLIED, target=Status.ACCEPTED)
    def accept(self) -> None:
        """Staff welcome the company into the club."""

    @transition(field=status, source=Status.APPLIED, target=Status.REJECTED)
    def reject(self) -> None:
        """Staff decline the application, with a reason."""

    @transition(field=status, source=Status.ACCEPTED, target=Status.LEFT)
    def leave(self) -> None:
        """The company leaves the club."""
