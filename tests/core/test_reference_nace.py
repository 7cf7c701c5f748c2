import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.reference.nace import (
    NACE_VERSION,
    NaceSection,
    nace_section,
    normalize_nace_code,
)


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        ("62.10", "62.10"),
        ("6210", "62.10"),
        ("62100", "62.100"),
        ("62.100", "62.100"),
        (" 62.01 ", "62.01"),
        ("62", "62"),
        ("62.1", "62.1"),
        ("01.11", "01.11"),
    ],
)
def test_it_normalizes_codes_to_their_dotted_form(value, canonical):
    assert normalize_nace_code(value) == canonical


@pytest.mark.parametrize(
    "value", ["", "6", "621000", "6.210", "62.10.0", "K62.10", "62,10", "abcd"]
)
def test_it_rejects_a_malformed_code(value):
    with pytest.raises(ValidationError) as excinfo:
        normalize_nace_code(value)

    assert excinfo.value.code == "nace_format"


@pytest.mark.parametrize("value", ["00.00", "04.10", "34", "45.20", "76", "89.10"])
def test_it_rejects_a_division_that_nace_2025_does_not_have(value):
    with pytest.raises(ValidationError) as excinfo:
        normalize_nace_code(value)

    assert excinfo.value.code == "nace_unknown_division"


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("01.11", NaceSection.A),
        ("09.10", NaceSection.B),
        ("33.12", NaceSection.C),
        ("35.11", NaceSection.D),
        ("41.00", NaceSection.F),
        ("46.90", NaceSection.G),
        ("47.11", NaceSection.G),
        ("58.11", NaceSection.J),
        ("62.100", NaceSection.K),
        ("64.19", NaceSection.L),
        ("68.20", NaceSection.M),
        ("70.20", NaceSection.N),
        ("78.10", NaceSection.O),
        ("84.11", NaceSection.P),
        ("85.59", NaceSection.Q),
        ("86.10", NaceSection.R),
        ("93.13", NaceSection.S),
        ("96.21", NaceSection.T),
        ("97.00", NaceSection.U),
        ("99.00", NaceSection.V),
    ],
)
def test_it_finds_the_rev_2_1_section_of_a_code(code, section):
    assert nace_section(code) == section


def test_it_covers_the_22_sections_a_to_v():
    assert NACE_VERSION == "2025"
    assert "".join(NaceSection.values) == "ABCDEFGHIJKLMNOPQRSTUV"


def test_section_titles_follow_rev_2_1_not_rev_2():
    with translation.override("en"):
        assert str(NaceSection.J.label) == (
            "Publishing, broadcasting and content production and distribution"
        )
        assert str(NaceSection.M.label) == "Real estate activities"
        assert str(NaceSection.S.label) == "Arts, sports and recreation"
