"""Progress is computed from attendance and attempts (training.selectors)."""

from decimal import Decimal

import pytest

from tests.training.factories import (
    AssessmentFactory,
    AttendanceFactory,
    EnrolmentFactory,
    ModuleFactory,
    RegistrationFactory,
    SessionFactory,
)
from training.models import Attempt, Attendance
from training.selectors import enrolment_progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(consultant):
    return EnrolmentFactory(consultant=consultant)


def attend(enrolment, module, minutes, status=Attendance.Status.PRESENT):
    session = SessionFactory(module=module)
    registration = RegistrationFactory(session=session, enrolment=enrolment)
    return AttendanceFactory(registration=registration, minutes=minutes, status=status)


def score(enrolment, assessment, *scores):
    for number, value in enumerate(scores, start=1):
        Attempt.objects.create(
            assessment=assessment,
            enrolment=enrolment,
            number=number,
            score=Decimal(value),
        )


def module_progress(enrolment, module):
    progress = enrolment_progress(enrolment=enrolment)
    return next(m for m in progress.modules if m.module == module)


def test_it_refuses_attendance_below_the_module_minimum(enrolment):
    module = ModuleFactory(programme=enrolment.programme, nominal_hours=2)
    attend(enrolment, module, 90)

    result = module_progress(enrolment, module)

    assert result.attendance_pct == Decimal("75.0")
    assert not result.attendance_met and not result.passed


def test_it_passes_a_module_with_enough_attendance_and_no_assessment(enrolment):
    module = ModuleFactory(programme=enrolment.programme, nominal_hours=2)
    attend(enrolment, module, 60)
    attend(enrolment, module, 40)

    result = module_progress(enrolment, module)

    assert result.attendance_pct == Decimal("83.3")
    assert result.passed


def test_it_counts_no_minutes_for_absent_or_excused_sessions(enrolment):
    module = ModuleFactory(programme=enrolment.programme, nominal_hours=2)
    attend(enrolment, module, 120, status=Attendance.Status.EXCUSED)
    attend(enrolment, module, 120, status=Attendance.Status.ABSENT)

    assert module_progress(enrolment, module).attendance_pct == 0


def test_it_counts_the_best_attempt(enrolment):
    module = ModuleFactory(programme=enrolment.programme, min_attendance_pct=0)
    exam = AssessmentFactory(module=module, pass_score=10)
    score(enrolment, exam, 12, 8)

    assert module_progress(enrolment, module).assessments_passed


def test_it_requires_every_non_compensable_assessment_to_pass(enrolment):
    module = ModuleFactory(programme=enrolment.programme, min_attendance_pct=0)
    exam = AssessmentFactory(module=module, compensable=False)
    case = AssessmentFactory(module=module, compensable=False)
    score(enrolment, exam, 20)
    score(enrolment, case, 9)

    assert not module_progress(enrolment, module).assessments_passed


def test_it_compensates_a_failed_compensable_assessment_with_the_average(enrolment):
    module = ModuleFactory(programme=enrolment.programme, min_attendance_pct=0)
    quiz = AssessmentFactory(module=module, compensable=True)
    case = AssessmentFactory(module=module, compensable=True)
    score(enrolment, quiz, 8)
    score(enrolment, case, 14)

    assert module_progress(enrolment, module).assessments_passed


def test_it_weighs_compensable_assessments(enrolment):
    module = ModuleFactory(programme=enrolment.programme, min_attendance_pct=0)
    quiz = AssessmentFactory(module=module, compensable=True, weight=3)
    case = AssessmentFactory(module=module, compensable=True, weight=1)
    score(enrolment, quiz, 8)
    score(enrolment, case, 14)

    # (3 × 0.4 + 1 × 0.7) / 4 = 0.475 < 0.5
    assert not module_progress(enrolment, module).assessments_passed


def test_it_does_not_let_compensation_rescue_a_non_compensable_failure(enrolment):
    module = ModuleFactory(programme=enrolment.programme, min_attendance_pct=0)
    exam = AssessmentFactory(module=module, compensable=False)
    quiz = AssessmentFactory(module=module, compensable=True)
    score(enrolment, exam, 9)
    score(enrolment, quiz, 20)

    assert not module_progress(enrolment, module).assessments_passed


def test_it_computes_completion_over_mandatory_modules_only(enrolment):
    passed = ModuleFactory(programme=enrolment.programme, nominal_hours=1)
    ModuleFactory(programme=enrolment.programme)
    optional = ModuleFactory(programme=enrolment.programme, mandatory=False)
    attend(enrolment, passed, 60)
    attend(enrolment, optional, 30)

    progress = enrolment_progress(enrolment=enrolment)

    assert progress.completion_pct == Decimal("50.0")
    assert progress.hours_attended == Decimal("1.50")
    assert not progress.is_complete


def test_it_computes_progress_in_a_constant_number_of_queries(
    enrolment, django_assert_max_num_queries
):
    for _index in range(4):
        module = ModuleFactory(programme=enrolment.programme)
        exam = AssessmentFactory(module=module)
        AssessmentFactory(module=module, compensable=True)
        attend(enrolment, module, 100)
        score(enrolment, exam, 15)

    with django_assert_max_num_queries(4):
        progress = enrolment_progress(enrolment=enrolment)

    assert len(progress.modules) == 4
