from django.contrib import admin

from .models import ExpertRequest


@admin.register(ExpertRequest)
class ExpertRequestAdmin(admin.ModelAdmin):
    """Read and correct requests; creation and withdrawal go through the services.

    Requests are made on the site or the API, where their checks (membership,
    a recent scan) and audit rows live; the admin therefore adds none and
    never changes the status.
    """

    list_display = ["id", "company", "primary_need", "status", "language", "created_at"]
    list_filter = ["status", "language", "primary_need"]
    search_fields = ["company__name", "company__enterprise_number", "description"]
    date_hierarchy = "created_at"
    list_select_related = ["company", "primary_need"]
    filter_horizontal = ["needs"]
    raw_id_fields = ["company", "assessment"]
    readonly_fields = ["company", "created_by", "assessment", "status", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False
