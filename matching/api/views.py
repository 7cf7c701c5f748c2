"""API of expert requests: create, list, read, withdraw."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.filters import IdFilter

from ..models import ExpertRequest
from ..selectors import request_get_for, request_list_for
from ..services import request_create, request_withdraw
from .serializers import (
    ExpertRequestSerializer,
    ExpertRequestWriteSerializer,
    WithdrawSerializer,
)


class ExpertRequestFilter(filters.FilterSet):
    company = IdFilter(field_name="company_id")
    status = filters.ChoiceFilter(choices=ExpertRequest.Status.choices)

    class Meta:
        model = ExpertRequest
        fields = ["company", "status"]


class ExpertRequestViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Expert requests of the user's companies, or all of them for the agency."""

    queryset = ExpertRequest.objects.none()
    serializer_class = ExpertRequestSerializer
    filterset_class = ExpertRequestFilter

    def get_queryset(self):
        return request_list_for(user=self.request.user)

    @extend_schema(
        request=ExpertRequestWriteSerializer,
        responses={
            201: ExpertRequestSerializer,
            400: OpenApiResponse(description="Invalid fields, with their messages."),
            404: OpenApiResponse(description="A company you do not belong to."),
            409: OpenApiResponse(
                description="scan_required: no completed scan in the last 12 months."
            ),
        },
    )
    def create(self, request, *args, **kwargs):
        serializer = ExpertRequestWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        expert_request = request_create(user=request.user, **serializer.validated_data)
        return Response(self._read(expert_request), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=WithdrawSerializer,
        responses={
            200: ExpertRequestSerializer,
            404: OpenApiResponse(description="Unknown, or not yours to act on."),
            409: OpenApiResponse(description="The request is not open."),
        },
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        serializer = WithdrawSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        expert_request = request_withdraw(
            user=request.user,
            expert_request=self.get_object(),
            reason=serializer.validated_data.get("reason", ""),
        )
        return Response(self._read(expert_request))

    def _read(self, expert_request) -> dict:
        fresh = request_get_for(user=self.request.user, pk=expert_request.pk)
        return ExpertRequestSerializer(fresh, context={"request": self.request}).data
