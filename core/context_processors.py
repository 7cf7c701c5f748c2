"""Navigation shown in the base template, by role."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .forms import LanguageForm
from .roles import AGENCY_ROLES, Role


def navigation(request):
    user = getattr(request, "user", None)
    items = [(_("Home"), reverse("core:home"))]
    if user is not None and user.is_authenticated:
        items.append((_("Dashboard"), reverse("core:dashboard")))
        if user.has_role(Role.CONSULTANT, *AGENCY_ROLES):
            items.append(
                (_("Accreditation"), reverse("accreditation:application-list"))
            )
        items.append((_("API documentation"), reverse("api-docs")))
        if user.is_staff:
            items.append((_("Administration"), reverse("admin:index")))
    current = request.path
    return {
        "nav_items": [
            {
                "label": label,
                "url": url,
                "active": current == url or (url != "/" and current.startswith(url)),
            }
            for label, url in items
        ],
        "language_form": LanguageForm(),
    }
