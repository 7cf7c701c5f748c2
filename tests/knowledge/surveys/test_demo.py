"""The demo barometer: two closed waves with enough responses, and an open survey."""

import pytest
from django.core.management import call_command

from knowledge.surveys.demo import BAROMETER, PULSE
from knowledge.surveys.models import Option, Question, Response, Survey, Wave
from knowledge.surveys.results import survey_results

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "de", "nl"]


def test_it_seeds_two_closed_waves_with_publishable_breakdowns():
    call_command("seed_demo", experts=2, companies=12, no_progress=True)

    barometer = Survey.objects.get(slug=BAROMETER)
    waves = list(barometer.waves.order_by("year"))
    assert [(w.year, w.status) for w in waves] == [(2025, "closed"), (2026, "closed")]
    assert all(w.responses.count() >= 120 for w in waves)
    assert waves[0].questions.count() >= 12
    assert Response.objects.filter(wave__in=waves, company__isnull=False).exists()

    data = survey_results(survey=barometer).as_dict
    by_province = data["respondents_by"]["province"]
    assert all(not cell["withheld"] for cell in by_province)
    assert Survey.objects.get(slug=PULSE).waves.get().status == Wave.Status.OPEN


def test_it_adds_nothing_on_a_second_run():
    call_command("seed_demo", experts=2, companies=6, no_progress=True)
    count = Response.objects.count()

    call_command("seed_demo", experts=2, companies=6, no_progress=True)

    assert Response.objects.count() == count


def test_it_words_every_demo_question_and_option_in_all_four_languages():
    call_command("seed_demo", experts=2, companies=6, no_progress=True)

    questions = Question.objects.filter(wave__survey__slug__in=[BAROMETER, PULSE])
    options = Option.objects.filter(question__in=questions)
    assert questions.exists() and options.exists()
    for row in [*questions, *options]:
        assert all(getattr(row, f"label_{lang}") for lang in LANGUAGES), row.code
    for question in questions.exclude(help_fr=""):
        assert all(getattr(question, f"help_{lang}") for lang in LANGUAGES), (
            question.code
        )
    for survey in Survey.objects.filter(slug__in=[BAROMETER, PULSE]):
        for lang in LANGUAGES:
            assert getattr(survey, f"title_{lang}"), (survey.slug, lang)
            assert getattr(survey, f"description_{lang}"), (survey.slug, lang)
