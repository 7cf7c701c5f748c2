"""API of missions: choose an expert, the mission's workflow, sessions, rating
and the accompaniment report.

Status is never writable: it changes only through the POST actions, each a
service of ``matching.engagements.services``.
"""

from decimal import Decimal

from django.http import HttpResponse
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.actions import detail_list_action
from core.api.filters import IdFilter
from core.api.serializers import HistoryEntrySerializer, ReasonSerializer
from core.audit import audit_history

from ..engagements import services
from ..engagements.selectors import engagement_get_for, engagement_list_for
from ..models import Engagement, Rating, WorkingSession
from ..selectors import request_get_for

REFUSALS = {
    403: OpenApiResponse(description="Your part in the mission does not allow this."),
    404: OpenApiResponse(description="Unknown, or not yours to see."),
    409: OpenApiResponse(description="Not allowed in the current state."),
}


class WorkingSessionSerializer(serializers.ModelSerializer):
    hours = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        min_value=Decimal("0.5"),
        max_value=Decimal("12"),
    )

    class Meta:
        model = WorkingSession
        fields = ["id", "date", "hours", "topic", "notes", "logged_at"]
        read_only_fields = ["id", "logged_at"]


class RatingSerializer(serializers.ModelSerializer):
    score = serializers.IntegerField(min_value=1, max_value=5)

    class Meta:
        model = Rating
        fields = ["score", "comment", "rated_at"]
        read_only_fields = ["rated_at"]
        extra_kwargs = {"comment": {"max_length": 5000}}


class EngagementSerializer(serializers.ModelSerializer):
    company = serializers.SerializerMethodField()
    expert = serializers.SerializerMethodField()
    needs = serializers.SerializerMethodField()
    rating = serializers.SerializerMethodField()

    class Meta:
        model = Engagement
        fields = [
            "id",
            "request",
            "company",
            "expert",
            "needs",
            "status",
            "status_reason",
            "created_at",
            "started_on",
            "report_summary",
            "report_recommendations",
            "action_plan",
            "report_submitted_at",
            "validation_due",
            "validated_at",
            "closed_at",
            "scan_after",
            "outcome",
            "rating",
        ]
        read_only_fields = fields

    def get_company(self, engagement) -> dict:
        company = engagement.request.company
        return {"id": company.pk, "name": company.name}

    def get_expert(self, engagement) -> dict:
        return {"id": engagement.expert_id, "name": engagement.expert.get_full_name()}

    def get_needs(self, engagement) -> list[str]:
        return [need.code for need in engagement.request.needs.all()]

    def get_rating(self, engagement) -> dict | None:
        rating = getattr(engagement, "rating", None)
        return RatingSerializer(rating).data if rating is not None else None


class ChooseSerializer(serializers.Serializer):
    expert = serializers.IntegerField(min_value=1)


class StartSerializer(serializers.Serializer):
    started_on = serializers.DateField(required=False)


class ReportSerializer(serializers.Serializer):
    summary = serializers.CharField(max_length=20000)
    recommendations = serializers.CharField(max_length=20000)
    action_plan = serializers.CharField(max_length=20000)


class EngagementFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=Engagement.Status.choices)
    request = IdFilter(field_name="request_id")

    class Meta:
        model = Engagement
        fields = ["status", "request"]


def _validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _read(engagement, user) -> dict:
    fresh = engagement_get_for(user=user, pk=engagement.pk)
    return EngagementSerializer(fresh).data


class ExpertRequestChooseApi(APIView):
    """A member of the company chooses an expert for an open request."""

    @extend_schema(
        request=ChooseSerializer,
        responses={201: EngagementSerializer, **REFUSALS},
        summary="Choose an expert: a mission in proposed",
    )
    def post(self, request, pk: int):
        expert_request = request_get_for(user=request.user, pk=pk)
        data = _validated(ChooseSerializer, request.data)
        engagement = services.engagement_choose(
            user=request.user, request=expert_request, expert=data["expert"]
        )
        return Response(_read(engagement, request.user), status=status.HTTP_201_CREATED)


