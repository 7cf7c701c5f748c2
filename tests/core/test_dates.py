"""Belgian working days for due dates."""

import datetime

from core.dates import add_working_days, belgian_public_holidays


def test_it_knows_easter_monday_ascension_and_whit_monday_2027():
    holidays = belgian_public_holidays(2027)

    assert datetime.date(2027, 3, 29) in holidays  # Easter Monday
    assert datetime.date(2027, 5, 6) in holidays  # Ascension
    assert datetime.date(2027, 5, 17) in holidays  # Whit Monday
    assert len(holidays) == 10


def test_it_skips_weekends():
    friday = datetime.date(2026, 12, 4)

    assert add_working_days(friday, 1) == datetime.date(2026, 12, 7)


def test_it_skips_christmas_and_new_year():
    assert add_working_days(datetime.date(2026, 12, 24), 2) == datetime.date(
        2026, 12, 29
    )
    assert add_working_days(datetime.date(2026, 12, 31), 1) == datetime.date(2027, 1, 4)


def test_it_adds_years_and_survives_a_leap_day():
    from core.dates import add_years

    assert add_years(datetime.date(2026, 12, 3), 3) == datetime.date(2029, 12, 3)
    assert add_years(datetime.date(2028, 2, 29), 3) == datetime.date(2031, 2, 28)
