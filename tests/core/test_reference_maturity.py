import pytest
from django.utils import translation

from core.reference.maturity import (
    MATURITY_LEVELS,
    Dimension,
    level_for_score,
    maturity_level,
)


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, 1),
        (20, 1),
        (20.5, 2),
        (21, 2),
        (40, 2),
        (40.01, 3),
        (60, 3),
        (61, 4),
        (80, 4),
        (80.5, 5),
        (100, 5),
    ],
)
def test_it_maps_scores_to_levels_at_each_boundary(score, level):
    assert level_for_score(score) == level


@pytest.mark.parametrize("score", [-0.1, 100.1, float("nan")])
def test_it_refuses_a_score_outside_0_to_100(score):
    with pytest.raises(ValueError):
        level_for_score(score)


def test_levels_run_from_initial_to_optimising_without_gaps():
    assert [level.number for level in MATURITY_LEVELS] == [1, 2, 3, 4, 5]
    assert MATURITY_LEVELS[0].min_score == 0
    assert MATURITY_LEVELS[-1].max_score == 100
    for lower, upper in zip(MATURITY_LEVELS, MATURITY_LEVELS[1:], strict=False):
        assert upper.min_score == lower.max_score + 1


def test_it_looks_up_a_level_by_number():
    assert maturity_level(3).max_score == 60

    with pytest.raises(KeyError):
        maturity_level(6)


def test_there_are_six_dimensions_d1_to_d6():
    assert Dimension.values == ["D1", "D2", "D3", "D4", "D5", "D6"]

    with translation.override("en"):
        assert str(Dimension.D5.label) == "HR processes"
