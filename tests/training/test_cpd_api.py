"""Continuing training (CPD): declaration with evidence, review, history."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from tests.training.factories import CpdActivityFactory
from training.models import CpdActivity

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def url(name, *args):
    return reverse(f"training-api:{name}", args=args)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def declaration(**extra):
    return {
        "category": "conference",
        "date": "2026-10-05",
        "hours": "3.5",
        "description": "NWOW Forum Liège",
        **extra,
    }


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()]


def upload(name, content, content_type="application/pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


def test_it_lets_a_consultant_declare_an_activity(api, consultant):
    response = api(consultant).post(url("cpd-activity-list"), declaration())

    assert response.status_code == 201
    assert response.json()["status"] == "declared"
    assert response.json()["consultant"] == consultant.pk


def test_it_ignores_a_status_sent_by_the_client(api, consultant):
    response = api(consultant).post(
        url("cpd-activity-list"), declaration(status="verified")
    )

    assert response.json()["status"] == "declared"


def test_it_refuses_declarations_from_non_consultants(api, reviewer):
    response = api(reviewer).post(url("cpd-activity-list"), declaration())

    assert response.status_code == 403


def test_it_stores_pdf_evidence_under_a_generated_name(api, consultant, media_root):
    response = api(consultant).post(
        url("cpd-activity-list"),
        declaration(evidence=upload("../../etc/passwd.pdf", PDF)),
        format="multipart",
    )

    assert response.status_code == 201 and response.json()["has_evidence"]
    [stored] = stored_files(media_root)
    assert stored.parent == media_root / "cpd"
    assert stored.suffix == ".pdf" and "passwd" not in stored.name


def test_it_refuses_html_renamed_pdf_and_stores_nothing(api, consultant, media_root):
    hostile = upload("certificat.pdf", b"<html><script>alert(1)</script></html>")

    response = api(consultant).post(
        url("cpd-activity-list"), declaration(evidence=hostile), format="multipart"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "upload_refused"
    assert not CpdActivity.objects.exists() and not stored_files(media_root)


def test_it_refuses_an_oversized_file_and_stores_nothing(
    api, consultant, media_root, settings
):
    settings.MAX_UPLOAD_BYTES = 1024
    big = upload("big.pdf", PDF + b"0" * 2048)

    response = api(consultant).post(
        url("cpd-activity-list"), declaration(evidence=big), format="multipart"
    )

    assert response.status_code == 413
    assert not CpdActivity.objects.exists() and not stored_files(media_root)


def test_it_hides_another_consultants_activity(api, other_consultant, consultant):
    activity = CpdActivityFactory(consultant=consultant)

    response = api(other_consultant).get(url("cpd-activity-detail", activity.pk))

    assert response.status_code == 404
    assert api(other_consultant).get(url("cpd-activity-list")).json()["count"] == 0


@pytest.mark.parametrize("action", ["verify", "reject"])
def test_it_lets_a_reviewer_review_a_declared_activity(api, reviewer, action):
    activity = CpdActivityFactory()

    response = api(reviewer).post(
        url(f"cpd-activity-{action}", activity.pk), {"reason": "Attestation reçue"}
    )

    assert response.status_code == 200
    assert response.json()["status"] == f"{action}ed".replace("verifyed", "verified")
    entries = AuditEntry.objects.filter(action__startswith="training.cpd.")
    assert entries.count() == 1 and entries.get().actor == reviewer


@pytest.mark.parametrize("action", ["verify", "reject"])
@pytest.mark.parametrize("status", ["verified", "rejected"])
def test_it_refuses_a_review_from_a_reviewed_state(api, reviewer, action, status):
    activity = CpdActivityFactory(status=status)

    response = api(reviewer).post(
        url(f"cpd-activity-{action}", activity.pk), {"reason": "Encore"}
    )

    assert response.status_code == 409
    assert response.json()["code"] == "transition_not_allowed"
    assert not AuditEntry.objects.filter(action__startswith="training.cpd.").exists()


@pytest.mark.parametrize("action", ["verify", "reject"])
def test_it_refuses_a_review_by_the_consultant_herself(api, consultant, action):
    activity = CpdActivityFactory(consultant=consultant)

    response = api(consultant).post(
        url(f"cpd-activity-{action}", activity.pk), {"reason": "Moi"}
    )

    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.status == CpdActivity.Status.DECLARED


def test_it_requires_a_reason_to_reject(api, reviewer):
    activity = CpdActivityFactory()

    response = api(reviewer).post(url("cpd-activity-reject", activity.pk), {})

    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"


def test_it_shows_the_history_of_an_activity(api, consultant, reviewer):
    created = api(consultant).post(url("cpd-activity-list"), declaration()).json()
    api(reviewer).post(url("cpd-activity-reject", created["id"]), {"reason": "Flou"})

    response = api(consultant).get(url("cpd-activity-history", created["id"]))

    assert [
        (e["transition"], e["from_status"], e["to_status"], e["reason"])
        for e in response.json()
    ] == [
        ("training.cpd.declared", "", "declared", ""),
        ("training.cpd.rejected", "declared", "rejected", "Flou"),
    ]
    assert response.json()[1]["actor"] == str(reviewer)
