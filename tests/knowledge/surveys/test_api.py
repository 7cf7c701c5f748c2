"""The barometer's API: list and search, answering, results, CSV and waves."""

import pytest
from django.urls import reverse

from core.models import Need
from knowledge.surveys.models import Response, Wave
from tests.pme.factories import CompanyFactory

from .conftest import VALID, add_response, make_survey, make_wave

pytestmark = pytest.mark.usefixtures("english")


def test_it_lists_published_surveys_to_anyone_in_few_queries(
    anonymous_api, survey, django_assert_max_num_queries
):
    make_wave(survey, status="closed")
    for index in range(4):
        make_wave(
            make_survey(f"autre-{index}", title_fr=f"Autre {index}"), status="open"
        )
    make_survey("brouillon", title_fr="Brouillon")  # no published wave

    with django_assert_max_num_queries(8):
        body = anonymous_api.get(reverse("surveys-api:survey-list")).json()

    assert body["count"] == 5 and {"results", "next", "previous"} <= set(body)
    assert "brouillon" not in {row["slug"] for row in body["results"]}


def test_it_shows_drafts_to_editors_only(api, editor, pme_member):
    draft = make_survey("brouillon")
    url = reverse("surveys-api:survey-detail", args=[draft.pk])

    assert api(pme_member).get(url).status_code == 404
    assert api(editor).get(url).status_code == 200


def test_it_searches_without_accents_and_filters_by_need(anonymous_api, survey):
    make_wave(survey, status="closed")
    survey.needs.set(Need.objects.filter(code="TEL"))
    other = make_survey("outils", title_fr="Outils collaboratifs")
    make_wave(other, status="closed")
    url = reverse("surveys-api:survey-list")

    found = anonymous_api.get(url, {"q": "TELETRAVAIL"}).json()["results"]
    by_need = anonymous_api.get(url, {"need": "TEL"}).json()["results"]

    assert [row["slug"] for row in found] == ["barometre"]
    assert [row["slug"] for row in by_need] == ["barometre"]


def test_it_refuses_an_unknown_province_filter(anonymous_api):
    response = anonymous_api.get(reverse("surveys-api:survey-list"), {"province": "X"})

    assert response.status_code == 400 and "province" in response.json()["fields"]


def test_it_gives_the_open_waves_questionnaire_on_the_detail(anonymous_api, open_wave):
    url = reverse("surveys-api:survey-detail", args=[open_wave.survey_id])

    body = anonymous_api.get(url).json()

    assert body["questionnaire"]["wave"]["id"] == open_wave.pk
    codes = [q["code"] for q in body["questionnaire"]["questions"]]
    assert codes[0] == "TEL.POLICY" and len(codes) == 5


