"""Pages of companies: registration (step 1 of the wizard), the company page
with its members and invitations, and the acceptance of an invitation.

Views stay thin: a form, one service, a redirect with a message. Another
company's pages answer 404, as if it did not exist.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.roles import Role

from ..models import Company
from ..selectors.companies import (
    company_get_for,
    company_list_for,
    invitation_pending_list,
    is_company_admin,
    member_list,
)
from ..services import companies as services


class CompanyForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200)
    enterprise_number = forms.CharField(
        label=_("Enterprise number"),
        max_length=20,
        help_text=_(
            "As registered at the Crossroads Bank for Enterprises, e.g. 0403.019.261."
        ),
    )
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=10,
        help_text=_("Of your site in Wallonia; it gives the province."),
    )
    nace_code = forms.CharField(
        label=_("Main activity (NACE-BEL 2025 code)"),
        max_length=12,
        help_text=_("Such as 62.100; you find it in your CBE record."),
    )
    employees = forms.IntegerField(
        label=_("Staff headcount"), min_value=0, max_value=100_000
    )
    annual_turnover_eur = forms.IntegerField(
        label=_("Annual turnover (EUR)"), min_value=0, required=False
    )
    balance_sheet_eur = forms.IntegerField(
        label=_("Balance sheet total (EUR)"), min_value=0, required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the company"),
        choices=[("", _("Default for the postal code")), *settings.LANGUAGES],
        required=False,
        help_text=_("German in the German-speaking municipalities, else French."),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of your colleague"))


def _add_field_errors(form: forms.Form, error: DomainError) -> None:
    for name, errors in (error.fields or {}).items():
        for message in errors:
            form.add_error(name if name in form.fields else None, message)
    if not error.fields:
        form.add_error(None, str(error.detail))


def _company_initial(company: Company) -> dict:
    initial = {name: getattr(company, name) for name in services.EDITABLE_FIELDS}
    initial["annual_turnover_eur"] = company.annual_turnover_eur and int(
        company.annual_turnover_eur
    )
    initial["balance_sheet_eur"] = company.balance_sheet_eur and int(
        company.balance_sheet_eur
    )
    return initial


@login_required
def company_index(request):
    context = {
        "companies": company_list_for(request.user),
        "can_register": request.user.has_role(Role.PME),
    }
    return render(request, "pme/company_list.html", context)


@login_required
def company_new(request):
    if not request.user.has_role(Role.PME):
        raise PermissionDenied
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            company = services.company_register(user=request.user, **form.cleaned_data)
        except DomainError as error:
            _add_field_errors(form, error)
        else:
            messages.success(
                request,
                _("Your company is registered. Next step: the maturity scan."),
            )
            return redirect(reverse("pme:scan-new", args=[company.pk]))
    return render(request, "pme/company_form.html", {"form": form, "company": None})


@login_required
def company_detail(request, pk: int):
    company = company_get_for(request.user, pk)
    is_admin = is_company_admin(request.user, company)
    context = {
        "company": company,
        "is_admin": is_admin,
        "members": member_list(company),
        "invitations": invitation_pending_list(company) if is_admin else [],
        "invitation_form": InvitationForm() if is_admin else None,
    }
    return render(request, "pme/company_detail.html", context)


@login_required
def company_edit(request, pk: int):
    company = company_get_for(request.user, pk)
    if not is_company_admin(request.user, company):
        raise PermissionDenied
    form = CompanyForm(request.POST or None, initial=_company_initial(company))
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.company_update(company=company, actor=request.user, **changes)
        except DomainError as error:
            _add_field_errors(form, error)
        else:
            messages.success(request, _("The company's details are saved."))
            return redirect("pme:company-detail", pk=company.pk)
    return render(request, "pme/company_form.html", {"form": form, "company": company})


@login_required
@require_POST
def company_invite(request, pk: int):
    company = company_get_for(request.user, pk)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
        return redirect("pme:company-detail", pk=pk)
    try:
        invitation = services.invitation_send(
            company=company, actor=request.user, email=form.cleaned_data["email"]
        )
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request,
            _("An invitation was sent to %(email)s.") % {"email": invitation.email},
        )
    return redirect("pme:company-detail", pk=pk)


@login_required
@require_POST
def member_remove(request, pk: int, user_id: int):
    company = company_get_for(request.user, pk)
    try:
        services.member_remove(company=company, actor=request.user, user=user_id)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, _("The member was removed from the company."))
    return redirect("pme:company-detail", pk=pk)


@login_required
def invitation_accept(request, token: str):
    try:
        invitation = services.invitation_from_token(token)
    except DomainError as error:
        return render(
            request, "pme/company_invitation.html", {"error": error}, status=400
        )

    if request.method == "POST":
        try:
            membership = services.invitation_accept(user=request.user, token=token)
        except DomainError as error:
            messages.error(request, error.detail)
        else:
            messages.success(
                request,
                _("Welcome to %(company)s.") % {"company": invitation.company.name},
            )
            return redirect("pme:company-detail", pk=membership.company_id)

    email_matches = invitation.email.casefold() == request.user.email.casefold()
    context = {"invitation": invitation, "email_matches": email_matches}
    return render(request, "pme/company_invitation.html", context)


# -- navigation and dashboard -------------------------------------------------


def _companies_panel(request) -> dict | None:
    # Company accounts only: the agency's roles would see every company here.
    user = request.user
    if not user.is_authenticated or not user.has_role(Role.PME):
        return None
    return {"companies": list(company_list_for(user)), "can_register": True}


def register_company_ui() -> None:
    """Navigation item, dashboard panel and audit labels of the company pages."""
    from core.dashboard import register_dashboard_panel
    from core.navigation import register_nav_item

    register_nav_item(
        order=25,
        label=_("My company"),
        url_name="pme:company-list",
        roles=[Role.PME],
    )
    register_dashboard_panel(
        order=20,
        template_name="pme/panels/companies.html",
        context=_companies_panel,
    )
    services.register_company_action_labels()
