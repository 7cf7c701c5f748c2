"""Taking the maturity scan and recomputing its scores (domain.md §5).

An assessment keeps its raw answers and the version it was taken on; its
scores are computed from them by ``pme.scoring`` and stored, so that pages
and benchmarks read them without recomputing, and a new questionnaire
version never changes a past scan.
"""

import logging
from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record, register_action_labels
from core.errors import DomainError, NotFound
from core.models import User

from ..models import Answer, Assessment, Company, Question
from ..scoring import SCALE_MAX, ScanResult, score_scan
from ..selectors.scans import questionnaire_current, questionnaire_structure

logger = logging.getLogger(__name__)

ACTION_LABELS = {
    "pme.assessment.completed": gettext_lazy("Maturity scan completed"),
    "pme.assessment.recomputed": gettext_lazy("Maturity scan recomputed"),
}


def register_scan_action_labels() -> None:
    register_action_labels(ACTION_LABELS)


def _is_scale_value(value) -> bool:
    # bool is an int in Python: True must not pass for a 1.
    return value is None or (
        isinstance(value, int)
        and not isinstance(value, bool)
        and 0 <= value <= SCALE_MAX
    )


def _clean_answers(
    answers, structure: Mapping[str, list[str]]
) -> dict[str, int | None]:
    if not isinstance(answers, Mapping):
        raise DomainError(
            _("Send the answers as an object of question codes and values."),
            fields={"answers": [_('Expected an object such as {"D1.1": 3}.')]},
        )

    known = {code for codes in structure.values() for code in codes}
    errors = []
    unknown = sorted(str(code) for code in answers if code not in known)
    if unknown:
        errors.append(
            _("Unknown questions: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    invalid = sorted(
        str(code)
        for code, value in answers.items()
        if code in known and not _is_scale_value(value)
    )
    if invalid:
        errors.append(
            _(
                "Answer %(codes)s with a whole number from 0 to 4, "
                "or null for “don't know”."
            )
            % {"codes": ", ".join(invalid)}
        )
    if errors:
        raise DomainError(
            " ".join(errors), code="invalid_answers", fields={"answers": errors}
        )

    if all(value is None for value in answers.values()):
        message = _("Answer at least one question.")
        raise DomainError(message, code="no_answer", fields={"answers": [message]})
    return dict(answers)


def _score_fields(result: ScanResult) -> dict:
    overall = result.overall_score
    return {
        "dimension_scores": result.dimension_scores,
        "overall_score": Decimal(str(overall)) if overall is not None else None,
        "level": result.level,
    }


@transaction.atomic
def assessment_submit(
    *,
    user: User,
    company: Company,
    answers: Mapping[str, int | None],
) -> Assessment:
    """Record a scan of ``company`` on the current questionnaire.

    ``answers`` maps question codes to 0..4, or None for "don't know"; a
    question left out counts as "don't know". Only a member of the company
    may take its scan: anyone else gets the 404 of a company they cannot see.
    """
    if not user.is_authenticated or not company.memberships.filter(user=user).exists():
        raise NotFound()

    version = questionnaire_current()
    structure = questionnaire_structure(version)
    answers = _clean_answers(answers, structure)
    result = score_scan(answers, structure)

    assessment = Assessment.objects.create(
        company=company, version=version, taken_by=user, **_score_fields(result)
    )
    questions = Question.objects.filter(
        dimension__version=version, code__in=list(answers)
    )
    Answer.objects.bulk_create(
        Answer(assessment=assessment, question=question, value=answers[question.code])
        for question in questions
    )

    audit_record(
        action="pme.assessment.completed",
        actor=user,
        obj=assessment,
        data={
            "company": company.pk,
            "version": version.number,
            "answered": sum(value is not None for value in answers.values()),
            "overall_score": result.overall_score,
            "level": result.level,
        },
    )
    logger.info(
        "Scan %s of company %s: level %s", assessment.pk, company.pk, result.level
    )
    return assessment


def assessment_recompute(*, assessment: Assessment) -> bool:
    """Recompute the scores of a scan from its raw answers, on the version it
    was taken on. Return True when the stored scores changed (they only do
    after a fix of the scoring itself)."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        answers = dict(
            locked.answers.select_related("question").values_list(
                "question__code", "value"
            )
        )
        result = score_scan(answers, questionnaire_structure(locked.version))
        fields = _score_fields(result)
        before = {
            "dimension_scores": locked.dimension_scores,
            "overall_score": locked.overall_score,
            "level": locked.level,
        }
        if fields == before:
            return False

        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save(update_fields=list(fields))
        audit_record(
            action="pme.assessment.recomputed",
            obj=locked,
            data={
                "before": {**before, "overall_score": str(before["overall_score"])},
                "after": {**fields, "overall_score": result.overall_score},
            },
        )

    for name, value in fields.items():
        setattr(assessment, name, value)
    return True
