"""First journeys through the pages, in headless Chromium.

The interface text is being translated while these tests are written, so they
find elements by role, form field name or id, and compare visible text with
what Django's own catalogues give in French rather than with literals.
"""

import re

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation
from playwright.sync_api import expect

from core.models import User
from core.roles import Role
from tests.accreditation.factories import complete_application
from tests.factories import UserFactory
from tests.knowledge.content.factories import CaseStudyFactory

PHONE = {"width": 390, "height": 844}


def in_french(text) -> str:
    with translation.override("fr"):
        return str(text)


def main_form(page):
    return page.get_by_role("main").locator("form")


def role_badges(page):
    return page.locator("[data-role]")


def test_it_registers_a_visitor_as_a_consultant_and_opens_their_dashboard(
    page, live_server, password, screenshot
):
    page.goto("/accounts/signup/")
    form = main_form(page)
    values = {
        "first_name": "Élise",
        "last_name": "Lambert",
        "email": "elise.lambert@example.be",
        "password1": password,
        "password2": password,
    }
    for name, value in values.items():
        field = form.locator(f"[name={name}]")
        # Every field must carry a label for screen readers, whatever its text.
        expect(field).to_have_accessible_name(re.compile(r"\w"))
        field.fill(value)
    form.locator("input[name=role][value=consultant]").check()
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/dashboard/")
    expect(role_badges(page)).to_have_count(1)
    expect(role_badges(page)).to_have_attribute("data-role", Role.CONSULTANT)
    expect(role_badges(page)).to_have_text(in_french(Role.CONSULTANT.label))
    expect(page.locator("#consultant-title")).to_be_visible()
    expect(page.locator("#agency-title")).to_have_count(0)
    screenshot(page, "dashboard-consultant.png")

    user = User.objects.get(email="elise.lambert@example.be")
    assert user.roles == [Role.CONSULTANT]
    assert user.get_full_name() == "Élise Lambert"
    # The account takes the language the visitor saw: the default, French.
    assert user.language == "fr"


def test_it_signs_a_pme_member_in_through_the_login_page(
    page, live_server, pme_member, password, screenshot
):
    page.goto("/accounts/login/")
    form = main_form(page)
    form.locator("[name=login]").fill(pme_member.email)
    form.locator("[name=password]").fill(password)
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/dashboard/")
    expect(role_badges(page)).to_have_count(1)
    expect(role_badges(page)).to_have_attribute("data-role", Role.PME)
    expect(page.locator("#pme-title")).to_be_visible()
    expect(page.locator("#consultant-title")).to_have_count(0)
    expect(page.locator("#agency-title")).to_have_count(0)
    screenshot(page, "dashboard-pme.png")


def test_it_keeps_a_wrong_password_on_the_login_page_with_an_error(
    page, live_server, pme_member, screenshot
):
    page.goto("/accounts/login/")
    form = main_form(page)
    form.locator("[name=login]").fill(pme_member.email)
    form.locator("[name=password]").fill("Not-The-Password-1")
    form.locator("button[type=submit]").click()

    mismatch = DefaultAccountAdapter.error_messages["email_password_mismatch"]
    expect(page.get_by_role("main").get_by_role("alert")).to_contain_text(
        in_french(mismatch)
    )
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    # The address is kept so that only the password has to be typed again.
    expect(main_form(page).locator("[name=login]")).to_have_value(pme_member.email)
    expect(main_form(page).locator("[name=password]")).to_have_value("")
    screenshot(page, "login-wrong-password.png")


def test_it_switches_the_language_to_english_and_back_and_remembers_it(
    page, live_server, consultant, sign_in, screenshot
):
    sign_in(page, consultant)
    page.goto("/dashboard/")
    html = page.locator("html")
    menu = page.locator("#language-menu")
    current = menu.locator("[data-current-language]")
    expect(html).to_have_attribute("lang", "fr")
    expect(current).to_have_attribute("data-current-language", "fr")

    menu.get_by_role("button").first.click()
    menu.locator('button[value="en"]').click()
    expect(html).to_have_attribute("lang", "en")
    expect(page).to_have_url(f"{live_server.url}/dashboard/")
    expect(current).to_have_attribute("data-current-language", "en")
    screenshot(page, "dashboard-en.png")

    page.reload()
    expect(html).to_have_attribute("lang", "en")
    consultant.refresh_from_db()
    assert consultant.language == "en"

    menu.get_by_role("button").first.click()
    menu.locator('button[value="fr"]').click()
    expect(html).to_have_attribute("lang", "fr")
    page.reload()
    expect(html).to_have_attribute("lang", "fr")
    consultant.refresh_from_db()
    assert consultant.language == "fr"


