"""API of the maturity scan: the questionnaire, taking a scan, reading one.

A company's scans are visible to its members only; anyone else gets a 404,
as for a company that does not exist.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.pagination import PageNumberPagination

from ..levels import ANSWER_SCALE, DONT_KNOW_LABEL, level_display
from ..selectors.scans import (
    assessment_get,
    assessment_list_for_company,
    assessment_result,
    benchmark,
    company_get_for_member,
    questionnaire_current,
    suggested_needs,
)
from ..services.scans import assessment_submit

NOT_YOURS = OpenApiResponse(description="Unknown, or not yours to see.")


class ScanScaleStepSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True)
    label = serializers.CharField()


class QuestionnaireQuestionSerializer(serializers.Serializer):
    code = serializers.CharField()
    text = serializers.CharField()


class QuestionnaireDimensionSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    questions = QuestionnaireQuestionSerializer(many=True)


class QuestionnaireSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    scale = ScanScaleStepSerializer(many=True)
    dimensions = QuestionnaireDimensionSerializer(many=True)


class ScanAnswersSerializer(serializers.Serializer):
    # The values are checked by the service against the current version, so
    # that the API and the page refuse the same answers with the same words.
    answers = serializers.DictField(child=serializers.JSONField(allow_null=True))


class ScanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    company = serializers.IntegerField(source="company_id")
    version = serializers.IntegerField(source="version.number")
    taken_at = serializers.DateTimeField()
    dimension_scores = serializers.DictField(
        child=serializers.FloatField(allow_null=True)
    )
    overall_score = serializers.FloatField(allow_null=True)
    level = serializers.IntegerField(allow_null=True)
    level_label = serializers.SerializerMethodField()
    weakest = serializers.SerializerMethodField()

    def get_level_label(self, assessment) -> str | None:
        level = level_display(assessment.level)
        return level.label if level else None

    def get_weakest(self, assessment) -> list[str]:
        return assessment_result(assessment).weakest()


class ScanBenchmarkSerializer(serializers.Serializer):
    group_size = serializers.IntegerField()
    dimension_scores = serializers.DictField(
        child=serializers.FloatField(allow_null=True)
    )
    overall_score = serializers.FloatField(allow_null=True)


class ScanDetailSerializer(ScanSerializer):
    level_meaning = serializers.SerializerMethodField()
    suggested_needs = serializers.SerializerMethodField()
    benchmark = serializers.SerializerMethodField()
    benchmark_reason = serializers.SerializerMethodField()

    def get_level_meaning(self, assessment) -> str | None:
        level = level_display(assessment.level)
        return level.meaning if level else None

    def get_suggested_needs(self, assessment) -> list[str]:
        return [need.code for need in suggested_needs(assessment)]

    def _benchmark(self, assessment):
        # Computed once per serialization, read by two fields.
        if "benchmark" not in self.context:
            self.context["benchmark"] = benchmark(assessment)
        return self.context["benchmark"]

    @extend_schema_field(ScanBenchmarkSerializer(allow_null=True))
    def get_benchmark(self, assessment) -> dict | None:
        result = self._benchmark(assessment)
        if not result.available:
            return None
        return ScanBenchmarkSerializer(result).data

    def get_benchmark_reason(self, assessment) -> str | None:
        result = self._benchmark(assessment)
        if result.available:
            return None
        return _(
            "Not enough comparable companies: %(count)s of the same size, "
            "sector and province have taken the scan, %(minimum)s are needed."
        ) % {"count": result.group_size, "minimum": result.minimum}


class QuestionnaireApi(APIView):
    @extend_schema(
        responses=QuestionnaireSerializer,
        summary="The current maturity questionnaire, in the request's language",
    )
    def get(self, request):
        version = questionnaire_current()
        scale = [{"value": value, "label": label} for value, label in ANSWER_SCALE]
        scale.append({"value": None, "label": DONT_KNOW_LABEL})
        data = {
            "version": version.number,
            "scale": scale,
            "dimensions": [
                {
                    "code": dimension.code,
                    "label": dimension.label(),
                    "questions": [
                        {"code": question.code, "text": question.text()}
                        for question in dimension.questions.all()
                    ],
                }
                for dimension in version.dimensions.all()
            ],
        }
        return Response(QuestionnaireSerializer(data).data)


class CompanyAssessmentsApi(APIView):
    """A company's scans: take one, or list them newest first."""

    pagination_class = PageNumberPagination  # read by the schema too

    @extend_schema(
        responses={200: ScanSerializer(many=True), 404: NOT_YOURS},
        summary="The company's maturity scans, newest first",
    )
    def get(self, request, pk: int):
        company = company_get_for_member(user=request.user, pk=pk)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(
            assessment_list_for_company(company), request, view=self
        )
        return paginator.get_paginated_response(ScanSerializer(page, many=True).data)

    @extend_schema(
        request=ScanAnswersSerializer,
        responses={201: ScanDetailSerializer, 404: NOT_YOURS},
        summary="Take the maturity scan: answers 0..4, or null for don't know",
    )
    def post(self, request, pk: int):
        company = company_get_for_member(user=request.user, pk=pk)
        serializer = ScanAnswersSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assessment = assessment_submit(
            user=request.user,
            company=company,
            answers=serializer.validated_data["answers"],
        )
        return Response(
            ScanDetailSerializer(assessment).data, status=status.HTTP_201_CREATED
        )


class AssessmentDetailApi(APIView):
    @extend_schema(
        responses={200: ScanDetailSerializer, 404: NOT_YOURS},
        summary="One maturity scan with its suggestions and benchmark",
    )
    def get(self, request, pk: int):
        assessment = assessment_get(user=request.user, pk=pk)
        return Response(ScanDetailSerializer(assessment).data)
