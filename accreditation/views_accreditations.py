"""Pages of accreditations: the holder's list, renewal and certificate; the
agency's list with its actions."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_fsm import can_proceed

from core.audit import audit_history
from core.errors import DomainError
from core.roles import Role

from .certificate import render_certificate
from .models import Accreditation
from .selectors.accreditations import accreditation_list, is_agency
from .services import accreditations as lifecycle


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2})
    )


class RenewalForm(forms.Form):
    renewal_proof = forms.CharField(
        label=_("Proof of activity"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "Needed when no mission in this domain was completed on the "
            "platform during the cycle."
        ),
    )
    remediation_plan = forms.CharField(
        label=_("Remediation plan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "Needed when the mean rating of your missions is below the "
            "minimum, or when there is none yet."
        ),
    )


@dataclass(frozen=True)
class PageAction:
    name: str
    method: str
    label: str
    who: str  # "holder", or a Role value
    form: type[forms.Form]
    service: object
    style: str = "primary"


ACTIONS = [
    PageAction(
        "submit-renewal",
        "submit_renewal",
        _("Ask for renewal"),
        "holder",
        RenewalForm,
        lifecycle.accreditation_submit_renewal,
    ),
    PageAction(
        "renew",
        "renew",
        _("Renew for a new period"),
        Role.DECIDER,
        OptionalReasonForm,
        lifecycle.accreditation_renew,
        "success",
    ),
    PageAction(
        "suspend",
        "suspend",
        _("Suspend"),
        Role.REVIEWER,
        ReasonForm,
        lifecycle.accreditation_suspend,
        "warning",
    ),
    PageAction(
        "reinstate",
        "reinstate",
        _("Reinstate"),
        Role.DECIDER,
        OptionalReasonForm,
        lifecycle.accreditation_reinstate,
        "success",
    ),
    PageAction(
        "revoke",
        "revoke",
        _("Revoke"),
        Role.DECIDER,
        ReasonForm,
        lifecycle.accreditation_revoke,
        "danger",
    ),
    PageAction(
        "relinquish",
        "relinquish",
        _("Give up this accreditation"),
        "holder",
        OptionalReasonForm,
        lifecycle.accreditation_relinquish,
        "outline-danger",
    ),
]
ACTIONS_BY_NAME = {action.name: action for action in ACTIONS}


def _may(user, accreditation: Accreditation, action: PageAction) -> bool:
    if action.who == "holder":
        return accreditation.consultant_id == user.pk
    if action.name == "revoke" and accreditation.suspended_by_id == user.pk:
        return False  # four eyes: the reviewer who suspended does not revoke
    return user.has_role(action.who)


def _get(request, pk: int) -> Accreditation:
    return get_object_or_404(accreditation_list(user=request.user), pk=pk)


@login_required
def accreditation_index(request):
    agency = is_agency(request.user)
    accreditations = accreditation_list(user=request.user).order_by("valid_until", "id")
    status = request.GET.get("status")
    if status in Accreditation.Status.values:
        accreditations = accreditations.filter(status=status)
    if not agency and not request.user.has_role(Role.CONSULTANT):
        raise Http404
    return render(
        request,
        "accreditation/accreditation_list.html",
        {
            "accreditations": accreditations,
            "is_agency": agency,
            "status_choices": Accreditation.Status.choices,
            "current_status": status,
        },
    )


@login_required
def accreditation_detail(request, pk: int):
    accreditation = _get(request, pk)
    actions = [
        {"action": action, "form": action.form(prefix=action.name)}
        for action in ACTIONS
        if can_proceed(getattr(accreditation, action.method))
        and _may(request.user, accreditation, action)
    ]
    missing = []
    if accreditation.status == Accreditation.Status.RENEWAL_OPEN:
        missing = lifecycle.renewal_missing_requirements(accreditation=accreditation)
    return render(
        request,
        "accreditation/accreditation_detail.html",
        {
            "accreditation": accreditation,
            "actions": actions,
            "renewal_missing": missing,
            "history": audit_history(accreditation),
            "is_holder": accreditation.consultant_id == request.user.pk,
        },
    )


@login_required
@require_POST
def accreditation_transition(request, pk: int, name: str):
    accreditation = _get(request, pk)
    action = ACTIONS_BY_NAME.get(name)
    if action is None:
        raise Http404
    form = action.form(request.POST, prefix=action.name)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("accreditation:accreditation-detail", pk=pk)
    try:
        action.service(
            accreditation=accreditation, actor=request.user, **form.cleaned_data
        )
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": action.label})
    return redirect("accreditation:accreditation-detail", pk=pk)


@login_required
def accreditation_certificate(request, pk: int):
    accreditation = _get(request, pk)
    response = HttpResponse(
        render_certificate(accreditation), content_type="application/pdf"
    )
    filename = f"certificate-{accreditation.verification_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
