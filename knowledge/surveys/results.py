"""Results of a survey: per question and per wave, overall and by group, and the
trend across waves, with the anonymity rules of ``anonymity.py``.

Only closed waves are published. The answers of all of them are read in four
queries and aggregated here: the threshold, the differencing guard and the
consistency between filters and breakdowns are easier to get right (and to
test) on plain Python data than in SQL, and a wave holds hundreds of
responses, not millions (see ``bench/bench_barometer.py``).

Free-text answers are never read here, hence never published.
"""

import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.reference.geography import Province
from core.reference.nace import NaceSection
from core.reference.sme import SizeClass

from .anonymity import min_group_for, withheld_cells
from .models import Answer, Question, Response, Survey, Wave

# Breakdown dimensions, in the order the pages show them.
DIMENSIONS = ("province", "size_class", "sector")
NOT_STATED = "-"
CACHE_SECONDS = 60 * 60
PUBLISHED_KINDS = (
    Question.Kind.SINGLE,
    Question.Kind.MULTIPLE,
    Question.Kind.SCALE,
    Question.Kind.NUMBER,
)


def dimension_label(dimension: str) -> str:
    return {
        "province": _("Province"),
        "size_class": _("Size class"),
        "sector": _("Sector (NACE section)"),
    }[dimension]


def category_label(dimension: str, value: str) -> str:
    if dimension == "province":
        return str(Province(value).label)
    if dimension == "size_class":
        return str(SizeClass(value).label)
    if value == NOT_STATED:
        return _("Sector not stated")
    return f"{value} · {NaceSection(value).label}"


@dataclass(frozen=True)
class Filters:
    """The groups the reader narrows the results to; empty means everyone."""

    province: str = ""
    size_class: str = ""
    sector: str = ""

    def active(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in DIMENSIONS if getattr(self, name)}


Key = tuple[tuple[str, str], ...]


def _key(groups: Mapping[str, str]) -> Key:
    return tuple(sorted(groups.items()))


@dataclass
class WaveData:
    """The respondents of one closed wave and their non-text answers."""

    wave: Wave
    minimum: int
    questions: list[Question]
    # response id -> {"province": ..., "size_class": ..., "sector": ...}
    profiles: dict[int, dict[str, str]]
    # question id -> response id -> chosen option ids, or [number]
    values: dict[int, dict[int, list]]
    categories: dict[str, list[str]] = field(default_factory=dict)
    _counts: dict = field(default_factory=dict, repr=False)

    # Respondent sets per category and per question: a group is then a set
    # intersection, done in C, instead of a pass over every response.
    @cached_property
    def _index(self) -> dict[str, dict[str, set[int]]]:
        index: dict[str, dict[str, set[int]]] = {d: {} for d in DIMENSIONS}
        for rid, profile in self.profiles.items():
            for dimension in DIMENSIONS:
                index[dimension].setdefault(profile[dimension], set()).add(rid)
        return index

    @cached_property
    def _answered(self) -> dict[int, set[int]]:
        """Respondents per question id; 0 stands for any response."""
        answered = {qid: set(rows) for qid, rows in self.values.items()}
        answered[0] = set(self.profiles)
        return answered

    def members(self, question: Question | None, groups: Mapping[str, str]) -> set[int]:
        """Respondents of ``question`` (any response if None) within ``groups``."""
        cache_key = ("members", question.pk if question else 0, _key(groups))
        if cache_key not in self._counts:
            rids = self._answered.get(question.pk if question else 0, set())
            for name, value in groups.items():
                rids = rids & self._index[name].get(value, set())
            self._counts[cache_key] = rids
        return self._counts[cache_key]

    def counts(
        self, question: Question | None, groups: Mapping[str, str], dimension: str
    ) -> dict[str, int]:
        """Respondents (of ``question``) per category of ``dimension`` in ``groups``."""
        cache_key = (question.pk if question else 0, _key(groups), dimension)
        if cache_key not in self._counts:
            rids = self.members(question, groups)
            self._counts[cache_key] = {
                value: len(rids & self._index[dimension].get(value, set()))
                for value in self.categories[dimension]
            }
        return self._counts[cache_key]

    def publishable(self, question: Question | None, groups: Mapping[str, str]) -> bool:
        """May the respondents of ``question`` in ``groups`` be published?

        The group must reach the threshold, and must not be withheld in any
        breakdown it belongs to: for province × size class, neither in the
        provinces of that size class nor in the sizes of that province.
        Otherwise a reader could subtract one published figure from another.
        """
        if len(self.members(question, groups)) < self.minimum:
            return False
        for name, value in groups.items():
            others = {k: v for k, v in groups.items() if k != name}
            counts = self.counts(question, others, name)
            if value in withheld_cells(counts, self.minimum):
                return False
        return True


