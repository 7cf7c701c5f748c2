"""Factories of the Forum and the club."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from knowledge.events.models import (
    ClubMembership,
    Event,
    EventSession,
    Registration,
    Speaker,
)
from tests.pme.factories import CompanyFactory


def in_days(days: float, hour: int = 9) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    """A published Forum in a month, open to registration now."""

    class Meta:
        model = Event

    kind = Event.Kind.FORUM
    title = factory.Sequence(lambda n: f"Forum NWOW Wallonie {2030 + n}")
    description = "La journée des PME wallonnes qui passent au télétravail."
    starts_at = factory.LazyFunction(lambda: in_days(30, 9))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=8))
    venue_name = "Palais des Congrès de Namur"
    address = "Place d'Armes 1"
    municipality = "Namur"
    province = "BE-WNA"
    capacity = 3
    cpd_hours = Decimal("6.0")
    status = Event.Status.PUBLISHED
    registration_opens_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=1)
    )


class EventSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSession

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Atelier {n}")
    abstract = "Un atelier pratique."
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    room = "Salle Meuse"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    session = factory.SubFactory(EventSessionFactory)
    name = "Hélène Verhaegen"
    organisation = "Cabinet fictif"
    bio = "Avocate en droit social."


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory("tests.factories.UserFactory")
    status = Registration.Status.REGISTERED
    queue_number = factory.Sequence(lambda n: n + 1)


class ClubMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClubMembership

    company = factory.SubFactory(CompanyFactory)
    motivation = "Nous voulons apprendre des autres dirigeants."
    changes = "Les équipes fixent leurs priorités."
    status = ClubMembership.Status.APPLIED
    applied_by = factory.LazyAttribute(lambda o: o.company.created_by)
