"""Panels of the role dashboard, contributed by each app.

Core knows no domain app: an app registers a panel with the template that
renders it and a function that returns its context for a request, or None
when the panel has nothing to show to that user.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    order: int
    template_name: str
    context: Callable[[HttpRequest], dict | None]


_PANELS: dict[str, Panel] = {}


def register_dashboard_panel(
    *,
    order: int,
    template_name: str,
    context: Callable[[HttpRequest], dict | None],
) -> None:
    _PANELS[template_name] = Panel(order, template_name, context)


def panels_for(request: HttpRequest) -> list[tuple[str, dict]]:
    """(template, context) of every panel that has something for this user."""
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda panel: panel.order):
        context = panel.context(request)
        if context is not None:
            shown.append((panel.template_name, context))
    return shown
