from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation

from core.reference.sme import SizeClass, sme_size_class

MILLION = 1_000_000

# Messages are lazy: they are rendered when read, after the raising block, so
# the whole test runs in English (the source language).
pytestmark = pytest.mark.usefixtures("english")


def classify(employees, turnover=None, balance_sheet=None):
    return sme_size_class(
        employees=employees,
        annual_turnover_eur=turnover,
        balance_sheet_eur=balance_sheet,
    )


@pytest.mark.parametrize(
    ("employees", "size"),
    [
        (0, SizeClass.MICRO),
        (9, SizeClass.MICRO),
        (10, SizeClass.SMALL),
        (49, SizeClass.SMALL),
        (50, SizeClass.MEDIUM),
        (249, SizeClass.MEDIUM),
    ],
)
def test_it_sizes_on_staff_at_each_boundary(employees, size):
    assert classify(employees, 1 * MILLION, 1 * MILLION) == size


def test_it_refuses_a_company_of_250_staff():
    with pytest.raises(ValidationError) as excinfo:
        classify(250, 1 * MILLION, 1 * MILLION)

    assert excinfo.value.code == "not_sme"


def test_it_counts_a_turnover_of_exactly_50_million_as_within():
    assert classify(100, 50 * MILLION, 60 * MILLION) == SizeClass.MEDIUM


def test_it_counts_a_balance_sheet_of_exactly_43_million_as_within():
    assert classify(100, 80 * MILLION, 43 * MILLION) == SizeClass.MEDIUM


def test_it_keeps_a_company_within_one_of_the_two_financial_ceilings():
    # Turnover too high for a small enterprise, balance sheet low enough.
    assert classify(20, Decimal("12000000"), Decimal("9500000")) == SizeClass.SMALL


def test_it_refuses_a_company_above_both_financial_ceilings():
    with pytest.raises(ValidationError) as excinfo:
        classify(100, Decimal("50000000.01"), Decimal("43000000.01"))

    assert excinfo.value.code == "not_sme"


def test_it_moves_a_small_staff_up_a_class_when_both_figures_exceed_the_ceiling():
    assert classify(5, 3 * MILLION, 3 * MILLION) == SizeClass.SMALL
    assert classify(5, 11 * MILLION, 12 * MILLION) == SizeClass.MEDIUM


def test_it_uses_the_other_figure_when_one_is_missing():
    assert classify(5, None, 1 * MILLION) == SizeClass.MICRO
    assert classify(5, None, 3 * MILLION) == SizeClass.SMALL
    assert classify(5, 3 * MILLION, None) == SizeClass.SMALL


def test_it_sizes_on_staff_alone_when_both_figures_are_missing():
    assert classify(9) == SizeClass.MICRO
    assert classify(49) == SizeClass.SMALL
    assert classify(249) == SizeClass.MEDIUM


def test_it_refuses_when_the_only_figure_given_is_above_the_medium_ceiling():
    with pytest.raises(ValidationError) as excinfo:
        classify(100, None, 44 * MILLION)

    assert excinfo.value.code == "not_sme"


@pytest.mark.parametrize(
    ("employees", "turnover", "balance_sheet"),
    [(-1, None, None), (5, -1, None), (5, None, Decimal("-0.01")), (None, 1, 1)],
)
def test_it_rejects_negative_or_missing_figures(employees, turnover, balance_sheet):
    with pytest.raises(ValidationError) as excinfo:
        classify(employees, turnover, balance_sheet)

    assert excinfo.value.code == "invalid"


def test_it_names_the_rule_when_refusing_a_large_company():
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        classify(300, 1 * MILLION, 1 * MILLION)

    assert excinfo.value.messages == [
        "With 250 staff or more, or both a turnover above €50 million and a "
        "balance sheet above €43 million, the company is not an SME under EU "
        "Recommendation 2003/361/EC and is not eligible."
    ]


def test_it_reads_the_thresholds_from_settings():
    nwow = {
        **getattr(settings, "NWOW", {}),
        "SME_THRESHOLDS": {"medium": {"staff_below": 300}},
    }

    with override_settings(NWOW=nwow):
        assert classify(280, 1 * MILLION, 1 * MILLION) == SizeClass.MEDIUM
        assert classify(9, 1 * MILLION, 1 * MILLION) == SizeClass.MICRO


def test_it_quotes_the_configured_thresholds_in_the_refusal():
    nwow = {
        **getattr(settings, "NWOW", {}),
        "SME_THRESHOLDS": {"medium": {"balance_sheet_max_eur": 43_500_000}},
    }

    with override_settings(NWOW=nwow), translation.override("en"):
        with pytest.raises(ValidationError) as excinfo:
            classify(100, 60 * MILLION, 44 * MILLION)

    assert "€43.5 million" in excinfo.value.messages[0]
