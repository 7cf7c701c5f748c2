"""The results as CSV: one row per question, group and option (or statistic).

Withheld groups appear as rows marked ``withheld`` without any figure, so
that a spreadsheet shows where data exists but is not published. Cells that
a spreadsheet would run as a formula are prefixed with an apostrophe.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .models import Survey
from .results import SurveyResults, dimension_label

HEADER = (
    "wave",
    "question",
    "question_label",
    "group",
    "group_value",
    "group_label",
    "respondents",
    "option",
    "option_label",
    "count",
    "share",
    "mean",
    "median",
    "status",
)


def _safe(value) -> str:
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _rows_of(year: int, question: dict, group: str, value: str, label: str, cell):
    base = [year, question["code"], question["label"], group, value, label]
    if cell["withheld"]:
        yield [*base, "", "", "", "", "", "", "", "withheld"]
        return
    mean, median = cell.get("mean", ""), cell.get("median", "")
    options = cell.get("options")
    if not options:
        yield [*base, cell["respondents"], "", "", "", "", mean, median, "published"]
        return
    for option in options:
        yield [
            *base,
            cell["respondents"],
            option["code"],
            option["label"],
            option["count"],
            option["share"],
            mean,
            median,
            "published",
        ]


def results_csv(results: SurveyResults) -> str:
    """The CSV text of one wave's results under the chosen filters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    if results.wave is None:
        return buffer.getvalue()
    year = results.wave.year
    data = results.as_dict
    overall_label = _("All respondents")
    for question in data["questions"]:
        for row in _rows_of(year, question, "overall", "", overall_label, question):
            writer.writerow([_safe(cell) for cell in row])
        for dimension, cells in question["breakdowns"].items():
            for cell in cells:
                label = f"{dimension_label(dimension)}: {cell['label']}"
                for row in _rows_of(
                    year, question, dimension, cell["value"], label, cell
                ):
                    writer.writerow([_safe(value) for value in row])
    return buffer.getvalue()


def csv_response(survey: Survey, results: SurveyResults) -> HttpResponse:
    """The CSV as a download named after the survey and the wave."""
    year = results.wave.year if results.wave else "none"
    response = HttpResponse(results_csv(results), content_type="text/csv")
    response["Content-Disposition"] = (
        f'attachment; filename="{survey.slug}-{year}-results.csv"'
    )
    return response
