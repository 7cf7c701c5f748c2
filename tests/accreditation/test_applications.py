"""The application file: creation, documents, guards, four eyes, approval."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accreditation.models import Accreditation, Application, ApplicationDocument
from accreditation.services import applications as services
from core.models import AuditEntry
from core.roles import Role
from tests.accreditation.factories import (
    PDF_BYTES,
    ApplicationFactory,
    complete_application,
    need,
)
from tests.factories import UserFactory
from training.models import Programme

pytestmark = pytest.mark.django_db

S = Application.Status


def url(name, application, **kwargs):
    return reverse(
        f"accreditation-api:application-{name}", args=[application.pk], **kwargs
    )


def set_state(application, status, **fields):
    Application.objects.filter(pk=application.pk).update(status=status, **fields)
    application.refresh_from_db()
    return application


def test_it_creates_a_draft_for_a_consultant(api, consultant):
    response = api(consultant).post(
        reverse("accreditation-api:application-list"),
        {
            "domains": ["TEL", "HRP"],
            "enterprise_number": "BE 0403.019.261",
            "languages": ["fr", "de"],
            "provinces": ["BE-WLG"],
        },
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["status"] == "draft"
    assert response.json()["domains"] == ["TEL", "HRP"]  # taxonomy order
    assert response.json()["enterprise_number"] == "0403019261"


def test_it_refuses_to_start_a_second_application_for_an_open_domain(api, consultant):
    ApplicationFactory(consultant=consultant, domains=["TEL"])

    response = api(consultant).post(
        reverse("accreditation-api:application-list"),
        {"domains": ["HRP", "TEL"]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 409
    assert response.json()["code"] == "application_already_open"
    assert "TEL" in response.json()["detail"]
    assert Application.objects.filter(consultant=consultant).count() == 1


def test_it_accepts_a_new_application_once_the_old_one_is_closed(api, consultant):
    old = ApplicationFactory(consultant=consultant, domains=["TEL"])
    set_state(old, S.WITHDRAWN)

    response = api(consultant).post(
        reverse("accreditation-api:application-list"),
        {"domains": ["TEL"]},
        format="json",
    )

    assert response.status_code == 201


def test_it_refuses_an_invalid_enterprise_number_with_its_code(api, consultant):
    response = api(consultant).post(
        reverse("accreditation-api:application-list"),
        {"domains": ["TEL"], "enterprise_number": "0403.019.262"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "enterprise_number_checksum"
    assert not Application.objects.exists()


def test_it_refuses_an_unknown_domain(api, consultant):
    response = api(consultant).post(
        reverse("accreditation-api:application-list"),
        {"domains": ["XYZ"]},
        format="json",
    )

    assert response.status_code == 400
    assert "domains" in response.json()["fields"]


def test_it_lets_only_consultants_apply(api, pme_member):
    response = api(pme_member).post(
        reverse("accreditation-api:application-list"),
        {"domains": ["TEL"]},
        format="json",
    )

    assert response.status_code == 403


def test_it_never_lets_a_patch_change_the_status(api, consultant):
    application = ApplicationFactory(consultant=consultant)

    response = api(consultant).patch(
        url("detail", application),
        {"status": "approved", "motivation": "Mise à jour"},
        format="json",
    )

    application.refresh_from_db()
    assert response.status_code == 200
    assert application.status == S.DRAFT
    assert application.motivation == "Mise à jour"


def test_it_lists_what_is_missing_when_submitting_too_early(api, consultant):
    application = ApplicationFactory(consultant=consultant)

    response = api(consultant).post(
        url("submit", application), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "application_incomplete"
    assert "the signed charter of independence" in body["detail"]
    assert "your CV" in body["fields"]["missing"]
    assert len(body["fields"]["missing"]) == 4


def test_it_shows_the_checklist(api, consultant):
    application = complete_application(consultant=consultant)

    response = api(consultant).get(url("checklist", application))

    assert all(item["done"] for item in response.json())


def test_it_refuses_a_second_open_application_for_the_same_domain(api, consultant):
    ApplicationFactory(consultant=consultant, domains=["TEL"])
    application = complete_application(consultant=consultant, domains=["TEL", "HRP"])

    response = api(consultant).post(url("submit", application))

    assert response.status_code == 409
    assert "TEL" in response.json()["detail"]


def test_it_tells_the_reviewers_in_their_language_when_a_file_arrives(
    api, consultant, reviewer, django_capture_on_commit_callbacks
):
    reviewer.language = "nl"
    reviewer.save()
    application = complete_application(consultant=consultant)

    with django_capture_on_commit_callbacks(execute=True):
        api(consultant).post(url("submit", application))

    assert [message.to for message in mail.outbox] == [[reviewer.email]]
    assert "wacht op u" in mail.outbox[0].subject


def test_it_sets_a_service_level_due_date_on_submission(api, consultant):
    application = complete_application(consultant=consultant)

    api(consultant).post(url("submit", application))

    application.refresh_from_db()
    assert application.due_date > timezone.localdate()
    assert application.submitted_at is not None


def test_it_needs_a_reason_to_request_changes(api, reviewer, consultant):
    application = set_state(complete_application(consultant=consultant), S.SUBMITTED)

    response = api(reviewer).post(url("request-changes", application), {})

    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"


def test_it_gives_thirty_days_by_default_to_complete_a_file(api, reviewer, consultant):
    application = set_state(complete_application(consultant=consultant), S.SUBMITTED)

    api(reviewer).post(url("request-changes", application), {"reason": "CV ancien"})

    application.refresh_from_db()
    assert application.due_date == timezone.localdate() + datetime.timedelta(days=30)
    assert application.changes_requested == "CV ancien"


def test_it_refuses_a_resubmission_after_the_due_date(api, consultant):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    application = set_state(
        complete_application(consultant=consultant), S.INCOMPLETE, due_date=yesterday
    )

    response = api(consultant).post(url("resubmit", application))

    assert response.status_code == 409
    assert response.json()["code"] == "due_date_passed"


def test_it_abandons_overdue_incomplete_files_once(consultant):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    overdue = set_state(
        complete_application(consultant=consultant), S.INCOMPLETE, due_date=yesterday
    )

    first = services.application_abandon_overdue(today=timezone.localdate())
    second = services.application_abandon_overdue(today=timezone.localdate())

    overdue.refresh_from_db()
    assert first == [overdue.pk] and second == []
    assert overdue.status == S.ABANDONED


def test_it_resumes_the_review_when_the_prescribed_training_is_certified(consultant):
    from training.models import Certification, Enrolment
    from training.signals import certification_issued

    programme = Programme.objects.create(
        domain=need("TEL"), title="Télétravail", is_published=True
    )
    application = set_state(
        complete_application(consultant=consultant),
        S.TRAINING_REQUIRED,
        prescribed_programme=programme,
    )
    enrolment = Enrolment.objects.create(consultant=consultant, programme=programme)
    certification = Certification.objects.create(
        enrolment=enrolment, consultant=consultant, programme=programme
    )

    certification_issued.send(sender=Certification, certification=certification)

    application.refresh_from_db()
    assert application.status == S.UNDER_REVIEW
    assert (
        AuditEntry.objects.get(
            action="accreditation.application.training_completed"
        ).actor
        is None
    )


def test_it_enforces_four_eyes_between_recommending_and_deciding(api, consultant):
    both = UserFactory(roles=[Role.REVIEWER, Role.DECIDER])
    application = set_state(complete_application(consultant=consultant), S.UNDER_REVIEW)
    api(both).post(
        url("recommend", application), {"decision": "approve", "reason": "Bon dossier"}
    )

    response = api(both).post(url("approve", application))

    application.refresh_from_db()
    assert response.status_code == 403
    assert response.json()["code"] == "four_eyes"
    assert application.status == S.RECOMMENDED


def test_it_grants_one_accreditation_per_domain_for_three_years(
    api, consultant, decider
):
    application = set_state(
        complete_application(consultant=consultant, domains=["TEL", "MGT"]),
        S.RECOMMENDED,
    )

    api(decider).post(url("approve", application))

    accreditations = Accreditation.objects.filter(application=application)
    assert sorted(a.domain.code for a in accreditations) == ["MGT", "TEL"]
    today = timezone.localdate()
    assert all(a.valid_until.year == today.year + 3 for a in accreditations)
    assert all(a.status == "active" and a.verification_code for a in accreditations)


def test_it_can_approve_only_some_domains(api, consultant, decider):
    application = set_state(
        complete_application(consultant=consultant, domains=["TEL", "MGT"]),
        S.RECOMMENDED,
    )

    api(decider).post(url("approve", application), {"domains": ["TEL"]}, format="json")

    assert list(Accreditation.objects.values_list("domain__code", flat=True)) == ["TEL"]


def test_it_respects_a_domain_quota(api, consultant, decider, settings):
    settings.NWOW = {**settings.NWOW, "DOMAIN_QUOTAS": {"TEL": 0}}
    application = set_state(complete_application(consultant=consultant), S.RECOMMENDED)

    response = api(decider).post(url("approve", application))

    assert response.status_code == 409
    assert response.json()["code"] == "quota_reached"
    assert not Accreditation.objects.exists()


def test_it_refuses_an_appeal_after_thirty_days(api, consultant):
    long_ago = timezone.now() - datetime.timedelta(days=31)
    application = set_state(
        complete_application(consultant=consultant), S.REJECTED, decided_at=long_ago
    )

    response = api(consultant).post(url("appeal", application), {"reason": "Injuste"})

    assert response.status_code == 409
    assert response.json()["code"] == "appeal_too_late"


def test_it_tells_the_whole_history(api, consultant, reviewer):
    application = complete_application(consultant=consultant)
    api(consultant).post(url("submit", application))
    api(reviewer).post(url("request-changes", application), {"reason": "Assurance"})

    response = api(consultant).get(url("history", application))

    assert [(e["from_status"], e["to_status"]) for e in response.json()] == [
        ("draft", "submitted"),
        ("submitted", "incomplete"),
    ]
    assert response.json()[-1]["reason"] == "Assurance"


def test_it_sorts_the_reviewers_queue_by_urgency(api, reviewer, consultant):
    from accreditation.selectors.applications import application_queue

    today = timezone.localdate()
    later = set_state(
        ApplicationFactory(), S.SUBMITTED, due_date=today + datetime.timedelta(days=9)
    )
    sooner = set_state(
        ApplicationFactory(),
        S.UNDER_REVIEW,
        due_date=today + datetime.timedelta(days=2),
    )
    set_state(ApplicationFactory(), S.DRAFT)

    assert list(application_queue()) == [sooner, later]


# -- documents ------------------------------------------------------------------


def upload(api, user, application, content, name="cv.pdf", kind="cv"):
    return api(user).post(
        url("documents", application),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


def test_it_stores_a_pdf_under_a_generated_name(api, consultant):
    application = ApplicationFactory(consultant=consultant)

    response = upload(api, consultant, application, PDF_BYTES, "../../etc/passwd.pdf")

    assert response.status_code == 201
    document = ApplicationDocument.objects.get()
    assert document.original_name == "passwd.pdf"
    assert ".." not in document.file.name and "passwd" not in document.file.name


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"<html><script>alert(1)</script></html>", "cv.pdf"),
        (b"#!/bin/sh\nrm -rf /\n", "cv.pdf"),
        (b"\x89PNG\r\n\x1a\n<script>alert(1)</script>", "photo.png"),
    ],
    ids=["html-as-pdf", "script-as-pdf", "fake-png"],
)
def test_it_refuses_hostile_uploads_and_stores_nothing(
    api, consultant, content, name, _media_root
):
    application = ApplicationFactory(consultant=consultant)

    response = upload(api, consultant, application, content, name)

    assert response.status_code == 400
    assert response.json()["code"] == "upload_refused"
    assert not ApplicationDocument.objects.exists()
    assert not any(_media_root.rglob("*.*"))


def test_it_refuses_an_oversized_upload_with_413(api, consultant, settings):
    settings.MAX_UPLOAD_BYTES = 100
    application = ApplicationFactory(consultant=consultant)

    response = upload(api, consultant, application, PDF_BYTES + b"x" * 200)

    assert response.status_code == 413
    assert not ApplicationDocument.objects.exists()


def test_it_serves_a_document_to_its_owner_as_an_attachment(api, consultant):
    application = ApplicationFactory(consultant=consultant)
    upload(api, consultant, application, PDF_BYTES)
    document = ApplicationDocument.objects.get()

    response = api(consultant).get(
        reverse(
            "accreditation-api:application-document", args=[application.pk, document.pk]
        )
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "no-store"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_it_hides_another_consultants_document(api, consultant, other_consultant):
    application = ApplicationFactory(consultant=consultant)
    upload(api, consultant, application, PDF_BYTES)
    document = ApplicationDocument.objects.get()

    response = api(other_consultant).get(
        reverse(
            "accreditation-api:application-document", args=[application.pk, document.pk]
        )
    )

    assert response.status_code == 404


def test_it_freezes_documents_once_the_file_is_under_review(api, consultant):
    application = set_state(ApplicationFactory(consultant=consultant), S.UNDER_REVIEW)

    response = upload(api, consultant, application, PDF_BYTES)

    assert response.status_code == 409
    assert not ApplicationDocument.objects.exists()


def test_it_adds_a_reference_mission(api, consultant):
    application = ApplicationFactory(consultant=consultant)

    response = api(consultant).post(
        url("references", application),
        {
            "client_name": "Boulangerie Dupont",
            "client_contact": "Jean Dupont",
            "client_email": "jean@dupont.be",
            "year": 2024,
            "domain": "TEL",
            "description": "Charte de télétravail",
        },
        format="json",
    )

    assert response.status_code == 201
    assert application.references.count() == 1


def test_it_keeps_other_consultants_files_out_of_the_list(
    api, consultant, other_consultant
):
    ApplicationFactory(consultant=consultant)

    response = api(other_consultant).get(reverse("accreditation-api:application-list"))

    assert response.json()["results"] == []


def test_it_takes_a_reference_with_only_the_fields_of_the_public_api(api, consultant):
    application = ApplicationFactory(consultant=consultant)

    response = api(consultant).post(
        url("references", application),
        {
            "client_name": "Brasserie Lefort",
            "client_email": "direction@lefort.be",
            "year": 2023,
            "domain": "MGT",
            "description": "Management participatif",
        },
        format="json",
    )

    assert response.status_code == 201


def test_it_serves_the_certificate_at_the_path_without_a_slash(api, consultant):
    from tests.accreditation.factories import AccreditationFactory

    accreditation = AccreditationFactory(consultant=consultant)

    response = api(consultant).get(
        f"/api/v1/accreditation/accreditations/{accreditation.pk}/certificate.pdf",
        follow=True,
    )

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
