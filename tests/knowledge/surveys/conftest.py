"""Personas and builders of the barometer's tests."""

import datetime

import pytest
from django.utils import timezone

from core.roles import Role
from knowledge.surveys.models import Answer, Option, Question, Response, Survey, Wave
from tests.factories import UserFactory

K = Question.Kind


@pytest.fixture
def editor(db):
    return UserFactory(
        email="elise.editrice@example.be", roles=[Role.EDITOR], is_staff=True
    )


def make_survey(slug: str = "barometre", **fields) -> Survey:
    defaults = {
        "title_fr": "Baromètre du télétravail",
        "description_fr": "Où en sont les PME wallonnes ?",
    }
    return Survey.objects.create(slug=slug, **{**defaults, **fields})


def make_wave(survey: Survey, year: int = 2026, status: str = "draft") -> Wave:
    """A wave with one question of each kind; ``status`` set directly."""
    today = timezone.localdate()
    wave = Wave.objects.create(
        survey=survey,
        year=year,
        opens_on=today - datetime.timedelta(days=5),
        closes_on=today + datetime.timedelta(days=30),
    )
    single = Question.objects.create(
        wave=wave,
        code="TEL.POLICY",
        position=1,
        kind=K.SINGLE,
        label_fr="Politique de télétravail ?",
        label_en="Telework policy?",
    )
    for position, code in enumerate(["none", "informal", "written"]):
        Option.objects.create(
            question=single, code=code, position=position, label_fr=code.title()
        )
    multiple = Question.objects.create(
        wave=wave,
        code="COL.TOOLS",
        position=2,
        kind=K.MULTIPLE,
        required=False,
        label_fr="Outils utilisés ?",
    )
    for position, code in enumerate(["docs", "chat", "video"]):
        Option.objects.create(
            question=multiple, code=code, position=position, label_fr=code.title()
        )
    Question.objects.create(
        wave=wave,
        code="MGT.AUTONOMY",
        position=3,
        kind=K.SCALE,
        label_fr="Autonomie des équipes",
        scale_min=1,
        scale_max=5,
    )
    Question.objects.create(
        wave=wave,
        code="TEL.DAYS",
        position=4,
        kind=K.NUMBER,
        label_fr="Jours de télétravail par semaine",
        min_value=0,
        max_value=5,
    )
    Question.objects.create(
        wave=wave,
        code="FREE.COMMENT",
        position=5,
        kind=K.TEXT,
        required=False,
        label_fr="Un commentaire ?",
    )
    if status != "draft":
        Wave.objects.filter(pk=wave.pk).update(status=status)
        wave.refresh_from_db()
    return wave


VALID = {"TEL.POLICY": "written", "MGT.AUTONOMY": 4, "TEL.DAYS": "2.5"}


def add_response(
    wave: Wave,
    *,
    province: str = "BE-WNA",
    size_class: str = "small",
    sector: str = "K",
    policy: str = "written",
    autonomy: int = 3,
    days: float = 2,
    company=None,
) -> Response:
    """A response written directly (closed waves refuse the service)."""
    response = Response.objects.create(
        wave=wave,
        company=company,
        province=province,
        size_class=size_class,
        nace_section=sector,
    )
    questions = {q.code: q for q in wave.questions.all()}
    option = Option.objects.get(question=questions["TEL.POLICY"], code=policy)
    Answer.objects.bulk_create(
        [
            Answer(response=response, question=questions["TEL.POLICY"], option=option),
            Answer(
                response=response, question=questions["MGT.AUTONOMY"], number=autonomy
            ),
            Answer(response=response, question=questions["TEL.DAYS"], number=days),
            Answer(
                response=response, question=questions["FREE.COMMENT"], text="secret"
            ),
        ]
    )
    return response


@pytest.fixture
def survey(db):
    return make_survey()


@pytest.fixture
def open_wave(survey):
    return make_wave(survey, status="open")


@pytest.fixture
def client():
    """Pages in English, the source language, for anonymous visitors."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")
