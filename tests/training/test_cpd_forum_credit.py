"""Crediting NWOW Forum attendance as continuing training (training service)."""

import datetime
from decimal import Decimal

import pytest

from core.errors import DomainError, NotAllowed
from core.models import AuditEntry
from core.roles import Role
from tests.factories import UserFactory
from training.models import CpdActivity
from training.services import cpd_credit_event_attendance

DAY = datetime.date(2027, 3, 18)


@pytest.fixture
def editor(db):
    return UserFactory(roles=[Role.EDITOR])


def _credit(actor, consultant, **overrides):
    kwargs = {
        "actor": actor,
        "consultant": consultant,
        "date": DAY,
        "hours": Decimal("6.0"),
        "description": "Forum NWOW Wallonie 2027 (événement n° 1)",
        **overrides,
    }
    return cpd_credit_event_attendance(**kwargs)


def test_it_creates_a_verified_forum_activity_with_one_audit_row(editor, consultant):
    activity = _credit(editor, consultant)

    assert activity.category == CpdActivity.Category.FORUM
    assert activity.status == CpdActivity.Status.VERIFIED
    assert activity.reviewed_by == editor
    assert (activity.date, activity.hours) == (DAY, Decimal("6.0"))
    entries = AuditEntry.objects.filter(action="training.cpd.forum_credited")
    assert [entry.object_id for entry in entries] == [str(activity.pk)]


def test_it_is_idempotent(editor, consultant):
    first = _credit(editor, consultant)
    second = _credit(editor, consultant)

    assert first == second
    assert CpdActivity.objects.count() == 1


def test_it_refuses_anyone_but_editors_and_admins(reviewer, consultant):
    with pytest.raises(NotAllowed):
        _credit(reviewer, consultant)

    assert not CpdActivity.objects.exists()


def test_it_credits_consultants_only(editor, pme_member):
    with pytest.raises(NotAllowed):
        _credit(editor, pme_member)


def test_it_refuses_zero_hours(admin_user, consultant):
    with pytest.raises(DomainError) as refusal:
        _credit(admin_user, consultant, hours=Decimal("0"))

    assert refusal.value.code == "no_cpd_hours"
