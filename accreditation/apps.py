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

        register_application_action_labels()
        register_lifecycle_action_labels()
        register_demo()
        # Training announces certifications without knowing about us.
        certification_issued.connect(
            on_certification_issued, dispatch_uid="accreditation-training-done"
        )
