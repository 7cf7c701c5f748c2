"""Forms of the Forum and club pages; the services do the real checks."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.models import Need
from core.reference.geography import Province

from .models import Event


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    need = forms.ModelChoiceField(
        label=_("Need"),
        queryset=Need.objects.filter(is_active=True),
        to_field_name="code",
        required=False,
        empty_label=_("All needs"),
    )
    province = forms.ChoiceField(
        label=_("Province"),
        choices=[("", _("All provinces")), *Province.choices],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds")), *Event.Kind.choices],
        required=False,
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data["q"],
            "need": data["need"].code if data["need"] else "",
            "province": data["province"],
            "kind": data["kind"],
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )


class ClubApplyForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Company"), queryset=None)
    motivation = forms.CharField(
        label=_("Why does your company want to join?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    changes = forms.CharField(
        label=_("What has your company already changed?"),
        help_text=_("Shown to the other members in the directory."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies


class TestimonialForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Company"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=200)
    situation = forms.CharField(
        label=_("The situation before"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )
    actions = forms.CharField(
        label=_("What you did"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )
    results = forms.CharField(
        label=_("The results, with figures if you have them"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )
    quote = forms.CharField(
        label=_("A quote (optional)"), max_length=500, required=False
    )

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal on the form, field by field when it names them."""
    for name, messages in (error.fields or {}).items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)
    if not error.fields:
        form.add_error(None, str(error.detail))
