"""Factories of the knowledge content kinds.

Status is protected (it changes through transitions only), so ``status=``
here writes the column once after creation, as a past workflow would have.
"""

import factory
from django.utils import timezone

from core.models import Need
from knowledge.models import Capsule, CaseStudy, Resource

MP4_HEAD = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"
VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour et bienvenue.\n"


class ContentFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Contenu {n}")
    summary = "Un résumé court."
    language = "fr"

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            self.needs.set(Need.objects.filter(code__in=extracted))

    @factory.post_generation
    def status(self, create, extracted, **kwargs):
        if create:
            state = extracted or "published"
            published_at = (
                timezone.now() if state in {"published", "archived"} else None
            )
            type(self).objects.filter(pk=self.pk).update(
                status=state, published_at=published_at
            )
            self.refresh_from_db()


class CaseStudyFactory(ContentFactory):
    class Meta:
        model = CaseStudy
        skip_postgeneration_save = True

    company_name = factory.Sequence(lambda n: f"Menuiserie {n}")
    situation = "Les équipes travaillaient toutes sur place."
    actions = "Une charte a été discutée avec le personnel."
    results = "Les trajets ont diminué."


class CapsuleFactory(ContentFactory):
    class Meta:
        model = Capsule
        skip_postgeneration_save = True

    duration_seconds = 180
    external_url = "https://video.example.be/capsule"
    transcript = "Bonjour et bienvenue."


class ResourceFactory(ContentFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    resource_kind = Resource.Kind.STUDY
    authors = "Dupont, Marie; Lambert, Jean"
    year = 2024
    publisher = "NWOW Wallonie"
