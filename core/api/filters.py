"""Query-parameter filters shared by the API's filter sets."""

from django import forms
from django.utils.translation import gettext_lazy as _
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


class _StrictBooleanField(forms.NullBooleanField):
    """``true``/``false`` (or ``1``/``0``); anything else is an error rather
    than silently no filter, which Django's select widget would make of it."""

    values = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.values[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError(
                _("Enter true or false."), code="invalid"
            ) from None


class StrictBooleanFilter(filters.BooleanFilter):
    field_class = _StrictBooleanField

    def __init__(self, *args, **kwargs):
        # The raw text must reach the field: the default widget has already
        # turned an unknown value into "no filter" by then.
        kwargs["widget"] = forms.TextInput
        super().__init__(*args, **kwargs)
