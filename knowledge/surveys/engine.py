"""The question engine: checks every answer against its question.

``clean_answers`` takes the raw answers of a respondent, ``{question code:
value}``, as a page form or an API client sends them, and returns the
``Answer`` rows to save, or raises one ``DomainError`` listing every field in
error (``answers.<code>``), so that nothing is saved when anything is wrong.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.errors import DomainError

from .models import Answer, Option, Question

TEXT_MAX_LENGTH = 5000
NUMBER_LIMIT = Decimal("1e10")
Kind = Question.Kind


@dataclass
class _Problems:
    fields: dict[str, list[str]]

    def add(self, code: str, message: str) -> None:
        self.fields.setdefault(f"answers.{code}", []).append(message)


def _is_blank(value) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _number(value) -> Decimal | None:
    if isinstance(value, bool):  # True is an int to Python, not an answer
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _option_codes(value) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _clean_choice(question: Question, value, problems: _Problems) -> list[Option]:
    options = {option.code: option for option in question.options.all()}
    codes = _option_codes(value)
    if codes is None:
        problems.add(question.code, _("Choose among the proposed answers."))
        return []
    if question.kind == Kind.SINGLE and len(codes) != 1:
        problems.add(question.code, _("Choose one answer only."))
        return []
    unknown = [code for code in codes if code not in options]
    if unknown:
        problems.add(
            question.code,
            _("Unknown answer “%(code)s”: choose among the proposed answers.")
            % {"code": unknown[0]},
        )
        return []
    if len(set(codes)) != len(codes):
        problems.add(question.code, _("Each answer may be chosen once."))
        return []
    return [options[code] for code in codes]


def _clean_scale(question: Question, value, problems: _Problems) -> Decimal | None:
    number = _number(value)
    if number is None or number != number.to_integral_value():
        problems.add(
            question.code,
            _("Choose a whole number from %(low)s to %(high)s.")
            % {"low": question.scale_min, "high": question.scale_max},
        )
        return None
    if not question.scale_min <= number <= question.scale_max:
        problems.add(
            question.code,
            _("Choose a value from %(low)s to %(high)s.")
            % {"low": question.scale_min, "high": question.scale_max},
        )
        return None
    return number


def _clean_number(question: Question, value, problems: _Problems) -> Decimal | None:
    number = _number(value)
    if number is None:
        problems.add(question.code, _("Enter a number."))
        return None
    # The column holds 12 digits, two of them decimals.
    if abs(number) >= NUMBER_LIMIT:
        problems.add(question.code, _("Enter a smaller number."))
        return None
    if number != number.quantize(Decimal("0.01")):
        problems.add(question.code, _("Enter a number with at most two decimals."))
        return None
    low, high = question.min_value, question.max_value
    if (low is not None and number < low) or (high is not None and number > high):
        if low is not None and high is not None:
            message = _("Enter a number from %(low)s to %(high)s.")
        elif low is not None:
            message = _("Enter a number of at least %(low)s.")
        else:
            message = _("Enter a number of at most %(high)s.")
        problems.add(question.code, message % {"low": low, "high": high})
        return None
    return number


def _clean_text(question: Question, value, problems: _Problems) -> str | None:
    if not isinstance(value, str):
        problems.add(question.code, _("Enter a text."))
        return None
    text = value.strip()
    if len(text) > TEXT_MAX_LENGTH:
        problems.add(
            question.code,
            _("Keep it under %(max)s characters.") % {"max": TEXT_MAX_LENGTH},
        )
        return None
    return text


def clean_answers(
    questions: Iterable[Question], answers: Mapping[str, object]
) -> list[Answer]:
    """Unsaved ``Answer`` rows (without ``response``) for valid ``answers``.

    Raises DomainError ``invalid_answers`` naming each question in error: a
    required question left blank, a value of the wrong kind or out of range,
    an unknown option, or a code that is no question of the wave.
    """
    questions = list(questions)
    by_code = {question.code: question for question in questions}
    problems = _Problems(fields={})
    if not isinstance(answers, Mapping):
        raise DomainError(
            _("Send the answers as an object of question codes."),
            code="invalid_answers",
            fields={"answers": [_("Send the answers as an object of question codes.")]},
        )

    for code in answers:
        if code not in by_code:
            problems.add(str(code), _("This question is not part of the survey."))

    rows: list[Answer] = []
    for question in questions:
        value = answers.get(question.code)
        if isinstance(value, str) and question.kind != Kind.TEXT:
            value = value.strip()
        if _is_blank(value) or (question.kind == Kind.TEXT and not str(value).strip()):
            if question.required:
                problems.add(question.code, _("This question requires an answer."))
            continue

        if question.is_choice:
            for option in _clean_choice(question, value, problems):
                rows.append(Answer(question=question, option=option))
        elif question.kind == Kind.SCALE:
            number = _clean_scale(question, value, problems)
            if number is not None:
                rows.append(Answer(question=question, number=number))
        elif question.kind == Kind.NUMBER:
            number = _clean_number(question, value, problems)
            if number is not None:
                rows.append(Answer(question=question, number=number))
        else:
            text = _clean_text(question, value, problems)
            if text is not None:
                rows.append(Answer(question=question, text=text))

    if problems.fields:
        raise DomainError(
            _("Some answers are missing or invalid."),
            code="invalid_answers",
            fields=problems.fields,
        )
    return rows
