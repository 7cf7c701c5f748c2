"""GDPR: every model is declared, a person's data can be exported, and erasure
leaves no trace of them in any text column while the legal records stay."""

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.contrib.auth import SESSION_KEY
from django.core.management import CommandError, call_command
from django.db import models
from django.urls import reverse
from django.utils import translation
from rest_framework.authtoken.models import Token

from accreditation.models import Accreditation, Application, ApplicationDocument
from core.audit import audit_record
from core.models import AuditEntry, User
from core.personal_data import (
    identifiers,
    personal_data_archive,
    personal_data_erase,
    personal_data_export,
    registry,
    scan_for,
)
from core.roles import Role
from matching.models import Engagement, Rating
from tests.accreditation.factories import AccreditationFactory, complete_application
from tests.factories import UserFactory
from tests.matching.test_engagement_support import engagement_in
from tests.training.factories import CpdActivityFactory


def _declarable_models():
    return [model for model in apps.get_models() if not model._meta.proxy]


def _looks_personal(model) -> bool:
    for model_field in model._meta.concrete_fields:
        if isinstance(
            model_field,
            models.EmailField | models.FileField | models.GenericIPAddressField,
        ):
            return True
        if model_field.is_relation and model_field.related_model is User:
            return True
    return False


def test_it_has_every_model_declared_as_personal_or_not():
    declared = registry().personal.keys() | registry().none.keys()

    missing = [
        m._meta.label for m in _declarable_models() if m._meta.label not in declared
    ]

    assert missing == [], (
        "Declare these models in their app's privacy.py with register_personal_data "
        f"or register_no_personal_data: {missing}"
    )


def test_it_never_declares_a_model_with_personal_fields_as_holding_none():
    wrongly = [
        m._meta.label
        for m in _declarable_models()
        if _looks_personal(m) and m._meta.label in registry().none
    ]

    assert wrongly == []


def test_it_declares_only_fields_and_lookups_that_exist(db):
    for spec in registry().personal.values():
        for name in spec.fields:
            spec.model._meta.get_field(name)
        for lookup in spec.subject:
            # A lookup that does not resolve raises FieldError here.
            spec.model._default_manager.filter(**{f"{lookup}__isnull": False}).exists()
        assert spec.on_erase in {"scrub", "delete", "keep"}


@pytest.fixture
def claire(db):
    return UserFactory(
        email="claire.lambert@example.be",
        first_name="Claire",
        last_name="Lambert",
        phone="+32 470 12 34 56",
        roles=[Role.CONSULTANT],
    )


@pytest.fixture
def claires_world(claire, decider, reviewer, pme_member):
    """Claire applied, was approved, logged CPD, rated by a company, mentioned by
    staff, and is signed in with a token."""
    application = complete_application(
        consultant=claire, motivation="Claire Lambert accompagne des PME depuis 2014."
    )
    Application.objects.filter(pk=application.pk).update(status="approved")
    accreditation = AccreditationFactory(consultant=claire, application=application)
    audit_record(
        action="accreditation.application.approved",
        actor=decider,
        obj=application,
        from_state="recommended",
        to_state="approved",
        reason="Dossier solide de Claire Lambert (claire.lambert@example.be).",
    )
    CpdActivityFactory(consultant=claire, description="Forum NWOW, avec Claire Lambert")
    engagement = engagement_in("validated", expert=claire, member=pme_member)
    Rating.objects.create(
        engagement=engagement,
        score=5,
        comment="Merci Claire Lambert, joignable au +32 470 12 34 56",
        rated_by=pme_member,
    )
    Token.objects.create(user=claire)
    return {"application": application, "accreditation": accreditation}


def test_it_exports_every_record_and_file_of_the_person(claire, claires_world):
    data = personal_data_export(user=claire)

    assert data["subject"]["email"] == "claire.lambert@example.be"
    assert "accreditation.Application" in data["records"]
    assert "training.CpdActivity" in data["records"]
    assert len(data["files"]) == 3
    assert "password" not in data["records"]["core.User"][0]


