import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.reference.enterprise import (
    format_enterprise_number,
    normalize_enterprise_number,
    validate_enterprise_number,
    vat_number,
)

VALID_NUMBERS = ["0403019261", "0428759497", "0878065378"]

# Messages are lazy: they are rendered when read, after the raising block, so
# the whole test runs in English (the source language).
pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("digits", VALID_NUMBERS)
def test_it_accepts_real_enterprise_numbers(digits):
    assert normalize_enterprise_number(digits) == digits


@pytest.mark.parametrize(
    "spelling",
    [
        "0403.019.261",
        "0403 019 261",
        "0403-019-261",
        "BE0403019261",
        "BE 0403.019.261",
        "be0403019261",
        "  0403.019.261 ",
        "403019261",
        "BE403019261",
    ],
)
def test_it_accepts_common_spellings(spelling):
    assert normalize_enterprise_number(spelling) == "0403019261"


def test_it_accepts_check_digits_97_when_the_first_eight_are_a_multiple_of_97():
    # 04287594 is 97 x 44201, so the check digits are 97 rather than 00.
    assert int("04287594") % 97 == 0

    assert normalize_enterprise_number("0428.759.497") == "0428759497"


@pytest.mark.parametrize(
    "value",
    ["0403.019.262", "0403.019.216", "0413.019.261", "0878.065.379"],
)
def test_it_rejects_a_number_with_a_changed_digit(value):
    with pytest.raises(ValidationError) as excinfo:
        normalize_enterprise_number(value)

    assert excinfo.value.code == "enterprise_number_checksum"


@pytest.mark.parametrize(
    "value",
    [
        "04030192610",  # 11 digits
        "04030192",  # 8 digits
        "2403019261",  # first digit 2: an establishment unit, not an enterprise
        "0403.O19.261",  # letter O for a zero
        "FR0403019261",
        "",
        "0403/019/261",
        "٠٤٠٣٠١٩٢٦١",  # Arabic-Indic digits
    ],
)
def test_it_rejects_a_malformed_number(value):
    with pytest.raises(ValidationError) as excinfo:
        normalize_enterprise_number(value)

    assert excinfo.value.code == "enterprise_number_format"


def test_it_explains_a_format_error_with_an_example():
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        normalize_enterprise_number("12345")

    assert excinfo.value.messages == [
        "Enter a Belgian enterprise number of 10 digits, such as 0403.019.261."
    ]


def test_it_points_to_the_cbe_when_the_check_digits_fail():
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        normalize_enterprise_number("0403.019.262")

    assert "Crossroads Bank for Enterprises" in excinfo.value.messages[0]


def test_it_formats_the_number_as_the_cbe_prints_it():
    assert format_enterprise_number("0403019261") == "0403.019.261"
    assert format_enterprise_number("BE0878065378") == "0878.065.378"


def test_it_derives_the_vat_number():
    assert vat_number("0403019261") == "BE0403019261"
    assert vat_number("0428.759.497") == "BE0428759497"


def test_the_validator_passes_a_valid_number_and_raises_for_an_invalid_one():
    assert validate_enterprise_number("0403.019.261") is None

    with pytest.raises(ValidationError) as excinfo:
        validate_enterprise_number("0403.019.262")

    assert excinfo.value.code == "enterprise_number_checksum"
