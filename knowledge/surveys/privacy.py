"""Personal data of the barometer: who answered for a company, and free text.

Answers are statistics of companies: they are kept when the respondent is
erased, except free text, which may name people.
"""

from core.personal_data import register_no_personal_data, register_personal_data

register_personal_data("surveys.Response", subject=("submitted_by",), on_erase="keep")
register_personal_data(
    "surveys.Answer",
    subject=("response__submitted_by",),
    fields=("text",),
    on_erase="scrub",
)
for label in (
    "surveys.Survey",
    "surveys.SurveyDimension",
    "surveys.Wave",
    "surveys.Question",
    "surveys.Option",
):
    register_no_personal_data(label, "The survey's questionnaire.")