def test_it_puts_the_json_and_the_files_in_the_archive(claire, claires_world):
    archive = zipfile.ZipFile(io.BytesIO(personal_data_archive(user=claire)))

    names = archive.namelist()

    assert "personal_data.json" in names
    assert sum(name.startswith("files/") for name in names) == 3
    assert json.loads(archive.read("personal_data.json"))["subject"]["id"] == claire.pk
    assert AuditEntry.objects.filter(action="core.user.data_exported").count() == 1


def test_it_leaves_no_mention_of_the_erased_person_in_any_text_column(
    claire, claires_world, client
):
    client.force_login(claire)
    needles = identifiers(claire)
    files = [d.file.name for d in ApplicationDocument.objects.all()]

    personal_data_erase(user=claire)

    assert scan_for(needles) == []
    storage = ApplicationDocument._meta.get_field("file").storage
    assert not any(storage.exists(name) for name in files)
    assert not Token.objects.filter(user=claire).exists()
    assert SESSION_KEY not in client.session


def test_it_keeps_the_decision_and_its_audit_rows_under_a_pseudonym(
    claire, claires_world
):
    summary = personal_data_erase(user=claire)

    approved = AuditEntry.objects.get(action="accreditation.application.approved")
    assert summary["pseudonym"] in approved.reason
    application = Application.objects.get(pk=claires_world["application"].pk)
    assert application.status == "approved"
    accreditation = Accreditation.objects.get(pk=claires_world["accreditation"].pk)
    assert accreditation.status == "relinquished"
    erased = User.objects.get(pk=claire.pk)
    assert not erased.is_active
    assert not erased.has_usable_password()


def test_it_refuses_erasure_while_a_mission_is_under_way(claire, pme_member):
    engagement_in(Engagement.Status.IN_PROGRESS, expert=claire, member=pme_member)

    with translation.override("en"), pytest.raises(CommandError, match="under way"):
        call_command("erase_personal_data", "--email", claire.email, "--yes")

    claire.refresh_from_db()
    assert claire.email == "claire.lambert@example.be"
    assert claire.is_active


def test_it_prints_the_json_export_from_the_command(claire, claires_world, capsys):
    call_command("export_personal_data", "--email", "CLAIRE.lambert@example.be")

    assert json.loads(capsys.readouterr().out)["subject"]["id"] == claire.pk


def test_it_says_clearly_when_no_user_has_the_address(db):
    with pytest.raises(CommandError, match="No user"):
        call_command("export_personal_data", "--email", "nobody@example.be")


def test_it_asks_for_confirmation_before_erasing(claire):
    with pytest.raises(CommandError, match="--yes"):
        call_command("erase_personal_data", "--email", claire.email)

    assert User.objects.get(pk=claire.pk).is_active


def test_it_shows_the_person_their_data_page(client, claire, claires_world):
    client.force_login(claire)

    response = client.get(reverse("core:personal-data"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_it_downloads_only_the_signed_in_persons_data(client, claire, consultant):
    client.force_login(consultant)

    response = client.get(reverse("core:personal-data-download"))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    subject = json.loads(archive.read("personal_data.json"))["subject"]
    assert response["Content-Disposition"].startswith("attachment;")
    assert subject["id"] == consultant.pk


def test_it_refuses_erasure_with_a_wrong_password(client, claire):
    client.force_login(claire)

    response = client.post(
        reverse("core:personal-data-erase"), {"password": "wrong", "confirm": "on"}
    )

    assert response.status_code == 400
    assert User.objects.get(pk=claire.pk).is_active


def test_it_erases_the_account_and_signs_out_with_the_right_password(
    client, claire, password
):
    client.force_login(claire)

    response = client.post(
        reverse("core:personal-data-erase"), {"password": password, "confirm": "on"}
    )

    assert response.status_code == 302
    assert not User.objects.get(pk=claire.pk).is_active
    assert client.get(reverse("core:dashboard")).status_code == 302


def test_it_asks_anonymous_visitors_to_log_in_for_the_data_page(client):
    response = client.get(reverse("core:personal-data"))

    assert response.status_code == 302
