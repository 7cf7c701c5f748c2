"""Accreditation applications, accreditations per domain, renewals and the
public verification of an accreditation.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "accreditation"
    verbose_name = _("Accreditation")

    def ready(self) -> None:
        from training.signals import certification_issued

        from .demo import register as register_demo
        from .services.accreditations import register_lifecycle_action_labels
        from .services.applications import (
            on_certification_issued,
            register_application_action_labels,
        )

        self._register_navigation()
        register_application_action_labels()
        register_lifecycle_action_labels()
        register_demo()
        # Training announces certifications without knowing about us.
        certification_issued.connect(
            on_certification_issued, dispatch_uid="accreditation-training-done"
        )

    @staticmethod
    def _register_navigation() -> None:
        from core.navigation import register_nav_item
        from core.roles import AGENCY_ROLES, Role

        staff_and_consultants = [Role.CONSULTANT, *AGENCY_ROLES]
        register_nav_item(
            order=30,
            label=_("Applications"),
            url_name="accreditation:application-list",
            roles=staff_and_consultants,
        )
        register_nav_item(
            order=31,
            label=_("Accreditations"),
            url_name="accreditation:accreditation-list",
            roles=staff_and_consultants,
        )
        register_nav_item(
            order=60, label=_("Experts"), url_name="accreditation-public:experts"
        )
        register_nav_item(
            order=61,
            label=_("Verify"),
            url_name="accreditation-public:verify",
        )
