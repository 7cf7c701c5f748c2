"""API of companies, their members and invitations.

A company is seen only by its members (and the agency): any other gets 404,
as if it did not exist. Province, NACE section, size class and the creator
are derived or set by the server and never read from the request.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.actions import detail_list_action
from core.reference.geography import Province
from core.reference.sme import SizeClass

from ..models import Company, Invitation, Membership
from ..selectors.companies import (
    company_list_for,
    invitation_pending_list,
    member_list,
)
from ..services import companies as services

MAX_EUR = 10**14 - 1  # the 14 digits of the model's decimal fields


class CompanySerializer(serializers.ModelSerializer):
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Company
        fields = [
            "id",
            "name",
            "enterprise_number",
            "postal_code",
            "province",
            "nace_code",
            "nace_version",
            "nace_section",
            "employees",
            "annual_turnover_eur",
            "balance_sheet_eur",
            "size_class",
            "language",
            "created_by",
            "created_at",
            "member_count",
        ]
        read_only_fields = fields


class CompanyWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    enterprise_number = serializers.CharField(
        max_length=20,
        help_text=_("Any common spelling: 0403.019.261, BE0403019261, 0403 019 261."),
    )
    postal_code = serializers.CharField(max_length=10)
    nace_code = serializers.CharField(
        max_length=12, help_text=_("NACE-BEL 2025, such as 62.100.")
    )
    employees = serializers.IntegerField(min_value=0, max_value=100_000)
    annual_turnover_eur = serializers.IntegerField(
        min_value=0, max_value=MAX_EUR, allow_null=True, required=False
    )
    balance_sheet_eur = serializers.IntegerField(
        min_value=0, max_value=MAX_EUR, allow_null=True, required=False
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        allow_null=True,
        allow_blank=True,
        required=False,
        help_text=_("German by default in the German-speaking area, else French."),
    )


class MemberSerializer(serializers.ModelSerializer):
    user = serializers.IntegerField(source="user_id", read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)
    name = serializers.CharField(source="user.get_full_name", read_only=True)

    class Meta:
        model = Membership
        fields = ["user", "email", "name", "role", "joined_at"]
        read_only_fields = fields


class InvitationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invitation
        fields = ["id", "company", "email", "invited_by", "created_at", "accepted_at"]
        read_only_fields = fields


class InvitationRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class InvitationAcceptSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=500)


class CompanyFilter(filters.FilterSet):
    province = filters.ChoiceFilter(choices=Province.choices)
    size_class = filters.ChoiceFilter(choices=SizeClass.choices)
    nace_section = filters.CharFilter()

    class Meta:
        model = Company
        fields = ["province", "size_class", "nace_section"]


class CompanyViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Companies the user belongs to (all of them for the agency)."""

    queryset = Company.objects.all()
    serializer_class = CompanySerializer
    filterset_class = CompanyFilter
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return company_list_for(self.request.user)

    @extend_schema(
        request=CompanyWriteSerializer,
        responses={
            201: CompanySerializer,
            400: OpenApiResponse(description="Invalid or ineligible company."),
            403: OpenApiResponse(description="Only company accounts register."),
        },
    )
    def create(self, request, *args, **kwargs):
        data = self._validated(CompanyWriteSerializer, request.data)
        company = services.company_register(user=request.user, **data)
        return Response(self._read(company), status=status.HTTP_201_CREATED)

    @extend_schema(request=CompanyWriteSerializer, responses=CompanySerializer)
    def partial_update(self, request, *args, **kwargs):
        company = self.get_object()
        data = self._validated(CompanyWriteSerializer, request.data, partial=True)
        company = services.company_update(company=company, actor=request.user, **data)
        return Response(self._read(company))

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(responses=MemberSerializer(many=True))
    @detail_list_action()
    def members(self, request, pk=None):
        members = member_list(self.get_object())
        return Response(MemberSerializer(members, many=True).data)

    @extend_schema(
        responses={
            204: OpenApiResponse(description="Removed."),
            403: OpenApiResponse(description="Only an administrator removes."),
            409: OpenApiResponse(description="The last administrator stays."),
        }
    )
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"members/(?P<user_id>\d+)",
        url_name="member",
    )
    def remove_member(self, request, pk=None, user_id=None):
        services.member_remove(
            company=self.get_object(), actor=request.user, user=int(user_id)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        methods=["post"],
        request=InvitationRequestSerializer,
        responses={201: InvitationSerializer},
    )
    @extend_schema(methods=["get"], responses=InvitationSerializer(many=True))
    @detail_list_action(methods=["get", "post"])
    def invitations(self, request, pk=None):
        company = self.get_object()
        if request.method == "GET":
            pending = invitation_pending_list(company)
            return Response(InvitationSerializer(pending, many=True).data)
        data = self._validated(InvitationRequestSerializer, request.data)
        invitation = services.invitation_send(
            company=company, actor=request.user, email=data["email"]
        )
        return Response(
            InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED
        )

    # -- helpers ---------------------------------------------------------------

    def _validated(self, serializer_class, data, partial=False) -> dict:
        serializer = serializer_class(data=data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def _read(self, company) -> dict:
        fresh = self.get_queryset().get(pk=company.pk)
        return CompanySerializer(fresh, context={"request": self.request}).data


class MembershipSerializer(serializers.ModelSerializer):
    company = CompanySerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["company", "role", "joined_at"]
        read_only_fields = fields


class InvitationAcceptApi(APIView):
    """Accept an invitation with the token of its link; accepting twice is harmless."""

    @extend_schema(
        request=InvitationAcceptSerializer,
        responses={
            200: MembershipSerializer,
            400: OpenApiResponse(
                description="invitation_invalid or invitation_expired."
            ),
            403: OpenApiResponse(description="Sent to another e-mail address."),
        },
    )
    def post(self, request):
        serializer = InvitationAcceptSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        membership = services.invitation_accept(
            user=request.user, token=serializer.validated_data["token"]
        )
        # Read back through the selector for the member count of the list.
        membership.company = company_list_for(request.user).get(
            pk=membership.company_id
        )
        return Response(MembershipSerializer(membership).data)
