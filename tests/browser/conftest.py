"""Headless Chromium driven by Playwright against pytest-django's live server.

The browser is Debian's ``/usr/bin/chromium``: Playwright cannot download its
own build here. Every test in this folder gets the ``browser`` marker, so
``pytest -m "not browser"`` leaves them out on machines without Chromium.
"""

import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop in the main thread, and Django
# refuses ORM calls from a thread with a running loop. It must be set before
# the first browser fixture runs, and the fixtures stay alive until the end of
# the session, so it is set on import.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent
REPOSITORY_ROOT = HERE.parents[1]
SCREENSHOT_DIR = REPOSITORY_ROOT / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}

# Chromium reports a blocked script, style or connection as a console error;
# the listener below also catches violations that log nothing.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
  );
});
"""


def pytest_collection_modifyitems(config, items):
    # This hook sees the whole session's items: mark only this folder's tests.
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        message = (
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium "
            "(apt-get install chromium)."
        )
        if os.environ.get("NWOW_REQUIRE_BROWSER") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import expect, sync_playwright

    # CI runs the suite on two busy cores: give a slow page twice Playwright's
    # default before an assertion gives up, so a failure means a real fault.
    expect.set_options(timeout=10_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _browser_reference_data(live_server, reference_data):
    """The live server runs on a transactional database: restore the reference
    data that the flush after each test removes."""


@pytest.fixture
def new_page(browser, live_server) -> Iterator[Callable]:
    """``new_page(**context_options)``: a page in a fresh browser context.

    A fresh context per page means no cookie or session leaks between tests.
    Pages record console errors in ``page.console_errors``.
    """
    contexts = []

    def make(**options):
        options = {
            "viewport": DESKTOP,
            "locale": "fr-BE",
            "base_url": live_server.url,
            **options,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(20_000)
        contexts.append(context)
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console",
            lambda message: (
                page.console_errors.append(message.text)
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def screenshot() -> Callable:
    """``screenshot(page, "name.png")`` saves a full-page PNG for review."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        if not name.endswith(".png"):
            name += ".png"
        path = SCREENSHOT_DIR / re.sub(r"[^\w.-]", "-", name)
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sign_in(live_server) -> Callable:
    """``sign_in(page, user)`` opens a session without going through the form.

    Only the login journey itself needs the form; elsewhere a session cookie
    made by Django's test client keeps the test short.
    """
    from django.conf import settings
    from django.test import Client

    def sign_in(page, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": cookie.value,
                    "url": live_server.url,
                }
            ]
        )

    return sign_in


@pytest.fixture
def csp_violations() -> Callable:
    """``csp_violations(page)``: the CSP violations the current document saw."""

    def read(page) -> list[str]:
        violations = page.evaluate("window.__cspViolations")
        # Missing means the listener never ran, which would hide violations.
        assert isinstance(violations, list), "the CSP listener is not installed"
        return violations

    return read


@pytest.fixture
def wait_until() -> Callable:
    """``wait_until(page, "() => condition")`` polls the page until it holds.

    Playwright's ``wait_for_function`` re-checks its predicate with ``eval``
    inside the page, which our CSP (no ``unsafe-eval``) blocks as soon as the
    first check is false. ``page.evaluate`` goes through the DevTools protocol,
    which the CSP does not govern, so the polling is done from here.
    """

    def wait(page, condition: str, *, timeout_ms: int = 10_000) -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        while not page.evaluate(condition):
            if time.monotonic() > deadline:
                raise AssertionError(f"still false after {timeout_ms} ms: {condition}")
            page.wait_for_timeout(50)

    return wait
