"""Companies (PME), their members, and the NWOW/HR maturity scan."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PMEConfig(AppConfig):
    name = "pme"
    verbose_name = _("PME")

    def ready(self) -> None:
        from .demo import register as register_demo
        from .views.companies import register_company_ui
        from .views.scans import register_scan_ui

        register_company_ui()
        register_scan_ui()
        register_demo()
