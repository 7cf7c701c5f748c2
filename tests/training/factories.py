"""Factories for the training app."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from core.models import Need
from core.roles import Role
from tests.factories import UserFactory
from training.models import (
    Assessment,
    Attendance,
    CpdActivity,
    Enrolment,
    Module,
    Programme,
    Session,
    SessionRegistration,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    domain = factory.LazyFunction(lambda: Need.objects.get(code="TEL"))
    title = factory.Sequence(lambda n: f"Programme {n}")
    version = factory.Sequence(lambda n: n + 1)
    is_published = True


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    programme = factory.SubFactory(ProgrammeFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Module {n}")
    nominal_hours = Decimal(2)
    mandatory = True
    min_attendance_pct = 80


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    module = factory.SubFactory(ModuleFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = "Namur"
    trainer = factory.SubFactory(UserFactory, roles=[Role.TRAINER])
    capacity = 10


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    module = factory.SubFactory(ModuleFactory)
    kind = Assessment.Kind.EXAM
    title = factory.Sequence(lambda n: f"Assessment {n}")
    max_score = Decimal(20)
    pass_score = Decimal(10)
    weight = Decimal(1)
    attempts_allowed = 2
    compensable = False


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    consultant = factory.SubFactory(UserFactory, roles=[Role.CONSULTANT])
    programme = factory.SubFactory(ProgrammeFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionRegistration

    session = factory.SubFactory(SessionFactory)
    enrolment = factory.SubFactory(EnrolmentFactory)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    registration = factory.SubFactory(RegistrationFactory)
    status = Attendance.Status.PRESENT
    minutes = 120


class CpdActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CpdActivity

    consultant = factory.SubFactory(UserFactory, roles=[Role.CONSULTANT])
    category = CpdActivity.Category.CONFERENCE
    date = factory.LazyFunction(timezone.localdate)
    hours = Decimal(3)
    description = "Journée NWOW"
