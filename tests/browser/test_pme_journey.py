"""A company's whole journey in the browser (issue #4): register the company,
take the maturity scan, read the results (radar, level, suggested needs) and
ask for an expert on the suggested needs."""

from playwright.sync_api import expect

from core.roles import Role
from matching.models import ExpertRequest
from pme.models import Assessment, Company
from tests.factories import UserFactory


def test_it_takes_a_company_from_registration_to_an_expert_request(
    new_page, sign_in, screenshot
):
    owner = UserFactory(roles=[Role.PME], first_name="Nadia")
    page = new_page()
    sign_in(page, owner)

    # 1. Step one of the wizard: the company, with a spelling of its number.
    page.goto("/pme/companies/new/")
    form = page.locator("main form")
    form.locator('[name="name"]').fill("Menuiserie Lambert")
    form.locator('[name="enterprise_number"]').fill("BE 0428.759.497")
    form.locator('[name="postal_code"]').fill("5000")
    form.locator('[name="nace_code"]').fill("16.230")
    form.locator('[name="employees"]').fill("18")
    form.locator('[name="annual_turnover_eur"]').fill("2400000")
    form.locator("button[type=submit]").click()

    # 2. Step two: the scan. 75 on five dimensions, 0 on HR processes (D5):
    # overall 62.5 is level 4, capped at level 1 + 2 = 3 by the weakest.
    expect(page.locator("fieldset[data-dimension]")).to_have_count(6)
    for question in page.locator("fieldset[data-question]").all():
        code = question.get_attribute("data-question")
        value = "0" if code.startswith("D5") else "3"
        question.locator(f'input[type="radio"][value="{value}"]').check()
    page.locator("main form button[type=submit]").click()

    # 3. The results: a radar, the level, the weakest dimension and its needs.
    expect(page.locator("main svg[role='img']").first).to_be_visible()
    expect(page.locator("[data-level]")).to_have_attribute("data-level", "3")
    expect(page.locator('[data-weakest="D5"]')).to_be_visible()
    expect(page.locator('[data-need="HRP"]')).to_be_visible()
    screenshot(page, "scan-results.png")
    company = Company.objects.get(enterprise_number="0428759497")
    assert company.province == "BE-WNA" and company.size_class == "small"
    assert Assessment.objects.get(company=company).level == 3

    # 4. Ask for an expert on the suggested needs, pre-selected.
    page.get_by_role("link", name="Ask for an expert").or_(
        page.locator("a[href*='/matching/requests/new/']")
    ).first.click()
    expect(page.locator('input[name="needs"][value="HRP"]')).to_be_checked()
    page.locator('[name="description"]').fill(
        "Nous voulons professionnaliser nos entretiens annuels et l'accueil."
    )
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_text("HRP").first).to_be_visible()
    request = ExpertRequest.objects.get(company=company)
    assert "HRP" in set(request.needs.values_list("code", flat=True))
    screenshot(page, "expert-request.png")
    assert page.console_errors == []
