"""Expert requests of PMEs, the explainable ranking of approved experts, batch
assignment and missions.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from . import admin_ranking  # noqa: F401 - registers the profile admin
        from .demo import register as register_demo
        from .learning import register_learned_ranker
        from .ranking import connect_snapshot_invalidation
        from .views import register_matching_ui
        from .views_assignments import register_assignment_ui
        from .views_engagements import register_engagement_ui

        register_matching_ui()
        register_engagement_ui()
        register_assignment_ui()
        connect_snapshot_invalidation()
        register_demo()
        # Uses the learned model only when train_ranker saved one that beat
        # the hand-tuned score on held-out companies.
        register_learned_ranker()
