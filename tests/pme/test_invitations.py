"""Invitations: the signed, expiring link, its e-mail, its acceptance."""

import datetime
import re

import pytest
from django.core import signing
from django.urls import reverse

from core.errors import DomainError, NotAllowed
from core.models import AuditEntry
from core.roles import Role
from pme.models import Invitation, Membership
from pme.services.companies import (
    INVITATION_SALT,
    invitation_accept,
    invitation_from_token,
    invitation_send,
    invitation_token,
)
from tests.factories import UserFactory
from tests.pme.factories import CompanyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company(pme_member):
    return CompanyFactory(created_by=pme_member)


def send(company, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return invitation_send(company=company, actor=company.created_by, email=email)


def token_from(message) -> str:
    return re.search(r"/pme/invitations/([^/\s]+)/", message.body).group(1)


def old_token(invitation, days: int) -> str:
    """A token signed ``days`` ago, as if the clock had moved on since."""
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    past = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=days)
    signer.timestamp = lambda: signing.b62_encode(int(past.timestamp()))
    return signer.sign_object({"invitation": invitation.pk})


def test_it_mails_the_link_after_commit_in_the_companys_language(
    company, mailoutbox, django_capture_on_commit_callbacks
):
    company.language = "en"
    company.save()

    with django_capture_on_commit_callbacks() as callbacks:
        invitation_send(
            company=company, actor=company.created_by, email="new@example.be"
        )
    assert mailoutbox == []

    for callback in callbacks:
        callback()
    (message,) = mailoutbox
    assert message.to == ["new@example.be"]
    assert company.name in message.subject
    assert "The NWOW Wallonie team" in message.body
    assert invitation_from_token(token_from(message)) == Invitation.objects.get()


def test_it_mails_an_existing_user_in_their_own_language(
    company, mailoutbox, django_capture_on_commit_callbacks
):
    company.language = "en"
    company.save()
    UserFactory(email="Greta@Example.be", language="de", roles=[Role.PME])

    send(company, "greta@example.be", django_capture_on_commit_callbacks)

    assert "Das Team von NWOW Wallonie" in mailoutbox[0].body


def test_it_mails_a_newcomer_in_the_companys_language(
    company, mailoutbox, django_capture_on_commit_callbacks
):
    company.language = "de"
    company.save()

    send(company, "newcomer@example.be", django_capture_on_commit_callbacks)

    assert "Das Team von NWOW Wallonie" in mailoutbox[0].body


def test_it_lets_the_invitee_join_once_even_if_accepted_twice(
    company, mailoutbox, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="Anna@Example.be", roles=[Role.PME])
    send(company, "anna@example.be", django_capture_on_commit_callbacks)
    token = token_from(mailoutbox[0])

    first = invitation_accept(user=invitee, token=token)
    again = invitation_accept(user=invitee, token=token)

    assert first == again
    assert (first.company, first.role) == (company, "member")
    assert Invitation.objects.get().accepted_by == invitee
    assert AuditEntry.objects.filter(action="pme.member.joined").count() == 1


def test_it_keeps_an_admin_an_admin_when_they_accept(company, pme_member):
    invitation = Invitation.objects.create(
        company=company, email=pme_member.email, invited_by=pme_member
    )

    membership = invitation_accept(user=pme_member, token=invitation_token(invitation))

    assert membership.role == "admin"


def test_it_refuses_another_email_address(company, consultant):
    invitation = Invitation.objects.create(
        company=company, email="someone.else@example.be", invited_by=company.created_by
    )

    with pytest.raises(NotAllowed) as caught:
        invitation_accept(user=consultant, token=invitation_token(invitation))

    assert caught.value.code == "invitation_email_mismatch"
    assert not Membership.objects.filter(user=consultant).exists()


def test_it_refuses_a_tampered_token(company, consultant):
    invitation = Invitation.objects.create(
        company=company, email=consultant.email, invited_by=company.created_by
    )
    token = invitation_token(invitation)
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")

    with pytest.raises(DomainError) as caught:
        invitation_accept(user=consultant, token=tampered)

    assert caught.value.code == "invitation_invalid"
    assert caught.value.status_code == 400


