"""Results: the anonymity threshold, the differencing guard, filters and trend."""

import pytest

from knowledge.surveys.anonymity import withheld_cells
from knowledge.surveys.results import Filters, survey_results

from .conftest import add_response, make_wave

pytestmark = pytest.mark.django_db


def cells(results, question_code: str, dimension: str) -> dict:
    question = next(
        q for q in results.as_dict["questions"] if q["code"] == question_code
    )
    return {c["value"]: c["respondents"] for c in question["breakdowns"][dimension]}


def fill(wave, count: int, **profile):
    for _ in range(count):
        add_response(wave, **profile)


def test_it_withholds_groups_below_the_threshold():
    assert withheld_cells({"a": 4, "b": 1, "c": 12, "d": 5}, 5) == {"a", "b"}


def test_it_withholds_the_next_smallest_when_one_group_is_withheld():
    # Total 26 minus 9 and 12 would give "a" back; hiding "b" too prevents it.
    assert withheld_cells({"a": 3, "b": 9, "c": 14}, 5) == {"a", "b"}


def test_it_needs_no_guard_when_the_withheld_groups_reach_the_threshold():
    assert withheld_cells({"a": 3, "b": 2, "c": 14, "d": 20}, 5) == {"a", "b"}


def test_it_guards_two_small_groups_that_add_up_under_the_threshold():
    assert withheld_cells({"a": 1, "b": 2, "c": 14, "d": 20}, 5) == {"a", "b", "c"}


def test_it_publishes_counts_shares_mean_and_median_but_never_free_text(survey):
    wave = make_wave(survey, status="closed")
    fill(wave, 4, policy="written", autonomy=4, days=2)
    fill(wave, 2, policy="none", autonomy=1, days=0)

    data = survey_results(survey=survey).as_dict

    policy = data["questions"][0]
    assert policy["respondents"] == 6
    assert {o["code"]: (o["count"], o["share"]) for o in policy["options"]} == {
        "none": (2, 0.3333),
        "informal": (0, 0.0),
        "written": (4, 0.6667),
    }
    autonomy = next(q for q in data["questions"] if q["code"] == "MGT.AUTONOMY")
    assert (autonomy["mean"], autonomy["median"]) == (3.0, 4.0)
    assert "FREE.COMMENT" not in {q["code"] for q in data["questions"]}
    assert "secret" not in str(data)


def test_it_withholds_a_wave_with_fewer_than_five_respondents(survey):
    fill(make_wave(survey, status="closed"), 4)

    data = survey_results(survey=survey).as_dict

    assert data["withheld"] and data["respondents"] is None and data["questions"] == []


def test_it_publishes_no_open_wave(survey):
    fill(make_wave(survey, status="open"), 12)

    data = survey_results(survey=survey).as_dict

    assert data["wave"] is None and data["withheld"]


def test_it_applies_the_threshold_and_the_guard_to_a_breakdown(survey):
    wave = make_wave(survey, status="closed")
    fill(wave, 12, province="BE-WHT")
    fill(wave, 7, province="BE-WLG")
    fill(wave, 3, province="BE-WNA")

    by_province = cells(survey_results(survey=survey), "TEL.POLICY", "province")

    # Namur (3) is withheld; Liège, the next-smallest, too: 22 - 12 would
    # otherwise give Namur's answers back.
    assert by_province == {
        "BE-WHT": 12,
        "BE-WLG": None,
        "BE-WNA": None,
        "BE-WBR": None,
        "BE-WLX": None,
    }


def test_it_withholds_a_combination_of_filters_below_the_threshold(survey):
    wave = make_wave(survey, status="closed")
    fill(wave, 10, province="BE-WHT", size_class="small")
    fill(wave, 4, province="BE-WHT", size_class="micro")
    fill(wave, 9, province="BE-WLG", size_class="micro")

    small_group = survey_results(
        survey=survey, filters=Filters(province="BE-WHT", size_class="micro")
    ).as_dict
    province_only = survey_results(survey=survey, filters=Filters(province="BE-WHT"))

    assert small_group["withheld"] and small_group["questions"] == []
    assert province_only.as_dict["respondents"] == 14
    # Within Hainaut, micro (4) is withheld and small (10) guards it.
    sizes = cells(province_only, "TEL.POLICY", "size_class")
    assert sizes == {"micro": None, "small": None, "medium": None}


def test_it_withholds_a_filtered_group_that_a_breakdown_hides_by_the_guard(survey):
    # Small companies: Hainaut 10, Liège 6, Namur 2. Within "small", Namur is
    # withheld and Liège guards it; asking for Liège × small directly must not
    # give Liège back, or 18 - 10 - 6 would give Namur.
    wave = make_wave(survey, status="closed")
    fill(wave, 10, province="BE-WHT", size_class="small")
    fill(wave, 6, province="BE-WLG", size_class="small")
    fill(wave, 2, province="BE-WNA", size_class="small")
    fill(wave, 20, province="BE-WLG", size_class="medium")

    liege_small = survey_results(
        survey=survey, filters=Filters(province="BE-WLG", size_class="small")
    ).as_dict
    liege = survey_results(survey=survey, filters=Filters(province="BE-WLG"))

    assert liege_small["withheld"]
    # The same cell in the breakdown of Liège by size is withheld too.
    assert cells(liege, "TEL.POLICY", "size_class")["small"] is None


def test_it_raises_the_threshold_from_the_settings_or_the_survey(survey, settings):
    wave = make_wave(survey, status="closed")
    fill(wave, 6)
    settings.NWOW = {**settings.NWOW, "BAROMETER_MIN_GROUP": 7}

    assert survey_results(survey=survey).as_dict["withheld"]

    settings.NWOW = {**settings.NWOW, "BAROMETER_MIN_GROUP": 5}
    survey.min_group_size = 10
    survey.save()
    data = survey_results(survey=survey).as_dict
    assert data["withheld"] and data["min_group_size"] == 10


def test_it_lines_the_trend_up_by_question_code_across_waves(survey):
    first = make_wave(survey, year=2025, status="closed")
    second = make_wave(survey, year=2026, status="closed")
    fill(first, 5, policy="none", autonomy=2)
    fill(first, 5, policy="written", autonomy=4)
    fill(second, 2, policy="none", autonomy=3)
    fill(second, 8, policy="written", autonomy=5)

    trend = {t["code"]: t for t in survey_results(survey=survey).as_dict["trend"]}

    assert [p["year"] for p in trend["TEL.POLICY"]["points"]] == [2025, 2026]
    assert [p["shares"]["written"] for p in trend["TEL.POLICY"]["points"]] == [0.5, 0.8]
    assert [p["mean"] for p in trend["MGT.AUTONOMY"]["points"]] == [3.0, 4.6]


def test_it_leaves_a_gap_in_the_trend_where_the_group_is_withheld(survey):
    first = make_wave(survey, year=2025, status="closed")
    second = make_wave(survey, year=2026, status="closed")
    fill(first, 3, province="BE-WLX")
    fill(first, 8, province="BE-WNA")
    fill(second, 6, province="BE-WLX")
    fill(second, 8, province="BE-WNA")

    results = survey_results(survey=survey, filters=Filters(province="BE-WLX"))
    points = next(t for t in results.as_dict["trend"] if t["code"] == "TEL.DAYS")

    assert [(p["withheld"], p.get("mean")) for p in points["points"]] == [
        (True, None),
        (False, 2.0),
    ]
