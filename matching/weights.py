"""The components of the ranking score and their hand-tuned weights (v1)."""

from django.utils.translation import gettext_lazy as _

# Each component is in [0, 1]; the score is the weighted sum, so the
# components of a proposal add up to its score.
COMPONENTS = {
    "need_coverage": _("Need coverage"),
    "quality": _("Quality of past missions"),
    "outcome": _("Maturity gained in past missions"),
    "sector_experience": _("Experience in the sector"),
    "size_experience": _("Experience with companies of this size"),
    "proximity": _("Proximity"),
    "availability": _("Availability"),
    "exploration": _("Newly approved expert"),
}

DEFAULT_WEIGHTS = {
    "need_coverage": 0.35,
    "quality": 0.15,
    "outcome": 0.15,
    "sector_experience": 0.08,
    "size_experience": 0.07,
    "proximity": 0.08,
    "availability": 0.07,
    "exploration": 0.05,
}
