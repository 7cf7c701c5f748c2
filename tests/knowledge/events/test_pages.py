"""Pages of the Forum and the club: what each persona sees and may do."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.events.models import ClubMembership, Event, Registration
from tests.knowledge.events.factories import (
    ClubMembershipFactory,
    EventFactory,
    EventSessionFactory,
    RegistrationFactory,
    SpeakerFactory,
)
from training.models import CpdActivity


def _url(name, *args):
    return reverse(f"events:{name}", args=args)


@pytest.mark.django_db
def test_it_lists_coming_then_past_events_to_anyone(client):
    coming = EventFactory(title="Forum à venir")
    past = EventFactory(
        title="Forum passé",
        starts_at=timezone.now() - datetime.timedelta(days=60),
        status=Event.Status.CLOSED,
    )
    EventFactory(title="Brouillon secret", status=Event.Status.DRAFT)

    page = client.get(_url("event-list")).content.decode()

    assert page.index(coming.title) < page.index(past.title)
    assert "Brouillon secret" not in page


@pytest.mark.django_db
def test_it_filters_the_list_by_province(client):
    EventFactory(title="Rencontre liégeoise", province="BE-WLG")
    EventFactory(title="Rencontre namuroise", province="BE-WNA")

    page = client.get(_url("event-list"), {"province": "BE-WLG"}).content.decode()

    assert "Rencontre liégeoise" in page
    assert "Rencontre namuroise" not in page


def test_it_shows_the_programme_and_speakers(client, event):
    SpeakerFactory(
        session=EventSessionFactory(event=event, title="Table ronde"),
        name="Zoé Lambert",
    )

    page = client.get(_url("event-detail", event.pk)).content.decode()

    assert "Table ronde" in page
    assert "Zoé Lambert" in page
    assert _url("event-calendar", event.pk) in page
    assert "Log in to register" in page or "Connectez-vous" in page


def test_it_registers_from_the_page_and_shows_the_position(client, people, event):
    users = people(event.capacity + 1)
    for user in users:
        client.force_login(user)
        client.post(_url("event-register", event.pk))

    page = client.get(_url("event-detail", event.pk)).content.decode()

    assert Registration.objects.get(user=users[-1]).status == "waitlisted"
    assert 'data-registration-status="waitlisted"' in page


def test_it_cancels_from_the_page(client, consultant, event):
    RegistrationFactory(event=event, user=consultant)
    client.force_login(consultant)

    response = client.post(_url("event-cancel-registration", event.pk))

    assert response.status_code == 302
    assert Registration.objects.get().status == "cancelled"


def test_it_refuses_to_register_by_get(client, consultant, event):
    client.force_login(consultant)

    response = client.get(_url("event-register", event.pk))

    assert response.status_code == 405
    assert not Registration.objects.exists()


def test_it_lists_my_registrations_only(client, consultant, other_consultant):
    mine = RegistrationFactory(user=consultant)
    theirs = RegistrationFactory(user=other_consultant)
    client.force_login(consultant)

    page = client.get(_url("my-registrations")).content.decode()

    assert f'data-registration="{mine.pk}"' in page
    assert f'data-registration="{theirs.pk}"' not in page


def test_it_shows_the_dashboard_panel(client, consultant, event):
    RegistrationFactory(event=event, user=consultant)
    client.force_login(consultant)

    page = client.get(reverse("core:dashboard")).content.decode()

    assert 'data-panel="events-registrations"' in page
    assert event.title in page


# -- attendance ----------------------------------------------------------------


@pytest.fixture
def today_event():
    return EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=15))


def test_it_hides_the_attendance_page_from_non_editors(client, consultant, today_event):
    client.force_login(consultant)

    response = client.get(_url("attendance", today_event.pk))

    assert response.status_code == 404


def test_it_checks_in_from_the_attendance_page(client, editor, consultant, today_event):
    registration = RegistrationFactory(event=today_event, user=consultant)
    client.force_login(editor)

    page = client.get(_url("attendance", today_event.pk)).content.decode()
    client.post(_url("attendance-check-in", today_event.pk, registration.pk))

    assert consultant.get_full_name() in page
    assert Registration.objects.get().status == "attended"
    assert CpdActivity.objects.filter(consultant=consultant).count() == 1


def test_it_refuses_check_in_to_a_non_editor(client, consultant, today_event):
    registration = RegistrationFactory(event=today_event, user=consultant)
    client.force_login(consultant)

    response = client.post(_url("attendance-check-in", today_event.pk, registration.pk))

    assert response.status_code == 404
    assert Registration.objects.get().status == "registered"


def test_it_lets_editors_publish_from_the_page(client, editor):
    draft = EventFactory(status=Event.Status.DRAFT)
    client.force_login(editor)

    client.post(_url("event-transition", draft.pk, "publish"))

    assert Event.objects.get().status == Event.Status.PUBLISHED


def test_it_hides_event_actions_from_others(client, consultant, event):
    client.force_login(consultant)

    response = client.post(_url("event-transition", event.pk, "close"))

    assert response.status_code == 404
    assert Event.objects.get().status == Event.Status.PUBLISHED


# -- the club ----------------------------------------------------------------------


def test_it_shows_the_club_to_anyone_without_the_directory(client, club_member):
    page = client.get(_url("club")).content.decode()

    assert "data-member=" not in page


def test_it_shows_the_directory_and_meetings_to_members(client, club_member):
    meeting = EventFactory(kind=Event.Kind.CLUB_MEETING, title="Rencontre du club")
    client.force_login(club_member)

    page = client.get(_url("club")).content.decode()

    assert "data-member=" in page
    assert meeting.title in page


def test_it_applies_from_the_club_page(client, pme_member, company):
    client.force_login(pme_member)

    response = client.post(
        _url("club-apply"),
        {"company": company.pk, "motivation": "Nous voulons apprendre."},
    )

    assert response.status_code == 302
    assert ClubMembership.objects.get().status == "applied"


def test_it_shows_the_form_again_without_motivation(client, pme_member, company):
    client.force_login(pme_member)

    response = client.post(_url("club-apply"), {"company": company.pk})

    assert response.status_code == 200
    assert not ClubMembership.objects.exists()


def test_it_refuses_to_apply_for_another_company(client, consultant, company):
    client.force_login(consultant)

    response = client.post(
        _url("club-apply"), {"company": company.pk, "motivation": "Nous aussi."}
    )

    assert response.status_code == 200
    assert not ClubMembership.objects.exists()


def test_it_lets_editors_decide_from_the_club_page(client, editor, company):
    membership = ClubMembershipFactory(company=company)
    client.force_login(editor)

    page = client.get(_url("club")).content.decode()
    client.post(_url("club-decide", membership.pk, "accept"))

    assert f'data-application="{membership.pk}"' in page
    assert ClubMembership.objects.get().status == "accepted"


def test_it_refuses_decisions_to_non_editors(client, pme_member, company):
    membership = ClubMembershipFactory(company=company)
    client.force_login(pme_member)

    response = client.post(_url("club-decide", membership.pk, "accept"))

    assert response.status_code == 404
    assert ClubMembership.objects.get().status == "applied"


def test_it_lets_a_member_leave_from_the_page(client, club_member, company):
    membership = ClubMembership.objects.get(company=company)
    client.force_login(club_member)

    client.post(_url("club-leave", membership.pk))

    assert ClubMembership.objects.get().status == "left"


def test_it_hides_the_testimonial_form_from_non_members(client, consultant):
    client.force_login(consultant)

    assert client.get(_url("club-testimonial")).status_code == 404


def test_it_sends_a_members_testimonial_for_review(client, club_member, company):
    from knowledge.models import CaseStudy

    client.force_login(club_member)

    response = client.post(
        _url("club-testimonial"),
        {
            "company": company.pk,
            "title": "Comment nous avons libéré l'atelier",
            "situation": "Des décisions prises au sommet.",
            "actions": "Des équipes autonomes.",
            "results": "Absentéisme divisé par deux.",
        },
    )

    assert response.status_code == 302
    story = CaseStudy.objects.get()
    assert story.company == company
    assert story.status != "published"
