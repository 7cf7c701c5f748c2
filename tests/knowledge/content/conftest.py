import pytest

from core.roles import Role
from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(
        email="elise.editrice@example.be", roles=[Role.EDITOR], is_staff=True
    )
