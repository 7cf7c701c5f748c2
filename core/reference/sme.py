"""SME size classes under EU Recommendation 2003/361/EC.

The ceilings live in ``settings.NWOW["SME_THRESHOLDS"]`` when that key is set,
because the Walloon schemes that apply them may change; otherwise
``DEFAULT_SME_THRESHOLDS`` applies. Both have the shape::

    {
        "micro": {"staff_below": 10, "turnover_max_eur": 2_000_000,
                  "balance_sheet_max_eur": 2_000_000},
        "small": {...},
        "medium": {...},
    }

``staff_below`` is exclusive (staff must be strictly lower); the two euro
ceilings are inclusive. A configured size class may give only the keys it
changes; the others keep their default.
"""

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Micro enterprise")
    SMALL = "small", _("Small enterprise")
    MEDIUM = "medium", _("Medium-sized enterprise")


DEFAULT_SME_THRESHOLDS: dict[str, dict[str, int]] = {
    SizeClass.MICRO: {
        "staff_below": 10,
        "turnover_max_eur": 2_000_000,
        "balance_sheet_max_eur": 2_000_000,
    },
    SizeClass.SMALL: {
        "staff_below": 50,
        "turnover_max_eur": 10_000_000,
        "balance_sheet_max_eur": 10_000_000,
    },
    SizeClass.MEDIUM: {
        "staff_below": 250,
        "turnover_max_eur": 50_000_000,
        "balance_sheet_max_eur": 43_000_000,
    },
}

# Smallest first: a company takes the first class whose ceilings it meets.
_SIZE_ORDER = (SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM)


def sme_thresholds() -> dict[str, dict[str, Decimal]]:
    """Return the ceilings in force, configured values over the defaults."""
    configured = getattr(settings, "NWOW", {}).get("SME_THRESHOLDS", {})
    return {
        size: {
            key: Decimal(str(value))
            for key, value in {
                **DEFAULT_SME_THRESHOLDS[size],
                **configured.get(size, {}),
            }.items()
        }
        for size in _SIZE_ORDER
    }


def _invalid_figure() -> ValidationError:
    return ValidationError(
        _(
            "The number of staff, the annual turnover and the balance sheet "
            "total must be positive numbers or zero."
        ),
        code="invalid",
    )


def _as_decimal(value: Decimal | int | None) -> Decimal | None:
    if value is None:
        return None
    try:
        # Through str() so that a float such as 9.5 staff stays 9.5 exactly.
        number = Decimal(str(value))
    except InvalidOperation:
        raise _invalid_figure() from None
    if not number.is_finite() or number < 0:
        raise _invalid_figure()
    return number


def _within_financial_ceilings(
    turnover: Decimal | None,
    balance_sheet: Decimal | None,
    ceilings: Mapping[str, Decimal],
) -> bool:
    # The Recommendation lets a company choose the more favourable of the two
    # figures, so meeting either ceiling is enough. A missing figure cannot
    # help: it counts only when the other one is known and within. With both
    # missing the company is sized on staff alone.
    if turnover is None and balance_sheet is None:
        return True

    turnover_ok = turnover is not None and turnover <= ceilings["turnover_max_eur"]
    balance_ok = (
        balance_sheet is not None and balance_sheet <= ceilings["balance_sheet_max_eur"]
    )
    return turnover_ok or balance_ok


def _millions(amount: Decimal) -> str:
    # 43000000 -> "43", 43500000 -> "43.5": the message reads in millions.
    return format((amount / 1_000_000).normalize(), "f")


def sme_size_class(
    *,
    employees: int | Decimal,
    annual_turnover_eur: Decimal | int | None,
    balance_sheet_eur: Decimal | int | None,
) -> SizeClass:
    """Classify a company as micro, small or medium.

    ``employees`` is the staff headcount in annual work units, so a fraction
    such as 9.5 is accepted. Raises ValidationError ``invalid`` for a negative
    figure and ``not_sme`` for a company above the medium-sized ceilings.
    """
    staff = _as_decimal(employees)
    if staff is None:
        raise _invalid_figure()
    turnover = _as_decimal(annual_turnover_eur)
    balance_sheet = _as_decimal(balance_sheet_eur)
    thresholds = sme_thresholds()

    for size in _SIZE_ORDER:
        ceilings = thresholds[size]
        if staff < ceilings["staff_below"] and _within_financial_ceilings(
            turnover, balance_sheet, ceilings
        ):
            return size

    medium = thresholds[SizeClass.MEDIUM]
    raise ValidationError(
        _(
            "With %(staff)s staff or more, or both a turnover above "
            "€%(turnover)s million and a balance sheet above "
            "€%(balance_sheet)s million, the company is not an SME under EU "
            "Recommendation 2003/361/EC and is not eligible."
        ),
        code="not_sme",
        params={
            "staff": format(medium["staff_below"].normalize(), "f"),
            "turnover": _millions(medium["turnover_max_eur"]),
            "balance_sheet": _millions(medium["balance_sheet_max_eur"]),
        },
    )
