"""The backup drill on PostgreSQL: a backup restores into a fresh database with
every table's rows and every private file intact, and a tampered backup is
caught."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from core.ops.backup import backup_create, backup_verify
from tests.factories import UserFactory


@pytest.fixture
def postgres_only(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("Backups are of PostgreSQL; run with DATABASE_URL=postgres://…")


@pytest.fixture
def some_data(postgres_only):
    UserFactory.create_batch(3)
    default_storage.save("accreditation/cv/a1b2.pdf", ContentFile(b"%PDF-1.7 cv"))


def test_it_restores_a_backup_with_every_row_and_file(some_data, tmp_path):
    made = backup_create(tmp_path / "backup")

    checked = backup_verify(tmp_path / "backup")

    assert checked.mismatches == []
    assert checked.rows == made.rows >= 3
    assert checked.files == made.files == 1


def test_it_reports_a_backup_whose_figures_do_not_match(some_data, tmp_path):
    backup_create(tmp_path / "backup")
    manifest_path = tmp_path / "backup" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["core_user"]["rows"] += 1
    manifest["files"]["accreditation/cv/a1b2.pdf"]["sha256"] = "0" * 64
    manifest_path.write_text(json.dumps(manifest))

    checked = backup_verify(tmp_path / "backup")

    assert len(checked.mismatches) == 2
    assert any("core_user" in line for line in checked.mismatches)
