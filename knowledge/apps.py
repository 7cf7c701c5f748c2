"""Case studies, video capsules, resources, adoption surveys, the NWOW Forum and the
club of liberated companies.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge")

    def ready(self) -> None:
        from core.audit import register_action_labels
        from core.roles import Role, grant_role_permissions

        from .demo import register as register_demo
        from .services import ACTION_LABELS
        from .views import register_knowledge_ui

        register_action_labels(ACTION_LABELS)
        register_knowledge_ui()
        register_demo()
        # Editors publish through the admin: they see and edit every item.
        grant_role_permissions(
            Role.EDITOR,
            [
                f"knowledge.{verb}_{model}"
                for verb in ("view", "add", "change")
                for model in ("casestudy", "capsule", "resource", "keyfigure", "quote")
            ]
            + [f"knowledge.delete_{model}" for model in ("keyfigure", "quote")],
        )
        grant_role_permissions(Role.ADMIN, ["knowledge.*"])
