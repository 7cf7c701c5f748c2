"""The knowledge base in the browser (issue #6): search "télétravail" without
its accents, read a case study, watch a capsule with its subtitles, register
for the Forum, and read the barometer's results."""

from django.core.files.base import ContentFile
from playwright.sync_api import expect

from core.roles import Role
from knowledge.demo import MEDIA_DIR, subtitles_for
from knowledge.events.models import Registration
from tests.factories import UserFactory
from tests.knowledge.content.factories import CapsuleFactory, CaseStudyFactory
from tests.knowledge.events.factories import EventFactory
from tests.knowledge.surveys.conftest import add_response, make_survey, make_wave


def _playable_capsule():
    capsule = CapsuleFactory(title="Le télétravail hybride", needs=["TEL"])
    video = (MEDIA_DIR / "capsule-teletravail.mp4").read_bytes()
    capsule.video_file.save("v.mp4", ContentFile(video), save=False)
    vtt = subtitles_for(["Bonjour", "Au revoir"]).encode()
    capsule.subtitles_file.save("v.vtt", ContentFile(vtt), save=False)
    capsule.video_type = "video/mp4"
    capsule.external_url = ""  # our own file, not a link
    capsule.save()
    return capsule


def test_it_finds_reads_and_plays_knowledge_content(
    page, screenshot, csp_violations, wait_until
):
    story = CaseStudyFactory(title="Le télétravail chez Bois & Co", needs=["TEL"])
    story.figures.create(value="−30 %", label="de trajets")
    capsule = _playable_capsule()

    # 1. Search without accents: both the story and the capsule come up.
    page.goto("/knowledge/")
    page.locator("#knowledge-q").fill("teletravail")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page.locator(".knowledge-hit")).to_have_count(2)
    screenshot(page, "knowledge-search.png")

    # 2. The story, with its figures.
    page.get_by_role("link", name="Le télétravail chez Bois & Co").click()
    expect(page.get_by_text("−30 %")).to_be_visible()
    screenshot(page, "knowledge-case-study.png")

    # 3. The capsule plays from our server with its French subtitles.
    page.goto(capsule.get_absolute_url())
    wait_until(
        page, "() => document.querySelector('video.knowledge-video').readyState >= 1"
    )
    assert 5 < page.locator("video.knowledge-video").evaluate("v => v.duration") < 7
    page.evaluate(
        "() => { document.querySelector('video').textTracks[0].mode = 'showing' }"
    )
    wait_until(
        page, "() => document.querySelector('video').textTracks[0].cues?.length === 2"
    )
    screenshot(page, "knowledge-capsule.png")
    assert csp_violations(page) == []


def test_it_registers_for_the_forum_and_reads_the_barometer(
    page, sign_in, screenshot, csp_violations
):
    forum = EventFactory(title="Forum NWOW Wallonie 2027", capacity=50)
    consultant = UserFactory(roles=[Role.CONSULTANT], first_name="Claire")
    survey = make_survey(title_fr="Baromètre NWOW des PME wallonnes")
    for year in (2025, 2026):
        wave = make_wave(survey, year=year, status="closed")
        for _ in range(6):
            add_response(wave)
    sign_in(page, consultant)

    # 4. Register for the Forum from its page.
    page.goto(f"/knowledge/events/{forum.pk}/")
    page.locator("[data-panel=registration] button[type=submit]").click()
    expect(page.locator('[data-registration-status="registered"]')).to_be_visible()
    screenshot(page, "knowledge-forum-registered.png")
    assert Registration.objects.get(event=forum, user=consultant).status == "registered"

    # 5. The barometer: charts with their tables, and the trend across waves.
    page.goto("/knowledge/barometer/")
    page.get_by_role("link", name="Baromètre NWOW des PME wallonnes").first.click()
    page.locator("a[href$='/results/']").first.click()
    expect(page.locator("main svg").first).to_be_visible()
    expect(page.locator('[data-trend="TEL.POLICY"]')).to_be_visible()
    screenshot(page, "knowledge-barometer.png")
    assert csp_violations(page) == []
