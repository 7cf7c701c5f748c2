"""The barometer's pages: list, survey, questionnaire, results, CSV, editors."""

import pytest
from django.urls import reverse

from knowledge.surveys.models import Response, Wave
from tests.pme.factories import CompanyFactory

from .conftest import add_response, make_survey, make_wave

pytestmark = pytest.mark.usefixtures("english")


def answers_post(**extra) -> dict:
    return {
        "respondent": "anonymous",
        "province": "BE-WNA",
        "size_class": "small",
        "q_TEL.POLICY": "written",
        "q_MGT.AUTONOMY": "4",
        "q_TEL.DAYS": "2",
        **extra,
    }


def test_it_lists_and_searches_surveys_without_accents(client, survey):
    make_wave(survey, status="open")
    make_wave(make_survey("outils", title_fr="Outils"), status="open")

    page = client.get(reverse("surveys:survey-list"), {"q": "teletravail"})

    assert page.status_code == 200
    assert f'data-survey="{survey.pk}"' in page.content.decode()
    assert page.content.decode().count("data-survey=") == 1


def test_it_hides_a_survey_without_published_wave(client, survey):
    make_wave(survey)  # a draft

    assert (
        client.get(reverse("surveys:survey-detail", args=[survey.pk])).status_code
        == 404
    )


def test_it_takes_an_anonymous_answer_from_the_page(client, open_wave):
    url = reverse("surveys:survey-answer", args=[open_wave.survey_id])

    form = client.get(url)
    sent = client.post(url, answers_post())

    # The English label where there is one, French otherwise.
    assert "Telework policy?" in form.content.decode()
    assert "Autonomie des équipes" in form.content.decode()
    assert form.status_code == 200
    assert sent.status_code == 302
    assert Response.objects.get().company is None


def test_it_shows_the_errors_on_their_fields_and_saves_nothing(client, open_wave):
    url = reverse("surveys:survey-answer", args=[open_wave.survey_id])

    page = client.post(url, answers_post(**{"q_TEL.DAYS": "8", "province": ""}))

    assert page.status_code == 400
    assert "Enter a number from 0.00 to 5.00." in page.content.decode()
    assert "Choose your province." in page.content.decode()
    assert not Response.objects.exists()


def test_it_offers_only_the_members_companies(client, pme_member, open_wave):
    mine = CompanyFactory(created_by=pme_member, name="Ma PME")
    CompanyFactory(name="Pas la mienne")
    client.force_login(pme_member)
    url = reverse("surveys:survey-answer", args=[open_wave.survey_id])

    page = client.get(url).content.decode()
    client.post(url, answers_post(respondent=str(mine.pk)))

    assert "Ma PME" in page and "Pas la mienne" not in page
    assert Response.objects.get().company == mine


def test_it_refuses_a_forged_company_on_the_page(client, pme_member, open_wave):
    stranger = CompanyFactory()
    client.force_login(pme_member)
    url = reverse("surveys:survey-answer", args=[open_wave.survey_id])

    page = client.post(url, answers_post(respondent=str(stranger.pk)))

    assert page.status_code == 200  # the choice is not offered: the form refuses it
    assert not Response.objects.exists()


def test_it_throttles_anonymous_answers_on_the_page(client, open_wave, settings):
    settings.NWOW = {**settings.NWOW, "SURVEY_RESPONSE_RATE": "1/hour"}
    url = reverse("surveys:survey-answer", args=[open_wave.survey_id])

    client.post(url, answers_post())
    page = client.post(url, answers_post())

    assert page.status_code == 429
    assert Response.objects.count() == 1


def test_it_shows_results_with_charts_tables_and_trend(client, survey):
    first = make_wave(survey, year=2025, status="closed")
    second = make_wave(survey, year=2026, status="closed")
    for wave in (first, second):
        for _ in range(6):
            add_response(wave)
    url = reverse("surveys:survey-results", args=[survey.pk])

    page = client.get(url).content.decode()

    assert page.count("<svg") >= 4 and "<title>" in page and "<desc>" in page
    assert 'data-trend="TEL.POLICY"' in page
    assert "style=" not in page.split("<main", 1)[1]
    assert "secret" not in page


def test_it_withholds_a_small_group_on_the_page(client, survey):
    wave = make_wave(survey, status="closed")
    for _ in range(6):
        add_response(wave, province="BE-WHT")
    url = reverse("surveys:survey-results", args=[survey.pk])

    page = client.get(url, {"province": "BE-WLX"}).content.decode()

    assert 'data-withheld="overall"' in page


def test_it_downloads_the_csv_from_the_page(client, survey):
    wave = make_wave(survey, status="closed")
    for _ in range(5):
        add_response(wave)

    response = client.get(reverse("surveys:survey-results-csv", args=[survey.pk]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]


def test_it_lets_an_editor_open_a_wave_from_the_page(client, editor, survey):
    wave = make_wave(survey)
    client.force_login(editor)

    client.post(reverse("surveys:wave-open", args=[wave.pk]))

    wave.refresh_from_db()
    assert wave.status == Wave.Status.OPEN


def test_it_refuses_wave_actions_to_other_users(client, pme_member, survey):
    wave = make_wave(survey, status="open")
    client.force_login(pme_member)

    client.post(reverse("surveys:wave-close", args=[wave.pk]))
    anonymous = client.__class__().post(reverse("surveys:wave-close", args=[wave.pk]))

    wave.refresh_from_db()
    assert wave.status == Wave.Status.OPEN
    assert anonymous.status_code == 302  # to the login page


def test_it_invites_a_member_on_the_dashboard_until_the_company_answers(
    client, pme_member, open_wave
):
    company = CompanyFactory(created_by=pme_member, name="Ma PME")
    client.force_login(pme_member)
    dashboard = reverse("core:dashboard")

    before = client.get(dashboard).content.decode()
    add_response(open_wave, company=company)
    after = client.get(dashboard).content.decode()

    assert "barometer-panel-title" in before and "Ma PME" in before
    assert "barometer-panel-title" not in after
