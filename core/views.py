"""Pages of the shared package: home, the role dashboard, the language switch."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import selectors, services
from .dashboard import panels_for
from .forms import LanguageForm
from .roles import AGENCY_ROLES, Role


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"needs": selectors.need_list()})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "panels": panels_for(request),
        "roles": user.roles,
        "recent_activity": selectors.audit_list_for_actor(user=user),
        "is_agency": user.has_role(*AGENCY_ROLES),
        "Role": Role,
    }
    if context["is_agency"]:
        context["users_by_role"] = [
            (Role(code).label, count)
            for code, count in selectors.user_counts_by_role().items()
        ]
        context["recent_audit"] = selectors.audit_list_recent()
    return render(request, "core/dashboard.html", context)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language, and remember it on the user's profile."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if not form.is_valid():
        return response

    language = form.cleaned_data["language"]
    translation.activate(language)
    if request.user.is_authenticated:
        services.user_update_profile(user=request.user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
