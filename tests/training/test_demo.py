"""The training part of `manage.py seed_demo`."""

import pytest
from django.core.management import call_command

from training.models import Certification, CpdActivity, Enrolment, Programme

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", experts=8, companies=1, seed=3, no_progress=True)
    return {
        "programmes": Programme.objects.filter(is_published=True).count(),
        "enrolments": Enrolment.objects.count(),
        "certifications": Certification.objects.count(),
        "cpd": sorted(CpdActivity.objects.values_list("status", flat=True)),
    }


def test_it_seeds_programmes_consultants_at_every_stage_and_cpd():
    world = seed()

    assert world["programmes"] == 3
    assert world["enrolments"] == 6
    assert world["certifications"] == 2
    assert set(world["cpd"]) == {"declared", "verified", "rejected"}
    assert Enrolment.objects.filter(status="active").count() == 4


def test_it_is_safe_to_run_twice():
    first = seed()

    assert seed() == first
