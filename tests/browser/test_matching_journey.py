"""From an expert request to a printed accompaniment report, in the browser
(issue #5): the company sees the ranked experts with their reasons, chooses
one; the expert accepts, works, logs a session and submits the report; the
company validates it, rates the mission and prints the report."""

from playwright.sync_api import expect

from matching.models import Engagement
from tests.matching.factories import company_of, expert_request
from tests.matching.ranking_helpers import approved_expert


def press(page, action: str, **fields):
    form = page.locator(f'form[data-transition="{action}"]')
    for name, value in fields.items():
        form.locator(f'[name="{name}"]').fill(value)
    form.locator("button[type=submit]").click()


def expect_mission_status(page, status: str):
    expect(page.locator(f'[data-status="{status}"]').first).to_be_visible()


def test_it_takes_a_request_to_a_printed_report(
    new_page, pme_member, sign_in, screenshot
):
    expert = approved_expert(first_name="Hélène")
    request = expert_request(company_of(pme_member))

    # 1. The company sees the proposals, with reasons and a bar per component.
    company = new_page()
    sign_in(company, pme_member)
    company.goto(f"/matching/requests/{request.pk}/")
    company.locator(f'a[href="/matching/requests/{request.pk}/proposals/"]').click()
    expect(company.locator("meter").first).to_be_visible()
    expect(company.get_by_text("Hélène").first).to_be_visible()
    screenshot(company, "proposals.png")
    company.locator("form[action$='/choose/'] button[type=submit]").first.click()
    expect_mission_status(company, "proposed")
    mission_url = company.url

    # 2. The expert accepts, starts, logs a session and submits the report.
    work = new_page()
    sign_in(work, expert)
    work.goto(mission_url)
    press(work, "accept")
    expect_mission_status(work, "accepted")
    press(work, "start")
    expect_mission_status(work, "in_progress")
    session = work.locator('form[data-form="session"]')
    session.locator('[name="hours"]').fill("3")
    session.locator('[name="topic"]').fill(
        "Charte de télétravail & <droit à la déconnexion>"
    )
    session.locator("button[type=submit]").click()
    expect(work.get_by_text("Charte de télétravail").first).to_be_visible()
    press(
        work,
        "submit-report",
        summary="Politique de télétravail adoptée par le comité de direction.",
        recommendations="Mesurer le bien-être tous les six mois.",
        action_plan="1. Communiquer la charte. 2. Former les managers.",
    )
    expect_mission_status(work, "report_submitted")

    # 3. The company validates, rates the mission and prints the report.
    company.goto(mission_url)
    press(company, "validate")
    expect_mission_status(company, "validated")
    rating = company.locator('form[data-form="rating"]')
    rating.locator('[name="score"]').select_option("5")
    rating.locator("button[type=submit]").click()
    expect_mission_status(company, "closed")
    screenshot(company, "mission-closed.png")
    report = company.locator('[data-action="print-report"]')
    pdf = company.request.get(report.get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    assert Engagement.objects.get(request=request).status == "closed"
    assert company.console_errors == [] and work.console_errors == []
