"""The NWOW adoption barometer: yearly survey waves and their anonymised results."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "knowledge.surveys"
    label = "surveys"
    verbose_name = _("Adoption barometer")

    def ready(self) -> None:
        from core.roles import Role, grant_role_permissions

        from .demo import register as register_demo
        from .services import register_survey_action_labels
        from .views import register_survey_ui

        # Editors run the barometer; administrators may too.
        grant_role_permissions(Role.EDITOR, ["surveys.*"])
        grant_role_permissions(Role.ADMIN, ["surveys.*"])
        register_survey_action_labels()
        register_survey_ui()
        register_demo()
