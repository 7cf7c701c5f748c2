"""Serializers of the barometer API: surveys, waves, questions, responses and
the (typed) shape of the results."""

from django.conf import settings
from rest_framework import serializers

from core.reference.geography import Province
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass

from ..models import Option, Question, Response, Survey, Wave


class OptionSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()

    class Meta:
        model = Option
        fields = ["code", "label"]

    def get_label(self, option) -> str:
        return option.label()


class QuestionSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()
    help = serializers.SerializerMethodField()
    options = OptionSerializer(many=True, read_only=True)

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


class WaveSerializer(serializers.ModelSerializer):
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


class SurveySerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    needs = serializers.SerializerMethodField()
    dimensions = serializers.SerializerMethodField()
    waves = serializers.SerializerMethodField()

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
        return WaveSerializer(waves, many=True).data


class QuestionnaireSerializer(serializers.Serializer):
    wave = WaveSerializer()
    questions = QuestionSerializer(many=True)


class SurveyDetailSerializer(SurveySerializer):
    questionnaire = serializers.SerializerMethodField()

    class Meta(SurveySerializer.Meta):
        fields = [*SurveySerializer.Meta.fields, "questionnaire"]
        read_only_fields = fields

    def get_questionnaire(self, survey) -> QuestionnaireSerializer(allow_null=True):
        """The open wave's questions, to answer through the API; null if none."""
        wave = self.context.get("open_wave")
        if wave is None:
            return None
        questions = self.context.get("questions", [])
        return QuestionnaireSerializer({"wave": wave, "questions": questions}).data


class ResponseCreateSerializer(serializers.Serializer):
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


class ResponseSerializer(serializers.ModelSerializer):
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


class ResultsQuerySerializer(serializers.Serializer):
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


class ResultOptionSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    share = serializers.FloatField(help_text="0–1, of the group's respondents.")


class GroupResultSerializer(serializers.Serializer):
    value = serializers.CharField(required=False)
    label = serializers.CharField(required=False)
    respondents = serializers.IntegerField(
        allow_null=True, help_text="Null when the group is withheld."
    )
    withheld = serializers.BooleanField()
    options = ResultOptionSerializer(many=True, required=False)
    mean = serializers.FloatField(required=False)
    median = serializers.FloatField(required=False)


class QuestionResultSerializer(GroupResultSerializer):
    code = serializers.CharField()
    kind = serializers.ChoiceField(choices=Question.Kind.choices)
    dimension = serializers.CharField(allow_blank=True)
    scale = serializers.ListField(child=serializers.IntegerField(), required=False)
    breakdowns = serializers.DictField(
        child=GroupResultSerializer(many=True),
        help_text="Per dimension (province, size_class, sector) not filtered on.",
    )


class TrendPointSerializer(serializers.Serializer):
    wave = serializers.IntegerField()
    year = serializers.IntegerField()
    respondents = serializers.IntegerField(allow_null=True)
    withheld = serializers.BooleanField()
    asked = serializers.BooleanField()
    mean = serializers.FloatField(required=False)
    shares = serializers.DictField(child=serializers.FloatField(), required=False)


class OptionRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class TrendSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    kind = serializers.ChoiceField(choices=Question.Kind.choices)
    dimension = serializers.CharField(allow_blank=True)
    scale = serializers.ListField(child=serializers.IntegerField(), required=False)
    points = TrendPointSerializer(many=True)
    options = OptionRefSerializer(many=True, required=False)


class WaveRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()


class ResultsSerializer(serializers.Serializer):
    survey = serializers.IntegerField()
    wave = WaveRefSerializer(allow_null=True)
    waves = WaveRefSerializer(many=True)
    filters = serializers.DictField(child=serializers.CharField())
    min_group_size = serializers.IntegerField()
    respondents = serializers.IntegerField(allow_null=True)
    withheld = serializers.BooleanField()
    respondents_by = serializers.DictField(child=GroupResultSerializer(many=True))
    questions = QuestionResultSerializer(many=True)
    trend = TrendSerializer(many=True)
