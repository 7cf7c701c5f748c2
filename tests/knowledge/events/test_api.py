"""The Forum and club API: reading, registering, staff actions, who sees what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import Need
from knowledge.events.models import ClubMembership, Event, Registration
from tests.knowledge.events.factories import (
    ClubMembershipFactory,
    EventFactory,
    EventSessionFactory,
    RegistrationFactory,
    SpeakerFactory,
)


def _url(name, *args):
    return reverse(f"events-api:{name}", args=args)


@pytest.fixture
def taxonomy(reference_data):
    return {need.code: need for need in Need.objects.all()}


# -- events --------------------------------------------------------------------


def test_it_lists_published_events_to_anyone_with_few_queries(
    db, api, django_assert_max_num_queries
):
    for _index in range(4):
        SpeakerFactory(session=EventSessionFactory(event=EventFactory()))
    EventFactory(status=Event.Status.DRAFT)

    client = api()

    with django_assert_max_num_queries(6):
        response = client.get(_url("event-list"))

    assert response.status_code == 200
    body = response.json()
    assert len(body["results"]) == 4
    assert {"results", "next", "previous"} <= set(body)
    first = body["results"][0]
    assert first["places_left"] == first["capacity"]
    assert first["sessions"][0]["speakers"][0]["name"] == "Hélène Verhaegen"


def test_it_filters_by_words_need_and_province(api, taxonomy):
    telework = EventFactory(title="Atelier télétravail", province="BE-WLG")
    telework.needs.add(taxonomy["TEL"])
    from knowledge.events.services import event_refresh_search_text

    event_refresh_search_text(telework)
    EventFactory(title="Webinaire sécurité", province="BE-WNA")

    by_word = api().get(_url("event-list"), {"q": "teletravail"}).json()
    by_need = api().get(_url("event-list"), {"need": "TEL"}).json()
    by_province = api().get(_url("event-list"), {"province": "BE-WLG"}).json()

    for body in (by_word, by_need, by_province):
        assert [row["id"] for row in body["results"]] == [telework.pk]


@pytest.mark.django_db
def test_it_refuses_an_unknown_province_filter(api):
    response = api().get(_url("event-list"), {"province": "BE-BRU"})

    assert response.status_code == 400


def test_it_filters_on_upcoming_and_refuses_a_value_that_is_not_a_boolean(db, api):
    over = EventFactory(title="Forum 2025")
    Event.objects.filter(pk=over.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=29),
    )
    coming = EventFactory(title="Forum 2027")

    upcoming = api().get(_url("event-list"), {"upcoming": "true"}).json()
    past = api().get(_url("event-list"), {"upcoming": "false"}).json()
    garbled = api().get(
        _url("event-list"), {"upcoming": "soon"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert [row["id"] for row in upcoming["results"]] == [coming.pk]
    assert [row["id"] for row in past["results"]] == [over.pk]
    assert garbled.status_code == 400
    assert garbled.json()["fields"]["upcoming"] == ["Enter true or false."]


def test_it_hides_drafts_and_club_meetings_from_outsiders(api, consultant):
    draft = EventFactory(status=Event.Status.DRAFT)
    meeting = EventFactory(kind=Event.Kind.CLUB_MEETING)

    for event in (draft, meeting):
        response = api(consultant).get(_url("event-detail", event.pk))
        assert response.status_code == 404


def test_it_shows_drafts_to_editors(api, editor):
    draft = EventFactory(status=Event.Status.DRAFT)

    response = api(editor).get(_url("event-detail", draft.pk))

    assert response.json()["status"] == "draft"


# -- registering -------------------------------------------------------------------


def test_it_registers_then_waitlists_with_a_position(api, event, people):
    users = people(event.capacity + 1)
    responses = [api(user).post(_url("event-register", event.pk)) for user in users]

    assert [r.status_code for r in responses] == [201] * len(users)
    assert responses[0].json()["status"] == "registered"
    last = responses[-1].json()
    assert (last["status"], last["waitlist_position"]) == ("waitlisted", 1)


def test_it_answers_409_to_a_second_registration(api, event, consultant):
    api(consultant).post(_url("event-register", event.pk))

    response = api(consultant).post(_url("event-register", event.pk))

    assert response.status_code == 409
    assert response.json()["code"] == "already_registered"


def test_it_needs_an_account_to_register(api, event):
    response = api().post(_url("event-register", event.pk))

    assert response.status_code == 401
    assert not Registration.objects.exists()


def test_it_cancels_a_registration_and_promotes(api, event, people):
    users = people(event.capacity + 1)
    for user in users:
        api(user).post(_url("event-register", event.pk))

    response = api(users[0]).post(_url("event-cancel-registration", event.pk))

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert Registration.objects.get(user=users[-1]).status == "registered"


def test_it_answers_404_to_cancel_without_registration(api, event, consultant):
    response = api(consultant).post(_url("event-cancel-registration", event.pk))

    assert response.status_code == 404


def test_it_answers_403_to_a_club_meeting_for_non_members(api, consultant, editor):
    meeting = EventFactory(kind=Event.Kind.CLUB_MEETING)

    # The editor sees the meeting but is not a member of the club.
    response = api(editor).post(_url("event-register", meeting.pk))

    assert response.status_code == 403
    assert response.json()["code"] == "club_members_only"


# -- staff actions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "body", "status"),
    [("close", {}, "closed"), ("cancel", {"reason": "Salle inondée"}, "cancelled")],
)
def test_it_runs_event_transitions_for_editors(
    api, editor, event, action, body, status
):
    response = api(editor).post(_url(f"event-{action}", event.pk), body)

    assert response.status_code == 200
    assert response.json()["status"] == status
    history = api(editor).get(_url("event-history", event.pk)).json()
    assert [entry["to_status"] for entry in history] == [status]


def test_it_publishes_a_draft_for_an_editor(api, editor):
    draft = EventFactory(status=Event.Status.DRAFT)

    response = api(editor).post(_url("event-publish", draft.pk))

    assert response.json()["status"] == "published"


def test_it_answers_409_to_a_transition_from_the_wrong_state(api, editor, event):
    response = api(editor).post(_url("event-publish", event.pk))

    assert response.status_code == 409


def test_it_refuses_staff_actions_to_others(api, consultant, event):
    client = api(consultant)

    assert client.post(_url("event-close", event.pk)).status_code == 403
    assert (
        client.post(_url("event-capacity", event.pk), {"capacity": 9}).status_code
        == 403
    )
    assert client.get(_url("event-registrations", event.pk)).status_code == 403
    assert client.get(_url("event-history", event.pk)).status_code == 403
    assert Event.objects.get().status == Event.Status.PUBLISHED


def test_it_never_lets_status_be_written(api, editor, event):
    response = api(editor).patch(_url("event-detail", event.pk), {"status": "draft"})

    assert response.status_code == 405
    assert Event.objects.get().status == Event.Status.PUBLISHED


def test_it_changes_the_capacity(api, editor, event, people):
    for user in people(event.capacity + 2):
        api(user).post(_url("event-register", event.pk))

    response = api(editor).post(
        _url("event-capacity", event.pk), {"capacity": event.capacity + 1}
    )

    assert response.status_code == 200
    assert response.json()["waitlist_count"] == 1


def test_it_validates_the_capacity(api, editor, event):
    response = api(editor).post(_url("event-capacity", event.pk), {"capacity": 0})

    assert response.status_code == 400
    assert "capacity" in response.json()["fields"]


def test_it_lists_an_events_registrations_to_editors(
    api, editor, event, people, django_assert_max_num_queries
):
    for user in people(5):
        api(user).post(_url("event-register", event.pk))

    client = api(editor)

    with django_assert_max_num_queries(8):
        response = client.get(_url("event-registrations", event.pk))

    assert [row["waitlist_position"] for row in response.json()] == [
        None,
        None,
        None,
        1,
        2,
    ]


# -- registrations -----------------------------------------------------------------


def test_it_lists_only_my_registrations(
    api, consultant, other_consultant, django_assert_max_num_queries
):
    mine = [RegistrationFactory(user=consultant) for _index in range(3)]
    RegistrationFactory(user=other_consultant)

    client = api(consultant)

    with django_assert_max_num_queries(6):
        response = client.get(_url("registration-list"))

    assert {row["id"] for row in response.json()["results"]} == {r.pk for r in mine}


def test_it_answers_404_for_someone_elses_registration(
    api, consultant, other_consultant
):
    theirs = RegistrationFactory(user=other_consultant)

    for url in (
        _url("registration-detail", theirs.pk),
        _url("registration-history", theirs.pk),
    ):
        assert api(consultant).get(url).status_code == 404


def test_it_shows_my_registrations_history(api, event, consultant):
    api(consultant).post(_url("event-register", event.pk))
    registration = Registration.objects.get()

    history = api(consultant).get(_url("registration-history", registration.pk)).json()

    assert [entry["transition"] for entry in history] == [
        "events.registration.registered"
    ]


def test_it_checks_in_through_the_api_for_editors_only(api, editor, consultant):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10))
    registration = RegistrationFactory(event=event, user=consultant)

    refused = api(consultant).post(_url("registration-check-in", registration.pk))
    done = api(editor).post(_url("registration-check-in", registration.pk))

    assert refused.status_code == 403
    assert done.status_code == 200
    assert done.json()["status"] == "attended"
    assert done.json()["cpd_hours_credited"] == "6.0"


def test_it_records_a_no_show_through_the_api(api, editor, consultant):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10))
    registration = RegistrationFactory(event=event, user=consultant)

    response = api(editor).post(_url("registration-no-show", registration.pk))

    assert response.json()["status"] == "no_show"


# -- the club ----------------------------------------------------------------------


def test_it_takes_an_application_for_my_company(api, pme_member, company):
    response = api(pme_member).post(
        _url("club-application-list"),
        {"company": company.pk, "motivation": "Nous voulons apprendre."},
    )

    assert response.status_code == 201
    assert response.json()["status"] == "applied"


def test_it_answers_404_for_another_companys_application(api, consultant, company):
    response = api(consultant).post(
        _url("club-application-list"),
        {"company": company.pk, "motivation": "Nous voulons apprendre."},
    )

    assert response.status_code == 404
    assert not ClubMembership.objects.exists()


def test_it_hides_other_companies_applications(api, consultant, company):
    membership = ClubMembershipFactory(company=company)

    response = api(consultant).get(_url("club-application-detail", membership.pk))

    assert response.status_code == 404


def test_it_lets_editors_accept_and_reject(api, editor, company):
    first = ClubMembershipFactory(company=company)
    second = ClubMembershipFactory()

    accepted = api(editor).post(_url("club-application-accept", first.pk))
    no_reason = api(editor).post(_url("club-application-reject", second.pk))
    rejected = api(editor).post(
        _url("club-application-reject", second.pk), {"reason": "Trop tôt."}
    )

    assert accepted.json()["status"] == "accepted"
    assert no_reason.status_code == 400
    assert rejected.json()["status"] == "rejected"
    history = api(editor).get(_url("club-application-history", first.pk)).json()
    assert [entry["to_status"] for entry in history] == ["accepted"]


def test_it_refuses_decisions_to_the_applicant(api, pme_member, company):
    membership = ClubMembershipFactory(company=company)

    response = api(pme_member).post(_url("club-application-accept", membership.pk))

    assert response.status_code == 403


def test_it_shows_the_directory_to_members_only(
    api, club_member, consultant, editor, django_assert_max_num_queries
):
    ClubMembershipFactory(status=ClubMembership.Status.ACCEPTED)

    client = api(club_member)

    with django_assert_max_num_queries(8):
        response = client.get(_url("club-member-list"))

    assert response.status_code == 200
    assert len(response.json()["results"]) == 2
    assert {"name", "province", "sector", "size_class", "changes"} <= set(
        response.json()["results"][0]
    )
    assert api(consultant).get(_url("club-member-list")).status_code == 403
    assert api(editor).get(_url("club-member-list")).status_code == 200


def test_it_tells_me_my_registration_and_position(api, event, people):
    users = people(event.capacity + 1)
    for user in users:
        api(user).post(_url("event-register", event.pk))

    detail = api(users[-1]).get(_url("event-detail", event.pk)).json()
    listed = api(users[0]).get(_url("event-list")).json()["results"][0]
    anonymous = api().get(_url("event-detail", event.pk)).json()

    assert detail["my_registration"]["status"] == "waitlisted"
    assert detail["my_registration"]["waitlist_position"] == 1
    assert listed["my_registration"]["status"] == "registered"
    assert anonymous["my_registration"] is None


def test_it_lists_events_to_a_signed_in_user_with_few_queries(
    api, consultant, django_assert_max_num_queries
):
    for _index in range(4):
        EventFactory()
    client = api(consultant)

    with django_assert_max_num_queries(10):
        response = client.get(_url("event-list"))

    assert len(response.json()["results"]) == 4
