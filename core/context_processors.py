"""Navigation shown in the base template, by role."""

from .forms import LanguageForm
from .navigation import nav_items_for


def navigation(request):
    user = getattr(request, "user", None)
    current = request.path
    return {
        "nav_items": [
            {
                "label": label,
                "url": url,
                "active": current == url or (url != "/" and current.startswith(url)),
            }
            for label, url in nav_items_for(user)
        ],
        "language_form": LanguageForm(),
    }
