"""Reads of surveys and waves.

The public sees a survey once one of its waves has left the draft state;
editors and administrators also see the surveys and waves they prepare.
Results live in ``results.py``: they are reads too, but have rules of their
own (anonymity threshold, differencing guard).
"""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.models import User
from knowledge.text import terms
from pme.selectors.companies import company_ids_of_user

from .access import is_editor
from .models import Question, Response, Survey, Wave


def _visible_waves(user: User | None) -> QuerySet[Wave]:
    waves = Wave.objects.all()
    if not is_editor(user):
        waves = waves.exclude(status=Wave.Status.DRAFT)
    return waves


def survey_filter(
    surveys: QuerySet[Survey],
    *,
    q: str = "",
    need: str = "",
    province: str = "",
    dimension: str = "",
    status: str = "",
) -> QuerySet[Survey]:
    """Narrow ``surveys``; ``q`` ignores case and accents on both databases."""
    for word in terms(q):
        surveys = surveys.filter(search_text__contains=word)
    if need:
        surveys = surveys.filter(needs__code=need)
    if province:
        # A survey of all Wallonia covers every province.
        surveys = surveys.filter(Q(scope_province="") | Q(scope_province=province))
    if dimension:
        surveys = surveys.filter(dimension_links__dimension=dimension)
    if status:
        surveys = surveys.filter(
            Exists(Wave.objects.filter(survey=OuterRef("pk"), status=status))
        )
    return surveys.distinct()


def survey_list(*, user: User | None, **filters: str) -> QuerySet[Survey]:
    """Surveys ``user`` may see (see ``survey_filter`` for ``filters``)."""
    surveys = Survey.objects.all()
    if not is_editor(user):
        surveys = surveys.filter(
            Exists(_visible_waves(user).filter(survey=OuterRef("pk")))
        )
    return (
        survey_filter(surveys, **filters)
        .prefetch_related(
            "needs",
            "dimension_links",
            Prefetch(
                "waves",
                queryset=_visible_waves(user).order_by("year"),
                to_attr="visible_waves",
            ),
        )
        .order_by("title_fr", "id")
    )


def _as_pk(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


def survey_get(*, user: User | None, pk: int) -> Survey:
    """One survey ``user`` may see; Http404 otherwise (also for a pk that is
    not a number, as an API path may hold anything)."""
    return get_object_or_404(survey_list(user=user), pk=_as_pk(pk))


def wave_list(*, user: User | None) -> QuerySet[Wave]:
    return (
        _visible_waves(user)
        .filter(survey__in=survey_list(user=user).values("pk"))
        .select_related("survey")
        .order_by("survey_id", "year")
    )


def wave_get(*, user: User | None, pk: int) -> Wave:
    return get_object_or_404(wave_list(user=user), pk=_as_pk(pk))


def open_wave(survey: Survey) -> Wave | None:
    return survey.waves.filter(status=Wave.Status.OPEN).order_by("-year").first()


def closed_waves(survey: Survey) -> list[Wave]:
    return list(survey.waves.filter(status=Wave.Status.CLOSED).order_by("year"))


def questions_of(wave: Wave) -> QuerySet[Question]:
    return wave.questions.prefetch_related("options").order_by("position", "id")


def answered_company_ids(*, user: User | None, wave: Wave) -> set[int]:
    """The user's companies that have already answered ``wave``."""
    mine = company_ids_of_user(user)
    if not mine:
        return set()
    return set(
        Response.objects.filter(wave=wave, company_id__in=mine).values_list(
            "company_id", flat=True
        )
    )


def open_waves_to_answer(user: User) -> list[tuple[Wave, list[int]]]:
    """Open waves with the ids of the user's companies that have not answered."""
    mine = company_ids_of_user(user)
    if not mine:
        return []
    shown = []
    waves = Wave.objects.filter(status=Wave.Status.OPEN).select_related("survey")
    for wave in waves.order_by("closes_on", "id"):
        answered = set(
            Response.objects.filter(wave=wave, company_id__in=mine).values_list(
                "company_id", flat=True
            )
        )
        missing = sorted(mine - answered)
        if missing:
            shown.append((wave, missing))
    return shown
