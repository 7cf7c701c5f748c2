"""Editors prepare events and their programme here; status changes and
capacity changes go through the services, so that they are audited and the
waiting list is promoted."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError

from . import services
from .models import ClubMembership, Event, EventSession, Registration, Speaker


class EventSessionInline(admin.TabularInline):
    model = EventSession
    extra = 0
    fields = ["kind", "title", "starts_at", "ends_at", "room"]
    show_change_link = True


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 1
    fields = ["position", "name", "organisation", "bio"]


def _run(modeladmin, request, queryset, service, done):
    for event in queryset:
        try:
            service(actor=request.user, event=event)
        except DomainError as error:
            modeladmin.message_user(
                request, f"{event}: {error.detail}", level=messages.ERROR
            )
        else:
            modeladmin.message_user(request, f"{event}: {done}")


@admin.action(description=_("Publish the selected events"))
def publish(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, services.event_publish, _("published"))


@admin.action(description=_("Close registration of the selected events"))
def close(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, services.event_close, _("closed"))


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "municipality", "capacity", "status"]
    list_filter = ["kind", "status", "province"]
    search_fields = ["title", "municipality"]
    readonly_fields = ["status", "status_reason", "created_by", "created_at"]
    filter_horizontal = ["needs"]
    inlines = [EventSessionInline]
    actions = [publish, close]
    date_hierarchy = "starts_at"

    def save_model(self, request, obj, form, change):
        capacity = form.cleaned_data.get("capacity")
        if change and "capacity" in form.changed_data:
            # Saved through the service: a raise promotes the waiting list,
            # a cut below the places given is refused.
            obj.capacity = Event.objects.get(pk=obj.pk).capacity
            super().save_model(request, obj, form, change)
            try:
                services.event_capacity_change(
                    actor=request.user, event=obj, capacity=capacity
                )
            except DomainError as error:
                self.message_user(request, str(error.detail), level=messages.ERROR)
            return
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.event_refresh_search_text(form.instance)


@admin.register(EventSession)
class EventSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "kind", "starts_at", "room"]
    list_filter = ["kind"]
    search_fields = ["title", "event__title"]
    inlines = [SpeakerInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.event_refresh_search_text(form.instance.event)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "queue_number", "requested_at"]
    list_filter = ["status", "event"]
    search_fields = ["user__email", "user__last_name", "event__title"]
    readonly_fields = [
        "event",
        "user",
        "status",
        "queue_number",
        "requested_at",
        "promoted_at",
        "cancelled_at",
        "checked_in_at",
        "checked_in_by",
        "cpd_activity",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(ClubMembership)
class ClubMembershipAdmin(admin.ModelAdmin):
    list_display = ["company", "status", "applied_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["company__name"]
    readonly_fields = [
        "company",
        "status",
        "applied_by",
        "applied_at",
        "decided_by",
        "decided_at",
        "decision_reason",
        "left_at",
    ]

    def has_add_permission(self, request):
        return False