def test_it_takes_an_anonymous_response(anonymous_api, open_wave):
    url = reverse("surveys-api:survey-responses", args=[open_wave.survey_id])
    payload = {"province": "BE-WLX", "size_class": "micro", "answers": VALID}

    response = anonymous_api.post(url, payload, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["anonymous"] is True
    assert Response.objects.get().province == "BE-WLX"


def test_it_answers_with_the_fields_in_error_and_saves_nothing(
    anonymous_api, open_wave
):
    url = reverse("surveys-api:survey-responses", args=[open_wave.survey_id])
    payload = {"size_class": "micro", "answers": {**VALID, "MGT.AUTONOMY": 9}}

    response = anonymous_api.post(url, payload, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_answers"
    assert set(body["fields"]) == {"province", "answers.MGT.AUTONOMY"}
    assert not Response.objects.exists()


def test_it_answers_409_for_a_second_response_of_a_company(api, pme_member, open_wave):
    company = CompanyFactory(created_by=pme_member)
    url = reverse("surveys-api:survey-responses", args=[open_wave.survey_id])
    payload = {"company": company.pk, "answers": VALID}

    assert api(pme_member).post(url, payload, format="json").status_code == 201
    second = api(pme_member).post(url, payload, format="json")

    assert second.status_code == 409 and second.json()["code"] == "already_answered"


def test_it_refuses_another_members_company(api, pme_member, open_wave):
    stranger = CompanyFactory()
    url = reverse("surveys-api:survey-responses", args=[open_wave.survey_id])

    response = api(pme_member).post(
        url, {"company": stranger.pk, "answers": VALID}, format="json"
    )

    assert response.status_code == 400 and "company" in response.json()["fields"]


def test_it_answers_409_when_no_wave_is_open(anonymous_api, survey):
    make_wave(survey, status="closed")
    url = reverse("surveys-api:survey-responses", args=[survey.pk])

    response = anonymous_api.post(url, {"answers": VALID}, format="json")

    assert response.status_code == 409 and response.json()["code"] == "wave_not_open"


def test_it_throttles_anonymous_responses(anonymous_api, open_wave, settings):
    settings.NWOW = {**settings.NWOW, "SURVEY_RESPONSE_RATE": "2/hour"}
    url = reverse("surveys-api:survey-responses", args=[open_wave.survey_id])
    payload = {"province": "BE-WLX", "size_class": "micro", "answers": VALID}

    codes = [anonymous_api.post(url, payload, format="json").status_code for _ in "abc"]

    assert codes == [201, 201, 429]
    assert Response.objects.count() == 2


def test_it_publishes_results_with_the_filters(anonymous_api, survey):
    wave = make_wave(survey, status="closed")
    for _ in range(6):
        add_response(wave, province="BE-WHT")
    url = reverse("surveys-api:survey-results", args=[survey.pk])

    body = anonymous_api.get(url, {"wave": wave.pk, "province": "BE-WHT"}).json()
    empty = anonymous_api.get(url, {"province": "BE-WLG"}).json()

    assert body["respondents"] == 6 and body["filters"] == {"province": "BE-WHT"}
    assert "province" not in body["questions"][0]["breakdowns"]
    assert empty["withheld"] is True and empty["respondents"] is None


def test_it_refuses_results_of_a_wave_that_is_not_closed(anonymous_api, open_wave):
    url = reverse("surveys-api:survey-results", args=[open_wave.survey_id])

    response = anonymous_api.get(url, {"wave": open_wave.pk})

    assert response.status_code == 400 and response.json()["code"] == "wave_not_closed"


def test_it_exports_the_results_as_csv(anonymous_api, survey):
    wave = make_wave(survey, status="closed")
    for _ in range(5):
        add_response(wave)
    url = reverse("surveys-api:survey-results-csv", args=[survey.pk])

    response = anonymous_api.get(url)

    assert response.status_code == 200 and response["Content-Type"] == "text/csv"
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("wave,question,question_label,group")
    assert any(",TEL.POLICY," in line and ",written," in line for line in lines)
    assert any(line.endswith("withheld") for line in lines)
    assert "secret" not in response.content.decode()


def test_it_lets_editors_open_and_close_waves_with_a_history(api, editor, survey):
    wave = make_wave(survey)
    client = api(editor)

    opened = client.post(reverse("surveys-api:wave-open", args=[wave.pk]))
    again = client.post(reverse("surveys-api:wave-open", args=[wave.pk]))
    history = client.get(reverse("surveys-api:wave-history", args=[wave.pk])).json()

    assert opened.status_code == 200 and opened.json()["status"] == "open"
    assert again.status_code == 409
    assert [entry["to_status"] for entry in history] == ["open"]


def test_it_refuses_wave_actions_to_others(api, anonymous_api, pme_member, survey):
    wave = make_wave(survey, status="open")
    url = reverse("surveys-api:wave-close", args=[wave.pk])

    assert anonymous_api.post(url).status_code == 401
    assert api(pme_member).post(url).status_code == 403
    history = reverse("surveys-api:wave-history", args=[wave.pk])
    assert api(pme_member).get(history).status_code == 403
    wave.refresh_from_db()
    assert wave.status == Wave.Status.OPEN


def test_it_hides_draft_waves_from_the_public(anonymous_api, api, editor, survey):
    draft = make_wave(survey)
    url = reverse("surveys-api:wave-detail", args=[draft.pk])

    assert anonymous_api.get(url).status_code == 404
    assert api(editor).get(url).status_code == 200


def test_it_never_lets_status_be_written(api, editor, survey):
    wave = make_wave(survey)
    url = reverse("surveys-api:wave-detail", args=[wave.pk])

    response = api(editor).patch(url, {"status": "closed"}, format="json")

    assert response.status_code == 405


def test_it_reads_the_results_in_a_constant_number_of_queries(
    anonymous_api, survey, django_assert_max_num_queries
):
    wave = make_wave(survey, status="closed")
    for index in range(30):
        add_response(wave, province=["BE-WHT", "BE-WLG"][index % 2])
    url = reverse("surveys-api:survey-results", args=[survey.pk])

    with django_assert_max_num_queries(10):
        body = anonymous_api.get(url).json()

    assert body["respondents"] == 30


@pytest.mark.parametrize("pk", ["null,null", "1.5", "abc"])
def test_it_answers_404_for_a_survey_or_wave_id_that_is_not_a_number(anonymous_api, pk):
    for name in ("surveys-api:survey-detail", "surveys-api:wave-detail"):
        url = reverse(name, args=["0"]).replace("/0/", f"/{pk}/")

        assert anonymous_api.get(url).status_code == 404
