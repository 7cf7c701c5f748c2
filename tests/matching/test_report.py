"""The accompaniment report: hostile text, missing parts, pages, languages."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from core.roles import Role
from matching import report
from matching.models import Engagement, Rating, WorkingSession
from tests.factories import UserFactory
from tests.matching.factories import expert_request, scan
from tests.pme.factories import CompanyFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<img src="/etc/passwd"/> & <font size="40">Grüße</font> <b>'


def mission(
    *, language="en", name="Boulangerie Lambert", sessions=0, expert=None, **fields
):
    company = CompanyFactory(name=name, language=language)
    scan(company, days_ago=200)
    expert = expert or UserFactory(
        roles=[Role.CONSULTANT], first_name="Jérôme", last_name="Ødegård"
    )
    request = expert_request(company, needs=("TEL", "HRP"))
    engagement = Engagement.objects.create(
        request=request,
        expert=expert,
        status=Engagement.Status.CLOSED,
        started_on=datetime.date(2026, 3, 2),
        **fields,
    )
    for index in range(sessions):
        WorkingSession.objects.create(
            engagement=engagement,
            date=datetime.date(2026, 3, 2) + datetime.timedelta(days=7 * index),
            hours=Decimal("3.5"),
            topic=f"Atelier {index} : charte de télétravail",
            notes="Échanges avec l'équipe, décisions et suites à donner. " * 12,
            logged_by=expert,
        )
    return engagement


def text_of(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def image_count(reader: PdfReader) -> int:
    count = 0
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        count += sum(
            1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image"
        )
    return count


def test_it_renders_hostile_text_as_text_without_images():
    # 300 characters of name: the longest first and last names allowed.
    expert = UserFactory(first_name="Ä" * 149 + "<", last_name="&" + "ß" * 149)
    engagement = mission(
        expert=expert,
        name="Brasserie <Dupont> & Fils " + "é" * 170,
        report_summary=HOSTILE + "\nSecond line",
        report_recommendations="<font>unclosed & <para>",
        action_plan="1. Ölwechsel\n2. <br/> déjà",
    )

    reader, text = text_of(report.render_report(engagement))

    assert "<img" in text and "Grüße" in text and "Ölwechsel" in text
    assert "Brasserie <Dupont> & Fils" in text and "ÄÄÄ<" in text and "&ßß" in text
    assert image_count(reader) == 0


def test_it_says_what_is_missing_when_optional_parts_are_absent():
    engagement = mission()

    _reader, text = text_of(report.render_report(engagement))

    assert "No maturity scan has been taken since the mission" in text
    assert "No working session was logged." in text
    assert "The expert has made no recommendation." in text


def test_it_shows_the_gain_per_dimension_when_a_second_scan_exists():
    engagement = mission(outcome={"D2": 15.0})
    engagement.scan_after = scan(engagement.request.company, days_ago=1)
    engagement.save(update_fields=["scan_after"])

    _reader, text = text_of(report.render_report(engagement))

    assert "+15.0" in text or "+15,0" in text
    assert "No maturity scan has been taken" not in text


def test_it_spans_several_pages_numbered_in_the_footer():
    engagement = mission(sessions=14, report_summary="Synthèse. " * 300)

    reader, text = text_of(report.render_report(engagement))

    pages = len(reader.pages)
    assert pages >= 3
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


def test_it_adds_up_the_hours_of_the_sessions():
    # In French, the decimal comma shows the number went through the locale.
    engagement = mission(sessions=4, language="fr")

    _reader, text = text_of(report.render_report(engagement))

    assert "14,0" in text


def test_it_writes_in_german_for_a_german_speaking_company():
    engagement = mission(language="de")

    _reader, text = text_of(report.render_report(engagement))

    assert "Strategie und Führung" in text and "Unternehmen" in text
    assert "Strategy & leadership" not in text


def test_it_adds_resources_only_when_a_provider_gives_some():
    def provider(*, needs, dimensions, language):
        return [{"title": f"Guide <{needs[0]}>", "url": "https://example.be/?a=1&b=2"}]

    report.register_resource_provider(provider)
    try:
        _reader, text = text_of(report.render_report(mission()))
    finally:
        report.unregister_resource_provider(provider)

    assert "Resources" in text and "Guide <" in text and "a=1&b=2" in text


def test_it_leaves_resources_out_without_a_provider():
    engagement = mission()
    Rating.objects.create(engagement=engagement, score=4, rated_by=engagement.expert)

    _reader, text = text_of(report.render_report(engagement))

    assert "Resources" not in text


def test_it_lists_the_knowledge_base_resources_for_the_needs():
    from tests.knowledge.content.factories import ResourceFactory

    ResourceFactory(title="Guide <télétravail> & charte", needs=["TEL"], language="en")
    ResourceFactory(title="Sécurité du poste", needs=["SEC"], language="en")

    _reader, text = text_of(report.render_report(mission()))

    assert "Resources for your needs" in text
    assert "Guide <télétravail> & charte" in text
    assert "Sécurité du poste" not in text
    assert "/knowledge/resources/" in text
