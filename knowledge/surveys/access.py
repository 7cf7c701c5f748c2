"""Who may do what in the barometer, shared by services, selectors and pages."""

from core.models import User
from core.roles import Role


def is_editor(user: User | None) -> bool:
    """The agency's editors (and administrators) run surveys and their waves."""
    return bool(
        user and user.is_authenticated and user.has_role(Role.EDITOR, Role.ADMIN)
    )
