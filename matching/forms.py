"""The expert request form; ``request_create`` does the real checks."""

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from core.models import Need
from core.selectors import need_list

from . import pme_adapter

LANGUAGE_CHOICES = [
    ("fr", _("French")),
    ("de", _("German")),
    ("nl", _("Dutch")),
    ("en", _("English")),
]


class NeedChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Need) -> str:
        return f"{obj.code} · {obj.label()}"


class PrimaryNeedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Need) -> str:
        return f"{obj.code} · {obj.label()}"


def parse_need_codes(raw: str | None) -> list[str]:
    """``"TEL,HRP"`` from the query string → ``["TEL", "HRP"]``."""
    return [code.strip().upper() for code in (raw or "").split(",") if code.strip()]


class ExpertRequestForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Company"), queryset=None)
    needs = NeedChoiceField(
        label=_("Your needs"),
        queryset=None,
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The needs your maturity scan suggests come first."),
    )
    primary_need = PrimaryNeedChoiceField(
        label=_("Main need"),
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label=_("The first need chosen"),
        help_text=_("The need the expert must at least be approved for."),
    )
    description = forms.CharField(
        label=_("Your situation"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you want to change, for whom, and what you expect."),
    )
    language = forms.ChoiceField(
        label=_("Language of the mission"), choices=LANGUAGE_CHOICES
    )
    budget_days = forms.IntegerField(
        label=_("Budget in days"), min_value=1, max_value=200, required=False
    )
    start_from = forms.DateField(
        label=_("Start at the earliest"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    start_until = forms.DateField(
        label=_("Start at the latest"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args, user, suggested: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = pme_adapter.companies_of(user)
        needs = need_list()
        if suggested:
            # The scan's suggestions first, then the rest of the taxonomy.
            needs = needs.annotate(
                suggested_first=Case(
                    When(code__in=suggested, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            ).order_by("suggested_first", "position", "code")
        self.fields["needs"].queryset = needs
        self.fields["primary_need"].queryset = need_list()

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["needs"] = [need.code for need in data["needs"]]
        primary = data.pop("primary_need")
        data["primary_need"] = primary.code if primary else None
        return data
