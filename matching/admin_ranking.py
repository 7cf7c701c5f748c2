"""Admin of the experts' matching profiles (capacity and exclusions)."""

from django.contrib import admin

from .models import ExpertProfile


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin):
    list_display = ["expert", "max_concurrent_missions", "updated_at"]
    search_fields = ["expert__email", "expert__first_name", "expert__last_name"]
    raw_id_fields = ["expert"]
    readonly_fields = ["updated_at"]
