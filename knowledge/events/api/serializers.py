"""Serializers of the Forum and club API: read shapes and the inputs."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import BlankAwareModelSerializer
from core.reference.geography import Province

from ..models import ClubMembership, Event, EventSession, Registration, Speaker
from ..selectors import position_of


class SpeakerSerializer(BlankAwareModelSerializer):
    class Meta:
        model = Speaker
        fields = ["name", "organisation", "bio"]
        read_only_fields = fields


class EventSessionSerializer(BlankAwareModelSerializer):
    speakers = SpeakerSerializer(many=True, read_only=True)

    class Meta:
        model = EventSession
        fields = [
            "id",
            "kind",
            "title",
            "abstract",
            "starts_at",
            "ends_at",
            "room",
            "speakers",
        ]
        read_only_fields = fields


class RegistrationSerializer(BlankAwareModelSerializer):
    event_title = serializers.CharField(source="event.title", read_only=True)
    participant = serializers.SerializerMethodField()
    waitlist_position = serializers.SerializerMethodField()
    cpd_hours_credited = serializers.SerializerMethodField()

    class Meta:
        model = Registration
        fields = [
            "id",
            "event",
            "event_title",
            "participant",
            "status",
            "queue_number",
            "waitlist_position",
            "requested_at",
            "promoted_at",
            "cancelled_at",
            "checked_in_at",
            "cpd_hours_credited",
        ]
        read_only_fields = fields

    def get_participant(self, registration) -> dict:
        user = registration.user
        return {"id": user.pk, "name": user.get_full_name(), "email": user.email}

    def get_waitlist_position(self, registration) -> int | None:
        return position_of(registration)

    def get_cpd_hours_credited(self, registration) -> str | None:
        activity = registration.cpd_activity
        return str(activity.hours) if activity is not None else None


class EventSerializer(BlankAwareModelSerializer):
    needs = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    dimensions = serializers.ListField(child=serializers.CharField(), read_only=True)
    places_taken = serializers.SerializerMethodField()
    places_left = serializers.SerializerMethodField()
    waitlist_count = serializers.SerializerMethodField()
    sessions = EventSessionSerializer(many=True, read_only=True)
    calendar_url = serializers.SerializerMethodField()
    my_registration = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "kind",
            "title",
            "description",
            "language",
            "status",
            "status_reason",
            "starts_at",
            "ends_at",
            "venue_name",
            "address",
            "municipality",
            "province",
            "online_url",
            "capacity",
            "places_taken",
            "places_left",
            "waitlist_count",
            "registration_opens_at",
            "registration_closes_at",
            "cpd_hours",
            "needs",
            "dimensions",
            "sessions",
            "calendar_url",
            "my_registration",
        ]
        read_only_fields = fields

    def get_places_taken(self, event) -> int:
        taken = getattr(event, "places_taken", None)
        if taken is None:
            taken = event.registrations.filter(
                status__in=Registration.PLACE_STATES
            ).count()
        return taken

    def get_places_left(self, event) -> int:
        return max(0, event.capacity - self.get_places_taken(event))

    def get_waitlist_count(self, event) -> int:
        count = getattr(event, "waitlist_count", None)
        if count is None:
            count = event.registrations.filter(
                status=Registration.Status.WAITLISTED
            ).count()
        return count

    def get_calendar_url(self, event) -> str:
        return reverse("events-api:event-calendar", args=[event.pk])

    @extend_schema_field(RegistrationSerializer(allow_null=True))
    def get_my_registration(self, event) -> dict | None:
        """The requesting user's registration, from the viewset's prefetch."""
        mine = getattr(event, "mine", None)
        if not mine:
            return None
        return RegistrationSerializer(mine[0]).data


class CapacitySerializer(serializers.Serializer):
    capacity = serializers.IntegerField(min_value=1, max_value=100_000)


class CancelEventSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000)


class ClubMembershipSerializer(BlankAwareModelSerializer):
    company_name = serializers.CharField(source="company.name", read_only=True)

    class Meta:
        model = ClubMembership
        fields = [
            "id",
            "company",
            "company_name",
            "status",
            "motivation",
            "changes",
            "applied_at",
            "decided_at",
            "decision_reason",
            "left_at",
        ]
        read_only_fields = fields


class ClubApplySerializer(serializers.Serializer):
    company = serializers.IntegerField(min_value=1)
    motivation = serializers.CharField(max_length=5000)
    changes = serializers.CharField(max_length=5000, required=False, allow_blank=True)


class ClubMemberSerializer(serializers.Serializer):
    """One company of the club's directory, as the members see it."""

    id = serializers.IntegerField(source="company.pk")
    name = serializers.CharField(source="company.name")
    province = serializers.ChoiceField(
        choices=Province.choices, source="company.province"
    )
    sector = serializers.CharField(source="company.nace_section")
    size_class = serializers.CharField(source="company.size_class")
    changes = serializers.CharField()
    member_since = serializers.DateTimeField(source="decided_at")
