"""API of accreditation applications: the file, its documents, its workflow."""

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.api.actions import detail_list_action
from core.api.serializers import HistoryEntrySerializer, ReasonSerializer
from core.audit import audit_history
from core.models import Need
from training.models import Programme

from ..models import Application, ApplicationDocument, ReferenceMission
from ..selectors.applications import application_checklist, application_list
from ..services import applications as services
from ..services import files

PROVINCES = ["BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA"]
LANGUAGES = ["fr", "de", "nl", "en"]


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApplicationDocument
        fields = ["id", "kind", "original_name", "content_type", "size", "uploaded_at"]
        read_only_fields = fields


class DocumentUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ApplicationDocument.Kind.choices)
    file = serializers.FileField()


class ReferenceSerializer(serializers.ModelSerializer):
    domain = serializers.SlugRelatedField(
        slug_field="code", queryset=Need.objects.filter(is_active=True)
    )

    class Meta:
        model = ReferenceMission
        fields = [
            "id",
            "client_name",
            "client_contact",
            "client_email",
            "client_phone",
            "year",
            "domain",
            "description",
        ]
        read_only_fields = ["id"]


class ChecklistItemSerializer(serializers.Serializer):
    code = serializers.CharField()
    done = serializers.BooleanField()
    label = serializers.CharField()


class ApplicationSerializer(serializers.ModelSerializer):
    domains = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    consultant = serializers.StringRelatedField()
    documents = DocumentSerializer(many=True, read_only=True)
    references = ReferenceSerializer(many=True, read_only=True)
    prescribed_programme = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )
    recommendation = serializers.ChoiceField(
        choices=Application.Recommendation.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Application
        fields = [
            "id",
            "consultant",
            "status",
            "domains",
            "enterprise_number",
            "motivation",
            "years_experience",
            "languages",
            "provinces",
            "remote",
            "due_date",
            "submitted_at",
            "changes_requested",
            "prescribed_programme",
            "interview_at",
            "recommendation",
            "decision_reason",
            "documents",
            "references",
            "created_at",
        ]
        read_only_fields = fields


class ApplicationWriteSerializer(serializers.Serializer):
    domains = serializers.ListField(
        child=serializers.CharField(max_length=8), min_length=1, max_length=10
    )
    enterprise_number = serializers.CharField(
        max_length=20, required=False, allow_blank=True
    )
    motivation = serializers.CharField(
        max_length=5000, required=False, allow_blank=True
    )
    years_experience = serializers.IntegerField(
        min_value=0, max_value=60, required=False
    )
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=LANGUAGES), required=False, max_length=4
    )
    provinces = serializers.ListField(
        child=serializers.ChoiceField(choices=PROVINCES), required=False, max_length=5
    )
    remote = serializers.BooleanField(required=False)


class RequestChangesSerializer(ReasonSerializer):
    due_date = serializers.DateField(required=False)


class RequireTrainingSerializer(ReasonSerializer):
    programme = serializers.PrimaryKeyRelatedField(
        queryset=Programme.objects.filter(is_published=True)
    )


class ScheduleInterviewSerializer(serializers.Serializer):
    at = serializers.DateTimeField()


class RecordInterviewSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    minutes = serializers.CharField(max_length=20000)


class RecommendSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Application.Recommendation.choices)
    reason = serializers.CharField(max_length=5000)


class ApproveSerializer(ReasonSerializer):
    domains = serializers.ListField(
        child=serializers.CharField(max_length=8), required=False, max_length=10
    )


class DecideAppealSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(
        choices=[("uphold", _("Uphold: back to review")), ("reject", _("Reject"))]
    )
    reason = serializers.CharField(max_length=5000)


class ApplicationFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=Application.Status.choices)
    domain = filters.CharFilter(field_name="domains__code", distinct=True)

    class Meta:
        model = Application
        fields = ["status", "domain"]


# (service, request serializer or None, the arguments it passes on)
TRANSITIONS = {
    "submit": (services.application_submit, None),
    "request-changes": (services.application_request_changes, RequestChangesSerializer),
    "resubmit": (services.application_resubmit, None),
    "accept": (services.application_accept, None),
    "require-training": (
        services.application_require_training,
        RequireTrainingSerializer,
    ),
    "schedule-interview": (
        services.application_schedule_interview,
        ScheduleInterviewSerializer,
    ),
    "record-interview": (
        services.application_record_interview,
        RecordInterviewSerializer,
    ),
    "recommend": (services.application_recommend, RecommendSerializer),
    "approve": (services.application_approve, ApproveSerializer),
    "reject": (services.application_reject, ReasonSerializer),
    "withdraw": (services.application_withdraw, ReasonSerializer),
    "appeal": (services.application_appeal, ReasonSerializer),
    "decide-appeal": (services.application_decide_appeal, DecideAppealSerializer),
}


class ApplicationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Accreditation applications: a consultant's own, or all for the agency."""

    queryset = Application.objects.all()
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return application_list(user=self.request.user).prefetch_related(
            "documents", "references__domain"
        )

    @extend_schema(
        request=ApplicationWriteSerializer, responses={201: ApplicationSerializer}
    )
    def create(self, request, *args, **kwargs):
        data = self._validated(ApplicationWriteSerializer, request.data)
        application = files.application_create(consultant=request.user, **data)
        return Response(self._read(application), status=status.HTTP_201_CREATED)

    @extend_schema(request=ApplicationWriteSerializer, responses=ApplicationSerializer)
    def partial_update(self, request, *args, **kwargs):
        data = self._validated(ApplicationWriteSerializer, request.data, partial=True)
        application = files.application_update(
            application=self.get_object(), actor=request.user, **data
        )
        return Response(self._read(application))

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    # -- documents and references --------------------------------------------

    @extend_schema(
        methods=["post"],
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: DocumentSerializer},
    )
    @extend_schema(methods=["get"], responses=DocumentSerializer(many=True))
    @detail_list_action(methods=["get", "post"], parser_classes=[MultiPartParser])
    def documents(self, request, pk=None):
        application = self.get_object()
        if request.method == "GET":
            return Response(
                DocumentSerializer(application.documents.all(), many=True).data
            )
        data = self._validated(DocumentUploadSerializer, request.data)
        document = files.application_add_document(
            application=application,
            actor=request.user,
            kind=data["kind"],
            upload=data["file"],
        )
        return Response(
            DocumentSerializer(document).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                description="The file, as an attachment."
            )
        }
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"documents/(?P<document_id>\d+)",
        url_name="document",
    )
    def document(self, request, pk=None, document_id=None):
        application = self.get_object()
        document = get_object_or_404(application.documents, pk=document_id)
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )
        response["Cache-Control"] = "no-store"
        return response

    @extend_schema(request=ReferenceSerializer, responses={201: ReferenceSerializer})
    @action(detail=True, methods=["post"])
    def references(self, request, pk=None):
        data = self._validated(ReferenceSerializer, request.data)
        reference = files.application_add_reference(
            application=self.get_object(),
            actor=request.user,
            **{**data, "domain": data["domain"].code},
        )
        return Response(
            ReferenceSerializer(reference).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(responses=ChecklistItemSerializer(many=True))
    @detail_list_action()
    def checklist(self, request, pk=None):
        items = application_checklist(self.get_object())
        return Response(ChecklistItemSerializer(items, many=True).data)

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @detail_list_action()
    def history(self, request, pk=None):
        entries = audit_history(self.get_object())
        return Response(HistoryEntrySerializer(entries, many=True).data)

    # -- helpers ---------------------------------------------------------------

    def _validated(self, serializer_class, data, partial=False) -> dict:
        serializer = serializer_class(data=data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def _read(self, application) -> dict:
        fresh = self.get_queryset().get(pk=application.pk)
        return ApplicationSerializer(fresh, context={"request": self.request}).data

    def _transition(self, request, name: str):
        service, serializer_class = TRANSITIONS[name]
        application = self.get_object()
        data = (
            self._validated(serializer_class, request.data) if serializer_class else {}
        )
        result = service(application=application, actor=request.user, **data)
        return Response(self._read(result))


def _transition_action(name: str, serializer_class):
    def run(self, request, pk=None):
        return self._transition(request, name)

    # The router maps HTTP methods to the action by its __name__: set it
    # before @action records it.
    run.__name__ = name.replace("-", "_")
    documented = extend_schema(
        request=serializer_class,
        responses={
            200: ApplicationSerializer,
            403: OpenApiResponse(description="Your role does not allow this action."),
            404: OpenApiResponse(description="Unknown, or not yours to see."),
            409: OpenApiResponse(description="Not allowed in the current state."),
        },
        summary=f"Transition: {name}",
    )(run)
    return action(detail=True, methods=["post"], url_path=name, url_name=name)(
        documented
    )


for _name, (_service, _serializer) in TRANSITIONS.items():
    setattr(
        ApplicationViewSet,
        _name.replace("-", "_"),
        _transition_action(_name, _serializer),
    )
