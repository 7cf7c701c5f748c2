"""NACE-BEL 2025, the Belgian edition of NACE Rev. 2.1 (in force since 2025).

Codes are checked down to the division only: the platform needs a company's
section, and the full list of classes belongs to Statbel, not to this code.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Stored next to every code, because NACE-BEL 2008 codes are still found in
# older records and the same digits may mean a different activity there.
NACE_VERSION = "2025"


class NaceSection(models.TextChoices):
    """The 22 sections of NACE Rev. 2.1 with their official English titles."""

    A = "A", _("Agriculture, forestry and fishing")
    B = "B", _("Mining and quarrying")
    C = "C", _("Manufacturing")
    D = "D", _("Electricity, gas, steam and air conditioning supply")
    E = "E", _("Water supply; sewerage, waste management and remediation activities")
    F = "F", _("Construction")
    G = "G", _("Wholesale and retail trade")
    H = "H", _("Transportation and storage")
    I = "I", _("Accommodation and food service activities")  # noqa: E741
    J = "J", _("Publishing, broadcasting and content production and distribution")
    K = (
        "K",
        _(
            "Telecommunication, computer programming, consulting, computing "
            "infrastructure and other information service activities"
        ),
    )
    L = "L", _("Financial and insurance activities")
    M = "M", _("Real estate activities")
    N = "N", _("Professional, scientific and technical activities")
    O = "O", _("Administrative and support service activities")  # noqa: E741
    P = "P", _("Public administration and defence; compulsory social security")
    Q = "Q", _("Education")
    R = "R", _("Human health and social work activities")
    S = "S", _("Arts, sports and recreation")
    T = "T", _("Other service activities")
    U = (
        "U",
        _(
            "Activities of households as employers and undifferentiated goods- and "
            "service-producing activities of households for own use"
        ),
    )
    V = "V", _("Activities of extraterritorial organisations and bodies")


# Inclusive division ranges of NACE Rev. 2.1. The gaps (04, 34, 40, 44, 45,
# 48, 54, 57, 67, 76, 83, 89) hold no division; 45, the motor trade in
# NACE Rev. 2, was folded into 46 and 47 by the 2025 revision.
_SECTION_DIVISIONS: tuple[tuple[NaceSection, int, int], ...] = (
    (NaceSection.A, 1, 3),
    (NaceSection.B, 5, 9),
    (NaceSection.C, 10, 33),
    (NaceSection.D, 35, 35),
    (NaceSection.E, 36, 39),
    (NaceSection.F, 41, 43),
    (NaceSection.G, 46, 47),
    (NaceSection.H, 49, 53),
    (NaceSection.I, 55, 56),
    (NaceSection.J, 58, 60),
    (NaceSection.K, 61, 63),
    (NaceSection.L, 64, 66),
    (NaceSection.M, 68, 68),
    (NaceSection.N, 69, 75),
    (NaceSection.O, 77, 82),
    (NaceSection.P, 84, 84),
    (NaceSection.Q, 85, 85),
    (NaceSection.R, 86, 88),
    (NaceSection.S, 90, 93),
    (NaceSection.T, 94, 96),
    (NaceSection.U, 97, 98),
    (NaceSection.V, 99, 99),
)

# Division (2 digits), group (3), class (4) or NACE-BEL subclass (5), with the
# dot after the division written or left out: 62, 62.1, 62.10, 6210, 62.100.
_CODE = re.compile(r"(\d{2})\.?(\d{0,3})", flags=re.ASCII)


def _section_for_division(division: int) -> NaceSection | None:
    for section, first, last in _SECTION_DIVISIONS:
        if first <= division <= last:
            return section
    return None


def _parse(value: str) -> tuple[str, NaceSection]:
    match = _CODE.fullmatch(re.sub(r"\s+", "", str(value)))
    if match is None:
        raise ValidationError(
            _("Enter a NACE-BEL code of 2 to 5 digits, such as 62.10 or 62.100."),
            code="nace_format",
        )

    division, rest = match.groups()
    section = _section_for_division(int(division))
    if section is None:
        raise ValidationError(
            _(
                "The code %(code)s does not exist in NACE-BEL 2025: no division "
                "is numbered %(division)s. Codes from NACE-BEL 2008 may have "
                "changed; please check your record in the Crossroads Bank for "
                "Enterprises (CBE)."
            ),
            code="nace_unknown_division",
            params={"code": str(value).strip(), "division": division},
        )
    return (f"{division}.{rest}" if rest else division), section


def normalize_nace_code(value: str) -> str:
    """Return a NACE-BEL 2025 code in its dotted form: ``62.10``, ``62.100``.

    Raises ValidationError ``nace_format`` when the value is not a code and
    ``nace_unknown_division`` when its first two digits name no division.
    """
    return _parse(value)[0]


def nace_section(code: str) -> NaceSection:
    """Return the section (A-V) that a NACE-BEL 2025 code belongs to.

    Raises the same errors as ``normalize_nace_code``.
    """
    return _parse(code)[1]
