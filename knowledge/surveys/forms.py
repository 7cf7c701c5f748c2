"""Forms of the barometer's pages.

The survey form only shapes the input: every field is optional here and the
service checks the whole response (required questions, kinds, ranges,
profile), so that a page and an API client get the same rules and messages.
"""

from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.reference.geography import Province
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass

from .models import Question
from .results import DIMENSIONS

ANONYMOUS = "anonymous"
PREFIX = "q_"
Kind = Question.Kind


def _blank(choices) -> list:
    return [("", _("— choose —")), *choices]


class SurveyForm(forms.Form):
    """The questions of one wave, plus who answers and, if anonymous, the profile."""

    respondent = forms.ChoiceField(label=_("Answer for"), required=False)
    province = forms.ChoiceField(
        label=_("Province of your company"),
        choices=_blank(Province.choices),
        required=False,
    )
    size_class = forms.ChoiceField(
        label=_("Size of your company"),
        choices=_blank(SizeClass.choices),
        required=False,
        help_text=_(
            "Micro: fewer than 10 staff; small: fewer than 50; medium: fewer than 250."
        ),
    )
    nace_section = forms.ChoiceField(
        label=_("Sector (optional)"),
        choices=[("", _("I prefer not to say")), *NaceSection.choices],
        required=False,
    )

    def __init__(self, *args, questions, companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.fields["respondent"].choices = [
            (ANONYMOUS, _("Anonymously (you give your province and size below)")),
            *[(str(company.pk), company.name) for company in companies],
        ]
        self.fields["respondent"].initial = (
            str(companies[0].pk) if companies else ANONYMOUS
        )
        for question in self.questions:
            self.fields[PREFIX + question.code] = self._field(question)

    @staticmethod
    def _field(question: Question) -> forms.Field:
        label = question.label()
        if question.required:
            label = _("%(label)s (required)") % {"label": label}
        # The shared field template prints help texts as HTML: escaped here,
        # since they are editors' text.
        common = {
            "label": label,
            "required": False,
            "help_text": escape(question.help()),
        }
        if question.kind == Kind.SINGLE:
            return forms.ChoiceField(
                choices=[(o.code, o.label()) for o in question.options.all()],
                widget=forms.RadioSelect,
                **common,
            )
        if question.kind == Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=[(o.code, o.label()) for o in question.options.all()],
                widget=forms.CheckboxSelectMultiple,
                **common,
            )
        if question.kind == Kind.SCALE:
            values = range(question.scale_min, question.scale_max + 1)
            return forms.ChoiceField(
                choices=[(str(v), str(v)) for v in values],
                widget=forms.RadioSelect(attrs={"class": "survey-scale"}),
                **common,
            )
        if question.kind == Kind.NUMBER:
            attrs = {"step": "any", "inputmode": "decimal"}
            if question.min_value is not None:
                attrs["min"] = str(question.min_value)
            if question.max_value is not None:
                attrs["max"] = str(question.max_value)
            return forms.CharField(widget=forms.NumberInput(attrs=attrs), **common)
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, **common
        )

    def question_fields(self) -> list:
        return [self[PREFIX + question.code] for question in self.questions]

    def submission(self) -> dict:
        """Keyword arguments of ``response_submit`` from the cleaned data."""
        data = self.cleaned_data
        answers = {
            question.code: data.get(PREFIX + question.code)
            for question in self.questions
        }
        respondent = data.get("respondent") or ANONYMOUS
        return {
            "company": None if respondent == ANONYMOUS else respondent,
            "province": data.get("province") or None,
            "size_class": data.get("size_class") or None,
            "nace_section": data.get("nace_section") or "",
            "answers": answers,
        }

    def add_service_errors(self, fields: dict) -> None:
        """Put the service's ``answers.<code>`` and profile errors on the fields."""
        for name, messages in fields.items():
            field = name.removeprefix("answers.")
            field = PREFIX + field if name.startswith("answers.") else field
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


class ResultsFilterForm(forms.Form):
    wave = forms.TypedChoiceField(label=_("Wave"), coerce=int, required=False)
    province = forms.ChoiceField(
        label=_("Province"),
        choices=[("", _("All provinces")), *Province.choices],
        required=False,
    )
    size_class = forms.ChoiceField(
        label=_("Size class"),
        choices=[("", _("All sizes")), *SizeClass.choices],
        required=False,
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("All sectors")), *NaceSection.choices],
        required=False,
    )

    def __init__(self, *args, waves, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].choices = [
            (wave.pk, str(wave.year)) for wave in reversed(waves)
        ]

    def query(self) -> dict:
        # Valid fields only: a wave that is not offered falls back to the latest.
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        query = {name: data.get(name) or "" for name in DIMENSIONS}
        if data.get("wave"):
            query["wave"] = data["wave"]
        return query
