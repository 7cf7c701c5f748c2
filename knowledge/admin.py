"""Editors write and correct content in the admin; the workflow buttons above
each form POST to ``knowledge:content-transition``, the same service as the
site's buttons, so every status change is checked and audited.

Uploaded videos and subtitles are checked by content here too: the type of a
video comes from its first bytes, subtitles must be WebVTT.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from core.errors import DomainError
from core.reference.maturity import Dimension

from .media import check_subtitles, check_video
from .models import Capsule, CaseStudy, KeyFigure, Quote, Resource, normalize_doi
from .views import ACTION_LABELS, ACTIONS_FROM


def _as_validation_error(error: DomainError) -> ValidationError:
    return ValidationError(str(error.detail), code=error.code)


class ContentForm(forms.ModelForm):
    """Dimensions as checkboxes; the admin builds the Meta (model, fields)."""

    dimensions = forms.MultipleChoiceField(
        label=CaseStudy._meta.get_field("dimensions").verbose_name,
        choices=Dimension.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["dimensions"] = self.instance.dimension_list

    def clean_dimensions(self) -> str:
        return " ".join(sorted(self.cleaned_data["dimensions"]))


class CapsuleForm(ContentForm):
    def clean_video_file(self):
        upload = self.cleaned_data.get("video_file")
        if upload and hasattr(upload, "content_type"):
            try:
                self.checked_video = check_video(upload)
            except DomainError as error:
                raise _as_validation_error(error) from None
        return upload

    def clean_subtitles_file(self):
        upload = self.cleaned_data.get("subtitles_file")
        if upload and hasattr(upload, "content_type"):
            try:
                check_subtitles(upload)
            except DomainError as error:
                raise _as_validation_error(error) from None
        return upload


class ResourceForm(ContentForm):
    def clean_doi(self) -> str:
        return normalize_doi(self.cleaned_data.get("doi", ""))


class ContentAdmin(admin.ModelAdmin):
    change_form_template = "knowledge/admin/change_form.html"
    list_display = ["title", "status", "language", "province", "year", "published_at"]
    list_filter = ["status", "language", "province", "needs"]
    search_fields = ["title", "summary"]
    filter_horizontal = ["needs"]
    readonly_fields = [
        "status",
        "status_reason",
        "published_at",
        "created_by",
        "created_at",
        "updated_at",
    ]

    def save_model(self, request, obj, form, change) -> None:
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        checked = getattr(form, "checked_video", None)
        if checked is not None:
            obj.video_type = checked.content_type
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, **kw):
        obj = context.get("original")
        if obj is not None:
            context["workflow_actions"] = [
                (name, ACTION_LABELS[name]) for name in ACTIONS_FROM[obj.status]
            ]
        return super().render_change_form(request, context, add, change, **kw)


class KeyFigureInline(admin.TabularInline):
    model = KeyFigure
    extra = 1


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 1


@admin.register(CaseStudy)
class CaseStudyAdmin(ContentAdmin):
    form = ContentForm
    inlines = [KeyFigureInline, QuoteInline]
    list_display = ["title", "company_name", *ContentAdmin.list_display[1:]]
    search_fields = ["title", "summary", "company_name"]
    raw_id_fields = ["company", "expert"]


@admin.register(Capsule)
class CapsuleAdmin(ContentAdmin):
    form = CapsuleForm
    raw_id_fields = ["featured_company"]
    readonly_fields = [*ContentAdmin.readonly_fields, "video_type"]


@admin.register(Resource)
class ResourceAdmin(ContentAdmin):
    form = ResourceForm
    list_display = ["title", "resource_kind", *ContentAdmin.list_display[1:]]
    list_filter = ["resource_kind", *ContentAdmin.list_filter]
    search_fields = ["title", "summary", "authors", "publisher", "doi"]
