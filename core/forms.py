"""Forms of the shared pages."""

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .audit import audit_record
from .roles import Role


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form: name and self-service role."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.ChoiceField(
        label=_("I am"),
        choices=[
            (Role.CONSULTANT.value, _("a consultant who wants to be accredited")),
            (Role.PME.value, _("a company (PME) looking for an expert")),
        ],
        widget=forms.RadioSelect,
    )
    field_order = ["first_name", "last_name", "email", "role", "password1"]

    def signup(self, request, user) -> None:
        # Called by allauth inside the sign-up request, after the user is saved.
        role = self.cleaned_data["role"]
        with transaction.atomic():
            user.groups.add(Group.objects.get(name=role))
            audit_record(
                action="core.user.registered",
                actor=user,
                obj=user,
                data={"role": role, "channel": "web"},
                request=request,
            )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
