"""Serializer building blocks shared by the API."""

from django.db import models
from rest_framework import serializers


class BlankAwareModelSerializer(serializers.ModelSerializer):
    """A model serializer whose schema admits the blank values it returns.

    DRF drops ``allow_blank`` from read-only fields, so a blank province or
    sector was documented as one of the enum's values only, and a blank link
    as a URI: clients validating answers against the schema rejected them.
    Here a read-only field keeps ``allow_blank`` (the schema adds the blank
    choice), and a link that may be blank is documented as plain text.
    """

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if isinstance(model_field, models.URLField) and model_field.blank:
            field_class = serializers.CharField
        return field_class, kwargs

    def include_extra_kwargs(self, kwargs, extra_kwargs):
        allow_blank = kwargs.get("allow_blank", False)
        kwargs = super().include_extra_kwargs(kwargs, extra_kwargs)
        if allow_blank and kwargs.get("read_only"):
            kwargs["allow_blank"] = True
        return kwargs
