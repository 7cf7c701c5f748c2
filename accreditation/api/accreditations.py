"""Accreditations API: the holder's and the agency's view, transitions, history,
certificate.

``get_queryset`` narrows the class-level ``queryset`` to what the user may
see, so another consultant's accreditation answers 404 to every action.
"""

import json

import django_filters
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import renderers, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.actions import detail_list_action
from core.api.serializers import HistoryEntrySerializer, ReasonSerializer
from core.audit import audit_history

from ..certificate import render_certificate
from ..models import Accreditation
from ..selectors import accreditations as selectors
from ..services import accreditations as services


class PdfRenderer(renderers.BaseRenderer):
    """Lets clients ask for ``Accept: application/pdf``; errors stay JSON text."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        # An error in the API's shape: say it is JSON, not a PDF.
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Type"] = "application/json"
        return json.dumps(data, default=str).encode()


class AccreditationSerializer(serializers.ModelSerializer):
    domain = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Accreditation
        fields = [
            "id",
            "consultant",
            "domain",
            "status",
            "valid_from",
            "valid_until",
            "verification_code",
        ]
        read_only_fields = fields


class RenewalSerializer(serializers.Serializer):
    renewal_proof = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        default="",
        help_text=_("Proof of activity when no mission was completed."),
    )
    remediation_plan = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        default="",
        help_text=_("Required when the mean rating is below the minimum."),
    )


class AccreditationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Accreditation.Status.choices)
    domain = django_filters.CharFilter(
        field_name="domain__code", label="Domain code (TEL, MGT, …)"
    )

    class Meta:
        model = Accreditation
        fields = ["status", "domain"]


def _transition_schema(request, summary: str):
    return extend_schema(
        request=request,
        responses={200: AccreditationSerializer},
        summary=summary,
    )


class AccreditationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Accreditation.objects.all()
    serializer_class = AccreditationSerializer
    filterset_class = AccreditationFilter

    def get_queryset(self):
        return selectors.accreditation_list(user=self.request.user).order_by(
            "valid_until", "pk"
        )

    def _reasoned(self, request, service):
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        accreditation = service(
            actor=request.user,
            accreditation=self.get_object(),
            reason=serializer.validated_data["reason"],
        )
        return Response(AccreditationSerializer(accreditation).data)

    @_transition_schema(ReasonSerializer, "Suspend an active accreditation (reviewer)")
    @action(detail=True, methods=["post"])
    def suspend(self, request, pk=None):
        return self._reasoned(request, services.accreditation_suspend)

    @_transition_schema(ReasonSerializer, "Reinstate a suspended accreditation")
    @action(detail=True, methods=["post"])
    def reinstate(self, request, pk=None):
        return self._reasoned(request, services.accreditation_reinstate)

    @_transition_schema(ReasonSerializer, "Revoke an accreditation (decider)")
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        return self._reasoned(request, services.accreditation_revoke)

    @_transition_schema(ReasonSerializer, "Give up one's own accreditation")
    @action(detail=True, methods=["post"])
    def relinquish(self, request, pk=None):
        return self._reasoned(request, services.accreditation_relinquish)

    @_transition_schema(ReasonSerializer, "Grant a new validity period (decider)")
    @action(detail=True, methods=["post"])
    def renew(self, request, pk=None):
        return self._reasoned(request, services.accreditation_renew)

    @_transition_schema(RenewalSerializer, "Ask for renewal (holder)")
    @action(detail=True, methods=["post"], url_path="submit-renewal")
    def submit_renewal(self, request, pk=None):
        serializer = RenewalSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        accreditation = services.accreditation_submit_renewal(
            actor=request.user,
            accreditation=self.get_object(),
            **serializer.validated_data,
        )
        return Response(AccreditationSerializer(accreditation).data)

    @extend_schema(
        responses={200: HistoryEntrySerializer(many=True)},
        summary="Transitions of the accreditation, oldest first",
    )
    @detail_list_action()
    def history(self, request, pk=None):
        entries = audit_history(self.get_object())
        return Response(HistoryEntrySerializer(entries, many=True).data)

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The certificate"
            )
        },
        summary="The certificate as a PDF (holder and agency)",
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="certificate.pdf",
        url_name="certificate",
        filter_backends=[],
        renderer_classes=[renderers.JSONRenderer, PdfRenderer],
    )
    def certificate(self, request, pk=None):
        accreditation = self.get_object()
        response = HttpResponse(
            render_certificate(accreditation), content_type="application/pdf"
        )
        filename = f"certificate-{accreditation.verification_code}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        # The certificate names a person: no shared or browser cache keeps it.
        response["Cache-Control"] = "no-store"
        return response
