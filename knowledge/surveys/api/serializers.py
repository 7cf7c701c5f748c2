"""Serializers of the barometer API: surveys, waves, questions, responses and
the (typed) shape of the results."""

import re

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import BlankAwareModelSerializer
from core.reference.geography import Province
from core.reference.maturity import Dimension
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass

from ..models import Option, Question, Response, Survey, Wave


def inline_choice_field(choices, **kwargs) -> serializers.ChoiceField:
    """A choice field documented by a pattern of its values.

    Names such as "kind" or "scope_province" are used by other apps with
    other values, and the schema would turn every enum into a component named
    after the field; a pattern keeps the values checked and the names apart.
    """
    values = "|".join(re.escape(value) for value, _label in choices if value)
    # A blank value, where allowed, is added by the schema generator as its
    # own alternative: the pattern must not match it too ("oneOf").
    pattern = f"^({values})$"

    @extend_schema_field({"type": "string", "pattern": pattern})
    class PatternChoiceField(serializers.ChoiceField):
        pass

    return PatternChoiceField(choices=choices, **kwargs)


class SurveyOptionSerializer(BlankAwareModelSerializer):
    label = serializers.SerializerMethodField()

    class Meta:
        model = Option
        fields = ["code", "label"]

    def get_label(self, option) -> str:
        return option.label()


class SurveyQuestionSerializer(BlankAwareModelSerializer):
    label = serializers.SerializerMethodField()
    help = serializers.SerializerMethodField()
    kind = inline_choice_field(Question.Kind.choices, read_only=True)
    dimension = inline_choice_field(
        [("", ""), *Dimension.choices], read_only=True, allow_blank=True
    )
    options = SurveyOptionSerializer(many=True, read_only=True)

    class Meta:
        model = Question
        fields = [
            "code",
            "kind",
            "required",
            "dimension",
            "label",
            "help",
            "scale_min",
            "scale_max",
            "min_value",
            "max_value",
            "options",
        ]

    def get_label(self, question) -> str:
        return question.label()

    def get_help(self, question) -> str:
        return question.help()


class SurveyWaveSerializer(BlankAwareModelSerializer):
    class Meta:
        model = Wave
        fields = [
            "id",
            "survey",
            "year",
            "opens_on",
            "closes_on",
            "status",
            "opened_at",
            "closed_at",
        ]
        read_only_fields = fields


class SurveySerializer(BlankAwareModelSerializer):
    title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    needs = serializers.SerializerMethodField()
    dimensions = serializers.SerializerMethodField()
    waves = serializers.SerializerMethodField()
    scope_province = inline_choice_field(
        [("", ""), *Province.choices], read_only=True, allow_blank=True
    )

    class Meta:
        model = Survey
        fields = [
            "id",
            "slug",
            "title",
            "description",
            "scope_province",
            "needs",
            "dimensions",
            "waves",
        ]
        read_only_fields = fields

    def get_title(self, survey) -> str:
        return survey.title()

    def get_description(self, survey) -> str:
        return survey.description()

    def get_needs(self, survey) -> list[str]:
        return [need.code for need in survey.needs.all()]

    def get_dimensions(self, survey) -> list[str]:
        return survey.dimension_codes

    def get_waves(self, survey) -> list[dict]:
        waves = getattr(survey, "visible_waves", None)
        if waves is None:
            waves = survey.waves.order_by("year")
        return SurveyWaveSerializer(waves, many=True).data


class SurveyQuestionnaireSerializer(serializers.Serializer):
    wave = SurveyWaveSerializer()
    questions = SurveyQuestionSerializer(many=True)


class SurveyDetailSerializer(SurveySerializer):
    questionnaire = serializers.SerializerMethodField()

    class Meta(SurveySerializer.Meta):
        fields = [*SurveySerializer.Meta.fields, "questionnaire"]
        read_only_fields = fields

    def get_questionnaire(self, survey) -> SurveyQuestionnaireSerializer(
        allow_null=True
    ):
        """The open wave's questions, to answer through the API; null if none."""
        wave = self.context.get("open_wave")
        if wave is None:
            return None
        questions = self.context.get("questions", [])
        return SurveyQuestionnaireSerializer(
            {"wave": wave, "questions": questions}
        ).data


