"""Security headers in production, and pages that never need an inline script.

The crawl follows every same-site link from the home page and the dashboard,
for a visitor and for each persona, and checks each HTML page: scripts only
from our static files (and a nonce, when one is given, that is the
response's), no inline script but JSON data, no inline style attribute, no
event handler attribute, no ``javascript:`` link.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from tests.core.test_settings import GOOD_ENV, manage

SKIPPED_PREFIXES = ("/accounts/logout", "/admin/", "/static/", "/api/", "/i18n/")
MAX_PAGES = 80


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.problems: list[str] = []
        self.nonces: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if name == "style":
                self.problems.append(f"<{tag} style=...> inline style")
            if name in {"href", "src", "action"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:...>")
        if tag == "script":
            if not attributes.get("src") and attributes.get("type") not in {
                "application/json",
                "application/ld+json",
            }:
                self.problems.append("inline <script>")
            source = attributes.get("src") or ""
            if source and not source.startswith("/static/"):
                self.problems.append(f"script from outside our static files: {source}")
            if "nonce" in attributes:
                self.nonces.add(attributes["nonce"] or "")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])


def _crawl(client: Client, starts: list[str]) -> dict[str, list[str]]:
    seen: set[str] = set()
    queue = list(starts)
    problems: dict[str, list[str]] = {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get(
            "Content-Type", ""
        ):
            continue
        parser = _PageParser()
        parser.feed(response.content.decode())
        csp = response.get("Content-Security-Policy", "")
        nonce = re.search(r"'nonce-([^']+)'", csp)
        page_problems = list(parser.problems)
        if "unsafe-inline" in csp or not csp:
            page_problems.append(f"weak CSP: {csp!r}")
        for script_nonce in parser.nonces:
            if not nonce or script_nonce != nonce.group(1):
                page_problems.append("script without the response's nonce")
        if page_problems:
            problems[url] = page_problems
        for href in parser.links:
            target = urlsplit(urljoin(url, href))
            if target.netloc or not target.path.startswith("/"):
                continue
            if target.path.startswith(SKIPPED_PREFIXES) or target.path.endswith(
                (".pdf", ".csv", ".bib", ".ics", ".vtt")
            ):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona",
    [None, "consultant", "pme_member", "trainer", "reviewer", "decider", "admin_user"],
)
def test_no_page_needs_an_inline_script_or_style(request, persona):
    client = Client()
    if persona:
        client.force_login(request.getfixturevalue(persona))

    problems = _crawl(client, ["/", "/dashboard/"])

    assert problems == {}


def test_production_sends_hsts_csp_and_the_other_security_headers():
    result = manage(
        "shell",
        "-c",
        "from django.test import Client; "
        "r = Client().get("
        "'/api/v1/auth/me/', secure=True, HTTP_HOST='nwow.example.be'); "
        "print(repr(dict(r.headers)))",
        env={**GOOD_ENV, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres"},
    )
    headers = eval(result.stdout.strip().splitlines()[-1])  # noqa: S307 - our repr

    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in headers["Strict-Transport-Security"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "no-store" in headers["Cache-Control"]
