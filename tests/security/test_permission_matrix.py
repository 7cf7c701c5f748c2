"""Every API operation × every persona gives the answer of the permission matrix
(permission_matrix.txt), and no refused call changes any data."""

from pathlib import Path

import pytest
from drf_spectacular.generators import SchemaGenerator

from .matrix_support import call
from .world import PERSONAS, build_people, build_world

MATRIX = Path(__file__).with_name("permission_matrix.txt")


def _rows() -> dict[tuple[str, str], list[int]]:
    rows = {}
    for line in MATRIX.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        method, path, *codes = line.split()
        rows[(method, path)] = [int(code) for code in codes]
    return rows


EXPECTED = _rows()


def _schema_operations() -> set[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }


def test_it_has_a_row_for_every_operation_of_the_schema():
    operations = _schema_operations()

    assert sorted(operations - EXPECTED.keys()) == []
    assert sorted(EXPECTED.keys() - operations) == []


def test_it_has_one_answer_per_persona_in_every_row():
    assert {len(codes) for codes in EXPECTED.values()} == {len(PERSONAS)}


@pytest.mark.parametrize(
    ("method", "path"), sorted(EXPECTED), ids="{0[0]} {0[1]}".format
)
def test_it_answers_each_persona_as_the_matrix_says(db, method, path):
    people = build_people()
    world = build_world(people)

    answers = {}
    for persona in PERSONAS:
        status, changed = call(method, path, people[persona], world, people)
        answers[persona] = status
        if not 200 <= status < 300:
            assert not changed, f"{persona} got {status} and changed data"

    assert answers == dict(zip(PERSONAS, EXPECTED[(method, path)], strict=True))