def test_it_refuses_a_token_signed_for_another_purpose(company, consultant):
    invitation = Invitation.objects.create(
        company=company, email=consultant.email, invited_by=company.created_by
    )
    forged = signing.TimestampSigner(salt="other").sign_object(
        {"invitation": invitation.pk}
    )

    with pytest.raises(DomainError) as caught:
        invitation_accept(user=consultant, token=forged)

    assert caught.value.code == "invitation_invalid"


def test_it_refuses_an_expired_token(company, consultant, settings):
    settings.NWOW = {**settings.NWOW, "INVITATION_MAX_AGE_DAYS": 7}
    invitation = Invitation.objects.create(
        company=company, email=consultant.email, invited_by=company.created_by
    )

    with pytest.raises(DomainError) as caught:
        invitation_accept(user=consultant, token=old_token(invitation, days=8))

    assert caught.value.code == "invitation_expired"
    membership = invitation_accept(user=consultant, token=old_token(invitation, days=6))
    assert membership.company == company


def test_it_records_a_consultant_who_joins_as_a_conflict(company, consultant):
    from pme.selectors.companies import consultant_conflicts

    invitation = Invitation.objects.create(
        company=company, email=consultant.email, invited_by=company.created_by
    )

    invitation_accept(user=consultant, token=invitation_token(invitation))

    assert consultant_conflicts(consultant) == {company.pk}


def test_it_lets_only_admins_invite(company):
    colleague = UserFactory(roles=[Role.PME])
    Membership.objects.create(company=company, user=colleague)

    with pytest.raises(NotAllowed):
        invitation_send(company=company, actor=colleague, email="x@example.be")


def test_it_refuses_to_invite_a_member(company, pme_member):
    with pytest.raises(DomainError) as caught:
        invitation_send(
            company=company, actor=pme_member, email=pme_member.email.upper()
        )

    assert caught.value.code == "already_member"


def test_it_renews_a_pending_invitation_instead_of_duplicating(
    company, mailoutbox, django_capture_on_commit_callbacks
):
    send(company, "new@example.be", django_capture_on_commit_callbacks)
    send(company, "NEW@example.be", django_capture_on_commit_callbacks)

    assert Invitation.objects.count() == 1
    assert len(mailoutbox) == 2


# -- the API ------------------------------------------------------------------

ACCEPT = "pme-api:invitation-accept"


def test_it_invites_and_accepts_through_the_api(
    api, company, pme_member, mailoutbox, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="anna@example.be", roles=[Role.PME])
    with django_capture_on_commit_callbacks(execute=True):
        sent = api(pme_member).post(
            reverse("pme-api:company-invitations", args=[company.pk]),
            {"email": "anna@example.be"},
        )

    response = api(invitee).post(reverse(ACCEPT), {"token": token_from(mailoutbox[0])})

    assert sent.status_code == 201
    assert "token" not in sent.json()
    assert response.status_code == 200
    assert response.json()["company"]["id"] == company.pk
    assert response.json()["role"] == "member"
    assert response.json()["company"]["member_count"] == 2


@pytest.mark.parametrize("token", ["garbage", "a:b:c", ""])
def test_it_answers_400_for_a_bad_token(api, consultant, token):
    response = api(consultant).post(reverse(ACCEPT), {"token": token})

    assert response.status_code == 400
    assert response.json()["code"] in {"invitation_invalid", "invalid"}


def test_it_answers_a_translated_400_for_an_expired_token(api, company, consultant):
    invitation = Invitation.objects.create(
        company=company, email=consultant.email, invited_by=company.created_by
    )

    response = api(consultant).post(
        reverse(ACCEPT),
        {"token": old_token(invitation, days=30)},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "invitation_expired"
    assert "expired" in response.json()["detail"]


def test_it_answers_403_to_the_wrong_account(api, company, consultant):
    invitation = Invitation.objects.create(
        company=company, email="else@example.be", invited_by=company.created_by
    )

    response = api(consultant).post(
        reverse(ACCEPT), {"token": invitation_token(invitation)}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "invitation_email_mismatch"


def test_it_requires_authentication_to_accept(anonymous_api):
    assert anonymous_api.post(reverse(ACCEPT), {"token": "x"}).status_code == 401
