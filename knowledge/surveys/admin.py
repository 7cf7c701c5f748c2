"""The editors' admin of the barometer: surveys, waves and their questions.

Questions and options are edited while their wave is a draft; once a wave is
open its questionnaire is frozen, because responses point at it. Waves change
state only through the admin actions, which call the audited services.
Responses are read-only: they come from the site and the API.
"""

import datetime

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.errors import DomainError

from . import services
from .models import Answer, Option, Question, Response, Survey, SurveyDimension, Wave


class SurveyDimensionInline(admin.TabularInline):
    model = SurveyDimension
    extra = 0


class WaveInline(admin.TabularInline):
    model = Wave
    extra = 0
    fields = ["year", "opens_on", "closes_on", "status"]
    readonly_fields = ["status"]
    show_change_link = True


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "slug", "scope_province", "min_group_size"]
    search_fields = ["title_fr", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_fr"]}
    filter_horizontal = ["needs"]
    inlines = [SurveyDimensionInline, WaveInline]


class _FrozenUnlessDraft:
    """Inline rows are read-only once the wave has left the draft state."""

    def _draft(self, obj) -> bool:
        wave = obj if isinstance(obj, Wave) else getattr(obj, "wave", None)
        return wave is None or wave.status == Wave.Status.DRAFT

    def has_add_permission(self, request, obj=None) -> bool:
        return self._draft(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._draft(obj) and super().has_delete_permission(request, obj)


class QuestionInline(_FrozenUnlessDraft, admin.StackedInline):
    model = Question
    extra = 0
    show_change_link = True
    fields = [
        ("code", "position", "kind", "required", "dimension"),
        ("label_fr", "label_en"),
        ("label_de", "label_nl"),
        ("scale_min", "scale_max", "min_value", "max_value"),
    ]


@admin.register(Wave)
class WaveAdmin(admin.ModelAdmin):
    list_display = ["survey", "year", "opens_on", "closes_on", "status"]
    list_filter = ["status", "survey"]
    readonly_fields = ["status", "opened_at", "closed_at"]
    inlines = [QuestionInline]
    actions = ["open_waves", "close_waves", "prepare_next_year"]

    def _run(self, request, queryset, service, done) -> None:
        count = 0
        for wave in queryset:
            try:
                service(actor=request.user, wave=wave)
            except DomainError as error:
                self.message_user(request, f"{wave}: {error.detail}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, done(count), messages.SUCCESS)

    @admin.action(description=_("Open the selected waves to responses"))
    def open_waves(self, request, queryset):
        self._run(
            request,
            queryset,
            services.wave_open,
            lambda n: (
                ngettext("%(n)d wave opened.", "%(n)d waves opened.", n) % {"n": n}
            ),
        )

    @admin.action(description=_("Close the selected waves and publish their results"))
    def close_waves(self, request, queryset):
        self._run(
            request,
            queryset,
            services.wave_close,
            lambda n: (
                ngettext("%(n)d wave closed.", "%(n)d waves closed.", n) % {"n": n}
            ),
        )

    @admin.action(description=_("Prepare next year's wave with the same questions"))
    def prepare_next_year(self, request, queryset):
        for wave in queryset:
            try:
                services.wave_create_next(
                    actor=request.user,
                    source=wave,
                    year=wave.year + 1,
                    opens_on=_next_year(wave.opens_on),
                    closes_on=_next_year(wave.closes_on),
                )
            except DomainError as error:
                details = "; ".join(
                    str(m) for ms in (error.fields or {}).values() for m in ms
                )
                self.message_user(
                    request, f"{wave}: {details or error.detail}", messages.ERROR
                )
            else:
                self.message_user(
                    request,
                    _("Draft wave %(year)s prepared.") % {"year": wave.year + 1},
                    messages.SUCCESS,
                )


def _next_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class OptionInline(_FrozenUnlessDraft, admin.TabularInline):
    model = Option
    extra = 0
    fields = ["code", "position", "label_fr", "label_en", "label_de", "label_nl"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """A question and its options; questions are added on their wave's page."""

    list_display = ["code", "wave", "kind", "required", "position"]
    list_filter = ["kind", "wave__survey", "wave__year"]
    search_fields = ["code", "label_fr"]
    inlines = [OptionInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        draft = obj is None or obj.wave.status == Wave.Status.DRAFT
        return draft and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        draft = obj is None or obj.wave.status == Wave.Status.DRAFT
        return draft and super().has_delete_permission(request, obj)


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["question", "option", "number", "text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["id", "wave", "company", "province", "size_class", "submitted_at"]
    list_filter = ["wave", "province", "size_class"]
    readonly_fields = [
        "wave",
        "company",
        "submitted_by",
        "province",
        "size_class",
        "nace_section",
        "language",
        "submitted_at",
    ]
    inlines = [AnswerInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