class SurveyResponseCreateSerializer(serializers.Serializer):
    wave = serializers.IntegerField(
        required=False, min_value=1, help_text="Default: the survey's open wave."
    )
    company = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        help_text="One of your companies; leave out to answer anonymously.",
    )
    province = serializers.ChoiceField(
        choices=Province.choices,
        required=False,
        allow_blank=True,
        help_text="Asked of an anonymous respondent; a company's is used otherwise.",
    )
    size_class = serializers.ChoiceField(
        choices=SizeClass.choices, required=False, allow_blank=True
    )
    nace_section = serializers.ChoiceField(
        choices=NaceSection.choices, required=False, allow_blank=True
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    answers = serializers.DictField(
        child=serializers.JSONField(),
        help_text=(
            "Question code → answer: an option code (single choice), a list of "
            "option codes (multiple choice), a whole number (scale), a number, "
            "or a text."
        ),
    )


class SurveyResponseSerializer(BlankAwareModelSerializer):
    anonymous = serializers.BooleanField(source="is_anonymous", read_only=True)

    class Meta:
        model = Response
        fields = [
            "id",
            "wave",
            "company",
            "anonymous",
            "province",
            "size_class",
            "nace_section",
            "language",
            "submitted_at",
        ]
        read_only_fields = fields


class SurveyResultsQuerySerializer(serializers.Serializer):
    wave = serializers.IntegerField(
        required=False, min_value=1, help_text="A closed wave; default the latest."
    )
    province = serializers.ChoiceField(
        choices=Province.choices, required=False, allow_blank=True
    )
    size_class = serializers.ChoiceField(
        choices=SizeClass.choices, required=False, allow_blank=True
    )
    sector = serializers.ChoiceField(
        choices=NaceSection.choices,
        required=False,
        allow_blank=True,
        help_text="NACE section letter.",
    )


# -- the shape of the results (documentation and a check of the output) --------


class SurveyResultOptionSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    share = serializers.FloatField(help_text="0–1, of the group's respondents.")


class SurveyGroupResultSerializer(serializers.Serializer):
    value = serializers.CharField(required=False)
    label = serializers.CharField(required=False)
    respondents = serializers.IntegerField(
        allow_null=True, help_text="Null when the group is withheld."
    )
    withheld = serializers.BooleanField()
    options = SurveyResultOptionSerializer(many=True, required=False)
    mean = serializers.FloatField(required=False)
    median = serializers.FloatField(required=False)


class SurveyQuestionResultSerializer(SurveyGroupResultSerializer):
    code = serializers.CharField()
    kind = inline_choice_field(Question.Kind.choices)
    dimension = serializers.CharField(allow_blank=True)
    scale = serializers.ListField(child=serializers.IntegerField(), required=False)
    breakdowns = serializers.DictField(
        child=SurveyGroupResultSerializer(many=True),
        help_text="Per dimension (province, size_class, sector) not filtered on.",
    )


class SurveyTrendPointSerializer(serializers.Serializer):
    wave = serializers.IntegerField()
    year = serializers.IntegerField()
    respondents = serializers.IntegerField(allow_null=True)
    withheld = serializers.BooleanField()
    asked = serializers.BooleanField()
    mean = serializers.FloatField(required=False)
    shares = serializers.DictField(child=serializers.FloatField(), required=False)


class SurveyOptionRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class SurveyTrendSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    kind = inline_choice_field(Question.Kind.choices)
    dimension = serializers.CharField(allow_blank=True)
    scale = serializers.ListField(child=serializers.IntegerField(), required=False)
    points = SurveyTrendPointSerializer(many=True)
    options = SurveyOptionRefSerializer(many=True, required=False)


class SurveyWaveRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()


class SurveyResultsSerializer(serializers.Serializer):
    survey = serializers.IntegerField()
    wave = SurveyWaveRefSerializer(allow_null=True)
    waves = SurveyWaveRefSerializer(many=True)
    filters = serializers.DictField(child=serializers.CharField())
    min_group_size = serializers.IntegerField()
    respondents = serializers.IntegerField(allow_null=True)
    withheld = serializers.BooleanField()
    respondents_by = serializers.DictField(child=SurveyGroupResultSerializer(many=True))
    questions = SurveyQuestionResultSerializer(many=True)
    trend = SurveyTrendSerializer(many=True)
