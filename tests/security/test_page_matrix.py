"""Every page × every persona gives the answer of the page matrix
(page_matrix.txt), and the matrix has a row for every page."""

from pathlib import Path

import pytest

from .page_support import open_page, page_names
from .world import PERSONAS, build_people, build_world

MATRIX = Path(__file__).with_name("page_matrix.txt")


def _rows() -> dict[str, list[int]]:
    rows = {}
    for line in MATRIX.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, *codes = line.split()
            rows[name] = [int(code) for code in codes]
    return rows


EXPECTED = _rows()


def test_it_has_a_row_for_every_page():
    assert sorted(set(page_names()) ^ EXPECTED.keys()) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_opens_each_page_as_the_matrix_says(db, name):
    people = build_people()
    world = build_world(people)

    answers = {p: open_page(name, people[p], world) for p in PERSONAS}

    assert answers == dict(zip(PERSONAS, EXPECTED[name], strict=True))
