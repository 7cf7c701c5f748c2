"""Training programmes for consultants: modules, sessions, attendance, assessments,
certification and continuing training.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")
