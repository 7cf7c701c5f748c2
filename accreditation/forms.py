"""Forms of the accreditation pages; the services do the real checks."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Need
from core.reference.geography import Province

from .models import ApplicationDocument

LANGUAGE_CHOICES = [
    ("fr", _("French")),
    ("de", _("German")),
    ("nl", _("Dutch")),
    ("en", _("English")),
]


class NeedChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Need) -> str:
        return f"{obj.code} · {obj.label()}"


class ApplicationForm(forms.Form):
    domains = NeedChoiceField(
        label=_("Domains you apply for"),
        queryset=Need.objects.filter(is_active=True),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    enterprise_number = forms.CharField(
        label=_("Enterprise number of your company"),
        max_length=20,
        required=False,
        help_text=_(
            "As registered at the Crossroads Bank for Enterprises, e.g. 0403.019.261."
        ),
    )
    motivation = forms.CharField(
        label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    years_experience = forms.IntegerField(
        label=_("Years of experience"), min_value=0, max_value=60, initial=0
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    provinces = forms.MultipleChoiceField(
        label=_("Provinces you serve"),
        choices=Province.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    remote = forms.BooleanField(label=_("I also work remotely"), required=False)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["domains"] = [need.code for need in data["domains"]]
        return data


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ApplicationDocument.Kind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG or JPEG."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/png,image/jpeg"}
        ),
    )


class ReferenceForm(forms.Form):
    client_name = forms.CharField(label=_("Client company"), max_length=200)
    client_contact = forms.CharField(
        label=_("Contact person"), max_length=200, required=False
    )
    client_email = forms.EmailField(label=_("Contact e-mail"))
    client_phone = forms.CharField(
        label=_("Contact phone"), max_length=32, required=False
    )
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    domain = forms.ModelChoiceField(
        label=_("Domain"),
        queryset=Need.objects.filter(is_active=True),
        to_field_name="code",
    )
    description = forms.CharField(
        label=_("What you did"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["domain"] = data["domain"].code
        return data
