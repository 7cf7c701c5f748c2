"""The maturity scan's scoring, against hand-computed examples (domain.md §5)."""

import pytest

from pme.scoring import score_scan

STRUCTURE = {
    "D1": ["D1.1", "D1.2"],
    "D2": ["D2.1", "D2.2", "D2.3"],
    "D3": ["D3.1"],
}


def test_it_scores_a_dimension_as_the_mean_over_four_times_a_hundred():
    result = score_scan(
        {"D1.1": 2, "D1.2": 3, "D2.1": 4, "D2.2": 4, "D2.3": 4, "D3.1": 0}, STRUCTURE
    )

    # D1: (2+3)/2 = 2.5 → 62.5; D2: 4 → 100; D3: 0 → 0.
    assert result.dimension_scores == {"D1": 62.5, "D2": 100.0, "D3": 0.0}
    assert result.overall_score == pytest.approx((62.5 + 100 + 0) / 3, abs=0.01)


def test_it_leaves_dont_know_answers_out_of_the_mean():
    result = score_scan(
        {"D1.1": 4, "D1.2": None, "D2.1": 1, "D2.2": None, "D2.3": 3, "D3.1": 2},
        STRUCTURE,
    )

    # D1: 4 → 100 (not 50); D2: (1+3)/2 = 2 → 50; D3: 2 → 50.
    assert result.dimension_scores == {"D1": 100.0, "D2": 50.0, "D3": 50.0}
    assert result.overall_score == pytest.approx(66.67)


def test_it_gives_no_score_to_a_dimension_without_answer_and_skips_it():
    result = score_scan(
        {"D1.1": 3, "D1.2": 3, "D2.1": 3, "D2.2": 3, "D2.3": 3}, STRUCTURE
    )

    assert result.dimension_scores["D3"] is None
    assert result.overall_score == 75.0
    assert result.level == 4


def test_it_caps_the_level_at_the_weakest_dimension_plus_two():
    # D1 and D2 at 100 (level 5), D3 at 0 (level 1): overall 66.67 is level 4,
    # but the cap is 1 + 2 = 3.
    result = score_scan(
        {"D1.1": 4, "D1.2": 4, "D2.1": 4, "D2.2": 4, "D2.3": 4, "D3.1": 0}, STRUCTURE
    )

    assert result.overall_score == pytest.approx(66.67)
    assert result.level == 3


def test_it_reaches_level_five_only_when_no_dimension_lags():
    result = score_scan(
        dict.fromkeys(["D1.1", "D1.2", "D2.1", "D2.2", "D2.3", "D3.1"], 4), STRUCTURE
    )

    assert result.level == 5


def test_it_has_no_score_when_everything_is_dont_know():
    result = score_scan({"D1.1": None}, STRUCTURE)

    assert result.overall_score is None and result.level is None


def test_it_names_the_weakest_dimensions_first():
    result = score_scan(
        {"D1.1": 1, "D1.2": 1, "D2.1": 3, "D2.2": 3, "D2.3": 3, "D3.1": 2}, STRUCTURE
    )

    assert result.weakest(2) == ["D1", "D3"]


def test_it_refuses_a_value_off_the_scale():
    with pytest.raises(ValueError):
        score_scan({"D1.1": 5}, STRUCTURE)
