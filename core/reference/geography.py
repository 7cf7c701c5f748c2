"""Walloon provinces, postal codes and the default language of a municipality."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.TextChoices):
    """The five Walloon provinces, keyed by their ISO 3166-2 codes."""

    WALLOON_BRABANT = "BE-WBR", _("Walloon Brabant")
    HAINAUT = "BE-WHT", _("Hainaut")
    LIEGE = "BE-WLG", _("Liège")
    LUXEMBOURG = "BE-WLX", _("Luxembourg")
    NAMUR = "BE-WNA", _("Namur")


# Inclusive bounds. Belgian postal codes are grouped by province, so these
# ranges cover every Walloon municipality; 1000-9999 outside them is Brussels
# or Flanders.
_PROVINCE_RANGES: tuple[tuple[int, int, Province], ...] = (
    (1300, 1499, Province.WALLOON_BRABANT),
    (4000, 4999, Province.LIEGE),
    (5000, 5999, Province.NAMUR),
    (6000, 6599, Province.HAINAUT),
    (6600, 6999, Province.LUXEMBOURG),
    (7000, 7999, Province.HAINAUT),
)
_BRUSSELS_RANGE = (1000, 1299)

# Eupen, Kelmis, Lontzen, Raeren, Amel, Büllingen, Bütgenbach, Burg-Reuland and
# Sankt Vith: the German-speaking Community, whose companies expect German.
_GERMAN_SPEAKING_RANGE = (4700, 4791)


def _parse_postal_code(postal_code: str | int) -> int:
    text = str(postal_code).strip()
    if len(text) != 4 or not (text.isascii() and text.isdigit()) or text[0] == "0":
        raise ValidationError(
            _("Enter a Belgian postal code of 4 digits."), code="postal_code_format"
        )
    return int(text)


def province_for_postal_code(postal_code: str | int) -> Province:
    """Return the Walloon province of a postal code.

    Raises ValidationError when the code is malformed (``postal_code_format``)
    or lies in Brussels (``postal_code_brussels``) or Flanders
    (``postal_code_flanders``): the platform serves Walloon companies only.
    """
    code = _parse_postal_code(postal_code)

    for low, high, province in _PROVINCE_RANGES:
        if low <= code <= high:
            return province

    low, high = _BRUSSELS_RANGE
    if low <= code <= high:
        raise ValidationError(
            _(
                "Postal code %(postal_code)s is in the Brussels-Capital Region, "
                "which is outside Wallonia. NWOW Wallonie serves companies based "
                "in Wallonia: enter the postal code of your Walloon site."
            ),
            code="postal_code_brussels",
            params={"postal_code": code},
        )
    raise ValidationError(
        _(
            "Postal code %(postal_code)s is in the Flemish Region, which is outside "
            "Wallonia. NWOW Wallonie serves companies based in Wallonia; companies "
            "in Flanders can turn to the KMO-portefeuille."
        ),
        code="postal_code_flanders",
        params={"postal_code": code},
    )


def is_german_speaking(postal_code: str | int) -> bool:
    """Tell whether a postal code belongs to the German-speaking Community."""
    code = _parse_postal_code(postal_code)
    low, high = _GERMAN_SPEAKING_RANGE
    return low <= code <= high


def default_language_for_postal_code(postal_code: str | int) -> str:
    """Return the language code a company at this postal code gets by default."""
    return "de" if is_german_speaking(postal_code) else "fr"
