"""Training API: programmes, sessions, enrolment, attendance, attempts and
automatic certification."""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.models import AuditEntry, Need
from core.roles import Role
from tests.factories import UserFactory
from tests.training.factories import (
    AssessmentFactory,
    EnrolmentFactory,
    ModuleFactory,
    ProgrammeFactory,
    RegistrationFactory,
    SessionFactory,
)
from training.models import Certification, Enrolment, SessionRegistration
from training.signals import certification_issued

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"training-api:{name}", args=args)


@pytest.fixture
def enrolment(consultant):
    return EnrolmentFactory(consultant=consultant)


@pytest.fixture
def session(enrolment, trainer):
    module = ModuleFactory(programme=enrolment.programme, nominal_hours=2)
    return SessionFactory(module=module, trainer=trainer, capacity=2)


def test_it_lists_published_programmes_filtered_by_domain(api, consultant):
    tel = ProgrammeFactory(title="Télétravail")
    ProgrammeFactory(title="Management", domain=Need.objects.get(code="MGT"))
    ProgrammeFactory(title="Brouillon", is_published=False)

    response = api(consultant).get(url("programme-list"), {"domain": "TEL"})

    assert response.status_code == 200
    assert [p["id"] for p in response.json()["results"]] == [tel.pk]


def test_it_shows_a_programme_with_its_modules_and_assessments(api, consultant):
    module = ModuleFactory(title="Cadre légal")
    AssessmentFactory(module=module)

    response = api(consultant).get(url("programme-detail", module.programme_id))

    assert response.json()["domain"] == "TEL"
    assert response.json()["modules"][0]["title"] == "Cadre légal"
    assert len(response.json()["modules"][0]["assessments"]) == 1


def test_it_filters_sessions_by_programme(api, consultant, session):
    SessionFactory()

    response = api(consultant).get(
        url("session-list"), {"programme": session.module.programme_id}
    )

    assert [s["id"] for s in response.json()["results"]] == [session.pk]


def test_it_enrols_a_consultant_once_and_audits_it(api, consultant):
    programme = ProgrammeFactory()

    response = api(consultant).post(url("enrolment-list"), {"programme": programme.pk})

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "active" and body["completion_pct"] == "0.0"
    assert AuditEntry.objects.filter(action="training.enrolment.created").count() == 1


def test_it_refuses_a_second_active_enrolment(api, consultant, enrolment):
    response = api(consultant).post(
        url("enrolment-list"), {"programme": enrolment.programme_id}
    )

    assert response.status_code == 400
    assert response.json()["code"] == "already_enrolled"


def test_it_refuses_enrolment_to_non_consultants(api, trainer):
    response = api(trainer).post(
        url("enrolment-list"), {"programme": ProgrammeFactory().pk}
    )

    assert response.status_code == 403


def test_it_shows_progress_of_an_enrolment_to_its_owner(api, consultant, session):
    enrolment = Enrolment.objects.get(consultant=consultant)

    response = api(consultant).get(url("enrolment-detail", enrolment.pk))

    assert response.status_code == 200
    assert response.json()["modules"] == [
        {
            "module": session.module_id,
            "title": session.module.title,
            "mandatory": True,
            "attendance_pct": "0.0",
            "attendance_met": False,
            "assessments_passed": True,
            "passed": False,
        }
    ]


def test_it_hides_another_consultants_enrolment(api, other_consultant, enrolment):
    response = api(other_consultant).get(url("enrolment-detail", enrolment.pk))

    assert response.status_code == 404


def test_it_shows_any_enrolment_to_a_trainer(api, trainer, enrolment):
    assert api(trainer).get(url("enrolment-detail", enrolment.pk)).status_code == 200


def test_it_bounds_the_queries_of_the_enrolment_detail(
    api, consultant, enrolment, django_assert_max_num_queries
):
    for _index in range(5):
        AssessmentFactory(module=ModuleFactory(programme=enrolment.programme))
    client = api(consultant)

    # token + user + groups, the enrolment, then the four progress queries
    with django_assert_max_num_queries(9):
        response = client.get(url("enrolment-detail", enrolment.pk))

    assert len(response.json()["modules"]) == 5


def test_it_registers_for_a_session(api, consultant, enrolment, session):
    response = api(consultant).post(
        url("session-register", session.pk), {"enrolment": enrolment.pk}
    )

    assert response.status_code == 201
    assert SessionRegistration.objects.filter(session=session).count() == 1


def test_it_refuses_a_seat_in_a_full_session(api, consultant, enrolment, session):
    RegistrationFactory.create_batch(2, session=session)

    response = api(consultant).post(
        url("session-register", session.pk), {"enrolment": enrolment.pk}
    )

    assert response.status_code == 409
    assert response.json()["code"] == "session_full"
    assert session.registrations.count() == 2


def test_it_refuses_registering_someone_elses_enrolment(
    api, other_consultant, enrolment, session
):
    response = api(other_consultant).post(
        url("session-register", session.pk), {"enrolment": enrolment.pk}
    )

    assert response.status_code == 404


def test_it_lets_the_sessions_trainer_record_attendance(
    api, trainer, enrolment, session
):
    RegistrationFactory(session=session, enrolment=enrolment)

    response = api(trainer).post(
        url("session-attendance", session.pk),
        {"enrolment": enrolment.pk, "status": "present", "minutes": 100},
    )

    assert response.status_code == 200
    assert response.json()["minutes"] == 100
    assert AuditEntry.objects.filter(action="training.attendance.recorded").exists()


