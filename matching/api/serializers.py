"""Serializers of the expert request API: one to read, one for the input."""

from rest_framework import serializers

from ..models import ExpertRequest


class ExpertRequestSerializer(serializers.ModelSerializer):
    company_name = serializers.CharField(source="company.name", read_only=True)
    needs = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    primary_need = serializers.SlugRelatedField(slug_field="code", read_only=True)
    created_by = serializers.StringRelatedField()

    class Meta:
        model = ExpertRequest
        fields = [
            "id",
            "company",
            "company_name",
            "status",
            "needs",
            "primary_need",
            "description",
            "language",
            "budget_days",
            "start_from",
            "start_until",
            "assessment",
            "created_by",
            "created_at",
        ]
        read_only_fields = fields


class ExpertRequestWriteSerializer(serializers.Serializer):
    """The shape of the input; ``request_create`` checks the rules.

    Status and author are not fields here: whatever a client sends for them
    is ignored.
    """

    company = serializers.IntegerField()
    needs = serializers.ListField(
        child=serializers.CharField(max_length=8), max_length=20
    )
    primary_need = serializers.CharField(
        max_length=8, required=False, allow_null=True, allow_blank=True
    )
    description = serializers.CharField(
        max_length=5000, allow_blank=True, trim_whitespace=True
    )
    language = serializers.CharField(max_length=8)
    budget_days = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=200
    )
    start_from = serializers.DateField(required=False, allow_null=True)
    start_until = serializers.DateField(required=False, allow_null=True)


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True)
