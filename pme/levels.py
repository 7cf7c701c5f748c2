"""Words of the maturity scan shown to companies: the answer scale and what
each maturity level means."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.reference.maturity import maturity_level

# The answer scale of every question (domain.md §5); "don't know" is sent as
# null and left out of the scores.
ANSWER_SCALE: tuple[tuple[int, Promise], ...] = (
    (0, pgettext_lazy("scan answer", "Absent")),
    (1, pgettext_lazy("scan answer", "Ad hoc")),
    (2, pgettext_lazy("scan answer", "Some teams")),
    (3, pgettext_lazy("scan answer", "Company-wide")),
    (4, pgettext_lazy("scan answer", "Measured and improved")),
)
DONT_KNOW_LABEL = _("Don't know")

MEANINGS: dict[int, Promise] = {
    1: _(
        "New ways of working are absent or depend on individual initiatives; "
        "nothing is written down yet."
    ),
    2: _(
        "First practices exist in some teams, ad hoc, without a shared policy "
        "or follow-up."
    ),
    3: _(
        "Policies and tools are defined and used in several teams, but not yet "
        "everywhere nor measured."
    ),
    4: _(
        "Practices apply across the company and are followed with indicators "
        "and regular reviews."
    ),
    5: _(
        "Practices are measured and improved continuously; the company can "
        "inspire others."
    ),
}


@dataclass(frozen=True)
class LevelDisplay:
    number: int
    label: str
    meaning: str
    min_score: int
    max_score: int


def level_display(number: int | None) -> LevelDisplay | None:
    """The level's name, meaning and score range, in the active language."""
    if number is None:
        return None
    level = maturity_level(number)
    return LevelDisplay(
        number=number,
        label=str(level.label),
        meaning=str(MEANINGS[number]),
        min_score=level.min_score,
        max_score=level.max_score,
    )
