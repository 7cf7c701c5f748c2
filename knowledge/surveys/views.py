"""Pages of the barometer: the list of surveys, a survey with its waves, the
questionnaire, the results with their filters, charts and trend, and the CSV.

Reading is public; answering is open to anyone (anonymous answers are
throttled per address); editors open and close waves from the survey page.
Views stay thin: a form, one service or selector, a render or a redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.roles import Role
from core.selectors import need_list
from pme.models import Company
from pme.selectors.companies import company_ids_of_user

from . import selectors, services
from .access import is_editor
from .charts import bar_chart_svg, trend_svg
from .exports import csv_response
from .forms import ResultsFilterForm, SurveyForm
from .results import DIMENSIONS, dimension_label, published_results
from .throttles import anonymous_submission_wait


def _svg(chart: str | None):
    """A chart of charts.py, safe to insert: it escapes every text it draws."""
    return mark_safe(chart) if chart else None  # noqa: S308


def survey_index(request):
    q = request.GET.get("q", "").strip()[:100]
    need = request.GET.get("need", "").strip().upper()[:8]
    surveys = selectors.survey_list(user=request.user, q=q, need=need)
    context = {
        "surveys": surveys,
        "q": q,
        "need": need,
        "needs": need_list(),
    }
    return render(request, "surveys/survey_list.html", context)


def survey_detail(request, pk: int):
    survey = selectors.survey_get(user=request.user, pk=pk)
    wave = selectors.open_wave(survey)
    context = {
        "survey": survey,
        "open_wave": wave,
        "closed_waves": selectors.closed_waves(survey),
        "is_editor": is_editor(request.user),
        "questions": selectors.questions_of(wave) if wave else [],
    }
    return render(request, "surveys/survey_detail.html", context)


def _answerable_companies(request, wave) -> list[Company]:
    user = request.user
    if not user.is_authenticated:
        return []
    # Member of, whatever the role: the agency's roles see every company but
    # answer for none.
    mine = company_ids_of_user(user)
    answered = selectors.answered_company_ids(user=user, wave=wave)
    return list(Company.objects.filter(pk__in=mine - answered).order_by("name", "pk"))


def _submit(request, wave, form) -> int | None:
    """Record the form's answers: None once saved, else the status of the
    refusal, whose reasons the form now carries."""
    if not request.user.is_authenticated:
        wait = anonymous_submission_wait(request)
        if wait is not None:
            message = _(
                "Too many responses from your connection. Try again in "
                "%(seconds)s seconds."
            )
            form.add_error(None, message % {"seconds": wait})
            return 429
    try:
        services.response_submit(
            user=request.user if request.user.is_authenticated else None,
            wave=wave,
            language=(request.LANGUAGE_CODE or "fr")[:2],
            **form.submission(),
        )
    except DomainError as error:
        form.add_service_errors(error.fields or {})
        if not error.fields:
            form.add_error(None, str(error.detail))
        return error.status_code
    return None


def survey_answer(request, pk: int):
    survey = selectors.survey_get(user=request.user, pk=pk)
    wave = selectors.open_wave(survey)
    if wave is None:
        messages.info(request, _("This survey is not open to responses at the moment."))
        return redirect("surveys:survey-detail", pk=survey.pk)

    companies = _answerable_companies(request, wave)
    questions = selectors.questions_of(wave)
    form = SurveyForm(request.POST or None, questions=questions, companies=companies)
    status = 200
    if request.method == "POST" and form.is_valid():
        status = _submit(request, wave, form)
        if status is None:
            messages.success(
                request,
                _("Thank you: your answers to the %(year)s wave are recorded.")
                % {"year": wave.year},
            )
            return redirect("surveys:survey-detail", pk=survey.pk)
    context = {"survey": survey, "wave": wave, "form": form}
    return render(request, "surveys/survey_answer.html", context, status=status)


# -- results ---------------------------------------------------------------------


def _chart_title(question: dict, year: int) -> str:
    return _("%(question)s — %(year)s, share of respondents") % {
        "question": question["label"],
        "year": year,
    }


def _trend_chart(entry: dict) -> str | None:
    points = entry["points"]
    if sum(1 for point in points if point.get("asked")) < 2:
        return None
    years = [point["year"] for point in points]
    title = _("%(question)s — across the waves") % {"question": entry["label"]}
    if entry["kind"] in ("single", "multiple"):
        series = [
            (
                option["label"],
                [point.get("shares", {}).get(option["code"]) for point in points],
            )
            for option in entry.get("options", [])
        ]
        return trend_svg(title, years, series, low=0, high=1, percent=True)
    means = [point.get("mean") for point in points]
    if entry["kind"] == "scale":
        low, high = entry["scale"]
    else:
        known = [mean for mean in means if mean is not None] or [1]
        low, high = 0, max(known) * 1.25 or 1
    label = _("Mean")
    return trend_svg(title, years, [(label, means)], low=low, high=high)


def _panels(results) -> list[dict]:
    data = results.as_dict
    trends = {entry["code"]: entry for entry in data["trend"]}
    panels = []
    for question in data["questions"]:
        chart = None
        if not question["withheld"] and question.get("options"):
            chart = bar_chart_svg(
                _chart_title(question, results.wave.year), question["options"]
            )
        trend = trends.get(question["code"])
        trend_chart = _trend_chart(trend) if trend else None
        if trend and trend.get("options"):
            trend_rows = [
                (
                    option["label"],
                    [p.get("shares", {}).get(option["code"]) for p in trend["points"]],
                )
                for option in trend["options"]
            ]
        elif trend:
            trend_rows = [(_("Mean"), [p.get("mean") for p in trend["points"]])]
        else:
            trend_rows = []
        panels.append(
            {
                "question": question,
                "chart": _svg(chart),
                "trend": trend,
                "trend_chart": _svg(trend_chart),
                "trend_rows": trend_rows,
                "percent": bool(trend and trend.get("options")),
                "breakdowns": [
                    (dimension, dimension_label(dimension), cells)
                    for dimension, cells in question["breakdowns"].items()
                ],
            }
        )
    return panels


def survey_results(request, pk: int):
    survey = selectors.survey_get(user=request.user, pk=pk)
    waves = selectors.closed_waves(survey)
    form = ResultsFilterForm(request.GET or None, waves=waves)
    # The form offers closed waves only: any other wave falls back to the latest.
    results = published_results(survey, form.query())
    context = {
        "survey": survey,
        "form": form,
        "results": results,
        "data": results.as_dict,
        "panels": _panels(results) if results.wave else [],
        "query_string": request.GET.urlencode(),
        "dimensions": [(d, dimension_label(d)) for d in DIMENSIONS],
    }
    return render(request, "surveys/survey_results.html", context)


def survey_results_csv(request, pk: int):
    survey = selectors.survey_get(user=request.user, pk=pk)
    form = ResultsFilterForm(request.GET or None, waves=selectors.closed_waves(survey))
    return csv_response(survey, published_results(survey, form.query()))


# -- editors ---------------------------------------------------------------------


@login_required
@require_POST
def wave_transition(request, pk: int, action: str):
    wave = selectors.wave_get(user=request.user, pk=pk)
    service = {"open": services.wave_open, "close": services.wave_close}[action]
    try:
        service(actor=request.user, wave=wave, reason=request.POST.get("reason", ""))
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        done = {
            "open": _("The %(year)s wave is open to responses."),
            "close": _("The %(year)s wave is closed; its results are published."),
        }[action]
        messages.success(request, done % {"year": wave.year})
    return redirect("surveys:survey-detail", pk=wave.survey_id)


# -- dashboard ---------------------------------------------------------------------


def _open_wave_panel(request) -> dict | None:
    user = request.user
    if not user.is_authenticated or not user.has_role(Role.PME):
        return None
    waves = selectors.open_waves_to_answer(user)
    if not waves:
        return None
    names = dict(
        Company.objects.filter(pk__in=company_ids_of_user(user)).values_list(
            "pk", "name"
        )
    )
    return {
        "waves": [
            {
                "wave": wave,
                "companies": [names[pk] for pk in company_ids if pk in names],
            }
            for wave, company_ids in waves
        ]
    }


def register_survey_ui() -> None:
    """The dashboard panel inviting company members to answer an open wave.

    No navigation item: the knowledge hub links to ``surveys:survey-list``.
    """
    from core.dashboard import register_dashboard_panel

    register_dashboard_panel(
        order=60,
        template_name="surveys/panels/open_wave.html",
        context=_open_wave_panel,
    )
