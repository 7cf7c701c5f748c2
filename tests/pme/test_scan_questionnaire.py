"""The questionnaire v1 data and what the migration made of it (domain.md §5)."""

import importlib

from django.apps import apps

from pme.models import Question, QuestionnaireDimension, QuestionnaireVersion
from pme.questionnaire_v1 import DIMENSIONS, LANGUAGES, seed_questionnaire_v1
from pme.selectors.scans import questionnaire_current, questionnaire_structure


def test_it_has_six_dimensions_of_five_questions_with_stable_codes():
    codes = [q for _d, _l, questions in DIMENSIONS for q, _t in questions]

    assert [code for code, _l, _q in DIMENSIONS] == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert len(codes) == 30
    assert codes[:5] == ["D1.1", "D1.2", "D1.3", "D1.4", "D1.5"]
    assert codes[-1] == "D6.5"


def test_it_words_every_label_and_question_in_four_languages():
    for _code, labels, questions in DIMENSIONS:
        assert all(labels[lang].strip() for lang in LANGUAGES)
        for _question, texts in questions:
            assert all(texts[lang].strip() for lang in LANGUAGES)
            assert texts["en"].endswith("?")
            assert texts["fr"].endswith(" ?")  # French typography


def test_the_migration_loads_version_one_as_the_current_version(db):
    version = questionnaire_current()

    assert version.number == 1
    assert Question.objects.filter(dimension__version=version).count() == 30
    assert (
        version.dimensions.get(code="D2").label("de") == "Flexibilität von Zeit und Ort"
    )
    assert Question.objects.get(code="D1.1").text("fr") == (
        "Les objectifs NWOW et numériques figurent-ils dans votre plan d'entreprise ?"
    )


def test_it_gives_the_structure_of_a_version_in_order(db):
    structure = questionnaire_structure(questionnaire_current())

    assert list(structure) == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert structure["D3"] == ["D3.1", "D3.2", "D3.3", "D3.4", "D3.5"]


def test_seeding_again_adds_nothing_and_keeps_a_newer_current_version(db):
    QuestionnaireVersion.objects.update(is_current=False)
    QuestionnaireVersion.objects.create(number=2, is_current=True)

    migration = importlib.import_module("pme.migrations.0002_questionnaire_v1")
    migration.seed_questionnaire_v1(apps)
    seed_questionnaire_v1(apps)

    assert QuestionnaireDimension.objects.filter(version__number=1).count() == 6
    assert Question.objects.filter(dimension__version__number=1).count() == 30
    assert QuestionnaireVersion.objects.get(is_current=True).number == 2
