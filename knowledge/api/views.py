"""API of the knowledge base: the three content kinds, search, exports and
recommendations.

Reading is open to everyone (published items only, unless one is an editor);
the workflow actions are POSTs for editors. Status is never writable: it
changes only through ``knowledge.services.content_transition``.
"""

from django.conf import settings
from django.http import HttpResponse
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.actions import detail_list_action
from core.api.filters import YearFilter
from core.api.pagination import PageNumberPagination
from core.api.serializers import HistoryEntrySerializer, ReasonSerializer
from core.audit import audit_history
from core.models import Need
from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass

from .. import services
from ..exports import to_bibtex, to_csv
from ..models import Capsule, CaseStudy, Content, ContentStatus, Resource
from ..selectors.content import content_get, content_list, text_search
from ..selectors.recommendations import recommendations_for_request
from ..selectors.search import load_items, search
from .serializers import (
    CapsuleMediaSerializer,
    CapsuleSerializer,
    CaseStudySerializer,
    RecommendationListSerializer,
    RecommendationQuerySerializer,
    ResourceFileSerializer,
    ResourceSerializer,
    SearchPageSerializer,
    SearchQuerySerializer,
)

REFUSALS = {
    400: OpenApiResponse(description="A reason is required to return an item."),
    401: OpenApiResponse(description="Not signed in."),
    403: OpenApiResponse(description="Only editors move content."),
    404: OpenApiResponse(description="Unknown, or not published."),
    409: OpenApiResponse(description="Not allowed in the current state."),
}


UPLOAD_REFUSALS = {
    400: OpenApiResponse(description="The file is not of an accepted type."),
    403: REFUSALS[403],
    404: REFUSALS[404],
    413: OpenApiResponse(description="The file is too large."),
}


class ContentFilter(filters.FilterSet):
    """The query parameters every content list takes."""

    q = filters.CharFilter(method="filter_q", label="Full-text search")
    need = filters.ModelChoiceFilter(
        field_name="needs",
        to_field_name="code",
        queryset=Need.objects.all(),
        label="Need code, such as TEL",
    )
    dimension = filters.ChoiceFilter(
        choices=Dimension.choices, method="filter_dimension"
    )
    province = filters.ChoiceFilter(choices=Province.choices)
    sector = filters.ChoiceFilter(choices=NaceSection.choices)
    size_class = filters.ChoiceFilter(choices=SizeClass.choices)
    language = filters.ChoiceFilter(choices=settings.LANGUAGES)
    year = YearFilter()
    status = filters.ChoiceFilter(choices=ContentStatus.choices)

    def filter_q(self, queryset, name, value):
        return text_search(queryset, value)

    def filter_dimension(self, queryset, name, value):
        # Codes D1-D6 are never a part of one another, so "contains" is exact.
        return queryset.filter(dimensions__contains=value)


def _filterset(model: type[Content], extra: dict | None = None):
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(
        f"{model.__name__}Filter", (ContentFilter,), {"Meta": meta, **(extra or {})}
    )


CaseStudyFilter = _filterset(CaseStudy)
CapsuleFilter = _filterset(Capsule)
ResourceFilter = _filterset(
    Resource,
    {
        "kind": filters.ChoiceFilter(
            field_name="resource_kind", choices=Resource.Kind.choices
        )
    },
)


class ContentViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """List, read, history and the editors' workflow actions of one kind."""

    model: type[Content]
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        return content_list(self.model, user=self.request.user)

    def get_object(self):
        return content_get(self.model, user=self.request.user, pk=self.kwargs["pk"])

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @detail_list_action()
    def history(self, request, pk=None):
        item = self.get_object()
        # Who moved what, and why, is the editors' business.
        services.require_editor(request.user)
        return Response(HistoryEntrySerializer(audit_history(item), many=True).data)

    def _transition(self, request, name: str):
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.content_transition(
            user=request.user,
            item=self.get_object(),
            action=name,
            reason=serializer.validated_data.get("reason", ""),
        )
        fresh = content_get(self.model, user=request.user, pk=item.pk)
        return Response(self.get_serializer(fresh).data)


def _transition_action(name: str, serializer_class):
    def run(self, request, pk=None):
        return self._transition(request, name)

    # The router maps HTTP methods to the action by its __name__.
    run.__name__ = f"{name}_item"
    documented = extend_schema(
        request=ReasonSerializer,
        responses={200: serializer_class, **REFUSALS},
        summary=f"Workflow: {name}",
    )(run)
    return action(detail=True, methods=["post"], url_path=name, url_name=name)(
        documented
    )


def _with_transitions(viewset):
    for name in services.TRANSITIONS:
        setattr(
            viewset,
            f"{name}_item",
            _transition_action(name, viewset.serializer_class),
        )
    return viewset


