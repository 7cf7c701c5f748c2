"""API of the ranked proposals of an expert request."""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.roles import AGENCY_ROLES

from ..ranking import Ranking, proposals_refresh
from ..selectors import request_get_for

MAX_LIMIT = 50


class ProposalQuerySerializer(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, required=False)
    explain = serializers.BooleanField(required=False, default=False)


class ProposedExpertSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    domains = serializers.ListField(child=serializers.CharField())
    province = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())


class ProposalSerializer(serializers.Serializer):
    expert = ProposedExpertSerializer()
    score = serializers.FloatField()
    components = serializers.DictField(child=serializers.FloatField())
    reasons = serializers.ListField(child=serializers.CharField())


class FilteredOutSerializer(serializers.Serializer):
    expert = serializers.DictField()
    reasons = serializers.ListField(child=serializers.CharField())


class ExplainedProposalsSerializer(serializers.Serializer):
    results = ProposalSerializer(many=True)
    filtered_out = FilteredOutSerializer(many=True)
    weights_version = serializers.IntegerField()
    model_version = serializers.CharField()


def proposals_payload(ranking: Ranking) -> list[dict]:
    return [
        {
            "expert": {
                "id": ranked.expert_id,
                "name": ranked.name,
                "domains": ranked.domains,
                "province": ranked.provinces,
                "languages": ranked.languages,
            },
            "score": ranked.score,
            "components": ranked.components,
            "reasons": ranked.reasons,
        }
        for ranked in ranking.experts
    ]


class RequestProposalsView(APIView):
    """The best approved experts for a request, with the reasons.

    Members of the request's company and the agency only; anyone else gets
    404. Each call stores the proposals (replacing the unchosen ones) with
    the weights version they were computed with.
    """

    @extend_schema(
        parameters=[
            OpenApiParameter("limit", int, description="1 to 50, 10 by default."),
            OpenApiParameter(
                "explain",
                bool,
                description="Agency only: also the experts filtered out, with codes.",
            ),
        ],
        responses={
            200: ProposalSerializer(many=True),
            400: OpenApiResponse(description="A limit out of range."),
            404: OpenApiResponse(description="Unknown, or not yours to see."),
        },
    )
    def get(self, request, pk: int):
        expert_request = request_get_for(user=request.user, pk=pk)
        query = ProposalQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        limit = query.validated_data.get("limit") or settings.NWOW["PROPOSALS_LIMIT"]
        explain = query.validated_data["explain"] and request.user.has_role(
            *AGENCY_ROLES
        )

        ranking = proposals_refresh(
            expert_request=expert_request, limit=limit, explain=explain
        )
        if not explain:
            return Response(proposals_payload(ranking))
        return Response(
            {
                "results": proposals_payload(ranking),
                "filtered_out": [
                    {
                        "expert": {"id": item.expert_id, "name": item.name},
                        "reasons": item.codes,
                    }
                    for item in ranking.filtered_out
                ],
                "weights_version": ranking.weights_version.number,
                "model_version": ranking.model_version,
            }
        )
