"""Which groups of respondents may be published.

Two rules keep a respondent from being singled out:

1. **Threshold**: a group of fewer than ``minimum`` respondents (5 by default)
   is withheld.
2. **Differencing guard**: when a breakdown withholds groups whose
   respondents add up to fewer than ``minimum``, the published total minus the
   published groups would give them back. The next-smallest groups are then
   withheld too, until the withheld ones together reach the threshold. (With
   exactly one small group withheld, that is the next-smallest one.)

``results.py`` applies both to every breakdown, and checks a filtered view
(province × size class, say) against the breakdowns it could be subtracted
from, so that combining filters never gives back a withheld group.
"""

from collections.abc import Mapping

from django.conf import settings

DEFAULT_MIN_GROUP = 5


def platform_min_group() -> int:
    return int(settings.NWOW.get("BAROMETER_MIN_GROUP", DEFAULT_MIN_GROUP))


def min_group_for(survey) -> int:
    """The survey's threshold: the platform's, or higher if the survey says so."""
    return max(platform_min_group(), survey.min_group_size or 0)


def withheld_cells(counts: Mapping[str, int], minimum: int) -> set[str]:
    """The keys of ``counts`` (respondents per group) that must be withheld."""
    withheld = {key for key, count in counts.items() if count < minimum}
    hidden = sum(counts[key] for key in withheld)
    # Smallest first, then by key, so that the same data always hides the
    # same groups.
    visible = sorted(
        (count, key) for key, count in counts.items() if key not in withheld
    )
    while 0 < hidden < minimum and visible:
        count, key = visible.pop(0)
        withheld.add(key)
        hidden += count
    return withheld
