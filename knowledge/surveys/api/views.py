"""API of the barometer: browse surveys, answer an open wave, read the results,
and (editors) run the waves.

Reading is public, like the barometer's pages; answering is open to anyone,
anonymous answers throttled per address. Status changes only through the
``open`` and ``close`` actions.
"""

from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.actions import detail_list_action
from core.api.serializers import HistoryEntrySerializer, ReasonSerializer
from core.audit import audit_history
from core.errors import DomainError, NotAllowed, TransitionNotAllowed
from core.reference.geography import Province
from core.reference.maturity import Dimension

from .. import selectors, services
from ..access import is_editor
from ..exports import csv_response
from ..models import Survey, Wave
from ..results import published_results
from ..throttles import AnonymousResponseThrottle
from .serializers import (
    SurveyDetailSerializer,
    SurveyResponseCreateSerializer,
    SurveyResponseSerializer,
    SurveyResultsQuerySerializer,
    SurveyResultsSerializer,
    SurveySerializer,
    SurveyWaveSerializer,
)

REFUSALS = {
    400: OpenApiResponse(description="Invalid input, with the fields in error."),
    404: OpenApiResponse(description="Unknown, or not yours to see."),
}


class SurveyFilter(filters.FilterSet):
    q = filters.CharFilter(
        method="search", help_text="Words; case and accents ignored."
    )
    need = filters.CharFilter(method="by_need", help_text="Need code, such as TEL.")
    province = filters.ChoiceFilter(
        choices=Province.choices,
        method="by_province",
        help_text="Surveys covering this province (those of all Wallonia too).",
    )
    dimension = filters.ChoiceFilter(
        choices=Dimension.choices,
        method="by_dimension",
        help_text="Maturity dimension, D1 to D6.",
    )
    status = filters.ChoiceFilter(
        choices=Wave.Status.choices,
        method="by_status",
        help_text="Surveys with a wave in this state (open: to answer now).",
    )

    class Meta:
        model = Survey
        fields = ["q", "need", "province", "dimension", "status"]

    def search(self, queryset, name, value):
        return selectors.survey_filter(queryset, q=value)

    def by_need(self, queryset, name, value):
        return selectors.survey_filter(queryset, need=value.upper())

    def by_province(self, queryset, name, value):
        return selectors.survey_filter(queryset, province=value)

    def by_dimension(self, queryset, name, value):
        return selectors.survey_filter(queryset, dimension=value)

    def by_status(self, queryset, name, value):
        return selectors.survey_filter(queryset, status=value)


def _validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class SurveyViewSet(viewsets.ReadOnlyModelViewSet):
    """Surveys with their waves; an open wave's questionnaire on the detail."""

    queryset = Survey.objects.all()
    serializer_class = SurveySerializer
    filterset_class = SurveyFilter
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return selectors.survey_list(user=self.request.user)

    def get_object(self):
        return selectors.survey_get(user=self.request.user, pk=self.kwargs["pk"])

    @extend_schema(responses={200: SurveyDetailSerializer, 404: REFUSALS[404]})
    def retrieve(self, request, *args, **kwargs):
        survey = self.get_object()
        wave = selectors.open_wave(survey)
        context = {
            "open_wave": wave,
            "questions": selectors.questions_of(wave) if wave else [],
        }
        return Response(SurveyDetailSerializer(survey, context=context).data)

    @extend_schema(
        request=SurveyResponseCreateSerializer,
        responses={
            201: SurveyResponseSerializer,
            **REFUSALS,
            409: OpenApiResponse(
                description="The wave is not open, or the company already answered."
            ),
            429: OpenApiResponse(description="Too many anonymous responses."),
        },
        summary="Answer the survey's open wave (anonymously or for a company)",
    )
    @action(
        detail=True,
        methods=["post"],
        throttle_classes=[AnonymousResponseThrottle],
    )
    def responses(self, request, pk=None):
        survey = self.get_object()
        data = _validated(SurveyResponseCreateSerializer, request.data)
        wave_id = data.pop("wave", None)
        wave = selectors.open_wave(survey) if wave_id is None else None
        if wave_id is not None:
            wave = survey.waves.exclude(status=Wave.Status.DRAFT).filter(pk=wave_id)
            wave = wave.first()
            if wave is None:
                raise DomainError(
                    _("Choose a wave of this survey."),
                    fields={"wave": [_("Choose a wave of this survey.")]},
                )
        if wave is None:
            raise TransitionNotAllowed(
                _("This survey has no wave open to responses."), code="wave_not_open"
            )
        user = request.user if request.user.is_authenticated else None
        response = services.response_submit(user=user, wave=wave, **data)
        return Response(
            SurveyResponseSerializer(response).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        parameters=[SurveyResultsQuerySerializer],
        responses={200: SurveyResultsSerializer, **REFUSALS},
        summary="Results of a closed wave, with the trend; small groups withheld",
    )
    @detail_list_action()
    def results(self, request, pk=None):
        survey = self.get_object()
        query = _validated(SurveyResultsQuerySerializer, request.query_params)
        results = published_results(survey, query)
        return Response(SurveyResultsSerializer(results.as_dict).data)

    @extend_schema(
        parameters=[SurveyResultsQuerySerializer],
        responses={
            (200, "text/csv"): OpenApiResponse(description="The results as CSV."),
            **REFUSALS,
        },
        summary="Results of a closed wave as CSV",
    )
    @action(
        detail=True, methods=["get"], url_path=r"results\.csv", url_name="results-csv"
    )
    def results_csv(self, request, pk=None):
        survey = self.get_object()
        query = _validated(SurveyResultsQuerySerializer, request.query_params)
        return csv_response(survey, published_results(survey, query))


class WaveViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Waves: the published ones for everyone, drafts too for editors."""

    queryset = Wave.objects.all()
    serializer_class = SurveyWaveSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return selectors.wave_list(user=self.request.user)

    def get_object(self):
        return selectors.wave_get(user=self.request.user, pk=self.kwargs["pk"])

    @extend_schema(
        responses={
            200: HistoryEntrySerializer(many=True),
            403: OpenApiResponse(description="Editors only."),
        }
    )
    @detail_list_action(permission_classes=[permissions.IsAuthenticated])
    def history(self, request, pk=None):
        wave = self.get_object()
        if not is_editor(request.user):
            raise NotAllowed(_("Only the agency's editors read a wave's history."))
        return Response(HistoryEntrySerializer(audit_history(wave), many=True).data)

    def _transition(self, request, service):
        wave = self.get_object()
        data = _validated(ReasonSerializer, request.data)
        result = service(actor=request.user, wave=wave, reason=data["reason"])
        return Response(SurveyWaveSerializer(result).data)

    @extend_schema(
        request=ReasonSerializer,
        responses={
            200: SurveyWaveSerializer,
            403: OpenApiResponse(description="Editors only."),
            409: OpenApiResponse(description="Not allowed in the current state."),
        },
        summary="Transition: open a draft wave to responses",
    )
    @action(
        detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated]
    )
    def open(self, request, pk=None):
        return self._transition(request, services.wave_open)

    @extend_schema(
        request=ReasonSerializer,
        responses={
            200: SurveyWaveSerializer,
            403: OpenApiResponse(description="Editors only."),
            409: OpenApiResponse(description="Not allowed in the current state."),
        },
        summary="Transition: close an open wave and publish its results",
    )
    @action(
        detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated]
    )
    def close(self, request, pk=None):
        return self._transition(request, services.wave_close)
