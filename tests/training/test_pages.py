"""The training pages: catalogue, progress, CPD log, trainer sheets, CPD queue."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.errors import TransitionNotAllowed
from core.models import AuditEntry, Need
from tests.training.factories import (
    AssessmentFactory,
    AttendanceFactory,
    CpdActivityFactory,
    EnrolmentFactory,
    ModuleFactory,
    ProgrammeFactory,
    RegistrationFactory,
    SessionFactory,
)
from training import services
from training.models import (
    Attempt,
    Attendance,
    Certification,
    CpdActivity,
    Enrolment,
    SessionRegistration,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def url(name, *args):
    return reverse(f"training:{name}", args=args)


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def in_french(text: str) -> str:
    # The personas read French: services translate their messages into it.
    with translation.override("fr"):
        return gettext(text)


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def session(trainer):
    return SessionFactory(trainer=trainer)


@pytest.fixture
def enrolment(consultant, session):
    return EnrolmentFactory(consultant=consultant, programme=session.module.programme)


# Catalogue and enrolment --------------------------------------------------


def test_it_sends_anonymous_visitors_to_the_login_page(client):
    response = client.get(url("catalogue"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_lists_published_programmes_with_their_next_sessions(client, consultant):
    session = SessionFactory(module__title="Télétravail serein")
    hidden = ProgrammeFactory(title="Brouillon secret", is_published=False)
    client.force_login(consultant)

    content = client.get(url("catalogue")).content.decode()

    assert session.module.programme.title in content
    assert "Télétravail serein" in content and session.place in content
    assert hidden.title not in content


def test_it_filters_the_catalogue_by_domain(client, consultant):
    telework = ProgrammeFactory(title="Programme télétravail")
    other = ProgrammeFactory(
        title="Programme management", domain=Need.objects.exclude(code="TEL").first()
    )
    client.force_login(consultant)

    content = client.get(url("catalogue"), {"domain": "TEL"}).content.decode()

    assert telework.title in content and other.title not in content


def test_it_builds_the_catalogue_in_constant_queries(client, consultant):
    SessionFactory()
    client.force_login(consultant)
    with CaptureQueriesContext(connection) as one:
        client.get(url("catalogue"))
    SessionFactory.create_batch(3)

    with CaptureQueriesContext(connection) as four:
        client.get(url("catalogue"))

    assert len(four) == len(one)


def test_it_enrols_from_the_programme_page(client, consultant):
    programme = ProgrammeFactory()
    client.force_login(consultant)

    response = client.post(url("programme-enrol", programme.pk))

    assert response["Location"] == url("my-training")
    assert Enrolment.objects.get().consultant == consultant


def test_it_refuses_a_second_enrolment_with_a_message(client, enrolment):
    client.force_login(enrolment.consultant)

    response = client.post(url("programme-enrol", enrolment.programme.pk), follow=True)

    assert in_french("You are already enrolled in this programme.") in (
        shown_messages(response)
    )
    assert Enrolment.objects.count() == 1


def test_it_offers_no_enrolment_to_a_trainer_and_refuses_one(client, trainer):
    programme = ProgrammeFactory()
    client.force_login(trainer)

    page = client.get(url("programme-detail", programme.pk)).content.decode()
    client.post(url("programme-enrol", programme.pk))

    assert url("programme-enrol", programme.pk) not in page
    assert not Enrolment.objects.exists()


def test_it_gives_404_for_an_unpublished_programme(client, consultant):
    programme = ProgrammeFactory(is_published=False)
    client.force_login(consultant)

    assert client.get(url("programme-detail", programme.pk)).status_code == 404


# My training ----------------------------------------------------------------


def test_it_shows_progress_per_module(client, enrolment, session):
    AttendanceFactory(
        registration=RegistrationFactory(session=session, enrolment=enrolment)
    )
    client.force_login(enrolment.consultant)

    content = client.get(url("my-training")).content.decode()

    assert 'data-module-passed="yes"' in content
    assert "100" in content


def test_it_keeps_my_training_for_consultants(client, trainer):
    client.force_login(trainer)

    assert client.get(url("my-training")).status_code == 403


def test_it_registers_for_a_session_from_the_page(client, enrolment, session):
    client.force_login(enrolment.consultant)

    response = client.post(url("session-register", session.pk))

    assert response.status_code == 302
    assert SessionRegistration.objects.get().enrolment == enrolment


def test_it_refuses_a_full_session_with_a_message(client, enrolment):
    full = SessionFactory(module__programme=enrolment.programme, capacity=1)
    RegistrationFactory(session=full, enrolment__programme=enrolment.programme)
    client.force_login(enrolment.consultant)

    response = client.post(url("session-register", full.pk), follow=True)

    assert in_french("This session is full.") in shown_messages(response)
    assert not SessionRegistration.objects.filter(enrolment=enrolment).exists()


def test_it_shows_a_full_session_with_a_disabled_button(client, enrolment):
    full = SessionFactory(module__programme=enrolment.programme, capacity=1)
    RegistrationFactory(session=full, enrolment__programme=enrolment.programme)
    client.force_login(enrolment.consultant)

    content = client.get(url("my-training")).content.decode()

    assert url("session-register", full.pk) not in content
    assert "disabled" in content


def test_it_refuses_registration_without_an_enrolment(client, consultant, session):
    client.force_login(consultant)

    response = client.post(url("session-register", session.pk), follow=True)

    assert in_french("Enrol in the programme first.") in shown_messages(response)
    assert not SessionRegistration.objects.exists()


def test_it_withdraws_after_a_confirmation_page(client, enrolment, session):
    RegistrationFactory(session=session, enrolment=enrolment)
    client.force_login(enrolment.consultant)

    confirm = client.get(url("enrolment-withdraw", enrolment.pk))
    client.post(url("enrolment-withdraw", enrolment.pk))

    enrolment.refresh_from_db()
    assert confirm.status_code == 200 and enrolment.status == "withdrawn"
    assert not SessionRegistration.objects.exists()


def test_it_gives_404_on_another_consultants_enrolment(
    client, other_consultant, enrolment
):
    client.force_login(other_consultant)

    response = client.post(url("enrolment-withdraw", enrolment.pk))

    assert response.status_code == 404
    assert Enrolment.objects.get().status == "active"


def test_it_lists_my_certifications_and_not_others(client, enrolment, session):
    AttendanceFactory(
        registration=RegistrationFactory(session=session, enrolment=enrolment)
    )
    mine = services.certification_issue_if_complete(enrolment=enrolment)
    client.force_login(enrolment.consultant)

    content = client.get(url("my-training")).content.decode()

    assert mine.code in content and enrolment.programme.title in content
    assert Certification.objects.count() == 1


# Services behind the pages --------------------------------------------------


def test_it_audits_a_withdrawal_and_keeps_past_attendance(enrolment, session):
    past = SessionFactory(
        module=session.module, starts_at=timezone.now() - timedelta(days=3)
    )
    AttendanceFactory(
        registration=RegistrationFactory(session=past, enrolment=enrolment)
    )

    services.enrolment_withdraw(consultant=enrolment.consultant, enrolment=enrolment)

    entry = AuditEntry.objects.get(action="training.enrolment.withdrawn")
    assert (entry.from_state, entry.to_state) == ("active", "withdrawn")
    assert SessionRegistration.objects.get().session == past


def test_it_refuses_to_withdraw_twice(enrolment):
    services.enrolment_withdraw(consultant=enrolment.consultant, enrolment=enrolment)

    with pytest.raises(TransitionNotAllowed):
        services.enrolment_withdraw(
            consultant=enrolment.consultant, enrolment=enrolment
        )


def test_it_refuses_registration_for_a_session_that_has_started(enrolment, session):
    session.starts_at = timezone.now() - timedelta(minutes=5)
    session.save()

    with pytest.raises(TransitionNotAllowed) as refused:
        services.session_register(
            user=enrolment.consultant, session=session, enrolment=enrolment
        )

    assert refused.value.code == "session_started"


# Continuing training (CPD) -------------------------------------------------------


def declaration(**extra):
    return {
        "category": "conference",
        "date": "2026-10-05",
        "hours": "3.5",
        "description": "NWOW Forum Liège",
        **extra,
    }


def test_it_declares_an_activity_with_evidence(client, consultant, settings):
    client.force_login(consultant)

    response = client.post(
        url("cpd-log"),
        declaration(evidence=SimpleUploadedFile("../../attestation.pdf", PDF)),
    )

    activity = CpdActivity.objects.get()
    assert response["Location"] == url("cpd-log")
    assert activity.status == "declared" and activity.hours == Decimal("3.5")
    assert activity.evidence.name.startswith("cpd/") and "attestation" not in (
        activity.evidence.name
    )


def test_it_refuses_a_hostile_upload_and_stores_nothing(client, consultant, settings):
    client.force_login(consultant)
    page = b"<html><script>alert(1)</script></html>"

    response = client.post(
        url("cpd-log"), declaration(evidence=SimpleUploadedFile("cv.pdf", page))
    )

    assert response.status_code == 200 and response.context["form"].errors["evidence"]
    assert not CpdActivity.objects.exists()
    assert not stored_files(settings.MEDIA_ROOT)


def test_it_keeps_the_cpd_log_for_consultants(client, reviewer):
    client.force_login(reviewer)

    assert client.get(url("cpd-log")).status_code == 403


def activity_with_evidence(consultant):
    activity = CpdActivityFactory(consultant=consultant)
    activity.evidence.save("x.pdf", SimpleUploadedFile("x.pdf", PDF))
    return activity


def test_it_downloads_the_evidence_for_its_owner_as_an_attachment(client, consultant):
    activity = activity_with_evidence(consultant)
    client.force_login(consultant)

    response = client.get(url("cpd-evidence", activity.pk))

    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/pdf"


def test_it_lets_a_reviewer_download_the_evidence(client, consultant, reviewer):
    activity = activity_with_evidence(consultant)
    client.force_login(reviewer)

    response = client.get(url("cpd-evidence", activity.pk))

    assert response.status_code == 200
    response.close()


def test_it_gives_404_on_evidence_to_another_consultant(
    client, consultant, other_consultant
):
    activity = activity_with_evidence(consultant)
    client.force_login(other_consultant)

    assert client.get(url("cpd-evidence", activity.pk)).status_code == 404


def test_it_lists_the_cpd_queue_oldest_first(client, reviewer):
    newer = CpdActivityFactory(description="Plus récente")
    older = CpdActivityFactory(
        description="Plus ancienne", created_at=timezone.now() - timedelta(days=9)
    )
    CpdActivityFactory(description="Déjà vérifiée", status="verified")
    client.force_login(reviewer)

    content = client.get(url("cpd-queue")).content.decode()

    assert content.index(older.description) < content.index(newer.description)
    assert "Déjà vérifiée" not in content


def test_it_keeps_the_cpd_queue_for_reviewers(client, consultant, trainer):
    for user in (consultant, trainer):
        client.force_login(user)
        assert client.get(url("cpd-queue")).status_code == 403


def test_it_verifies_an_activity_from_the_queue(client, reviewer):
    activity = CpdActivityFactory()
    client.force_login(reviewer)

    response = client.post(url("cpd-verify", activity.pk))

    activity.refresh_from_db()
    assert response["Location"] == url("cpd-queue")
    assert activity.status == "verified" and activity.reviewed_by == reviewer


def test_it_requires_a_reason_to_reject(client, reviewer):
    activity = CpdActivityFactory()
    client.force_login(reviewer)

    client.post(url("cpd-reject", activity.pk), {f"cpd-{activity.pk}-reason": " "})

    activity.refresh_from_db()
    assert activity.status == "declared"


def test_it_rejects_with_a_reason(client, reviewer):
    activity = CpdActivityFactory()
    client.force_login(reviewer)

    client.post(
        url("cpd-reject", activity.pk), {f"cpd-{activity.pk}-reason": "Sans preuve"}
    )

    activity.refresh_from_db()
    assert (activity.status, activity.review_reason) == ("rejected", "Sans preuve")


def test_it_refuses_verification_by_a_consultant(client, consultant):
    activity = CpdActivityFactory(consultant=consultant)
    client.force_login(consultant)

    assert client.post(url("cpd-verify", activity.pk)).status_code == 403
    assert CpdActivity.objects.get().status == "declared"


# Trainer ----------------------------------------------------------------------


def test_it_lists_my_sessions_upcoming_first(client, trainer, session):
    past = SessionFactory(
        trainer=trainer, starts_at=timezone.now() - timedelta(days=30)
    )
    theirs = SessionFactory(module__title="Module d'un collègue")
    client.force_login(trainer)

    content = client.get(url("trainer-sessions")).content.decode()

    assert content.index(f'data-session="{session.pk}"') < content.index(
        f'data-session="{past.pk}"'
    )
    assert theirs.module.title not in content


def test_it_keeps_my_sessions_for_trainers(client, consultant):
    client.force_login(consultant)

    assert client.get(url("trainer-sessions")).status_code == 403


def sheet_data(*rows):
    data = {}
    for registration, status, minutes in rows:
        data[f"row-{registration.pk}-status"] = status
        data[f"row-{registration.pk}-minutes"] = minutes
    return data


def test_it_saves_every_row_of_the_attendance_sheet(client, trainer, session):
    present = RegistrationFactory(session=session)
    absent = RegistrationFactory(session=session)
    client.force_login(trainer)

    response = client.post(
        url("attendance-sheet", session.pk),
        sheet_data((present, "present", 90), (absent, "absent", 90)),
    )

    assert response["Location"] == url("attendance-sheet", session.pk)
    assert Attendance.objects.get(registration=present).minutes == 90
    assert Attendance.objects.get(registration=absent).minutes == 0


def test_it_saves_nothing_when_one_row_is_refused(client, trainer, session):
    good = RegistrationFactory(session=session)
    bad = RegistrationFactory(session=session)
    client.force_login(trainer)

    response = client.post(
        url("attendance-sheet", session.pk),
        sheet_data((good, "present", 60), (bad, "present", 999)),
    )

    assert response.status_code == 200
    assert any(row["form"].errors for row in response.context["rows"])
    assert not Attendance.objects.exists()


def test_it_gives_404_on_another_trainers_attendance_sheet(client, session):
    other = SessionFactory()
    RegistrationFactory(session=other)
    client.force_login(session.trainer)

    assert client.get(url("attendance-sheet", other.pk)).status_code == 404
    assert client.post(url("attendance-sheet", other.pk)).status_code == 404


def test_it_records_an_attempt_from_the_results_page(client, enrolment, session):
    assessment = AssessmentFactory(module=session.module)
    client.force_login(session.trainer)

    response = client.post(
        url("module-results", session.module.pk),
        {"assessment": assessment.pk, "enrolment": enrolment.pk, "score": "14.5"},
    )

    assert response["Location"] == url("module-results", session.module.pk)
    attempt = Attempt.objects.get()
    assert (attempt.number, attempt.score) == (1, Decimal("14.5"))


def test_it_shows_attempts_used_and_the_best_score(client, enrolment, session):
    assessment = AssessmentFactory(module=session.module, attempts_allowed=2)
    for score in (Decimal(8), Decimal(13)):
        services.attempt_record(
            trainer=session.trainer,
            assessment=assessment,
            enrolment=enrolment,
            score=score,
        )
    client.force_login(session.trainer)

    content = client.get(url("module-results", session.module.pk)).content.decode()

    assert "2/2" in content and "13" in content
    assert 'name="score"' not in content


def test_it_refuses_an_attempt_beyond_those_allowed(client, enrolment, session):
    assessment = AssessmentFactory(module=session.module, attempts_allowed=1)
    data = {"assessment": assessment.pk, "enrolment": enrolment.pk, "score": "5"}
    client.force_login(session.trainer)

    client.post(url("module-results", session.module.pk), data)
    response = client.post(url("module-results", session.module.pk), data, follow=True)

    assert Attempt.objects.count() == 1
    refusal = in_french("No attempts left: %(allowed)s allowed.") % {"allowed": 1}
    assert refusal in shown_messages(response)


def test_it_gives_404_on_results_of_a_module_the_trainer_does_not_teach(
    client, trainer
):
    module = ModuleFactory()
    SessionFactory(module=module)
    client.force_login(trainer)

    assert client.get(url("module-results", module.pk)).status_code == 404
