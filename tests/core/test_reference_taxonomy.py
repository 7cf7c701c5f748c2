import pytest

from core.reference.maturity import Dimension
from core.reference.taxonomy import LANGUAGES, NEEDS, need_spec

CODES = ["TEL", "COL", "SPA", "MGT", "HRP", "CHG", "SEC", "LEG", "DIG", "STR"]


def test_it_lists_the_ten_needs_with_unique_codes():
    assert [need.code for need in NEEDS] == CODES


@pytest.mark.parametrize("need", NEEDS, ids=lambda need: need.code)
def test_every_need_has_a_label_in_each_language(need):
    assert set(need.labels) == set(LANGUAGES)
    assert all(label.strip() for label in need.labels.values())
    assert need.description_en.strip()


@pytest.mark.parametrize("need", NEEDS, ids=lambda need: need.code)
def test_every_need_improves_known_dimensions(need):
    assert need.dimensions
    assert set(need.dimensions) <= set(Dimension.values)
    assert len(set(need.dimensions)) == len(need.dimensions)


@pytest.mark.parametrize(
    ("code", "dimensions"),
    [("TEL", ("D2",)), ("HRP", ("D5",)), ("SPA", ("D6", "D2")), ("CHG", ("D1", "D4"))],
)
def test_it_links_needs_to_the_dimensions_they_improve(code, dimensions):
    assert need_spec(code).dimensions == dimensions


def test_every_dimension_is_improved_by_some_need():
    covered = {dimension for need in NEEDS for dimension in need.dimensions}

    assert covered == set(Dimension.values)


def test_it_gives_the_label_in_the_asked_language_or_french():
    telework = need_spec("TEL")

    assert telework.label("nl-be") == "Telewerk en hybride werkbeleid"
    assert telework.label("de") == "Telearbeit und hybride Arbeitsorganisation"
    assert telework.label("it") == "Télétravail et politique hybride"


def test_it_raises_key_error_for_an_unknown_code():
    with pytest.raises(KeyError):
        need_spec("XYZ")
