"""The NWOW Forum (events, sessions, registrations with a waiting list) and the
club of liberated companies.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "knowledge.events"
    label = "events"
    verbose_name = _("NWOW Forum and club")

    def ready(self) -> None:
        from core.audit import register_action_labels
        from core.roles import Role, grant_role_permissions

        from .demo import register as register_demo
        from .services import ACTION_LABELS
        from .views import register_events_ui

        # Admin-site permissions; the services check the roles themselves.
        grant_role_permissions(Role.EDITOR, ["events.*"])
        grant_role_permissions(Role.ADMIN, ["events.*"])
        register_action_labels(ACTION_LABELS)
        register_events_ui()
        register_demo()