@_with_transitions
class CaseStudyViewSet(ContentViewSet):
    """Case studies and testimonials of Walloon PMEs."""

    model = CaseStudy
    queryset = CaseStudy.objects.all()
    serializer_class = CaseStudySerializer
    filterset_class = CaseStudyFilter


@_with_transitions
class CapsuleViewSet(ContentViewSet):
    """Short videos with their transcript and subtitles."""

    model = Capsule
    queryset = Capsule.objects.all()
    serializer_class = CapsuleSerializer
    filterset_class = CapsuleFilter

    @extend_schema(
        request={"multipart/form-data": CapsuleMediaSerializer},
        responses={200: CapsuleSerializer, **UPLOAD_REFUSALS},
        summary="Attach the video and/or the WebVTT subtitles (editors)",
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def media(self, request, pk=None):
        upload = CapsuleMediaSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        capsule = services.capsule_attach_media(
            user=request.user,
            capsule=self.get_object(),
            video=upload.validated_data.get("video"),
            subtitles=upload.validated_data.get("subtitles"),
        )
        return Response(self.get_serializer(capsule).data)


@_with_transitions
class ResourceViewSet(ContentViewSet):
    """Statistics, publications, studies, guides and templates."""

    model = Resource
    queryset = Resource.objects.all()
    serializer_class = ResourceSerializer
    filterset_class = ResourceFilter

    @extend_schema(
        request={"multipart/form-data": ResourceFileSerializer},
        responses={200: ResourceSerializer, **UPLOAD_REFUSALS},
        summary="Attach the resource's document (editors)",
    )
    @action(
        detail=True,
        methods=["post"],
        parser_classes=[MultiPartParser],
        url_path="file",
        url_name="file",
    )
    def attach_file(self, request, pk=None):
        upload = ResourceFileSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        resource = services.resource_attach_file(
            user=request.user,
            resource=self.get_object(),
            upload=upload.validated_data["file"],
        )
        return Response(self.get_serializer(resource).data)

    def _export(self, body: str, content_type: str, filename: str):
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @extend_schema(
        responses={
            (200, "application/x-bibtex"): OpenApiResponse(
                response=OpenApiTypes.STR,
                description="The filtered list as BibTeX entries.",
            )
        }
    )
    @action(
        detail=False, methods=["get"], url_path=r"export\.bib", url_name="export-bib"
    )
    def export_bib(self, request):
        resources = self.filter_queryset(self.get_queryset())
        return self._export(
            to_bibtex(resources), "application/x-bibtex; charset=utf-8", "nwow.bib"
        )

    @extend_schema(
        responses={
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR, description="The filtered list as CSV."
            )
        }
    )
    @action(
        detail=False, methods=["get"], url_path=r"export\.csv", url_name="export-csv"
    )
    def export_csv(self, request):
        resources = self.filter_queryset(self.get_queryset())
        return self._export(
            to_csv(resources), "text/csv; charset=utf-8", "nwow-resources.csv"
        )


class SearchApi(APIView):
    """One search across case studies, capsules and resources, with facets."""

    permission_classes = [permissions.AllowAny]
    pagination_class = PageNumberPagination

    @extend_schema(
        parameters=[
            SearchQuerySerializer,
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("page_size", OpenApiTypes.INT),
        ],
        responses={
            200: SearchPageSerializer,
            400: OpenApiResponse(description="An unknown code in a parameter."),
        },
    )
    def get(self, request):
        query = SearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        chosen = dict(query.validated_data)  # search() drops the empty facets
        results = search(query=chosen.pop("q", ""), chosen=chosen)

        paginator = self.pagination_class()
        page = load_items(paginator.paginate_queryset(results.hits, request, view=self))
        body = {
            "count": results.total,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": page,
            "facets": results.facets,
        }
        return Response(SearchPageSerializer(body).data)


class RecommendationsApi(APIView):
    """Content that fits an expert request: its needs, the company's weakest
    dimensions, then peers of the same sector and size."""

    @extend_schema(
        parameters=[RecommendationQuerySerializer],
        responses={
            200: RecommendationListSerializer,
            400: OpenApiResponse(description="request is missing or not a number."),
            404: OpenApiResponse(description="Unknown, or not your company's."),
        },
    )
    def get(self, request):
        from matching.selectors import request_get_for

        query = RecommendationQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        expert_request = request_get_for(
            user=request.user, pk=query.validated_data["request"]
        )
        found = recommendations_for_request(
            expert_request=expert_request, language=request.user.language
        )
        body = {"request": expert_request.pk, "results": found}
        return Response(RecommendationListSerializer(body).data)
