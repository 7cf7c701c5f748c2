"""Pages of the maturity scan: the questionnaire, the results, the history,
and the dashboard panel with each company's latest scan.

Views stay thin: the form turns radio buttons into the answers the service
expects, the service validates and scores. Only a company's members see its
scans; for anyone else the company does not exist (404).
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.dashboard import register_dashboard_panel
from core.errors import DomainError, NotFound
from core.reference.maturity import Dimension

from ..levels import ANSWER_SCALE, DONT_KNOW_LABEL, level_display
from ..radar import SERIES_COLOURS, history_svg, radar_svg
from ..selectors.scans import (
    assessment_get,
    assessment_result,
    benchmark,
    company_get_for_member,
    dimension_labels,
    latest_scans_for_user,
    questionnaire_current,
    scan_history,
    suggested_needs,
)
from ..services.scans import assessment_submit, register_scan_action_labels

DONT_KNOW = "dk"
# The request form of the matching app, reached by its path: pme knows
# nothing of matching (README, Architecture).
REQUEST_FORM_PATH = "/matching/requests/new/"


class ScanForm(forms.Form):
    """One radio group per question of a questionnaire version, 0–4 or
    "don't know"; a question left blank counts as "don't know"."""

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(value), label) for value, label in ANSWER_SCALE]
        choices.append((DONT_KNOW, DONT_KNOW_LABEL))
        self.dimensions = []
        for dimension in version.dimensions.all():
            names = []
            for question in dimension.questions.all():
                self.fields[question.code] = forms.ChoiceField(
                    label=question.text(),
                    choices=choices,
                    required=False,
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                )
                names.append(question.code)
            self.dimensions.append((dimension, names))

    def fieldsets(self):
        """(dimension, [bound fields]) for the template, in the asked order."""
        return [
            (dimension, [self[name] for name in names])
            for dimension, names in self.dimensions
        ]

    def answers(self) -> dict[str, int | None]:
        return {
            code: None if value in ("", DONT_KNOW) else int(value)
            for code, value in self.cleaned_data.items()
        }


def _company(request, pk: int):
    try:
        return company_get_for_member(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


@login_required
def scan_new(request, pk: int):
    company = _company(request, pk)
    try:
        version = questionnaire_current()
    except NotFound:
        raise Http404 from None
    form = ScanForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = assessment_submit(
                user=request.user,
                company=company,
                answers=form.answers(),
            )
        except DomainError as error:
            form.add_error(None, str(error.detail))
        else:
            messages.success(
                request, _("Your scan is recorded. Here are your results.")
            )
            return redirect("pme:scan-result", pk=assessment.pk)
    context = {"company": company, "form": form, "version": version}
    return render(request, "pme/scan_form.html", context)


def _request_url(company, needs) -> str:
    query = {"company": company.pk, "needs": ",".join(need.code for need in needs)}
    return f"{REQUEST_FORM_PATH}?{urlencode(query, safe=',')}"


@login_required
def scan_result(request, pk: int):
    try:
        assessment = assessment_get(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None

    labels = dimension_labels(assessment.version)
    result = assessment_result(assessment)
    compared = benchmark(assessment)
    needs = suggested_needs(result)
    rows = [
        {
            "code": code,
            "label": label,
            "score": result.dimension_scores.get(code),
            "benchmark": (
                compared.dimension_scores.get(code) if compared.available else None
            ),
        }
        for code, label in labels.items()
    ]
    radar = radar_svg(
        result.dimension_scores,
        labels,
        compare=compared.dimension_scores if compared.available else None,
        compare_label=_("median of comparable companies"),
    )
    context = {
        "assessment": assessment,
        "company": assessment.company,
        # Built by radar_svg from escaped text only.
        "radar": mark_safe(radar),  # noqa: S308
        "level": level_display(assessment.level),
        "rows": rows,
        "weakest": [(code, labels.get(code, code)) for code in result.weakest()],
        "needs": needs,
        "request_url": _request_url(assessment.company, needs) if needs else None,
        "benchmark": compared,
    }
    return render(request, "pme/scan_result.html", context)


@login_required
def scan_history_page(request, pk: int):
    company = _company(request, pk)
    history = scan_history(company)
    labels = {code: str(label) for code, label in _dimension_names().items()}
    dates = [date_format(scan.taken_at, "SHORT_DATE_FORMAT") for scan in history.scans]
    chart = history_svg(history.dimensions, labels, dates) if history.scans else None
    context = {
        "company": company,
        "history": history,
        "scans": [
            (scan, [values[index] for values in history.dimensions.values()], overall)
            for index, (scan, overall) in enumerate(
                zip(history.scans, history.overall, strict=True)
            )
        ],
        "series": [
            (code, labels[code], SERIES_COLOURS[index], values)
            for index, (code, values) in enumerate(history.dimensions.items())
        ],
        # Built by history_svg from escaped text only.
        "chart": mark_safe(chart) if chart else None,  # noqa: S308
    }
    return render(request, "pme/scan_history.html", context)


def _dimension_names() -> dict:
    # Scans of several versions share dimension codes; the model's choices
    # name them without picking one version's labels.
    return dict(Dimension.choices)


# -- dashboard ----------------------------------------------------------------


def _latest_scan_panel(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    entries = latest_scans_for_user(user=request.user)
    if not entries:
        return None

    names = _dimension_names()
    companies = []
    for company, assessment in entries:
        entry = {"company": company, "assessment": assessment}
        if assessment is not None:
            scores = assessment_result(assessment).dimension_scores
            entry["level"] = level_display(assessment.level)
            entry["radar"] = mark_safe(  # noqa: S308 - escaped by radar_svg
                radar_svg(
                    scores,
                    {code: str(name) for code, name in names.items()},
                    size=140,
                    show_labels=False,
                )
            )
        companies.append(entry)
    return {"companies": companies}


def register_scan_ui() -> None:
    """Called from PMEConfig.ready(): the dashboard panel and the audit labels."""
    register_scan_action_labels()
    register_dashboard_panel(
        # After the companies panel (order 20), which it complements.
        order=25,
        template_name="pme/panels/latest_scan.html",
        context=_latest_scan_panel,
    )
