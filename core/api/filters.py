"""Query-parameter filters shared by the API's filter sets."""

from django_filters import rest_framework as filters

BIGGEST_ID = 2**63 - 1


class IdFilter(filters.NumberFilter):
    """A database id: a whole number within a 64-bit key, so that a huge or
    fractional value is refused with a 400 instead of overflowing in the
    database."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", BIGGEST_ID)
        kwargs.setdefault("decimal_places", 0)
        super().__init__(*args, **kwargs)


class YearFilter(filters.NumberFilter):
    """A calendar year of the platform's content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2200)
        kwargs.setdefault("decimal_places", 0)
        super().__init__(*args, **kwargs)
