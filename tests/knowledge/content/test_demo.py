"""The demo knowledge base: believable, playable, idempotent.

A demo run takes seconds, so each test checks a whole part of it.
"""

import pytest
from django.core.management import call_command

from core.models import AuditEntry
from knowledge.models import Capsule, CaseStudy, ContentStatus, Resource

pytestmark = pytest.mark.django_db

PUBLISHED = ContentStatus.PUBLISHED


@pytest.fixture
def seeded():
    call_command("seed_demo", experts=6, companies=18, no_progress=True)


def test_it_publishes_stories_capsules_and_resources(seeded):
    stories = CaseStudy.objects.filter(status=PUBLISHED)

    assert stories.count() >= 12
    assert stories.values("province").distinct().count() == 5
    assert stories.values("needs__code").distinct().count() >= 8
    assert stories.filter(company__isnull=False).exists()
    assert stories.filter(expert__isnull=False).exists()
    assert all(story.figures.count() == 3 for story in stories)

    capsules = Capsule.objects.filter(status=PUBLISHED)

    assert capsules.count() == 6
    for capsule in capsules:
        assert capsule.video_file.read(8)[4:8] == b"ftyp"
        assert capsule.subtitles_file.read().startswith(b"WEBVTT")
        assert capsule.transcript

    resources = Resource.objects.filter(status=PUBLISHED)

    assert resources.count() >= 30
    bloom = resources.get(doi="10.1093/qje/qju032")
    assert bloom.year == 2015 and bloom.volume == "130"
    agency = resources.filter(publisher="NWOW Wallonie")
    assert agency.exists()
    assert all(item.file.read(5) == b"%PDF-" for item in agency)


def test_it_publishes_through_the_audited_workflow(seeded):
    item = CaseStudy.objects.filter(status=PUBLISHED).first()

    actions = AuditEntry.objects.filter(object_id=str(item.pk)).values_list(
        "action", flat=True
    )
    assert "knowledge.case_study.published" in actions


def test_it_adds_nothing_on_a_second_run(seeded):
    counts = (CaseStudy.objects.count(), Capsule.objects.count())

    call_command("seed_demo", experts=6, companies=18, no_progress=True)

    assert (CaseStudy.objects.count(), Capsule.objects.count()) == counts
    assert Resource.objects.count() >= 30
