"""The main navigation, filled by each app from its AppConfig.ready().

Core knows no domain app: each app declares its own entries and for whom.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    order: int
    label: str
    url_name: str
    # None: everyone; () : any signed-in user; else signed-in users with a role.
    roles: tuple[str, ...] | None = None

    def visible_to(self, user) -> bool:
        if self.roles is None:
            return True
        if user is None or not user.is_authenticated:
            return False
        return not self.roles or user.has_role(*self.roles)


_ITEMS: dict[str, NavItem] = {}


def register_nav_item(
    *, order: int, label, url_name: str, roles: Iterable[str] | None = None
) -> None:
    _ITEMS[url_name] = NavItem(
        order, label, url_name, None if roles is None else tuple(roles)
    )


def nav_items_for(user) -> list[tuple[str, str]]:
    items = sorted(_ITEMS.values(), key=lambda item: item.order)
    return [
        (item.label, reverse(item.url_name)) for item in items if item.visible_to(user)
    ]