def test_it_shows_the_agency_sections_on_a_reviewer_dashboard(
    page, reviewer, consultant, pme_member, sign_in, screenshot
):
    # Signing in writes the reviewer's "logged_in" row to the audit log.
    sign_in(page, reviewer)
    page.goto("/dashboard/")
    expect(role_badges(page)).to_have_attribute("data-role", Role.REVIEWER)

    users = page.locator("section[aria-labelledby=agency-title]")
    expect(users.get_by_role("heading")).to_be_visible()
    cards = users.locator(".card")
    expect(cards).to_have_count(len(Role))
    shown = [
        (card.locator(".small").inner_text(), card.locator(".stat-value").inner_text())
        for card in cards.all()
    ]
    counts = {Role.CONSULTANT: 1, Role.PME: 1, Role.REVIEWER: 1}
    assert shown == [(in_french(role.label), str(counts.get(role, 0))) for role in Role]

    audit = page.locator("section[aria-labelledby=audit-title]")
    expect(audit.get_by_role("heading")).to_be_visible()
    expect(audit.get_by_role("table")).to_be_visible()
    login_rows = audit.get_by_role("row").filter(has_text="core.user.logged_in")
    expect(login_rows).to_have_count(1)
    expect(login_rows).to_contain_text(reviewer.get_full_name())
    screenshot(page, "dashboard-reviewer.png")


def test_it_opens_the_phone_menu_and_logs_no_console_or_csp_error(
    new_page, pme_member, sign_in, csp_violations, screenshot, wait_until
):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/")
    menu = page.locator("#main-nav")
    toggler = page.get_by_role("navigation").locator(".navbar-toggler")
    expect(menu).to_be_hidden()

    # The menu opens only if Bootstrap's script ran under the CSP.
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(menu).to_have_class(re.compile(r"(^|\s)show(\s|$)"))
    expect(menu.locator("#language-menu")).to_be_visible()
    screenshot(page, "home-mobile-menu.png")
    # htmx is loaded with the same nonce; a blocked script would leave it unset.
    wait_until(page, "() => window.htmx !== undefined", timeout_ms=2000)

    def problems_since_last_look():
        # Console errors pile up across pages: take them page by page so that
        # a failure names the page that caused it.
        found = csp_violations(page) + page.console_errors
        page.console_errors.clear()
        return found

    problems = {"/": problems_since_last_look()}
    page.goto("/accounts/login/")
    problems["/accounts/login/"] = problems_since_last_look()
    sign_in(page, pme_member)
    page.goto("/dashboard/")
    expect(role_badges(page)).to_have_attribute("data-role", Role.PME)
    problems["/dashboard/"] = problems_since_last_look()
    assert problems == {"/": [], "/accounts/login/": [], "/dashboard/": []}


def sticking_out(page, elements: str = "body *") -> list[str]:
    """Which of ``elements`` make the page wider than the screen: it then
    scrolls sideways and, on a phone, is shown zoomed out. Content scrolled
    inside its own box (a wide table) does not count; naming the elements
    makes a failure easy to act on."""
    return page.evaluate(
        """(elements) => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          return [...document.querySelectorAll(elements)]
            .filter((element) => element.getBoundingClientRect().right > width + 0.5)
            .map((element) => `${element.tagName}.${element.className}`);
        }""",
        elements,
    )


def test_it_fits_the_home_page_in_a_phone_width(new_page):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/")

    assert sticking_out(page) == []


def test_it_fits_a_file_and_the_editors_queue_in_a_phone_width_in_dutch(
    new_page, sign_in
):
    # Dutch compounds ("beroepsaansprakelijkheidsverzekering") do not break by
    # themselves, and the queue's hidden form labels once escaped its
    # scrolling table.
    reviewer = UserFactory(roles=[Role.REVIEWER, Role.EDITOR], language="nl")
    application = complete_application()
    CaseStudyFactory(status="in_review")
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in(page, reviewer)

    pages = [f"/accreditation/applications/{application.pk}/", "/knowledge/editor/"]
    found = {}
    for url in pages:
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        found[url] = sticking_out(page)
    assert found == dict.fromkeys(pages, [])


def test_it_renders_the_api_docs_offline_without_console_errors(
    page, csp_violations, screenshot
):
    page.goto("/api/v1/docs/")

    expect(page.locator("#swagger-ui .opblock-tag").first).to_be_visible()
    # The sections are folded (150 operations): open the authentication one.
    page.locator("#swagger-ui .opblock-tag[data-tag='auth']").click()
    expect(page.get_by_text("/api/v1/auth/token/")).to_be_visible()
    assert page.console_errors == []
    assert csp_violations(page) == []
    screenshot(page, "api-docs.png")


def test_it_keeps_a_staff_menu_within_a_laptop_screen_in_every_language(
    new_page, sign_in
):
    # The longest menu: agency staff holding every role, with German and
    # Dutch labels and a long first name.
    staff = UserFactory(
        first_name="Marie-Christine",
        roles=[Role.TRAINER, Role.REVIEWER, Role.DECIDER, Role.EDITOR],
    )
    page = new_page(viewport={"width": 1200, "height": 800})
    sign_in(page, staff)
    too_wide = {}
    for language in ("fr", "en", "de", "nl"):
        User.objects.filter(pk=staff.pk).update(language=language)
        page.goto("/dashboard/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        too_wide[language] = sticking_out(page, "header *")
    assert too_wide == {"fr": [], "en": [], "de": [], "nl": []}
