"""Helpers of the scan tests: answers on questionnaire v1, stored scans."""

import datetime

from django.utils import timezone

from pme.models import Assessment, QuestionnaireVersion
from pme.questionnaire_v1 import DIMENSIONS

# Question codes of v1 per dimension, from the data the migration loaded.
V1_STRUCTURE = {
    code: [q for q, _texts in questions] for code, _l, questions in DIMENSIONS
}


def answers_from(values: dict[str, list[int | None]]) -> dict[str, int | None]:
    """{"D1": [4, 4, ...]} → {"D1.1": 4, "D1.2": 4, ...}; a shorter list
    leaves the remaining questions out."""
    answers = {}
    for dimension, scores in values.items():
        for code, value in zip(V1_STRUCTURE[dimension], scores, strict=False):
            answers[code] = value
    return answers


# D1 100 · D2 50 · D3 75 (one answer, three "don't know", one left out) ·
# D4 none · D5 20 · D6 62.5; overall 61.5 is level 4, capped at level 3
# by D5 (level 1) + 2.
WORKED_EXAMPLE = answers_from(
    {
        "D1": [4, 4, 4, 4, 4],
        "D2": [0, 1, 2, 3, 4],
        "D3": [3, None, None, None],
        "D4": [None, None, None, None, None],
        "D5": [1, 1, 1, 1, 0],
        "D6": [2, 2, 3, 3, None],
    }
)
WORKED_SCORES = {
    "D1": 100.0,
    "D2": 50.0,
    "D3": 75.0,
    "D4": None,
    "D5": 20.0,
    "D6": 62.5,
}


def stored_scan(company, scores: dict, overall, *, level=3, days_ago=0) -> Assessment:
    """A scan with given stored scores, taken ``days_ago`` days ago."""
    assessment = Assessment.objects.create(
        company=company,
        version=QuestionnaireVersion.objects.get(number=1),
        taken_by=company.created_by,
        dimension_scores=scores,
        overall_score=overall,
        level=level,
    )
    taken_at = timezone.now() - datetime.timedelta(days=days_ago)
    Assessment.objects.filter(pk=assessment.pk).update(taken_at=taken_at)
    assessment.refresh_from_db()
    return assessment
