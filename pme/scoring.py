"""Scoring the NWOW/HR maturity scan (domain.md §5), as pure functions.

Scale per question: 0 absent · 1 ad hoc · 2 some teams · 3 company-wide ·
4 measured and improved; ``None`` is "don't know" and counts nowhere.

- dimension score = mean of its answered questions / 4 × 100 (``None`` when
  none of its questions was answered);
- overall score = mean of the dimension scores that exist;
- level = the level of the overall score (1 Initial … 5 Optimising), capped
  at the weakest dimension's level + 2.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from core.reference.maturity import level_for_score

SCALE_MAX = 4
LEVEL_CAP_ABOVE_WEAKEST = 2


@dataclass(frozen=True)
class ScanResult:
    dimension_scores: dict[str, float | None]
    overall_score: float | None
    level: int | None

    @property
    def answered_dimensions(self) -> dict[str, float]:
        return {k: v for k, v in self.dimension_scores.items() if v is not None}

    def weakest(self, count: int = 2) -> list[str]:
        """The codes of the lowest-scoring answered dimensions, weakest first."""
        ranked = sorted(self.answered_dimensions.items(), key=lambda item: item[1])
        return [code for code, _score in ranked[:count]]


def _round(value: float) -> float:
    return float(Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP))


def score_scan(
    answers: Mapping[str, int | None], structure: Mapping[str, Sequence[str]]
) -> ScanResult:
    """Score ``answers`` ({question code: 0..4 or None}) on ``structure``
    ({dimension code: [question codes]}). Unknown question codes are ignored;
    a question missing from ``answers`` counts as "don't know"."""
    dimension_scores: dict[str, float | None] = {}
    for dimension, questions in structure.items():
        values = [answers.get(code) for code in questions]
        given = [value for value in values if value is not None]
        if any(not 0 <= value <= SCALE_MAX for value in given):
            raise ValueError("Answers are on a 0–4 scale.")
        dimension_scores[dimension] = (
            _round(sum(given) / len(given) / SCALE_MAX * 100) if given else None
        )

    answered = [score for score in dimension_scores.values() if score is not None]
    if not answered:
        return ScanResult(dimension_scores, None, None)

    overall = _round(sum(answered) / len(answered))
    weakest_level = min(level_for_score(score) for score in answered)
    level = min(level_for_score(overall), weakest_level + LEVEL_CAP_ABOVE_WEAKEST)
    return ScanResult(dimension_scores, overall, level)
