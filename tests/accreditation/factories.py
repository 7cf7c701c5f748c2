"""Factories of the accreditation app."""

import datetime

import factory
from django.core.files.base import ContentFile

from accreditation.models import (
    Accreditation,
    Application,
    ApplicationDocument,
    ReferenceMission,
)
from core.models import Need
from core.roles import Role
from tests.factories import UserFactory

# The smallest valid PDF header our content check accepts.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def need(code: str = "TEL") -> Need:
    return Need.objects.get(code=code)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application
        skip_postgeneration_save = True

    consultant = factory.SubFactory(UserFactory, roles=[Role.CONSULTANT])
    enterprise_number = "0403019261"
    motivation = "Dix ans d'accompagnement de PME vers le télétravail."
    years_experience = 10
    languages = factory.LazyFunction(lambda: ["fr"])
    provinces = factory.LazyFunction(lambda: ["BE-WHT"])

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if create:
            self.domains.set([need(code) for code in (extracted or ["TEL"])])


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationDocument

    application = factory.SubFactory(ApplicationFactory)
    kind = ApplicationDocument.Kind.CV
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="doc.pdf"))
    original_name = "doc.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    uploaded_by = factory.SelfAttribute("application.consultant")


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReferenceMission

    application = factory.SubFactory(ApplicationFactory)
    client_name = factory.Sequence(lambda n: f"PME cliente {n}")
    client_contact = "Marie Dupont"
    client_email = factory.Sequence(lambda n: f"client{n}@pme.be")
    year = 2024
    domain = factory.LazyFunction(need)
    description = "Politique de télétravail pour 40 personnes."


def complete_application(**kwargs) -> Application:
    """A draft with everything the submit guard asks for."""
    application = ApplicationFactory(**kwargs)
    for kind in ("cv", "insurance", "charter"):
        DocumentFactory(application=application, kind=kind)
    ReferenceFactory.create_batch(3, application=application)
    return application


class AccreditationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Accreditation

    consultant = factory.SubFactory(UserFactory, roles=[Role.CONSULTANT])
    domain = factory.LazyFunction(need)
    application = factory.SubFactory(
        ApplicationFactory, consultant=factory.SelfAttribute("..consultant")
    )
    valid_from = factory.LazyFunction(datetime.date.today)
    valid_until = factory.LazyAttribute(
        lambda o: o.valid_from.replace(year=o.valid_from.year + 3)
    )