def _load(survey: Survey, waves: list[Wave]) -> list[WaveData]:
    wave_ids = [wave.pk for wave in waves]
    questions = (
        Question.objects.filter(wave_id__in=wave_ids, kind__in=PUBLISHED_KINDS)
        .prefetch_related("options")
        .order_by("position", "id")
    )
    profiles: dict[int, dict[int, dict[str, str]]] = {pk: {} for pk in wave_ids}
    for rid, wave_id, province, size_class, sector in Response.objects.filter(
        wave_id__in=wave_ids
    ).values_list("id", "wave_id", "province", "size_class", "nace_section"):
        profiles[wave_id][rid] = {
            "province": province,
            "size_class": size_class,
            "sector": sector or NOT_STATED,
        }
    values: dict[int, dict[int, list]] = {}
    rows = Answer.objects.filter(
        response__wave_id__in=wave_ids, question__kind__in=PUBLISHED_KINDS
    ).values_list("question_id", "response_id", "option_id", "number")
    for question_id, rid, option_id, number in rows:
        values.setdefault(question_id, {}).setdefault(rid, []).append(
            option_id if option_id is not None else number
        )

    minimum = min_group_for(survey)
    by_wave: dict[int, list[Question]] = {pk: [] for pk in wave_ids}
    for question in questions:
        by_wave[question.wave_id].append(question)
    data = []
    for wave in waves:
        wave_profiles = profiles[wave.pk]
        sectors = sorted({p["sector"] for p in wave_profiles.values()})
        data.append(
            WaveData(
                wave=wave,
                minimum=minimum,
                questions=by_wave[wave.pk],
                profiles=wave_profiles,
                values={q.pk: values.get(q.pk, {}) for q in by_wave[wave.pk]},
                categories={
                    "province": list(Province.values),
                    "size_class": list(SizeClass.values),
                    "sector": sectors,
                },
            )
        )
    return data


def _number(value: Decimal | float) -> float:
    return round(float(value), 2)


def _stats(data: WaveData, question: Question, rids: set[int]) -> dict:
    """Counts and shares per option, or mean, median and distribution."""
    answers = data.values.get(question.pk, {})
    count = len(rids)
    result: dict = {"respondents": count, "withheld": False}
    if question.is_choice:
        chosen = Counter(option for rid in rids for option in answers[rid])
        result["options"] = [
            {
                "code": option.code,
                "label": option.label(),
                "count": chosen.get(option.pk, 0),
                "share": round(chosen.get(option.pk, 0) / count, 4),
            }
            for option in question.options.all()
        ]
        return result

    numbers = [answers[rid][0] for rid in rids]
    result["mean"] = _number(statistics.fmean(float(n) for n in numbers))
    result["median"] = _number(statistics.median(numbers))
    if question.kind == Question.Kind.SCALE:
        per_value = Counter(int(n) for n in numbers)
        result["options"] = [
            {
                "code": str(value),
                "label": str(value),
                "count": per_value.get(value, 0),
                "share": round(per_value.get(value, 0) / count, 4),
            }
            for value in range(question.scale_min, question.scale_max + 1)
        ]
    return result


def _withheld() -> dict:
    return {"respondents": None, "withheld": True}


def _cell(data: WaveData, question: Question | None, groups: dict) -> dict:
    if not data.publishable(question, groups):
        return _withheld()
    rids = data.members(question, groups)
    if question is None:
        return {"respondents": len(rids), "withheld": False}
    return _stats(data, question, rids)


def _breakdowns(data: WaveData, question: Question | None, filters: dict) -> dict:
    breakdowns = {}
    for dimension in DIMENSIONS:
        if dimension in filters:
            continue
        breakdowns[dimension] = [
            {
                "value": value,
                "label": category_label(dimension, value),
                **_cell(data, question, {**filters, dimension: value}),
            }
            for value in data.categories[dimension]
        ]
    return breakdowns


def _question_meta(question: Question) -> dict:
    meta = {
        "code": question.code,
        "label": question.label(),
        "kind": question.kind,
        "dimension": question.dimension,
    }
    if question.kind == Question.Kind.SCALE:
        meta["scale"] = [question.scale_min, question.scale_max]
    return meta


def _wave_results(data: WaveData, filters: dict) -> dict:
    questions = []
    for question in data.questions:
        overall = _cell(data, question, filters)
        questions.append(
            {
                **_question_meta(question),
                **overall,
                "breakdowns": (
                    _breakdowns(data, question, filters)
                    if not overall["withheld"]
                    else {}
                ),
            }
        )
    overall = _cell(data, None, filters)
    return {
        "respondents": overall["respondents"],
        "withheld": overall["withheld"],
        "respondents_by": _breakdowns(data, None, filters),
        "questions": questions if not overall["withheld"] else [],
    }


