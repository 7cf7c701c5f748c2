"""Training API: thin viewsets over ``training.selectors`` and ``training.services``.

Each viewset keeps a class-level ``queryset`` so that the schema types ``{id}``;
``get_queryset`` narrows it to what the user may see, so that another
consultant's objects answer 404.
"""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, parsers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.actions import detail_list_action
from core.api.filters import IdFilter
from core.api.serializers import HistoryEntrySerializer, ReasonSerializer
from core.audit import audit_history

from .. import selectors, services
from ..models import (
    Assessment,
    Certification,
    CpdActivity,
    Enrolment,
    Programme,
    Session,
)
from . import serializers as s


class ProgrammeFilter(django_filters.FilterSet):
    domain = django_filters.CharFilter(
        field_name="domain__code", label="Domain code (TEL, MGT, …)"
    )

    class Meta:
        model = Programme
        fields = ["domain"]


class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Programme.objects.all()
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.programme_detail_queryset(user=self.request.user)
        return selectors.programme_list(user=self.request.user)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.ProgrammeDetailSerializer
        return s.ProgrammeSerializer


class SessionFilter(django_filters.FilterSet):
    programme = IdFilter(field_name="module__programme")

    class Meta:
        model = Session
        fields = ["module", "programme"]


class SessionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Session.objects.all()
    serializer_class = s.SessionSerializer
    filterset_class = SessionFilter

    def get_queryset(self):
        return selectors.session_list(user=self.request.user)

    @extend_schema(
        request=s.SessionRegisterSerializer,
        responses={201: s.SessionRegistrationSerializer},
        summary="Reserve a seat in the session for one's own enrolment",
    )
    @action(detail=True, methods=["post"])
    def register(self, request, pk=None):
        session = self.get_object()
        serializer = s.SessionRegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = services.session_register(
            user=request.user, session=session, **serializer.validated_data
        )
        return Response(
            s.SessionRegistrationSerializer(registration).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=s.AttendanceInputSerializer,
        responses={200: s.AttendanceSerializer},
        summary="Record a consultant's attendance (the session's trainer)",
    )
    @action(detail=True, methods=["post"])
    def attendance(self, request, pk=None):
        session = self.get_object()
        serializer = s.AttendanceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attendance = services.attendance_record(
            trainer=request.user, session=session, **serializer.validated_data
        )
        return Response(s.AttendanceSerializer(attendance).data)


class EnrolmentViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Enrolment.objects.all()
    serializer_class = s.EnrolmentSerializer

    def get_queryset(self):
        return selectors.enrolment_list(user=self.request.user)

    @extend_schema(
        request=s.EnrolmentCreateSerializer,
        responses={201: s.EnrolmentProgressSerializer},
        summary="Enrol oneself in a published programme",
    )
    def create(self, request, *args, **kwargs):
        serializer = s.EnrolmentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        enrolment = services.enrolment_create(
            consultant=request.user, **serializer.validated_data
        )
        progress = selectors.enrolment_progress(enrolment=enrolment)
        return Response(
            s.EnrolmentProgressSerializer(progress).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(responses={200: s.EnrolmentProgressSerializer})
    def retrieve(self, request, *args, **kwargs):
        progress = selectors.enrolment_progress(enrolment=self.get_object())
        return Response(s.EnrolmentProgressSerializer(progress).data)


class AssessmentViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Assessment.objects.all()
    serializer_class = s.AssessmentSerializer
    filterset_fields = ["module"]

    def get_queryset(self):
        return selectors.assessment_list(user=self.request.user)

    @extend_schema(
        request=s.AttemptInputSerializer,
        responses={201: s.AttemptSerializer},
        summary="Record an attempt's score (a trainer of the module)",
    )
    @action(detail=True, methods=["post"])
    def attempts(self, request, pk=None):
        assessment = self.get_object()
        serializer = s.AttemptInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attempt = services.attempt_record(
            trainer=request.user, assessment=assessment, **serializer.validated_data
        )
        return Response(s.AttemptSerializer(attempt).data, status=201)


class CertificationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Certification.objects.all()
    serializer_class = s.CertificationSerializer

    def get_queryset(self):
        return selectors.certification_list(user=self.request.user)

    @extend_schema(
        request=ReasonSerializer,
        responses={200: s.CertificationSerializer},
        summary="Revoke a certification (decider or administrator)",
    )
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        certification = services.certification_revoke(
            actor=request.user,
            certification=self.get_object(),
            **serializer.validated_data,
        )
        return Response(s.CertificationSerializer(certification).data)

    @extend_schema(
        responses={200: HistoryEntrySerializer(many=True)},
        summary="The certification's issue and revocation, oldest first",
    )
    @detail_list_action()
    def history(self, request, pk=None):
        entries = audit_history(self.get_object())
        return Response(HistoryEntrySerializer(entries, many=True).data)


class CpdActivityViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    queryset = CpdActivity.objects.all()
    serializer_class = s.CpdActivitySerializer
    filterset_fields = ["status", "category"]
    # Multipart for a declaration with its evidence file; reviews are JSON.
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser]

    def get_queryset(self):
        return selectors.cpd_activity_list(user=self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.cpd_declare(
            consultant=self.request.user, **serializer.validated_data
        )

    def _review(self, request, service):
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        activity = service(
            reviewer=request.user,
            activity=self.get_object(),
            **serializer.validated_data,
        )
        return Response(s.CpdActivitySerializer(activity).data)

    @extend_schema(
        request=ReasonSerializer,
        responses={200: s.CpdActivitySerializer},
        summary="Verify a declared activity (reviewer)",
    )
    @action(detail=True, methods=["post"], parser_classes=[parsers.JSONParser])
    def verify(self, request, pk=None):
        return self._review(request, services.cpd_verify)

    @extend_schema(
        request=ReasonSerializer,
        responses={200: s.CpdActivitySerializer},
        summary="Reject a declared activity, with a reason (reviewer)",
    )
    @action(detail=True, methods=["post"], parser_classes=[parsers.JSONParser])
    def reject(self, request, pk=None):
        return self._review(request, services.cpd_reject)

    @extend_schema(
        responses={200: HistoryEntrySerializer(many=True)},
        summary="The activity's transitions, oldest first",
    )
    @detail_list_action()
    def history(self, request, pk=None):
        entries = audit_history(self.get_object())
        return Response(HistoryEntrySerializer(entries, many=True).data)
