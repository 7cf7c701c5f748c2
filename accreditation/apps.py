"""Accreditation applications, accreditations per domain, renewals and the public
verification of an accreditation.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "accreditation"
    verbose_name = _("Accreditation")