@pytest.mark.parametrize("persona", ["other_trainer", "consultant", "reviewer"])
def test_it_refuses_attendance_from_anyone_but_the_sessions_trainer(
    api, request, persona, enrolment, session
):
    if persona == "other_trainer":
        user = UserFactory(roles=[Role.TRAINER])
    else:
        user = request.getfixturevalue(persona)
    RegistrationFactory(session=session, enrolment=enrolment)

    response = api(user).post(
        url("session-attendance", session.pk),
        {"enrolment": enrolment.pk, "status": "present", "minutes": 100},
    )

    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="training.attendance.recorded")


def test_it_refuses_more_minutes_than_the_session_lasts(
    api, trainer, enrolment, session
):
    RegistrationFactory(session=session, enrolment=enrolment)

    response = api(trainer).post(
        url("session-attendance", session.pk),
        {"enrolment": enrolment.pk, "status": "present", "minutes": 121},
    )

    assert response.status_code == 400
    assert response.json()["code"] == "minutes_too_long"


def test_it_enforces_the_number_of_attempts(api, trainer, enrolment, session):
    exam = AssessmentFactory(module=session.module, attempts_allowed=2)
    client = api(trainer)
    for score in ["5", "7"]:
        response = client.post(
            url("assessment-attempts", exam.pk),
            {"enrolment": enrolment.pk, "score": score},
        )
        assert response.status_code == 201

    response = client.post(
        url("assessment-attempts", exam.pk), {"enrolment": enrolment.pk, "score": "9"}
    )

    assert response.status_code == 409
    assert response.json()["code"] == "attempts_exhausted"


def test_it_refuses_a_score_above_the_maximum(api, trainer, enrolment, session):
    exam = AssessmentFactory(module=session.module, max_score=20)

    response = api(trainer).post(
        url("assessment-attempts", exam.pk), {"enrolment": enrolment.pk, "score": "21"}
    )

    assert response.status_code == 400
    assert response.json()["code"] == "score_out_of_range"


def test_it_refuses_attempts_from_a_trainer_of_another_module(api, enrolment, session):
    exam = AssessmentFactory(module=session.module)
    stranger = SessionFactory().trainer

    response = api(stranger).post(
        url("assessment-attempts", exam.pk), {"enrolment": enrolment.pk, "score": "12"}
    )

    assert response.status_code == 403


def test_it_issues_the_certification_once_when_the_programme_is_passed(
    api, trainer, enrolment, session, django_capture_on_commit_callbacks
):
    exam = AssessmentFactory(module=session.module)
    RegistrationFactory(session=session, enrolment=enrolment)
    received = []

    def listener(sender, certification, **kwargs):
        received.append(certification.pk)

    certification_issued.connect(listener)
    client = api(trainer)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                url("session-attendance", session.pk),
                {"enrolment": enrolment.pk, "status": "present", "minutes": 120},
            )
            assert not Certification.objects.exists()
            client.post(
                url("assessment-attempts", exam.pk),
                {"enrolment": enrolment.pk, "score": "14"},
            )
            # A later correction of the attendance issues nothing more.
            client.post(
                url("session-attendance", session.pk),
                {"enrolment": enrolment.pk, "status": "present", "minutes": 110},
            )
    finally:
        certification_issued.disconnect(listener)

    certification = Certification.objects.get()
    assert certification.consultant == enrolment.consultant
    assert certification.code.startswith("NWOW-") and len(certification.code) == 21
    assert (certification.expires_on - certification.issued_on).days == 3 * 365
    assert received == [certification.pk]
    issued = AuditEntry.objects.filter(action="training.certification.issued")
    assert issued.count() == 1 and issued.get().actor == trainer
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_it_lists_only_ones_own_certifications(api, consultant, other_consultant):
    own = Certification.objects.create(
        enrolment=EnrolmentFactory(consultant=consultant),
        consultant=consultant,
        programme=ProgrammeFactory(),
    )
    other_enrolment = EnrolmentFactory(consultant=other_consultant)
    Certification.objects.create(
        enrolment=other_enrolment,
        consultant=other_consultant,
        programme=other_enrolment.programme,
    )

    response = api(consultant).get(url("certification-list"))

    assert [c["id"] for c in response.json()["results"]] == [own.pk]


def test_it_lets_a_decider_revoke_a_certification_with_a_reason(
    api, decider, consultant, enrolment
):
    certification = Certification.objects.create(
        enrolment=enrolment, consultant=consultant, programme=enrolment.programme
    )
    client = api(decider)

    response = client.post(
        url("certification-revoke", certification.pk), {"reason": "Fraude"}
    )

    assert response.status_code == 200 and response.json()["status"] == "revoked"
    again = client.post(url("certification-revoke", certification.pk), {"reason": "x"})
    assert again.status_code == 409
    assert AuditEntry.objects.filter(action="training.certification.revoked").count()


def test_it_refuses_revocation_by_a_consultant(api, consultant, enrolment):
    certification = Certification.objects.create(
        enrolment=enrolment, consultant=consultant, programme=enrolment.programme
    )

    response = api(consultant).post(
        url("certification-revoke", certification.pk), {"reason": "Oups"}
    )

    assert response.status_code == 403
    assert Decimal(Certification.objects.filter(status="valid").count()) == 1


def test_it_shows_the_history_of_a_certification_to_its_holder(
    api, decider, consultant, enrolment, other_consultant
):
    certification = Certification.objects.create(
        enrolment=enrolment, consultant=consultant, programme=enrolment.programme
    )
    api(decider).post(
        url("certification-revoke", certification.pk), {"reason": "Fraude"}
    )

    response = api(consultant).get(url("certification-history", certification.pk))

    assert [(e["transition"], e["to_status"]) for e in response.json()] == [
        ("training.certification.revoked", "revoked")
    ]
    hidden = api(other_consultant).get(url("certification-history", certification.pk))
    assert hidden.status_code == 404
