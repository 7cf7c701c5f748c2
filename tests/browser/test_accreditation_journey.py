"""The whole accreditation journey in the browser (issue #3): a consultant who
completed a programme applies, a reviewer asks for changes, the consultant
resubmits, the file is reviewed, recommended and approved by a decider, and
the public verification page then shows the accreditation."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from accreditation.models import Accreditation, Application
from core.models import Need
from core.roles import Role
from tests.factories import UserFactory
from training import services as training
from training.models import Certification, Module, Programme, Session

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def complete_a_programme(consultant):
    """The training part, through the services a trainer's page uses."""
    trainer = UserFactory(roles=[Role.TRAINER])
    programme = Programme.objects.create(
        domain=Need.objects.get(code="TEL"), title="Télétravail", is_published=True
    )
    module = Module.objects.create(
        programme=programme, order=1, title="Cadre légal", nominal_hours=2
    )
    start = timezone.now() + timedelta(hours=1)
    session = Session.objects.create(
        module=module,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        trainer=trainer,
        capacity=8,
    )
    enrolment = training.enrolment_create(consultant=consultant, programme=programme)
    training.session_register(user=consultant, session=session, enrolment=enrolment)
    training.attendance_record(
        trainer=trainer,
        session=session,
        enrolment=enrolment,
        status="present",
        minutes=120,
    )
    assert Certification.objects.filter(consultant=consultant).exists()


def act(page, name: str, **fields):
    """Fill the fields of one action form of the detail page and press it."""
    form = page.locator(f'form[data-action="{name}"]')
    for field, value in fields.items():
        form.locator(f'[name="{name}-{field}"]').fill(value)
    form.locator("button[type=submit]").click()


def expect_status(page, status: str):
    expect(page.locator("[data-status]").first).to_have_attribute("data-status", status)


def test_it_takes_a_consultant_from_programme_to_public_verification(
    new_page, live_server, sign_in, screenshot
):
    consultant = UserFactory(roles=[Role.CONSULTANT], first_name="Élodie")
    reviewer = UserFactory(roles=[Role.REVIEWER])
    decider = UserFactory(roles=[Role.DECIDER])
    complete_a_programme(consultant)

    # 1. The consultant drafts the file, adds documents and references, sends it.
    page = new_page()
    sign_in(page, consultant)
    page.goto("/accreditation/applications/new/")
    page.locator('input[name="domains"][value="TEL"]').check()
    page.locator('[name="enterprise_number"]').fill("0403.019.261")
    page.locator('[name="years_experience"]').fill("9")
    page.locator('input[name="languages"][value="fr"]').check()
    page.locator("main form button[type=submit]").click()
    expect_status(page, "draft")
    detail_url = page.url

    for kind in ("cv", "insurance", "charter"):
        upload = page.locator("form[enctype='multipart/form-data']")
        upload.locator('[name="kind"]').select_option(kind)
        upload.locator('[name="file"]').set_input_files(
            {"name": f"{kind}.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        upload.locator("button[type=submit]").click()
    for n in range(3):
        page.locator("#references summary").click()
        form = page.locator("#references form")
        form.locator('[name="client_name"]').fill(f"PME cliente {n}")
        form.locator('[name="client_contact"]').fill("Marie Dupont")
        form.locator('[name="client_email"]').fill(f"client{n}@pme.be")
        form.locator('[name="year"]').fill("2024")
        form.locator('[name="domain"]').select_option("TEL")
        form.locator('[name="description"]').fill("Charte de télétravail.")
        form.locator("button[type=submit]").click()
    expect(page.locator('[data-done="no"]')).to_have_count(0)
    screenshot(page, "application-ready.png")
    act(page, "submit")
    expect_status(page, "submitted")

    # 2. A reviewer asks for changes; the consultant resubmits.
    review = new_page()
    sign_in(review, reviewer)
    review.goto(detail_url)
    act(review, "request-changes", reason="Merci d'ajouter une attestation récente.")
    expect_status(review, "incomplete")

    page.goto(detail_url)
    expect(
        page.get_by_role("alert").get_by_text(
            "Merci d'ajouter une attestation récente."
        )
    ).to_be_visible()
    act(page, "resubmit")
    expect_status(page, "submitted")

    # 3. Review and recommendation, then the decider approves (four eyes).
    review.goto("/accreditation/applications/")
    review.locator("tbody a").first.click()
    act(review, "accept")
    expect_status(review, "under_review")
    review.locator(
        'form[data-action="recommend"] [name="recommend-decision"]'
    ).select_option("approve")
    act(review, "recommend", reason="Expérience solide et références vérifiées.")
    expect_status(review, "recommended")
    expect(review.locator('form[data-action="approve"]')).to_have_count(0)

    decide = new_page()
    sign_in(decide, decider)
    decide.goto(detail_url)
    act(decide, "approve")
    expect_status(decide, "approved")
    screenshot(decide, "application-approved.png")

    # 4. Anyone can verify the accreditation with the code of the certificate.
    application = Application.objects.get(consultant=consultant)
    accreditation = Accreditation.objects.get(application=application)
    visitor = new_page()
    visitor.goto("/verify/")
    visitor.locator('[name="code"]').fill(accreditation.verification_code)
    visitor.locator("main form button[type=submit]").click()
    expect(visitor.locator(".alert-success")).to_be_visible()
    expect(visitor.get_by_text(consultant.get_full_name())).to_be_visible()
    screenshot(visitor, "verify-valid.png")
    assert visitor.console_errors == []
