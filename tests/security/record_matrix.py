"""A recording tool, not collected with the suite:
``NWOW_RECORD_MATRIX=/tmp/matrix.txt pytest tests/security/record_matrix.py``
writes what every persona gets from every operation (``*`` where data changed),
to review by hand before updating permission_matrix.txt."""

import os

import pytest
from drf_spectacular.generators import SchemaGenerator

from .matrix_support import call
from .world import PERSONAS, build_people, build_world

pytestmark = pytest.mark.skipif(
    "NWOW_RECORD_MATRIX" not in os.environ, reason="a recording tool"
)


def test_record(db):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    people = build_people()
    world = build_world(people)
    lines = []
    for path, item in schema["paths"].items():
        for method in item:
            try:
                row = {
                    p: call(method.upper(), path, people[p], world, people)
                    for p in PERSONAS
                }
            except LookupError:
                continue
            lines.append(
                f"{method.upper():6} {path:70} "
                + " ".join(
                    f"{p[:6]}={s}{'*' if c else ''}" for p, (s, c) in row.items()
                )
            )
    with open(os.environ["NWOW_RECORD_MATRIX"], "w") as out:
        out.write("\n".join(lines) + "\n")
    assert lines, "the schema lists no operation"
