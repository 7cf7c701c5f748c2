"""The question engine checks every answer against its question."""

import pytest

from core.errors import DomainError
from knowledge.surveys.engine import clean_answers

from .conftest import VALID

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def fields_of(wave, answers) -> dict:
    with pytest.raises(DomainError) as raised:
        clean_answers(wave.questions.prefetch_related("options"), answers)
    assert raised.value.code == "invalid_answers"
    return raised.value.fields


def test_it_turns_valid_answers_into_one_row_per_value(open_wave):
    answers = {**VALID, "COL.TOOLS": ["docs", "video"], "FREE.COMMENT": " Bien "}

    rows = clean_answers(open_wave.questions.prefetch_related("options"), answers)

    assert sorted(row.question.code for row in rows) == sorted(
        [
            "TEL.POLICY",
            "COL.TOOLS",
            "COL.TOOLS",
            "MGT.AUTONOMY",
            "TEL.DAYS",
            "FREE.COMMENT",
        ]
    )
    assert {str(row.number) for row in rows if row.number is not None} == {"4", "2.5"}
    assert [row.text for row in rows if row.text] == ["Bien"]


def test_it_requires_the_required_questions(open_wave):
    fields = fields_of(open_wave, {})

    assert set(fields) == {
        "answers.TEL.POLICY",
        "answers.MGT.AUTONOMY",
        "answers.TEL.DAYS",
    }


def test_it_refuses_an_unknown_option_and_two_answers_to_a_single_choice(open_wave):
    assert "answers.TEL.POLICY" in fields_of(open_wave, {**VALID, "TEL.POLICY": "x"})
    two = {**VALID, "TEL.POLICY": ["none", "written"]}
    assert fields_of(open_wave, two)["answers.TEL.POLICY"] == [
        "Choose one answer only."
    ]


def test_it_refuses_a_repeated_or_unknown_option_of_a_multiple_choice(open_wave):
    repeated = {**VALID, "COL.TOOLS": ["docs", "docs"]}
    assert "answers.COL.TOOLS" in fields_of(open_wave, repeated)
    assert "answers.COL.TOOLS" in fields_of(open_wave, {**VALID, "COL.TOOLS": [3]})


@pytest.mark.parametrize("value", [0, 6, 2.5, "beaucoup", True])
def test_it_keeps_a_scale_within_its_whole_values(open_wave, value):
    assert "answers.MGT.AUTONOMY" in fields_of(
        open_wave, {**VALID, "MGT.AUTONOMY": value}
    )


@pytest.mark.parametrize("value", [-1, "5.5", "deux", "1.234", "1e12"])
def test_it_keeps_a_number_within_its_range_and_two_decimals(open_wave, value):
    assert "answers.TEL.DAYS" in fields_of(open_wave, {**VALID, "TEL.DAYS": value})


def test_it_accepts_a_decimal_comma(open_wave):
    rows = clean_answers(open_wave.questions.all(), {**VALID, "TEL.DAYS": "1,5"})

    assert [str(r.number) for r in rows if r.question.code == "TEL.DAYS"] == ["1.5"]


def test_it_refuses_a_code_that_is_no_question_of_the_wave(open_wave):
    fields = fields_of(open_wave, {**VALID, "D9.9": "x"})

    assert fields == {"answers.D9.9": ["This question is not part of the survey."]}


def test_it_limits_the_free_text(open_wave):
    long_text = {**VALID, "FREE.COMMENT": "x" * 5001}
    assert "answers.FREE.COMMENT" in fields_of(open_wave, long_text)
