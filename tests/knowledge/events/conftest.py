"""Personas of the Forum's tests: the agency's editor and a club member."""

import pytest

from core.roles import Role
from knowledge.events.models import ClubMembership
from tests.factories import UserFactory
from tests.knowledge.events.factories import ClubMembershipFactory, EventFactory
from tests.pme.factories import CompanyFactory


@pytest.fixture
def editor(db):
    return UserFactory(
        email="laura.editrice@example.be", roles=[Role.EDITOR], is_staff=True
    )


@pytest.fixture
def event(db):
    return EventFactory()


@pytest.fixture
def company(pme_member):
    return CompanyFactory(created_by=pme_member)


@pytest.fixture
def club_member(company):
    """``pme_member``'s company, accepted into the club."""
    ClubMembershipFactory(company=company, status=ClubMembership.Status.ACCEPTED)
    return company.created_by


@pytest.fixture
def people(db):
    def make(count: int, role=Role.CONSULTANT):
        return [UserFactory(roles=[role]) for _index in range(count)]

    return make
