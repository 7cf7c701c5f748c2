"""Belgian enterprise numbers (BCE/KBO) and the VAT numbers derived from them."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FORMAT_MESSAGE = _(
    "Enter a Belgian enterprise number of 10 digits, such as 0403.019.261."
)
CHECKSUM_MESSAGE = _(
    "This enterprise number is not valid: its check digits do not match. Please "
    "check it against your Crossroads Bank for Enterprises (CBE) record."
)

# People paste the number from invoices, letterheads and the CBE site, so every
# separator those use is dropped before the digits are checked.
_SEPARATORS = re.compile(r"[\s.\-]+")


def normalize_enterprise_number(value: str) -> str:
    """Return the 10 digits of an enterprise number written in any common way.

    Accepts dots, spaces and dashes, an optional ``BE`` VAT prefix in any case,
    and the 9-digit numbers issued before 2005, which gain a leading 0.
    """
    compact = _SEPARATORS.sub("", str(value)).upper()
    compact = compact.removeprefix("BE")

    # isascii() keeps out digits of other scripts, which isdigit() accepts.
    if not (compact.isascii() and compact.isdigit()):
        raise ValidationError(FORMAT_MESSAGE, code="enterprise_number_format")
    if len(compact) == 9:
        compact = "0" + compact
    if len(compact) != 10 or compact[0] not in "01":
        raise ValidationError(FORMAT_MESSAGE, code="enterprise_number_format")

    # When the first eight digits are a multiple of 97 the check digits are 97,
    # never 00, which the subtraction gives without a special case.
    if int(compact[8:]) != 97 - int(compact[:8]) % 97:
        raise ValidationError(CHECKSUM_MESSAGE, code="enterprise_number_checksum")
    return compact


def validate_enterprise_number(value: str) -> None:
    """Django field validator: raise ValidationError unless the number is valid."""
    normalize_enterprise_number(value)


def format_enterprise_number(digits: str) -> str:
    """Write an enterprise number the way the CBE prints it: ``0403.019.261``."""
    digits = normalize_enterprise_number(digits)
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def vat_number(digits: str) -> str:
    """Return the Belgian VAT number, ``BE`` followed by the 10 digits."""
    return "BE" + normalize_enterprise_number(digits)
