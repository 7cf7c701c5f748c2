"""Navigation shown in the base template, by role."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .forms import LanguageForm


def navigation(request):
    user = getattr(request, "user", None)
    items = [(_("Home"), reverse("core:home"))]
    if user is not None and user.is_authenticated:
        items.append((_("Dashboard"), reverse("core:dashboard")))
        items.append((_("API documentation"), reverse("api-docs")))
        if user.is_staff:
            items.append((_("Administration"), reverse("admin:index")))
    current = request.path
    return {
        "nav_items": [
            {"label": label, "url": url, "active": current == url}
            for label, url in items
        ],
        "language_form": LanguageForm(),
    }
