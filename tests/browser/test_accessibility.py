"""Accessibility: every kind of page each persona reaches meets WCAG 2.1 A and AA,
as far as axe-core can tell (contrast, names, labels, landmarks, ARIA, language).

Belgian public-sector sites must meet WCAG 2.1 AA; so does a platform the
agency runs. The demo world gives each persona pages with real content; the
crawl follows the links a persona sees, so a new page is audited as soon as a
menu or a page links to it.
"""

import re
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from core.models import User

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# Personas by demo e-mail; None is the anonymous visitor.
PERSONAS = [
    None,
    "pme001@nwow.demo",
    "consultant001@nwow.demo",
    "reviewer@nwow.demo",
    "decider@nwow.demo",
    "trainer@nwow.demo",
    "editor@nwow.demo",
]
# Files, the admin site, the third-party API explorer and logging out are not
# pages of ours to audit (or would end the crawl's session).
NOT_PAGES = re.compile(
    r"/logout|/admin/|/api/|/static/|/media/|\.(pdf|csv|ics|bib|vtt|mp4|zip)$"
    r"|/download|/export|/evidence|/documents/\d+|/file"
)
PAGES_PER_PERSONA = 45


@pytest.fixture
def demo_world(live_server):
    call_command(
        "seed_demo", experts=6, companies=5, no_progress=True, stdout=StringIO()
    )


def shape(url: str) -> str:
    """/matching/requests/12/ and /matching/requests/7/ are the same page."""
    parts = urlsplit(url)
    return re.sub(r"/\d+(?=/)", "/N", parts.path) + ("?" if parts.query else "")


def links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "a[href]", "anchors => anchors.map((a) => a.getAttribute('href'))"
    )
    found = []
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "tel:", "http")):
            continue
        url = urljoin(base, href)
        if not NOT_PAGES.search(urlsplit(url).path):
            found.append(url)
    return found


def test_every_kind_of_page_meets_wcag_2_1_aa(new_page, sign_in, demo_world):
    axe = Axe()
    audited: set[str] = set()
    violations: dict[str, list[str]] = {}
    for email in PERSONAS:
        page = new_page()
        start = "/"
        if email:
            sign_in(page, User.objects.get(email=email))
            start = "/dashboard/"
        # Each persona's dashboard differs; other pages are audited once.
        audited.discard(shape(start))
        queue, visited = [start], 0
        while queue and visited < PAGES_PER_PERSONA:
            url = queue.pop(0)
            if shape(url) in audited:
                continue
            audited.add(shape(url))
            visited += 1
            page.goto(url)
            found = axe.run(page, options=WCAG_21_AA).response["violations"]
            if found:
                violations[f"{email or 'anonymous'} {url}"] = [
                    f"{rule['id']}: {' '.join(rule['nodes'][0]['target'])}"
                    for rule in found
                ]
            queue.extend(links(page, url))

    # The crawl must have reached the product, not stopped at a login page.
    assert len(audited) > 50
    assert violations == {}
