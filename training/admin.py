"""Admin for training data. Workflow fields are read-only here: revocation and
CPD review go through the services (and the API) so that they are audited.
"""

from django.contrib import admin

from .models import (
    Assessment,
    Attempt,
    Attendance,
    Certification,
    CpdActivity,
    Enrolment,
    Module,
    Programme,
    Session,
    SessionRegistration,
)


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0
    fields = ["order", "title", "nominal_hours", "mandatory", "min_attendance_pct"]


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ["starts_at", "ends_at", "place", "online_url", "trainer", "capacity"]
    autocomplete_fields = ["trainer"]


class AssessmentInline(admin.TabularInline):
    model = Assessment
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "domain", "version", "is_published"]
    list_filter = ["is_published", "domain"]
    search_fields = ["title"]
    inlines = [ModuleInline]


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "order", "nominal_hours", "mandatory"]
    list_filter = ["programme", "mandatory"]
    search_fields = ["title", "programme__title"]
    inlines = [SessionInline, AssessmentInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["module", "starts_at", "ends_at", "trainer", "capacity"]
    list_filter = ["module__programme", "trainer"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["trainer"]
    list_select_related = ["module", "trainer"]


class RegistrationInline(admin.TabularInline):
    model = SessionRegistration
    extra = 0
    fields = ["session", "registered_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["consultant", "programme", "status", "enrolled_at"]
    list_filter = ["status", "programme"]
    search_fields = ["consultant__email", "consultant__last_name"]
    readonly_fields = ["status"]
    autocomplete_fields = ["consultant"]
    list_select_related = ["consultant", "programme"]
    inlines = [RegistrationInline]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["registration", "status", "minutes", "recorded_by", "recorded_at"]
    list_filter = ["status"]
    readonly_fields = ["registration", "recorded_by", "recorded_at"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "kind", "max_score", "pass_score", "weight"]
    list_filter = ["kind", "compensable", "module__programme"]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["assessment", "enrolment", "number", "score", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]
    list_select_related = ["assessment", "enrolment__consultant"]


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = ["code", "consultant", "programme", "issued_on", "expires_on"]
    list_filter = ["status", "programme"]
    search_fields = ["code", "consultant__email"]
    readonly_fields = [
        "enrolment",
        "consultant",
        "programme",
        "code",
        "issued_on",
        "status",
        "revoked_reason",
    ]


@admin.register(CpdActivity)
class CpdActivityAdmin(admin.ModelAdmin):
    list_display = ["consultant", "category", "date", "hours", "status"]
    list_filter = ["status", "category"]
    search_fields = ["consultant__email", "description"]
    readonly_fields = ["status", "reviewed_by", "review_reason", "evidence"]
