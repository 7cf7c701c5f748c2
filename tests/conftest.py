"""Personas and clients shared by every test module.

Each persona is a user with one role; ``api`` returns an API client signed in
as a given user (token auth, as partner systems use it).
"""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.roles import Role
from tests.factories import DEFAULT_PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # allauth's login rate limits and DRF's throttles count in the cache.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded files of a test land in its own folder, never in data/.
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def reference_data(transactional_db):
    """The rows ``migrate`` leaves: role groups, the needs taxonomy, the
    maturity questionnaire v1 and the ranking weights v1.

    Tests on a transactional database (live server, races) see the tables
    emptied by the flush after each such test: the groups come back through
    ``post_migrate``, the rows of data migrations do not. Every call here is
    idempotent.
    """
    import importlib

    from django.apps import apps

    from core.roles import sync_role_groups
    from pme.questionnaire_v1 import seed_questionnaire_v1

    for module in [
        "core.migrations.0002_seed_needs_taxonomy",
        "matching.migrations.0003_weights_v1",
    ]:
        migration = importlib.import_module(module)
        seed = getattr(migration, "seed_needs", None) or migration.create_v1
        seed(apps, schema_editor=None)
    seed_questionnaire_v1(apps, schema_editor=None)
    sync_role_groups()


@pytest.fixture
def password():
    return DEFAULT_PASSWORD


@pytest.fixture
def consultant(db):
    return UserFactory(email="claire.consultante@example.be", roles=[Role.CONSULTANT])


@pytest.fixture
def other_consultant(db):
    return UserFactory(email="marc.consultant@example.be", roles=[Role.CONSULTANT])


@pytest.fixture
def pme_member(db):
    return UserFactory(email="sophie.pme@example.be", roles=[Role.PME])


@pytest.fixture
def trainer(db):
    return UserFactory(email="tom.formateur@example.be", roles=[Role.TRAINER])


@pytest.fixture
def reviewer(db):
    return UserFactory(email="rita.analyste@example.be", roles=[Role.REVIEWER])


@pytest.fixture
def decider(db):
    return UserFactory(email="dirk.directeur@example.be", roles=[Role.DECIDER])


@pytest.fixture
def admin_user(db):
    return UserFactory(email="ada.admin@example.be", roles=[Role.ADMIN], is_staff=True)


@pytest.fixture
def anonymous_api():
    return APIClient()


@pytest.fixture
def api():
    """``api(user)`` gives a client authenticated with the user's token."""

    def make(user=None):
        client = APIClient()
        if user is not None:
            token, _created = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture
def english():
    """Run the test in English, the source language of every message."""
    from django.utils import translation

    with translation.override("en"):
        yield
