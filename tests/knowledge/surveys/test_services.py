"""Responses and the wave workflow."""

import pytest
from django.db import connection

from core.errors import DomainError, NotAllowed, TransitionNotAllowed
from core.models import AuditEntry
from knowledge.surveys import services
from knowledge.surveys.models import Answer, Response, Wave
from tests.concurrency import run_at_once
from tests.pme.factories import CompanyFactory

from .conftest import VALID, make_survey, make_wave

pytestmark = pytest.mark.usefixtures("english")


def anonymous(wave, **extra):
    return services.response_submit(
        user=None,
        wave=wave,
        answers=VALID,
        province="BE-WLG",
        size_class="micro",
        **extra,
    )


def test_it_records_an_anonymous_response_with_its_profile(open_wave, pme_member):
    response = services.response_submit(
        user=pme_member,
        wave=open_wave,
        answers=VALID,
        province="BE-WLG",
        size_class="micro",
        nace_section="I",
    )

    assert response.company is None and response.submitted_by is None
    assert (response.province, response.size_class, response.nace_section) == (
        "BE-WLG",
        "micro",
        "I",
    )
    assert response.answers.count() == 3
    entry = AuditEntry.objects.get(action="surveys.response.submitted")
    assert entry.actor is None  # not even the audit row tells who answered


def test_it_takes_a_linked_response_profile_from_the_company(open_wave, pme_member):
    company = CompanyFactory(
        created_by=pme_member, province="BE-WHT", size_class="medium", nace_section="C"
    )

    response = services.response_submit(
        user=pme_member,
        wave=open_wave,
        answers=VALID,
        company=company.pk,
        province="BE-WLX",
    )

    assert response.company == company and response.submitted_by == pme_member
    assert (response.province, response.size_class) == ("BE-WHT", "medium")


def test_it_refuses_a_company_the_user_is_not_a_member_of(open_wave, pme_member):
    stranger = CompanyFactory()

    with pytest.raises(DomainError) as raised:
        services.response_submit(
            user=pme_member, wave=open_wave, answers=VALID, company=stranger.pk
        )

    assert "company" in raised.value.fields
    assert not Response.objects.exists()


def test_it_accepts_one_response_per_company_per_wave(open_wave, pme_member):
    company = CompanyFactory(created_by=pme_member)
    services.response_submit(
        user=pme_member, wave=open_wave, answers=VALID, company=company
    )

    with pytest.raises(TransitionNotAllowed) as raised:
        services.response_submit(
            user=pme_member, wave=open_wave, answers=VALID, company=company
        )

    assert raised.value.code == "already_answered"
    assert Response.objects.count() == 1


def test_it_saves_nothing_when_the_profile_or_any_answer_is_wrong(open_wave):
    with pytest.raises(DomainError) as raised:
        services.response_submit(
            user=None,
            wave=open_wave,
            answers={**VALID, "TEL.DAYS": 9},
            province="BE-BRU",
            size_class="",
        )

    assert set(raised.value.fields) == {"province", "size_class", "answers.TEL.DAYS"}
    assert not Response.objects.exists() and not Answer.objects.exists()


@pytest.mark.parametrize("status", ["draft", "closed"])
def test_it_accepts_responses_only_in_an_open_wave(survey, status):
    wave = make_wave(survey, status=status)

    with pytest.raises(TransitionNotAllowed) as raised:
        anonymous(wave)

    assert raised.value.code == "wave_not_open"


def test_it_refuses_responses_after_the_closing_date(open_wave):
    import datetime

    Wave.objects.filter(pk=open_wave.pk).update(
        closes_on=datetime.date(2020, 1, 1), opens_on=datetime.date(2019, 12, 1)
    )
    open_wave.refresh_from_db()

    with pytest.raises(TransitionNotAllowed):
        anonymous(open_wave)


def test_it_lets_an_editor_open_then_close_a_wave_with_audit_rows(survey, editor):
    wave = make_wave(survey)

    services.wave_open(actor=editor, wave=wave)
    closed = services.wave_close(actor=editor, wave=wave, reason="Fin de collecte")

    assert closed.status == Wave.Status.CLOSED and closed.closed_at is not None
    actions = list(
        AuditEntry.objects.filter(object_id=str(wave.pk))
        .order_by("id")
        .values_list("action", "to_state")
    )
    assert actions == [
        ("surveys.wave.opened", "open"),
        ("surveys.wave.closed", "closed"),
    ]


def test_it_lets_only_editors_run_the_waves(survey, pme_member, reviewer):
    wave = make_wave(survey)

    for user in (pme_member, reviewer):
        with pytest.raises(NotAllowed):
            services.wave_open(actor=user, wave=wave)

    wave.refresh_from_db()
    assert wave.status == Wave.Status.DRAFT


def test_it_refuses_to_close_a_draft_or_open_a_second_wave(survey, editor):
    make_wave(survey, year=2025, status="open")
    draft = make_wave(make_survey("autre"), year=2026)
    second = make_wave(survey, year=2026)

    with pytest.raises(TransitionNotAllowed):
        services.wave_close(actor=editor, wave=draft)
    with pytest.raises(TransitionNotAllowed) as raised:
        services.wave_open(actor=editor, wave=second)

    assert raised.value.code == "other_wave_open"


def test_it_refuses_to_open_a_wave_without_questions(survey, editor):
    import datetime

    wave = Wave.objects.create(
        survey=survey,
        year=2030,
        opens_on=datetime.date(2030, 3, 1),
        closes_on=datetime.date(2030, 4, 1),
    )

    with pytest.raises(TransitionNotAllowed) as raised:
        services.wave_open(actor=editor, wave=wave)

    assert raised.value.code == "wave_without_questions"


def test_it_prepares_next_years_wave_with_the_same_codes(survey, editor):
    wave = make_wave(survey, year=2025, status="closed")

    following = services.wave_create_next(
        actor=editor,
        source=wave,
        year=2026,
        opens_on=wave.opens_on,
        closes_on=wave.closes_on,
    )

    codes = list(following.questions.values_list("code", flat=True))
    assert codes == list(wave.questions.values_list("code", flat=True))
    assert following.status == Wave.Status.DRAFT
    assert following.questions.get(code="TEL.POLICY").options.count() == 3


@pytest.mark.django_db(transaction=True)
def test_it_keeps_one_response_per_company_under_concurrent_submissions(
    reference_data, pme_member
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: the race needs PostgreSQL")
    wave = make_wave(make_survey(), status="open")
    company = CompanyFactory(created_by=pme_member)

    def submit():
        services.response_submit(
            user=pme_member, wave=wave, answers=VALID, company=company.pk
        )

    outcomes = run_at_once([submit] * 6)

    assert sorted(outcomes) == ["409:already_answered"] * 5 + ["ok"]
    assert Response.objects.filter(company=company).count() == 1
