import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.reference.geography import (
    Province,
    default_language_for_postal_code,
    is_german_speaking,
    province_for_postal_code,
)

# Messages are lazy: they are rendered when read, after the raising block, so
# the whole test runs in English (the source language).
pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("postal_code", "province"),
    [
        (1300, Province.WALLOON_BRABANT),
        (1499, Province.WALLOON_BRABANT),
        (4000, Province.LIEGE),
        (4999, Province.LIEGE),
        (5000, Province.NAMUR),
        (5999, Province.NAMUR),
        (6000, Province.HAINAUT),
        (6599, Province.HAINAUT),
        (6600, Province.LUXEMBOURG),
        (6999, Province.LUXEMBOURG),
        (7000, Province.HAINAUT),
        (7999, Province.HAINAUT),
    ],
)
def test_it_finds_the_province_at_each_boundary(postal_code, province):
    assert province_for_postal_code(postal_code) == province


def test_it_accepts_a_string_with_surrounding_spaces():
    assert province_for_postal_code(" 4700 ") == Province.LIEGE


def test_provinces_use_iso_3166_2_codes():
    assert [p.value for p in Province] == [
        "BE-WBR",
        "BE-WHT",
        "BE-WLG",
        "BE-WLX",
        "BE-WNA",
    ]


@pytest.mark.parametrize("postal_code", [1000, "1210", 1299])
def test_it_refuses_brussels(postal_code):
    with pytest.raises(ValidationError) as excinfo:
        province_for_postal_code(postal_code)

    assert excinfo.value.code == "postal_code_brussels"


@pytest.mark.parametrize("postal_code", [1500, 2000, 3000, 3999, 8000, 9000, 9999])
def test_it_refuses_flanders(postal_code):
    with pytest.raises(ValidationError) as excinfo:
        province_for_postal_code(postal_code)

    assert excinfo.value.code == "postal_code_flanders"


def test_it_tells_a_brussels_company_why_it_is_refused():
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        province_for_postal_code("1210")

    message = excinfo.value.messages[0]
    assert "1210" in message
    assert "Brussels-Capital Region" in message
    assert "outside Wallonia" in message


def test_it_points_a_flemish_company_to_the_kmo_portefeuille():
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        province_for_postal_code(9000)

    assert "Flemish Region" in excinfo.value.messages[0]
    assert "KMO-portefeuille" in excinfo.value.messages[0]


@pytest.mark.parametrize("postal_code", ["130", "13000", "0999", "13a0", "", 999])
def test_it_rejects_a_malformed_postal_code(postal_code):
    with pytest.raises(ValidationError) as excinfo:
        province_for_postal_code(postal_code)

    assert excinfo.value.code == "postal_code_format"


@pytest.mark.parametrize("postal_code", [4700, 4701, "4720", 4780, 4790, 4791])
def test_it_defaults_the_german_speaking_community_to_german(postal_code):
    assert is_german_speaking(postal_code)
    assert default_language_for_postal_code(postal_code) == "de"


@pytest.mark.parametrize("postal_code", [4699, 4792, 4800, 4960, 5000, 1300])
def test_it_defaults_the_rest_of_wallonia_to_french(postal_code):
    assert not is_german_speaking(postal_code)
    assert default_language_for_postal_code(postal_code) == "fr"