# action -> (service, request serializer or None)
TRANSITIONS = {
    "accept": (services.engagement_accept, None),
    "decline": (services.engagement_decline, ReasonSerializer),
    "start": (services.engagement_start, StartSerializer),
    "submit-report": (services.engagement_submit_report, ReportSerializer),
    "validate": (services.engagement_validate, None),
    "return": (services.engagement_return, ReasonSerializer),
    "cancel": (services.engagement_cancel, ReasonSerializer),
}


class EngagementViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Missions: the expert's own, their companies' for members, all for the agency."""

    queryset = Engagement.objects.all()
    serializer_class = EngagementSerializer
    filterset_class = EngagementFilter

    def get_queryset(self):
        return engagement_list_for(user=self.request.user).prefetch_related(
            "request__needs", "rating"
        )

    def get_object(self):
        return engagement_get_for(user=self.request.user, pk=self.kwargs["pk"])

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @detail_list_action()
    def history(self, request, pk=None):
        entries = audit_history(self.get_object())
        return Response(HistoryEntrySerializer(entries, many=True).data)

    @extend_schema(
        methods=["post"],
        request=WorkingSessionSerializer,
        responses={201: WorkingSessionSerializer, **REFUSALS},
    )
    @extend_schema(methods=["get"], responses=WorkingSessionSerializer(many=True))
    @detail_list_action(methods=["get", "post"])
    def sessions(self, request, pk=None):
        engagement = self.get_object()
        if request.method == "GET":
            rows = engagement.sessions.order_by("date", "id")
            return Response(WorkingSessionSerializer(rows, many=True).data)
        data = _validated(WorkingSessionSerializer, request.data)
        session = services.session_log(user=request.user, engagement=engagement, **data)
        return Response(
            WorkingSessionSerializer(session).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=RatingSerializer, responses={201: EngagementSerializer, **REFUSALS}
    )
    @action(detail=True, methods=["post"])
    def rating(self, request, pk=None):
        data = _validated(RatingSerializer, request.data)
        engagement = services.engagement_rate(
            user=request.user, engagement=self.get_object(), **data
        )
        return Response(_read(engagement, request.user), status=status.HTTP_201_CREATED)

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiResponse(
                description="The accompaniment report, as an attachment."
            ),
            404: REFUSALS[404],
        }
    )
    @action(detail=True, methods=["get"], url_path=r"report\.pdf", url_name="report")
    def report(self, request, pk=None):
        # Imported here: reportlab is loaded only by whoever prints a report.
        from matching.report import render_report

        engagement = self.get_object()
        return report_response(engagement, render_report(engagement))

    def _transition(self, request, name: str):
        service, serializer_class = TRANSITIONS[name]
        engagement = self.get_object()
        data = _validated(serializer_class, request.data) if serializer_class else {}
        result = service(user=request.user, engagement=engagement, **data)
        return Response(_read(result, request.user))


def report_response(engagement: Engagement, pdf: bytes) -> HttpResponse:
    """The PDF as a download that no cache keeps (it holds company data)."""
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"mission-{engagement.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _transition_action(name: str, serializer_class):
    def run(self, request, pk=None):
        return self._transition(request, name)

    # The router maps HTTP methods to the action by its __name__: set it
    # before @action records it.
    run.__name__ = name.replace("-", "_")
    documented = extend_schema(
        request=serializer_class,
        responses={200: EngagementSerializer, **REFUSALS},
        summary=f"Transition: {name}",
    )(run)
    return action(detail=True, methods=["post"], url_path=name, url_name=name)(
        documented
    )


for _name, (_service, _serializer) in TRANSITIONS.items():
    setattr(
        EngagementViewSet,
        _name.replace("-", "_"),
        _transition_action(_name, _serializer),
    )
