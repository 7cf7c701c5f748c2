"""API of the Forum and the club.

Status is never writable: it changes through the POST actions, each a
service of ``knowledge.events.services``.
"""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.actions import detail_list_action
from core.api.filters import StrictBooleanFilter
from core.api.serializers import HistoryEntrySerializer, ReasonSerializer
from core.audit import audit_history
from core.errors import NotFound
from core.models import Need
from core.reference.geography import Province
from pme.models import Company

from .. import selectors, services
from ..calendar import calendar_filename, event_calendar
from ..models import ClubMembership, Event, Registration
from .serializers import (
    CancelEventSerializer,
    CapacitySerializer,
    ClubApplySerializer,
    ClubMemberSerializer,
    ClubMembershipSerializer,
    EventSerializer,
    RegistrationSerializer,
)

REFUSALS = {
    403: OpenApiResponse(description="Your role does not allow this."),
    404: OpenApiResponse(description="Unknown, or not yours to see."),
    409: OpenApiResponse(description="Not allowed in the current state."),
}


def _validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class EventFilter(filters.FilterSet):
    q = filters.CharFilter(method="filter_text", label="Words (accents ignored)")
    need = filters.ModelChoiceFilter(
        field_name="needs",
        to_field_name="code",
        queryset=Need.objects.all(),
        label="Need code, such as TEL",
    )
    province = filters.ChoiceFilter(choices=Province.choices)
    kind = filters.ChoiceFilter(choices=Event.Kind.choices)
    status = filters.MultipleChoiceFilter(choices=Event.Status.choices)
    upcoming = StrictBooleanFilter(method="filter_upcoming", label="Not over yet")

    class Meta:
        model = Event
        fields = ["q", "need", "province", "kind", "status", "upcoming"]

    def filter_text(self, queryset, name, value):
        return selectors.event_filter(queryset, q=value)

    def filter_upcoming(self, queryset, name, value):
        now = timezone.now()
        return (
            queryset.filter(ends_at__gte=now)
            if value
            else queryset.filter(ends_at__lt=now)
        )


class EventViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Events of the Forum, soonest first; drafts for the editors only."""

    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilter
    # Anyone may read the published programme; acting needs an account.
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        user = self.request.user
        events = (
            selectors.with_places(selectors.event_list_for(user=user))
            .prefetch_related("needs", "sessions__speakers")
            .order_by("starts_at", "id")
        )
        if user.is_authenticated:
            # The user's own registration of each event, in one more query.
            mine = selectors.with_waitlist_position(
                Registration.objects.filter(user=user).select_related(
                    "event", "user", "cpd_activity"
                )
            )
            events = events.prefetch_related(
                Prefetch("registrations", queryset=mine, to_attr="mine")
            )
        return events

    def get_object(self):
        event = selectors.event_get_for(user=self.request.user, pk=self.kwargs["pk"])
        if self.action == "retrieve":
            return self.get_queryset().get(pk=event.pk)
        return event

    def _registration(self, request, registration, code=status.HTTP_200_OK):
        fresh = selectors.with_waitlist_position(
            Registration.objects.select_related("event", "user", "cpd_activity")
        ).get(pk=registration.pk)
        return Response(RegistrationSerializer(fresh).data, status=code)

    @extend_schema(request=None, responses={201: RegistrationSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def register(self, request, pk=None):
        """A place, or the waiting list with a position when the event is full."""
        registration = services.registration_create(
            user=request.user, event=self.get_object()
        )
        return self._registration(request, registration, status.HTTP_201_CREATED)

    @extend_schema(
        request=ReasonSerializer, responses={200: RegistrationSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"], url_path="cancel-registration")
    def cancel_registration(self, request, pk=None):
        data = _validated(ReasonSerializer, request.data)
        registration = services.registration_cancel(
            user=request.user, event=self.get_object(), reason=data["reason"]
        )
        return self._registration(request, registration)

    @extend_schema(
        responses={200: RegistrationSerializer(many=True), **REFUSALS},
        summary="Registrations of the event (editors)",
    )
    @detail_list_action()
    def registrations(self, request, pk=None):
        if not selectors.is_events_staff(request.user):
            self.permission_denied(request)  # 401 for a visitor, else 403
        rows = selectors.with_waitlist_position(
            self.get_object()
            .registrations.select_related("event", "user", "cpd_activity")
            .order_by("queue_number")
        )
        return Response(RegistrationSerializer(rows, many=True).data)

    @extend_schema(responses={200: HistoryEntrySerializer(many=True), **REFUSALS})
    @detail_list_action()
    def history(self, request, pk=None):
        if not selectors.is_events_staff(request.user):
            self.permission_denied(request)  # 401 for a visitor, else 403
        entries = audit_history(self.get_object())
        return Response(HistoryEntrySerializer(entries, many=True).data)

    @extend_schema(
        responses={
            (200, "text/calendar"): OpenApiResponse(
                description="The event and its sessions as an iCalendar file."
            ),
            404: REFUSALS[404],
        }
    )
    @action(
        detail=True, methods=["get"], url_path=r"calendar\.ics", url_name="calendar"
    )
    def calendar(self, request, pk=None):
        return calendar_response(self.get_object())

    def _transition(self, request, service, serializer_class=None):
        data = _validated(serializer_class, request.data) if serializer_class else {}
        event = service(actor=request.user, event=self.get_object(), **data)
        fresh = selectors.with_places(Event.objects.filter(pk=event.pk)).get()
        return Response(EventSerializer(fresh).data)

    @extend_schema(request=None, responses={200: EventSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._transition(request, services.event_publish)

    @extend_schema(
        request=CancelEventSerializer, responses={200: EventSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return self._transition(request, services.event_cancel, CancelEventSerializer)

    @extend_schema(
        request=ReasonSerializer, responses={200: EventSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._transition(request, services.event_close, ReasonSerializer)

    @extend_schema(
        request=CapacitySerializer, responses={200: EventSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"])
    def capacity(self, request, pk=None):
        return self._transition(
            request, services.event_capacity_change, CapacitySerializer
        )


def calendar_response(event: Event) -> HttpResponse:
    response = HttpResponse(event_calendar(event), content_type="text/calendar")
    response["Content-Disposition"] = (
        f'attachment; filename="{calendar_filename(event)}"'
    )
    return response


class RegistrationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The user's own registrations; every one for the editors."""

    queryset = Registration.objects.all()
    serializer_class = RegistrationSerializer
    filterset_fields = ["event", "status"]

    def get_queryset(self):
        rows = selectors.registration_list_for(user=self.request.user)
        return selectors.with_waitlist_position(
            rows.select_related("cpd_activity")
        ).order_by("-requested_at", "-id")

    def get_object(self):
        registration = selectors.registration_get_for(
            user=self.request.user, pk=self.kwargs["pk"]
        )
        return selectors.with_waitlist_position(
            Registration.objects.select_related("event", "user", "cpd_activity")
        ).get(pk=registration.pk)

    @extend_schema(responses={200: HistoryEntrySerializer(many=True), **REFUSALS})
    @detail_list_action()
    def history(self, request, pk=None):
        return Response(
            HistoryEntrySerializer(audit_history(self.get_object()), many=True).data
        )

    def _fresh(self, registration):
        self.kwargs["pk"] = registration.pk
        return Response(RegistrationSerializer(self.get_object()).data)

    @extend_schema(request=None, responses={200: RegistrationSerializer, **REFUSALS})
    @action(detail=True, methods=["post"], url_path="check-in", url_name="check-in")
    def check_in(self, request, pk=None):
        """Editors record attendance; a consultant is credited the CPD hours."""
        registration = services.registration_check_in(
            actor=request.user, registration=self.get_object()
        )
        return self._fresh(registration)

    @extend_schema(
        request=ReasonSerializer, responses={200: RegistrationSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"], url_path="no-show", url_name="no-show")
    def no_show(self, request, pk=None):
        data = _validated(ReasonSerializer, request.data)
        registration = services.registration_mark_no_show(
            actor=request.user, registration=self.get_object(), reason=data["reason"]
        )
        return self._fresh(registration)


class ClubMembershipViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Applications to the club: the user's companies'; every one for the editors."""

    queryset = ClubMembership.objects.all()
    serializer_class = ClubMembershipSerializer
    filterset_fields = ["status", "company"]

    def get_queryset(self):
        return selectors.club_membership_list_for(user=self.request.user)

    def get_object(self):
        return selectors.club_membership_get_for(
            user=self.request.user, pk=self.kwargs["pk"]
        )

    @extend_schema(
        request=ClubApplySerializer,
        responses={201: ClubMembershipSerializer, **REFUSALS},
    )
    def create(self, request, *args, **kwargs):
        data = _validated(ClubApplySerializer, request.data)
        company = Company.objects.filter(pk=data.pop("company")).first()
        if company is None:
            raise NotFound()
        membership = services.club_apply(user=request.user, company=company, **data)
        return Response(
            ClubMembershipSerializer(membership).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(responses={200: HistoryEntrySerializer(many=True), **REFUSALS})
    @detail_list_action()
    def history(self, request, pk=None):
        return Response(
            HistoryEntrySerializer(audit_history(self.get_object()), many=True).data
        )

    def _decide(self, request, service):
        data = _validated(ReasonSerializer, request.data)
        membership = self.get_object()
        if service is services.club_leave:
            result = service(user=request.user, membership=membership, **data)
        else:
            result = service(actor=request.user, membership=membership, **data)
        return Response(ClubMembershipSerializer(result).data)

    @extend_schema(
        request=ReasonSerializer, responses={200: ClubMembershipSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._decide(request, services.club_accept)

    @extend_schema(
        request=ReasonSerializer, responses={200: ClubMembershipSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._decide(request, services.club_reject)

    @extend_schema(
        request=ReasonSerializer, responses={200: ClubMembershipSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"])
    def leave(self, request, pk=None):
        return self._decide(request, services.club_leave)


class ClubMemberViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The club's directory of member companies, for its members and the editors."""

    queryset = ClubMembership.objects.all()
    serializer_class = ClubMemberSerializer

    def get_queryset(self):
        user = self.request.user
        if not (selectors.is_events_staff(user) or selectors.is_club_member(user)):
            self.permission_denied(self.request)
        return selectors.club_member_list()