def _trend(data_list: list[WaveData], filters: dict) -> list[dict]:
    """One line per question code across the closed waves, oldest first.

    Scale and number questions follow their mean; choice questions the share
    of each option, lined up by option code. A wave where the group is
    withheld, or where the question was not asked, leaves a gap.
    """
    latest: dict[str, Question] = {}
    order: list[str] = []
    for data in data_list:
        for question in data.questions:
            if question.code not in latest:
                order.append(question.code)
            latest[question.code] = question

    trend = []
    for code in order:
        question = latest[code]
        option_labels = {}
        points = []
        for data in data_list:
            asked = next((q for q in data.questions if q.code == code), None)
            point = {"wave": data.wave.pk, "year": data.wave.year}
            if asked is None or asked.kind != question.kind:
                points.append(
                    {**point, "respondents": None, "withheld": False, "asked": False}
                )
                continue
            cell = _cell(data, asked, filters)
            point.update(
                respondents=cell["respondents"], withheld=cell["withheld"], asked=True
            )
            if not cell["withheld"]:
                if asked.is_choice:
                    point["shares"] = {o["code"]: o["share"] for o in cell["options"]}
                    for option in asked.options.all():
                        option_labels[option.code] = option.label()
                else:
                    point["mean"] = cell["mean"]
            points.append(point)
        entry = {**_question_meta(question), "points": points}
        if question.is_choice:
            for option in question.options.all():
                option_labels[option.code] = option.label()
            entry["options"] = [
                {"code": c, "label": label} for c, label in option_labels.items()
            ]
        trend.append(entry)
    return trend


@dataclass
class SurveyResults:
    survey: Survey
    waves: list[Wave]
    wave: Wave | None
    filters: Filters
    minimum: int
    wave_results: dict
    trend: list[dict]

    @cached_property
    def as_dict(self) -> dict:
        return {
            "survey": self.survey.pk,
            "wave": (
                {"id": self.wave.pk, "year": self.wave.year} if self.wave else None
            ),
            "waves": [{"id": w.pk, "year": w.year} for w in self.waves],
            "filters": self.filters.active(),
            "min_group_size": self.minimum,
            **self.wave_results,
            "trend": self.trend,
        }


def survey_results(
    *, survey: Survey, wave: Wave | None = None, filters: Filters | None = None
) -> SurveyResults:
    """The published results of ``wave`` (default: the latest closed one)."""
    filters = filters or Filters()
    waves = list(survey.waves.filter(status=Wave.Status.CLOSED).order_by("year"))
    if wave is None and waves:
        wave = waves[-1]
    minimum = min_group_for(survey)
    active = filters.active()

    # A closed wave never changes (no response, frozen questionnaire), so its
    # figures are cached; the key still names everything they depend on.
    key = "surveys:results:" + ":".join(
        str(part)
        for part in (
            survey.pk,
            wave.pk if wave else 0,
            ",".join(
                f"{w.pk}@{w.closed_at and w.closed_at.timestamp()}" for w in waves
            ),
            "&".join(f"{name}={value}" for name, value in _key(active)),
            get_language(),
            minimum,
        )
    )
    cached = cache.get(key)
    if cached is None:
        data_list = _load(survey, waves)
        current = next((d for d in data_list if wave and d.wave.pk == wave.pk), None)
        wave_results = (
            _wave_results(current, active)
            if current is not None
            else {
                "respondents": None,
                "withheld": True,
                "respondents_by": {},
                "questions": [],
            }
        )
        cached = (wave_results, _trend(data_list, active))
        cache.set(key, cached, CACHE_SECONDS)
    wave_results, trend = cached
    return SurveyResults(
        survey=survey,
        waves=waves,
        wave=wave,
        filters=filters,
        minimum=minimum,
        wave_results=wave_results,
        trend=trend,
    )


def closed_wave_of(survey: Survey, wave_id: int | None) -> Wave | None:
    """The closed wave asked for (default: the latest), or a 400 on ``wave``."""
    waves = survey.waves.filter(status=Wave.Status.CLOSED).order_by("year")
    if wave_id is None:
        return waves.last()
    wave = waves.filter(pk=wave_id).first()
    if wave is None:
        raise DomainError(
            _("Results are published for the closed waves of this survey only."),
            code="wave_not_closed",
            fields={"wave": [_("Choose a closed wave of this survey.")]},
        )
    return wave


def published_results(survey: Survey, query: Mapping) -> SurveyResults:
    """The results for validated query parameters (wave, province, ...)."""
    wave = closed_wave_of(survey, query.get("wave"))
    filters = Filters(**{name: query.get(name) or "" for name in DIMENSIONS})
    return survey_results(survey=survey, wave=wave, filters=filters)
