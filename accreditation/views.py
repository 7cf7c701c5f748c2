"""Pages of the application workflow: the consultant's file, the agency's queue.

Views stay thin: they validate a form, call one service and redirect with a
message; a refused transition comes back as a translated error message.
"""

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_fsm import can_proceed

from core.audit import audit_history
from core.errors import DomainError
from core.roles import AGENCY_ROLES, Role
from core.selectors import need_list
from training.models import Programme

from .forms import ApplicationForm, DocumentForm, ReferenceForm
from .models import Application
from .selectors.applications import (
    application_checklist,
    application_list,
    application_queue,
)
from .services import applications as workflow
from .services import files


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class RequiredReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2})
    )


class RequestChangesForm(RequiredReasonForm):
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("Leave empty for the default period."),
    )


class RequireTrainingForm(ReasonForm):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.filter(is_published=True)
    )


class ScheduleInterviewForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(
            format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}
        ),
    )


class RecordInterviewForm(forms.Form):
    score = forms.IntegerField(label=_("Score out of 100"), min_value=0, max_value=100)
    minutes = forms.CharField(
        label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RecommendForm(RequiredReasonForm):
    decision = forms.ChoiceField(
        label=_("Recommendation"), choices=Application.Recommendation.choices
    )
    field_order = ["decision", "reason"]


class DecideAppealForm(RequiredReasonForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("uphold", _("Uphold: back to review")), ("reject", _("Reject"))],
    )
    field_order = ["decision", "reason"]


@dataclass(frozen=True)
class PageAction:
    name: str
    method: str
    label: str
    who: str  # "owner", or a Role value
    form: type[forms.Form] | None = None
    style: str = "primary"
    service: object = field(default=None, compare=False)


ACTIONS = [
    PageAction(
        "submit",
        "submit",
        _("Send my file"),
        "owner",
        service=workflow.application_submit,
    ),
    PageAction(
        "resubmit",
        "resubmit",
        _("Send my completed file"),
        "owner",
        service=workflow.application_resubmit,
    ),
    PageAction(
        "accept",
        "accept",
        _("Accept: the file is complete"),
        Role.REVIEWER,
        service=workflow.application_accept,
    ),
    PageAction(
        "request-changes",
        "request_changes",
        _("Ask for changes"),
        Role.REVIEWER,
        RequestChangesForm,
        "warning",
        workflow.application_request_changes,
    ),
    PageAction(
        "require-training",
        "require_training",
        _("Prescribe a training"),
        Role.REVIEWER,
        RequireTrainingForm,
        "secondary",
        workflow.application_require_training,
    ),
    PageAction(
        "schedule-interview",
        "schedule_interview",
        _("Plan an interview"),
        Role.REVIEWER,
        ScheduleInterviewForm,
        "secondary",
        workflow.application_schedule_interview,
    ),
    PageAction(
        "record-interview",
        "record_interview",
        _("Record the interview"),
        Role.REVIEWER,
        RecordInterviewForm,
        "primary",
        workflow.application_record_interview,
    ),
    PageAction(
        "recommend",
        "recommend",
        _("Recommend"),
        Role.REVIEWER,
        RecommendForm,
        "primary",
        workflow.application_recommend,
    ),
    PageAction(
        "approve",
        "approve",
        _("Approve"),
        Role.DECIDER,
        ReasonForm,
        "success",
        workflow.application_approve,
    ),
    PageAction(
        "reject",
        "reject",
        _("Reject"),
        Role.DECIDER,
        RequiredReasonForm,
        "danger",
        workflow.application_reject,
    ),
    PageAction(
        "decide-appeal",
        "reopen_on_appeal",
        _("Decide the appeal"),
        Role.DECIDER,
        DecideAppealForm,
        "primary",
        workflow.application_decide_appeal,
    ),
    PageAction(
        "appeal",
        "appeal",
        _("Appeal the decision"),
        "owner",
        RequiredReasonForm,
        "warning",
        workflow.application_appeal,
    ),
    PageAction(
        "withdraw",
        "withdraw",
        _("Withdraw my application"),
        "owner",
        ReasonForm,
        "outline-danger",
        workflow.application_withdraw,
    ),
]
ACTIONS_BY_NAME = {action.name: action for action in ACTIONS}


