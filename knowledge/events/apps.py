from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "knowledge.events"
    label = "events"
    verbose_name = _("NWOW Forum and club")
