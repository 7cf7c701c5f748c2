"""The six NWOW/HR maturity dimensions and the five maturity levels."""

import math
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Dimension(models.TextChoices):
    D1 = "D1", _("Strategy & leadership")
    D2 = "D2", _("Time & place flexibility")
    D3 = "D3", _("Collaboration & digital tools")
    D4 = "D4", _("Participative management & culture")
    D5 = "D5", _("HR processes")
    D6 = "D6", _("Workspace & secure remote work")


@dataclass(frozen=True)
class MaturityLevel:
    """A level and the scores it covers, as published: 21-40 for level 2.

    ``max_score`` is the inclusive upper bound that ``level_for_score`` uses;
    ``min_score`` is the published lower bound, for display only.
    """

    number: int
    label: Promise
    min_score: int
    max_score: int


# The labels are single words that also name other things ("Managed" account,
# "Defined" term), hence a context for translators.
MATURITY_LEVELS: tuple[MaturityLevel, ...] = (
    MaturityLevel(1, pgettext_lazy("maturity level", "Initial"), 0, 20),
    MaturityLevel(2, pgettext_lazy("maturity level", "Emerging"), 21, 40),
    MaturityLevel(3, pgettext_lazy("maturity level", "Defined"), 41, 60),
    MaturityLevel(4, pgettext_lazy("maturity level", "Managed"), 61, 80),
    MaturityLevel(5, pgettext_lazy("maturity level", "Optimising"), 81, 100),
)


def level_for_score(score: float) -> int:
    """Return the maturity level (1-5) of a score between 0 and 100.

    The published ranges are whole numbers (0-20, 21-40, ...), but scores are
    means and come with fractions. A level runs up to and including its upper
    bound, and anything above belongs to the next level: 20.0 is level 1,
    20.5 is level 2, 80.01 is level 5.

    Raises ValueError for a score outside 0-100: that is a bug in the scoring,
    not something a user typed.
    """
    if math.isnan(score) or not 0 <= score <= 100:
        raise ValueError(f"A maturity score lies between 0 and 100, not {score!r}.")

    return next(level.number for level in MATURITY_LEVELS if score <= level.max_score)


def maturity_level(number: int) -> MaturityLevel:
    """Return the level numbered 1 to 5; raise KeyError for any other number."""
    for level in MATURITY_LEVELS:
        if level.number == number:
            return level
    raise KeyError(number)
