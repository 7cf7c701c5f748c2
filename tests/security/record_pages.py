"""A recording tool, not collected with the suite:
``NWOW_RECORD_PAGES=/tmp/pages.txt pytest tests/security/record_pages.py`` writes
what every persona gets from every page, to review before updating
page_matrix.txt."""

import os

import pytest

from .page_support import open_page, page_names
from .world import PERSONAS, build_people, build_world

pytestmark = pytest.mark.skipif(
    "NWOW_RECORD_PAGES" not in os.environ, reason="a recording tool"
)


def test_record(db):
    people = build_people()
    world = build_world(people)
    lines = []
    for name in page_names():
        codes = [str(open_page(name, people[p], world)) for p in PERSONAS]
        lines.append(f"{name:<48}{' '.join(codes)}")
    with open(os.environ["NWOW_RECORD_PAGES"], "w") as out:
        out.write("\n".join(lines) + "\n")
    assert lines, "no page found"
