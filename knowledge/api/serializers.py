"""Serializers of the knowledge API: read-only views of the content kinds."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import BlankAwareModelSerializer
from core.models import Need
from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection

from ..models import (
    Capsule,
    CaseStudy,
    Content,
    ContentKind,
    KeyFigure,
    Quote,
    Resource,
)

CONTENT_FIELDS = [
    "id",
    "kind",
    "title",
    "summary",
    "language",
    "needs",
    "dimensions",
    "province",
    "sector",
    "size_class",
    "year",
    "status",
    "published_at",
    "page_url",
]


class ContentSerializer(BlankAwareModelSerializer):
    kind = serializers.ChoiceField(choices=ContentKind.choices, read_only=True)

    needs = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    dimensions = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=Dimension.choices))
    )
    def get_dimensions(self, item: Content) -> list[str]:
        return item.dimension_list

    def get_page_url(self, item: Content) -> str:
        return page_url(item)


def page_url(item: Content) -> str:
    return item.get_absolute_url()


class KeyFigureSerializer(BlankAwareModelSerializer):
    class Meta:
        model = KeyFigure
        fields = ["value", "label"]


class QuoteSerializer(BlankAwareModelSerializer):
    class Meta:
        model = Quote
        fields = ["text", "author_name", "author_role"]


class CaseStudySerializer(ContentSerializer):
    figures = KeyFigureSerializer(many=True, read_only=True)
    quotes = QuoteSerializer(many=True, read_only=True)
    company_id = serializers.IntegerField(read_only=True, allow_null=True)
    expert = serializers.SerializerMethodField()

    class Meta:
        model = CaseStudy
        fields = [
            *CONTENT_FIELDS,
            "company_name",
            "company_id",
            "employees",
            "situation",
            "actions",
            "results",
            "figures",
            "quotes",
            "expert",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_expert(self, case_study: CaseStudy) -> dict | None:
        expert = case_study.expert
        if expert is None:
            return None
        return {"id": expert.pk, "name": expert.get_full_name()}


class CapsuleSerializer(ContentSerializer):
    video_url = serializers.SerializerMethodField()
    subtitles_url = serializers.SerializerMethodField()

    class Meta:
        model = Capsule
        fields = [
            *CONTENT_FIELDS,
            "duration_seconds",
            "video_url",
            "video_type",
            "external_url",
            "subtitles_url",
            "transcript",
            "featured_company_name",
        ]
        read_only_fields = fields

    def get_video_url(self, capsule: Capsule) -> str | None:
        if not capsule.video_file:
            return None
        return reverse("knowledge:capsule-video", kwargs={"pk": capsule.pk})

    def get_subtitles_url(self, capsule: Capsule) -> str | None:
        if not capsule.subtitles_file:
            return None
        return reverse("knowledge:capsule-subtitles", kwargs={"pk": capsule.pk})


class ResourceSerializer(ContentSerializer):
    doi_url = serializers.CharField(read_only=True)
    authors = serializers.ListField(
        source="author_list", child=serializers.CharField(), read_only=True
    )
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = Resource
        fields = [
            *CONTENT_FIELDS,
            "resource_kind",
            "authors",
            "publisher",
            "volume",
            "issue",
            "pages",
            "url",
            "file_url",
            "doi",
            "doi_url",
        ]
        read_only_fields = fields

    def get_file_url(self, resource: Resource) -> str | None:
        if not resource.file:
            return None
        return reverse("knowledge:resource-file", kwargs={"pk": resource.pk})


class SearchQuerySerializer(serializers.Serializer):
    """The search's parameters: an unknown code is a 400, not an empty page."""

    q = serializers.CharField(required=False, allow_blank=True, max_length=200)
    # An empty facet (``sector=``, as a search form sends it) means "any".
    kind = serializers.ChoiceField(
        choices=ContentKind.choices, required=False, allow_blank=True
    )
    need = serializers.CharField(
        required=False, allow_blank=True, max_length=10, help_text="A need code."
    )
    dimension = serializers.ChoiceField(
        choices=Dimension.choices, required=False, allow_blank=True
    )
    province = serializers.ChoiceField(
        choices=Province.choices, required=False, allow_blank=True
    )
    sector = serializers.ChoiceField(
        choices=NaceSection.choices, required=False, allow_blank=True
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES, required=False, allow_blank=True
    )
    year = serializers.IntegerField(min_value=1900, max_value=2100, required=False)

    def validate_need(self, code: str) -> str:
        code = code.strip().upper()
        if code and not Need.objects.filter(code=code).exists():
            message = _(
                "Unknown needs: %(codes)s. Use the taxonomy codes, such as TEL or HRP."
            )
            raise serializers.ValidationError(message % {"codes": code})
        return code


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField(source="item.title")
    summary = serializers.CharField(source="item.summary")
    language = serializers.CharField(source="item.language")
    year = serializers.IntegerField(source="item.year", allow_null=True)
    rank = serializers.FloatField()
    page_url = serializers.SerializerMethodField()

    def get_page_url(self, hit) -> str:
        return page_url(hit.item)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    name = serializers.CharField()
    title = serializers.CharField()
    values = FacetValueSerializer(many=True)


class SearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchHitSerializer(many=True)
    facets = FacetSerializer(many=True)


class RecommendationSerializer(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField(source="item.pk")
    title = serializers.CharField(source="item.title")
    summary = serializers.CharField(source="item.summary")
    language = serializers.CharField(source="item.language")
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    page_url = serializers.SerializerMethodField()

    def get_page_url(self, recommendation) -> str:
        return page_url(recommendation.item)


class RecommendationListSerializer(serializers.Serializer):
    request = serializers.IntegerField()
    results = RecommendationSerializer(many=True)


class RecommendationQuerySerializer(serializers.Serializer):
    request = serializers.IntegerField(min_value=1)


class CapsuleMediaSerializer(serializers.Serializer):
    video = serializers.FileField(required=False, help_text="MP4 or WebM.")
    subtitles = serializers.FileField(required=False, help_text="WebVTT (UTF-8).")


class ResourceFileSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="PDF, PNG or JPEG.")
