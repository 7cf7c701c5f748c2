"""Verified CPD hours per period, as accreditation renewal counts them."""

from datetime import date
from decimal import Decimal

import pytest

from tests.training.factories import CpdActivityFactory
from training.selectors import cpd_verified_hours

pytestmark = pytest.mark.django_db


def test_it_counts_only_verified_hours_within_the_period(consultant):
    CpdActivityFactory(
        consultant=consultant, hours=4, date=date(2026, 3, 1), status="verified"
    )
    CpdActivityFactory(consultant=consultant, hours=2, date=date(2026, 3, 2))
    CpdActivityFactory(
        consultant=consultant, hours=5, date=date(2026, 3, 3), status="rejected"
    )
    CpdActivityFactory(
        consultant=consultant, hours=7, date=date(2025, 1, 1), status="verified"
    )

    hours = cpd_verified_hours(
        consultant=consultant, start=date(2026, 1, 1), end=date(2026, 12, 31)
    )

    assert hours == Decimal(4)