def _may(user, application: Application, action: PageAction) -> bool:
    if action.who == "owner":
        return application.consultant_id == user.pk
    if (
        action.name in {"approve", "reject"}
        and application.recommended_by_id == user.pk
    ):
        return False  # four eyes: do not even offer it
    return user.has_role(action.who)


def _available_actions(user, application: Application) -> list[dict]:
    return [
        {
            "action": action,
            "form": action.form(prefix=action.name) if action.form else None,
        }
        for action in ACTIONS
        if can_proceed(getattr(application, action.method))
        and _may(user, application, action)
    ]


def _get_application(request, pk: int) -> Application:
    return get_object_or_404(application_list(user=request.user), pk=pk)


@login_required
def application_index(request):
    user = request.user
    context = {"is_agency": user.has_role(*AGENCY_ROLES)}
    if context["is_agency"]:
        status = request.GET.get("status") or None
        if status not in Application.Status.values:
            status = None
        queue = application_queue(status=status)
        domain = request.GET.get("domain") or None
        if domain:
            queue = queue.filter(domains__code=domain).distinct()
        context["applications"] = queue
        context["status_choices"] = Application.Status.choices
        context["current_status"] = status
        context["needs"] = need_list()
        context["current_domain"] = domain
    else:
        context["applications"] = application_list(user=user).filter(consultant=user)
    context["can_apply"] = user.has_role(Role.CONSULTANT)
    return render(request, "accreditation/application_list.html", context)


@login_required
def application_new(request):
    if not request.user.has_role(Role.CONSULTANT):
        raise Http404
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = files.application_create(
                consultant=request.user, **form.service_kwargs()
            )
        except DomainError as error:
            _add_field_errors(form, error)
        else:
            messages.success(request, _("Your draft is saved. Add your documents."))
            return redirect("accreditation:application-detail", pk=application.pk)
    return render(request, "accreditation/application_form.html", {"form": form})


def _add_field_errors(form: forms.Form, error: DomainError) -> None:
    for name, errors in (error.fields or {}).items():
        for message in errors:
            form.add_error(name if name in form.fields else None, message)
    if not error.fields:
        form.add_error(None, str(error.detail))


@login_required
def application_detail(request, pk: int):
    application = _get_application(request, pk)
    is_owner = application.consultant_id == request.user.pk
    editable = is_owner and application.status in ("draft", "incomplete")
    context = {
        "application": application,
        "is_owner": is_owner,
        "editable": editable,
        "checklist": application_checklist(application),
        "history": audit_history(application),
        "actions": _available_actions(request.user, application),
        "documents": application.documents.all(),
        "references": application.references.select_related("domain"),
        "document_form": DocumentForm() if editable else None,
        "reference_form": ReferenceForm() if editable else None,
    }
    return render(request, "accreditation/application_detail.html", context)


@login_required
@require_POST
def application_transition(request, pk: int, name: str):
    application = _get_application(request, pk)
    action = ACTIONS_BY_NAME.get(name)
    if action is None:
        raise Http404
    data = {}
    if action.form is not None:
        form = action.form(request.POST, prefix=action.name)
        if not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return redirect("accreditation:application-detail", pk=pk)
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    try:
        action.service(application=application, actor=request.user, **data)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": action.label})
    return redirect("accreditation:application-detail", pk=pk)


@login_required
@require_POST
def application_add_document(request, pk: int):
    application = _get_application(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            files.application_add_document(
                application=application,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except DomainError as error:
            messages.error(request, error.detail)
        else:
            messages.success(request, _("Document added."))
    else:
        messages.error(request, _("Choose a kind and a file."))
    return redirect("accreditation:application-detail", pk=pk)


@login_required
@require_POST
def application_add_reference(request, pk: int):
    application = _get_application(request, pk)
    form = ReferenceForm(request.POST)
    if form.is_valid():
        try:
            files.application_add_reference(
                application=application, actor=request.user, **form.service_kwargs()
            )
        except DomainError as error:
            messages.error(request, error.detail)
        else:
            messages.success(request, _("Reference mission added."))
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}")
    return redirect(
        reverse("accreditation:application-detail", args=[pk]) + "#references"
    )


@login_required
def application_document(request, pk: int, document_id: int):
    application = _get_application(request, pk)
    document = get_object_or_404(application.documents, pk=document_id)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "no-store"
    return response
