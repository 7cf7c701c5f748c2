"""The demo companies cover the region and give every full group a benchmark."""

import pytest
from django.core.management import call_command

from pme.models import Assessment, Company
from pme.selectors.scans import benchmark

pytestmark = pytest.mark.django_db


def test_it_seeds_companies_in_five_provinces_three_sizes_with_scans():
    call_command("seed_demo", experts=2, companies=40, no_progress=True)

    assert Company.objects.values("province").distinct().count() == 5
    assert Company.objects.values("size_class").distinct().count() == 3
    # One to three scans each from the company seeder; the mission history
    # adds scans around past missions, so only companies without one count.
    without_missions = Company.objects.filter(expert_requests__isnull=True)
    assert without_missions.exists()
    for company in without_missions:
        assert 1 <= company.assessments.count() <= 3
    assert not Company.objects.filter(assessments__isnull=True).exists()


def test_it_gives_a_demo_company_a_benchmark_of_at_least_five_peers():
    call_command("seed_demo", experts=2, companies=12, no_progress=True)

    first = Assessment.objects.order_by("id").first()
    comparison = benchmark(first)
    assert comparison.group_size >= 5
    assert comparison.overall_score is not None
