"""Pages of expert requests: ask for an expert, my requests, one request.

Views stay thin: they validate a form, call one service and redirect with a
message. ``register_matching_ui`` adds the navigation entry and the
dashboard panel (called from the app's ``ready``).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.dashboard import register_dashboard_panel
from core.errors import DomainError, NotFound
from core.navigation import register_nav_item
from core.roles import AGENCY_ROLES, Role
from knowledge.selectors.recommendations import recommendations_for_request

from . import pme_adapter
from .forms import ExpertRequestForm, parse_need_codes
from .models import ExpertRequest
from .selectors import request_get_for, request_list_for, request_open_list_for_member
from .services import (
    ScanRequired,
    recent_scan,
    register_request_action_labels,
    request_create,
    request_withdraw,
    scan_max_age_days,
)

PANEL_LIMIT = 5


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )


def _scan_url(company) -> str:
    return reverse("pme:scan-new", args=[company.pk])


def _add_field_errors(form: forms.Form, error: DomainError) -> None:
    for name, errors in (error.fields or {}).items():
        for message in errors:
            form.add_error(name if name in form.fields else None, message)
    if not error.fields:
        form.add_error(None, str(error.detail))


def _chosen_company(request):
    """The company of ``?company=`` (404 if not the user's), else the first one."""
    if not request.GET.get("company"):
        return pme_adapter.companies_of(request.user).first()
    try:
        return pme_adapter.company_for_member(request.user, request.GET["company"])
    except NotFound:
        raise Http404 from None


def _get_request(request, pk: int) -> ExpertRequest:
    try:
        return request_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


@login_required
def request_index(request):
    user = request.user
    requests = request_list_for(user=user)
    status = request.GET.get("status") or None
    if status in ExpertRequest.Status.values:
        requests = requests.filter(status=status)
    context = {
        "requests": requests,
        "is_agency": user.has_role(*AGENCY_ROLES),
        "can_ask": pme_adapter.companies_of(user).exists(),
        "status_choices": ExpertRequest.Status.choices,
        "current_status": status,
    }
    return render(request, "matching/request_list.html", context)


@login_required
def request_new(request):
    user = request.user
    company = _chosen_company(request)
    if company is None:
        return render(request, "matching/request_form.html", {"no_company": True})

    suggested = parse_need_codes(request.GET.get("needs"))
    form = ExpertRequestForm(
        request.POST or None,
        user=user,
        suggested=suggested,
        initial={"company": company, "needs": suggested, "language": company.language},
    )
    if request.method == "POST" and form.is_valid():
        company = form.cleaned_data["company"]
        try:
            expert_request = request_create(user=user, **form.service_kwargs())
        except ScanRequired:
            pass  # the prompt below replaces the form
        except DomainError as error:
            _add_field_errors(form, error)
        else:
            messages.success(request, _("Your request is sent to the agency."))
            return redirect("matching:request-detail", pk=expert_request.pk)

    # Without a recent scan the form cannot succeed: show the way to the scan.
    scan_missing = company if recent_scan(company) is None else None
    context = {
        "form": form,
        "company": company,
        "scan_missing": scan_missing,
        "scan_url": _scan_url(scan_missing) if scan_missing else None,
        "scan_months": scan_max_age_days() // 30,
    }
    return render(request, "matching/request_form.html", context)


@login_required
def request_detail(request, pk: int):
    expert_request = _get_request(request, pk)
    is_member = (
        pme_adapter.companies_of(request.user)
        .filter(pk=expert_request.company_id)
        .exists()
    )
    can_withdraw = is_member and expert_request.status == ExpertRequest.Status.OPEN
    context = {
        "expert_request": expert_request,
        "needs": expert_request.needs.all(),
        "withdraw_form": WithdrawForm() if can_withdraw else None,
        "recommendations": recommendations_for_request(
            expert_request=expert_request, language=request.user.language
        ),
    }
    return render(request, "matching/request_detail.html", context)


@login_required
@require_POST
def request_withdraw_view(request, pk: int):
    expert_request = _get_request(request, pk)
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        request_withdraw(
            user=request.user, expert_request=expert_request, reason=reason
        )
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, _("Your request is withdrawn."))
    return redirect("matching:request-detail", pk=pk)


def requests_panel(request) -> dict | None:
    """The company member's open requests, for the dashboard."""
    user = request.user
    if not user.is_authenticated or not user.has_role(Role.PME):
        return None
    return {
        "requests": request_open_list_for_member(user=user)[:PANEL_LIMIT],
        "can_ask": pme_adapter.companies_of(user).exists(),
    }


def register_matching_ui() -> None:
    register_request_action_labels()
    register_nav_item(
        order=26,
        label=_("Expert requests"),
        url_name="matching:request-list",
        roles=[Role.PME],
    )
    register_dashboard_panel(
        order=26,
        template_name="matching/panels/requests.html",
        context=requests_panel,
    )
