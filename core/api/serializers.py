from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.audit import action_label
from core.models import User
from core.roles import SELF_SERVICE_ROLES, Role


class UserSerializer(serializers.ModelSerializer):
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=Role.choices), read_only=True
    )

    class Meta:
        model = User
        fields = ["id", "email", "first_name", "last_name", "language", "roles"]
        read_only_fields = ["id", "email", "roles"]


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        write_only=True, max_length=128, style={"input_type": "password"}
    )
    first_name = serializers.CharField(max_length=150)
    last_name = serializers.CharField(max_length=150)
    role = serializers.ChoiceField(
        choices=[
            (role.value, role.label) for role in Role if role in SELF_SERVICE_ROLES
        ],
        help_text=_("consultant or pme; staff roles are given by an administrator."),
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        write_only=True, max_length=128, style={"input_type": "password"}
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)


class ReasonSerializer(serializers.Serializer):
    """The optional body of a workflow action: ``{"reason": "..."}``."""

    reason = serializers.CharField(
        required=False, allow_blank=True, max_length=5000, default=""
    )


class HistoryEntrySerializer(serializers.Serializer):
    """One audit row of an object, as the ``.../history/`` entries of api.md."""

    transition = serializers.CharField(source="action")
    label = serializers.SerializerMethodField()
    from_status = serializers.CharField(source="from_state")
    to_status = serializers.CharField(source="to_state")
    actor = serializers.StringRelatedField()
    reason = serializers.CharField()
    at = serializers.DateTimeField()

    def get_label(self, entry) -> str:
        return action_label(entry.action)
