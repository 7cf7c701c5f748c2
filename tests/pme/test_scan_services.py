"""Taking the scan and recomputing it (pme/services/scans.py)."""

from io import StringIO

import pytest
from django.core.management import call_command

from core.errors import DomainError, NotFound
from core.models import AuditEntry
from pme.models import Answer, Question, QuestionnaireDimension, QuestionnaireVersion
from pme.services.scans import assessment_recompute, assessment_submit
from tests.pme.factories import CompanyFactory
from tests.pme.scans import WORKED_EXAMPLE, WORKED_SCORES, answers_from


@pytest.fixture
def company(db):
    return CompanyFactory()


def submit(company, answers, user=None):
    return assessment_submit(
        user=user or company.created_by, company=company, answers=answers
    )


def test_it_scores_the_worked_example_by_hand(company):
    assessment = submit(company, WORKED_EXAMPLE)

    assert assessment.dimension_scores == WORKED_SCORES
    # (100 + 50 + 75 + 20 + 62.5) / 5 = 61.5: level 4, capped at 1 + 2.
    assert float(assessment.overall_score) == 61.5
    assert assessment.level == 3
    assert assessment.version.number == 1


def test_it_keeps_the_raw_answers_including_dont_know(company):
    assessment = submit(company, WORKED_EXAMPLE)

    answers = dict(assessment.answers.values_list("question__code", "value"))
    assert answers == WORKED_EXAMPLE
    assert answers["D4.1"] is None


def test_it_audits_the_completed_scan(company):
    assessment = submit(company, WORKED_EXAMPLE)

    entry = AuditEntry.objects.get(action="pme.assessment.completed")
    assert entry.actor == company.created_by
    assert entry.object_id == str(assessment.pk)
    assert entry.data["level"] == 3


def test_a_colleague_may_take_the_scan(company, pme_member):
    company.memberships.create(user=pme_member)

    assert submit(company, {"D1.1": 2}, user=pme_member).taken_by == pme_member


@pytest.mark.parametrize("persona", ["pme_member", "reviewer", "consultant"])
def test_it_hides_the_company_from_anyone_who_is_not_a_member(
    company, persona, request
):
    with pytest.raises(NotFound):
        submit(company, {"D1.1": 2}, user=request.getfixturevalue(persona))


def test_it_refuses_unknown_questions_with_their_codes(company, english):
    with pytest.raises(DomainError) as raised:
        submit(company, {"D1.1": 2, "D9.9": 3, "Q": 1})

    assert raised.value.status_code == 400
    assert raised.value.fields["answers"] == ["Unknown questions: D9.9, Q."]


@pytest.mark.parametrize("value", [5, -1, 2.5, "3", True])
def test_it_refuses_a_value_off_the_scale(company, value):
    with pytest.raises(DomainError) as raised:
        submit(company, {"D1.1": value})

    assert raised.value.code == "invalid_answers"
    assert "D1.1" in raised.value.fields["answers"][0]


@pytest.mark.parametrize("answers", [{}, {"D1.1": None, "D2.2": None}])
def test_it_asks_for_at_least_one_answer(company, answers, english):
    with pytest.raises(DomainError) as raised:
        submit(company, answers)

    assert raised.value.code == "no_answer"
    assert raised.value.fields == {"answers": ["Answer at least one question."]}


def test_a_refused_scan_leaves_nothing_behind(company):
    with pytest.raises(DomainError):
        submit(company, {"D1.1": 9})

    assert not company.assessments.exists()
    assert not Answer.objects.exists()


def _publish_version_two():
    """v2 asks D1 differently: D1.1 kept, D1.6 new, the rest of v1 gone."""
    QuestionnaireVersion.objects.update(is_current=False)
    version = QuestionnaireVersion.objects.create(number=2, is_current=True)
    dimension = QuestionnaireDimension.objects.create(
        version=version,
        code="D1",
        position=1,
        label_fr="Stratégie",
        label_en="Strategy",
        label_de="Strategie",
        label_nl="Strategie",
    )
    for position, code in enumerate(["D1.1", "D1.6"], start=1):
        Question.objects.create(
            dimension=dimension,
            code=code,
            position=position,
            text_fr=f"{code} ?",
            text_en=f"{code}?",
            text_de=f"{code}?",
            text_nl=f"{code}?",
        )
    return version


def test_a_new_version_never_changes_past_scores(company):
    past = submit(company, WORKED_EXAMPLE)
    _publish_version_two()

    assert assessment_recompute(assessment=past) is False
    past.refresh_from_db()
    assert past.dimension_scores == WORKED_SCORES
    assert past.level == 3


def test_new_scans_use_the_new_version_and_its_questions(company):
    _publish_version_two()

    new = submit(company, {"D1.1": 4, "D1.6": 2})
    assert new.version.number == 2
    assert new.dimension_scores == {"D1": 75.0}

    with pytest.raises(DomainError):
        submit(company, {"D1.2": 4})


def test_recompute_restores_scores_from_the_raw_answers(company):
    assessment = submit(company, answers_from({"D1": [2, 2], "D2": [4]}))
    type(assessment).objects.filter(pk=assessment.pk).update(
        dimension_scores={"D1": 1.0}, overall_score=1, level=1
    )

    assert assessment_recompute(assessment=assessment) is True
    assessment.refresh_from_db()
    assert assessment.dimension_scores["D1"] == 50.0
    assert float(assessment.overall_score) == 75.0
    assert assessment.level == 4
    assert AuditEntry.objects.filter(action="pme.assessment.recomputed").count() == 1


def test_the_command_reports_how_many_scans_changed(company):
    submit(company, {"D1.1": 3})
    tampered = submit(company, {"D1.1": 1})
    type(tampered).objects.filter(pk=tampered.pk).update(level=5)
    out = StringIO()

    call_command("recompute_scans", stdout=out)
    call_command("recompute_scans", stdout=out)

    assert out.getvalue().splitlines() == [
        "1 of 2 scans changed.",
        "0 of 2 scans changed.",
    ]
