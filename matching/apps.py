"""Expert requests of PMEs, the explainable ranking of approved experts, batch
assignment and missions.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from .views import register_matching_ui

        register_matching_ui()
