"""The demo Forum and club: believable, complete, and the same twice."""

import pytest
from django.core.management import call_command

from knowledge.events.models import ClubMembership, Event, Registration
from training.models import CpdActivity

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Event.objects.count(),
        Registration.objects.count(),
        ClubMembership.objects.count(),
        CpdActivity.objects.filter(category="forum").count(),
    )


def test_it_seeds_the_forums_the_club_and_its_meetings():
    call_command("seed_demo", experts=6, companies=36, no_progress=True)

    coming = Event.objects.get(kind="forum", status="published")
    past = Event.objects.get(kind="forum", status="closed")
    assert coming.title.startswith("Forum NWOW Wallonie ")
    assert coming.municipality == "Namur"
    assert coming.sessions.count() == 8
    assert coming.registrations.filter(status="waitlisted").count() == 3
    assert coming.registrations.filter(status="registered").count() == coming.capacity
    assert past.registrations.filter(status="attended").exists()
    assert past.registrations.filter(status="no_show").exists()
    credited = past.registrations.filter(cpd_activity__isnull=False)
    assert credited.exists()
    assert all(r.user.has_role("consultant") for r in credited)
    assert Event.objects.filter(kind="club_meeting").count() == 2
    members = ClubMembership.objects.filter(status="accepted").count()
    assert members == 6
    assert ClubMembership.objects.filter(status="applied").count() == 1


def test_it_adds_nothing_the_second_time():
    call_command("seed_demo", experts=4, companies=36, no_progress=True)
    before = _counts()

    call_command("seed_demo", experts=4, companies=36, no_progress=True)

    assert _counts() == before
