"""Forms of the training pages; the services do the real checks."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.models import Need
from core.uploads import check_upload

from .models import Attendance, CpdActivity, Module
from .selectors import module_result_enrolments


class DomainChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Need) -> str:
        return f"{obj.code} · {obj.label()}"


class DomainFilterForm(forms.Form):
    domain = DomainChoiceField(
        label=_("Domain"),
        queryset=Need.objects.filter(
            is_active=True, programmes__is_published=True
        ).distinct(),
        to_field_name="code",
        required=False,
        empty_label=_("All domains"),
    )


class AttendanceRowForm(forms.Form):
    """One consultant's line of a session's attendance sheet."""

    status = forms.ChoiceField(
        label=_("Attendance"),
        choices=[("", _("Not recorded")), *Attendance.Status.choices],
        required=False,
    )
    minutes = forms.IntegerField(
        label=_("Minutes present"), min_value=0, required=False
    )


class AttemptForm(forms.Form):
    assessment = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    enrolment = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    score = forms.DecimalField(
        label=_("Score"), min_value=Decimal(0), max_digits=6, decimal_places=2
    )

    def __init__(self, *args, module: Module, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this module's assessments and its programme's enrolments: an id
        # from elsewhere is a bad request, not something to look up.
        self.fields["assessment"].queryset = module.assessments.all()
        self.fields["enrolment"].queryset = module_result_enrolments(module=module)


class CpdDeclareForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), choices=CpdActivity.Category.choices
    )
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=Decimal("0.1"),
        max_digits=5,
        decimal_places=1,
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.FileField(
        label=_("Evidence"),
        required=False,
        help_text=_("PDF, PNG or JPEG: an attendance certificate, a programme…"),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/png,image/jpeg"}
        ),
    )

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return None
        try:
            # Typed by its bytes: a name or a declared content type proves
            # nothing, and polyglots and scripted PDFs are refused.
            checked = check_upload(upload)
        except DomainError as error:
            raise forms.ValidationError(str(error.detail)) from None
        upload.name = f"evidence{checked.extension}"
        return upload

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RequiredReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2})
    )
