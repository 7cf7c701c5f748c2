"""API of batch assignment: one proposed expert per open request (reviewer)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ..assignment.services import MAX_BATCH, AssignmentRun, batch_assign


class AssignmentRequestSerializer(serializers.Serializer):
    requests = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        min_length=1,
        max_length=MAX_BATCH,
    )


class AssignedSerializer(serializers.Serializer):
    request = serializers.IntegerField()
    expert = serializers.IntegerField()
    expert_name = serializers.CharField()
    score = serializers.FloatField()
    proposal = serializers.IntegerField()


class UnassignedSerializer(serializers.Serializer):
    request = serializers.IntegerField()
    reason = serializers.ChoiceField(
        choices=["unknown", "not_open", "has_mission", "no_expert"]
    )
    detail = serializers.CharField()


class AssignmentResultSerializer(serializers.Serializer):
    assignments = AssignedSerializer(many=True)
    unassigned = UnassignedSerializer(many=True)
    total_score = serializers.FloatField()
    greedy_total_score = serializers.FloatField()


def assignment_result(run: AssignmentRun) -> dict:
    return {
        "assignments": [
            {
                "request": item.request.pk,
                "expert": item.expert.pk,
                "expert_name": item.expert.get_full_name(),
                "score": item.score,
                "proposal": item.proposal.pk,
            }
            for item in run.assignments
        ],
        "unassigned": [
            {"request": item.request_id, "reason": item.reason, "detail": item.detail}
            for item in run.unassigned
        ],
        "total_score": run.total_score,
        "greedy_total_score": run.greedy_total_score,
    }


class AssignmentApi(APIView):
    """Propose at most one expert per open request, never above capacity."""

    @extend_schema(
        request=AssignmentRequestSerializer,
        responses={
            200: AssignmentResultSerializer,
            400: OpenApiResponse(description="No request, or too many."),
            403: OpenApiResponse(description="Only a reviewer may assign."),
        },
        summary="Assign a batch of open requests to experts (optimal total score)",
    )
    def post(self, request):
        serializer = AssignmentRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        run = batch_assign(
            actor=request.user, request_ids=serializer.validated_data["requests"]
        )
        result = AssignmentResultSerializer(assignment_result(run)).data
        return Response(result, status=status.HTTP_200_OK)
