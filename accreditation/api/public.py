"""Public, unauthenticated API: verify a certificate, browse the expert directory.

Verification is throttled per address (scope ``public-verify``): codes carry
about 79 bits, and the throttle makes even trying them at scale pointless.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from core.errors import NotFound
from core.models import User

from ..models import Accreditation
from ..selectors import accreditations as selectors


class VerificationSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    holder = serializers.CharField()
    domains = serializers.ListField(child=serializers.CharField())
    status = serializers.ChoiceField(choices=Accreditation.Status.choices)
    valid_until = serializers.DateField()


def verification_result(accreditation: Accreditation) -> dict:
    """What the public may know about a certificate: shared by API and page."""
    domains = [
        sibling.domain.code
        for sibling in selectors.accreditation_siblings(accreditation)
        if sibling.is_matchable
    ]
    return {
        # The daily clock expires accreditations; until it has run, a date in
        # the past already makes the certificate invalid.
        "valid": accreditation.is_matchable
        and accreditation.valid_until >= timezone.localdate(),
        "holder": accreditation.consultant.get_full_name(),
        # The domain of this certificate, then its siblings still valid.
        "domains": [accreditation.domain.code]
        + [code for code in domains if code != accreditation.domain.code],
        "status": accreditation.status,
        "valid_until": accreditation.valid_until,
    }


class PublicVerifyApi(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public-verify"

    @extend_schema(
        responses={200: VerificationSerializer},
        summary="Verify an accreditation by the code printed on its certificate",
    )
    def get(self, request, code: str):
        accreditation = selectors.accreditation_get_by_code(code=code)
        if accreditation is None:
            raise NotFound(_("No accreditation has this verification code."))
        return Response(VerificationSerializer(verification_result(accreditation)).data)


class ExpertSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    domains = serializers.ListField(child=serializers.CharField())
    provinces = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())
    remote = serializers.BooleanField()


class ExpertQuerySerializer(serializers.Serializer):
    domain = serializers.CharField(required=False, max_length=8)
    province = serializers.CharField(required=False, max_length=8)
    language = serializers.CharField(required=False, max_length=5)
    q = serializers.CharField(required=False, max_length=100)


def expert_rows(experts: list[User]) -> list[dict]:
    profiles = selectors.expert_profiles(experts=experts)
    return [
        {"id": expert.pk, "name": expert.get_full_name(), **profiles[expert.pk]}
        for expert in experts
    ]


@extend_schema(
    parameters=[
        OpenApiParameter("domain", str, description="Domain code (TEL, MGT, …)"),
        OpenApiParameter("province", str, description="ISO 3166-2 (BE-WHT, …)"),
        OpenApiParameter("language", str, description="fr, de, nl or en"),
        OpenApiParameter(
            "q",
            str,
            description=(
                "Words of the name. Case-insensitive; on SQLite accents must "
                "match exactly."
            ),
        ),
    ],
)
class ExpertDirectoryApi(generics.ListAPIView):
    """The public directory of matchable experts."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    serializer_class = ExpertSerializer
    queryset = User.objects.none()
    filter_backends = []

    def get_queryset(self):
        query = ExpertQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return selectors.expert_list(**query.validated_data)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(
            ExpertSerializer(expert_rows(page), many=True).data
        )
