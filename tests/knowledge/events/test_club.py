"""The club of liberated companies: apply, decide, leave, who sees what."""

import pytest

from core.audit import audit_history
from core.errors import DomainError, NotAllowed, NotFound, TransitionNotAllowed
from knowledge.events import selectors, services
from knowledge.events.models import ClubMembership, Event
from tests.knowledge.events.factories import ClubMembershipFactory, EventFactory
from tests.pme.factories import CompanyFactory

Status = ClubMembership.Status


def _apply(user, company, motivation="Nous voulons échanger avec d'autres."):
    return services.club_apply(user=user, company=company, motivation=motivation)


def test_it_lets_a_member_of_the_company_apply(pme_member, company):
    membership = _apply(pme_member, company)

    assert membership.status == Status.APPLIED
    assert membership.applied_by == pme_member
    assert [e.action for e in audit_history(membership)] == ["events.club.applied"]


def test_it_hides_another_company_as_if_it_did_not_exist(consultant, company):
    with pytest.raises(NotFound):
        _apply(consultant, company)

    assert not ClubMembership.objects.exists()


def test_it_needs_a_motivation(pme_member, company):
    with pytest.raises(DomainError) as refusal:
        _apply(pme_member, company, motivation="  ")

    assert "motivation" in refusal.value.fields


def test_it_refuses_a_second_live_application(pme_member, company):
    _apply(pme_member, company)

    with pytest.raises(TransitionNotAllowed) as refusal:
        _apply(pme_member, company)

    assert refusal.value.code == "already_applied"
    assert ClubMembership.objects.count() == 1


def test_it_accepts_once_and_mails_the_company(
    editor, pme_member, company, mailoutbox, django_capture_on_commit_callbacks
):
    membership = _apply(pme_member, company)

    with django_capture_on_commit_callbacks(execute=True):
        accepted = services.club_accept(actor=editor, membership=membership)
    with pytest.raises(TransitionNotAllowed):
        services.club_accept(actor=editor, membership=membership)

    assert accepted.status == Status.ACCEPTED
    assert accepted.decided_by == editor
    assert [message.to for message in mailoutbox] == [[pme_member.email]]
    assert selectors.is_club_member(pme_member)


def test_it_rejects_with_a_reason_only(editor, pme_member, company):
    membership = _apply(pme_member, company)

    with pytest.raises(DomainError):
        services.club_reject(actor=editor, membership=membership, reason="")
    rejected = services.club_reject(
        actor=editor, membership=membership, reason="Pas encore de changement concret."
    )

    assert rejected.status == Status.REJECTED
    assert rejected.decision_reason == "Pas encore de changement concret."
    assert [e.action for e in audit_history(membership)] == [
        "events.club.applied",
        "events.club.rejected",
    ]


def test_it_lets_only_editors_decide(pme_member, company, reviewer):
    membership = _apply(pme_member, company)

    with pytest.raises(NotAllowed):
        services.club_accept(actor=pme_member, membership=membership)
    with pytest.raises(NotAllowed):
        services.club_accept(actor=reviewer, membership=membership)

    assert ClubMembership.objects.get().status == Status.APPLIED


def test_it_lets_a_rejected_company_apply_again(editor, pme_member, company):
    membership = _apply(pme_member, company)
    services.club_reject(actor=editor, membership=membership, reason="Trop tôt.")

    again = _apply(pme_member, company)

    assert again.status == Status.APPLIED


def test_it_lets_a_member_company_leave(club_member, company):
    membership = ClubMembership.objects.get(company=company)

    left = services.club_leave(user=club_member, membership=membership)

    assert left.status == Status.LEFT
    assert left.left_at is not None
    assert not selectors.is_club_member(club_member)


def test_it_refuses_that_an_outsider_ends_a_membership(
    club_member, consultant, company
):
    membership = ClubMembership.objects.get(company=company)

    with pytest.raises(NotAllowed):
        services.club_leave(user=consultant, membership=membership)


def test_it_refuses_to_leave_before_being_accepted(pme_member, company):
    membership = _apply(pme_member, company)

    with pytest.raises(TransitionNotAllowed):
        services.club_leave(user=pme_member, membership=membership)


def test_it_shows_club_meetings_to_members_and_editors_only(
    club_member, consultant, editor
):
    meeting = EventFactory(kind=Event.Kind.CLUB_MEETING)

    assert meeting in selectors.event_list_for(user=club_member)
    assert meeting in selectors.event_list_for(user=editor)
    assert meeting not in selectors.event_list_for(user=consultant)
    with pytest.raises(NotFound):
        selectors.event_get_for(user=consultant, pk=meeting.pk)


def test_it_lists_accepted_companies_in_the_directory(club_member):
    ClubMembershipFactory(company=CompanyFactory(name="Atelier en attente"))

    names = [m.company.name for m in selectors.club_member_list()]

    assert names == [club_member.company_memberships.get().company.name]
