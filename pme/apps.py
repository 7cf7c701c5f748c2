"""Companies (PME), their members, and the NWOW/HR maturity scan."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PMEConfig(AppConfig):
    name = "pme"
    verbose_name = _("PME")
