"""The accompaniment report of a mission, as a multi-page PDF (reportlab).

The report is written in the company's language. Every value that a person
typed (names, topics, notes, summary, recommendations, action plan) goes
through ``_text``: reportlab's ``Paragraph`` parses its input as markup, so an
unescaped ``<`` or ``&`` would crash the build, and an ``<img src=...>`` would
embed any file the server can read.

Knowledge resources come from providers registered with
``register_resource_provider``; without one the section is left out.
"""

import logging
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Line, Polygon, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.reference.maturity import Dimension
from knowledge.providers import report_resources

from .models import Engagement

logger = logging.getLogger(__name__)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BEFORE_COLOUR = colors.HexColor("#6c757d")
AFTER_COLOUR = colors.HexColor("#0d6efd")
GRID_COLOUR = colors.HexColor("#ced4da")
HEADER_COLOUR = colors.HexColor("#0b5394")

# A resource provider receives the mission's need codes, dimension codes and
# the report's language, and returns resources as mappings with a "title"
# and optionally a "summary" and a "url" (all plain text, escaped here).
ResourceProvider = Callable[..., Iterable[Mapping[str, Any]]]
_RESOURCE_PROVIDERS: list[ResourceProvider] = []


def register_resource_provider(provider: ResourceProvider) -> None:
    """Let an app (the knowledge base) add resources that fit the needs."""
    if provider not in _RESOURCE_PROVIDERS:
        _RESOURCE_PROVIDERS.append(provider)


def unregister_resource_provider(provider: ResourceProvider) -> None:
    if provider in _RESOURCE_PROVIDERS:
        _RESOURCE_PROVIDERS.remove(provider)


# The knowledge base's content for the mission's needs.
register_resource_provider(report_resources)


# -- fonts and styles ---------------------------------------------------------


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


_fonts: Fonts | None = None


def fonts() -> Fonts:
    """DejaVu Sans when installed (covers every accent and umlaut), else
    Helvetica; registered once per process."""
    global _fonts
    if _fonts is not None:
        return _fonts
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
        pdfmetrics.registerFontFamily(
            "DejaVuSans",
            normal="DejaVuSans",
            bold="DejaVuSans-Bold",
            italic="DejaVuSans",
            boldItalic="DejaVuSans-Bold",
        )
        _fonts = Fonts("DejaVuSans", "DejaVuSans-Bold")
    else:
        logger.warning("DejaVu Sans not found in %s: using Helvetica", FONT_DIR)
        _fonts = Fonts("Helvetica", "Helvetica-Bold")
    return _fonts


def _styles(font: Fonts) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font.regular, fontSize=9.5, leading=13)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=font.bold,
            fontSize=18,
            leading=23,
            spaceAfter=6,
            textColor=HEADER_COLOUR,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=font.bold,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=HEADER_COLOUR,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=font.bold, spaceBefore=6, spaceAfter=2
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
    }


def _text(value: object) -> str:
    """Escape a user-supplied value for a Paragraph and keep its line breaks."""
    text = escape(str(value if value is not None else "")).strip()
    return text.replace("\r\n", "\n").replace("\n", "<br/>")


def _date(value) -> str:
    if value is None:
        return "—"
    if hasattr(value, "hour"):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _number(value: float | Decimal | None) -> str:
    if value is None:
        return "—"
    return formats.number_format(round(float(value), 1), decimal_pos=1)


def _gain(value: float | None) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    return sign + formats.number_format(round(value, 1), decimal_pos=1)


# -- the page frame: header and "page X of Y" ----------------------------------


def _numbered_canvas(font: Fonts, header: str, footer: str):
    """A canvas that keeps its pages until the end, so that each footer can
    say how many pages there are."""

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFillColor(HEADER_COLOUR)
            self.setFont(font.bold, 10)
            self.drawString(18 * mm, height - 12 * mm, settings.NWOW["SITE_NAME"])
            self.setFont(font.regular, 8.5)
            self.setFillColor(colors.black)
            self.drawRightString(width - 18 * mm, height - 12 * mm, header)
            self.setStrokeColor(GRID_COLOUR)
            self.line(18 * mm, height - 14 * mm, width - 18 * mm, height - 14 * mm)
            self.line(18 * mm, 14 * mm, width - 18 * mm, 14 * mm)
            self.drawString(18 * mm, 10 * mm, footer)
            self.drawRightString(
                width - 18 * mm,
                10 * mm,
                _("Page %(page)s of %(pages)s")
                % {"page": self._pageNumber, "pages": total},
            )
            self.restoreState()

    return NumberedCanvas


# -- the radar chart ----------------------------------------------------------


def radar_drawing(
    axes: list[tuple[str, str]],
    before: Mapping[str, float | None],
    after: Mapping[str, float | None] | None,
    font: Fonts,
    size: float = 78 * mm,
) -> Drawing:
    """A radar of the 0–100 dimension scores, one axis per (code, label).

    Drawn with reportlab's vector shapes: nothing is parsed, so labels need
    no escaping, and no image is embedded.
    """
    width = size * 2.0
    height = size * 1.02
    drawing = Drawing(width, height)
    cx, cy, radius = width / 2, height / 2, size * 0.42
    count = max(len(axes), 3)

    def point(index: int, score: float | None) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * index / count
        distance = radius * max(0.0, min(100.0, float(score or 0))) / 100
        return cx + distance * math.cos(angle), cy + distance * math.sin(angle)

    def outline(values: Mapping[str, float | None]) -> list[float]:
        return [
            c for i, (code, _l) in enumerate(axes) for c in point(i, values.get(code))
        ]

    for ring in (20, 40, 60, 80, 100):
        drawing.add(
            Polygon(
                outline(dict.fromkeys((code for code, _l in axes), ring)),
                strokeColor=GRID_COLOUR,
                strokeWidth=0.5,
                fillColor=None,
            )
        )
    for index, (_code, label) in enumerate(axes):
        x, y = point(index, 100)
        drawing.add(Line(cx, cy, x, y, strokeColor=GRID_COLOUR, strokeWidth=0.5))
        lx, ly = point(index, 112)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        drawing.add(
            String(
                lx,
                ly - 3,
                label,
                fontName=font.regular,
                fontSize=7.5,
                textAnchor=anchor,
            )
        )

    drawing.add(
        Polygon(
            outline(before),
            strokeColor=BEFORE_COLOUR,
            strokeWidth=1.2,
            strokeDashArray=[3, 2],
            fillColor=None,
        )
    )
    if after is not None:
        drawing.add(
            Polygon(
                outline(after),
                strokeColor=AFTER_COLOUR,
                strokeWidth=1.6,
                fillColor=colors.Color(0.05, 0.43, 0.99, alpha=0.15),
            )
        )
    return drawing


# -- the sections -------------------------------------------------------------


def _table(rows: list[list], widths: list[float], *, header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e7f1ff")))
    table.setStyle(TableStyle(commands))
    return table


def _resources(needs: list, dimensions: list[str], language: str) -> list[dict]:
    found: list[dict] = []
    for provider in _RESOURCE_PROVIDERS:
        try:
            items = provider(
                needs=[need.code for need in needs],
                dimensions=dimensions,
                language=language,
            )
            found.extend(dict(item) for item in items or [])
        except Exception:
            # A broken provider must not cost the company its report.
            logger.exception("Resource provider %r failed", provider)
    return found


@dataclass
class ReportData:
    """Everything the report shows, loaded before drawing starts."""

    engagement: Engagement
    needs: list
    sessions: list


def _story(data: ReportData, language: str, font: Fonts) -> list:
    styles = _styles(font)
    engagement, needs, sessions = data.engagement, data.needs, data.sessions
    request = engagement.request
    company = request.company
    expert = engagement.expert
    before = dict(request.assessment.dimension_scores or {})
    after_scan = engagement.scan_after
    after = dict(after_scan.dimension_scores or {}) if after_scan else None
    hours = sum((session.hours for session in sessions), Decimal(0))
    width = A4[0] - 36 * mm
    story: list = []

    def heading(text: str) -> None:
        story.append(Paragraph(_text(text), styles["h2"]))

    def paragraph(text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, styles[style])

    def block(value: str, missing: str) -> None:
        if (value or "").strip():
            story.append(paragraph(_text(value)))
        else:
            story.append(paragraph(_text(missing)))

    # 1. Who and when.
    story.append(paragraph(_text(_("Accompaniment report")), "title"))
    story.append(
        paragraph(
            _text(
                _("Mission #%(id)s for %(company)s")
                % {"id": engagement.pk, "company": company.name}
            )
        )
    )
    story.append(Spacer(1, 4 * mm))
    label_width = 45 * mm
    facts = [
        (_("Company"), f"{company.name} ({company.enterprise_number})"),
        (_("Expert"), f"{expert.get_full_name()} <{expert.email}>"),
        (_("Mission requested on"), _date(request.created_at)),
        (_("Mission proposed on"), _date(engagement.created_at)),
        (_("Mission started on"), _date(engagement.started_on)),
        (_("Report submitted on"), _date(engagement.report_submitted_at)),
        (_("Report validated on"), _date(engagement.validated_at)),
        (_("Working sessions"), str(len(sessions))),
        (_("Hours worked"), _number(hours)),
        (_("Status"), engagement.get_status_display()),
    ]
    story.append(
        _table(
            [
                [paragraph(_text(label), "cell"), paragraph(_text(value), "cell")]
                for label, value in facts
            ],
            [label_width, width - label_width],
            header=False,
        )
    )

    # 2. The needs.
    heading(_("Needs addressed"))
    for need in needs:
        primary = need.pk == request.primary_need_id
        label = need.label(language)
        if primary:
            label = _("%(need)s (main need)") % {"need": label}
        story.append(paragraph(f"• {_text(label)}"))
    if request.description.strip():
        story.append(paragraph(_text(_("The company's situation")), "h3"))
        story.append(paragraph(_text(request.description)))

    # 3. Maturity before and after.
    heading(_("Maturity before and after the mission"))
    axes = [(str(code), str(label)) for code, label in Dimension.choices]
    story.append(radar_drawing(axes, before, after, font))
    before_note = _("Dashed grey: the scan before the mission (%(date)s).") % {
        "date": _date(request.assessment.taken_at)
    }
    story.append(paragraph(_text(before_note), "small"))
    if after_scan is not None:
        after_note = _("Blue: the scan after the mission (%(date)s).") % {
            "date": _date(after_scan.taken_at)
        }
        story.append(paragraph(_text(after_note), "small"))
    else:
        story.append(
            paragraph(
                _text(
                    _(
                        "No maturity scan has been taken since the mission: "
                        "the gain cannot be measured yet."
                    )
                )
            )
        )
    rows: list[list] = [
        [
            paragraph(_text(title), "cell")
            for title in (_("Dimension"), _("Before"), _("After"), _("Gain"))
        ]
    ]
    for code, label in axes:
        was = before.get(code)
        now = after.get(code) if after is not None else None
        gain = (engagement.outcome or {}).get(code)
        if gain is None and was is not None and now is not None:
            gain = float(now) - float(was)
        rows.append(
            [
                paragraph(_text(label), "cell"),
                paragraph(_number(was), "cell"),
                paragraph(_number(now), "cell"),
                paragraph(_gain(gain), "cell"),
            ]
        )
    story.append(Spacer(1, 3 * mm))
    story.append(
        KeepTogether(_table(rows, [width - 75 * mm, 25 * mm, 25 * mm, 25 * mm]))
    )

    # 4. The session log: one block per session, so that long notes can
    # break across pages (a table row cannot).
    heading(_("Session log"))
    if not sessions:
        story.append(paragraph(_text(_("No working session was logged."))))
    for session in sessions:
        title = _("%(date)s · %(hours)s h · %(topic)s") % {
            "date": _date(session.date),
            "hours": _number(session.hours),
            "topic": session.topic,
        }
        parts = [paragraph(_text(title), "h3")]
        if session.notes.strip():
            parts.append(paragraph(_text(session.notes)))
        story.append(KeepTogether(parts) if len(session.notes) < 800 else parts[0])
        if len(session.notes) >= 800:
            story.extend(parts[1:])

    # 5. What the expert wrote.
    heading(_("Summary of the mission"))
    block(engagement.report_summary, _("The expert has not written a summary yet."))
    heading(_("Recommendations"))
    block(
        engagement.report_recommendations,
        _("The expert has made no recommendation."),
    )
    heading(_("Action plan"))
    block(engagement.action_plan, _("No action plan has been agreed yet."))

    # 6. Resources, only when the knowledge base offers some.
    if _RESOURCE_PROVIDERS:
        dimensions = sorted({code for need in needs for code in need.dimension_codes})
        resources = _resources(needs, dimensions, language)
        if resources:
            heading(_("Resources for your needs"))
            for resource in resources:
                line = f"<b>{_text(resource.get('title', ''))}</b>"
                if resource.get("summary"):
                    line += f" — {_text(resource['summary'])}"
                if resource.get("url"):
                    line += f"<br/>{_text(resource['url'])}"
                story.append(paragraph(line))
    return story


def report_language(engagement: Engagement) -> str:
    """The company's language when the site offers it, else French."""
    language = engagement.request.company.language or "fr"
    offered = {code for code, _name in settings.LANGUAGES}
    return language if language in offered else "fr"


def report_data(engagement: Engagement) -> ReportData:
    """Load the mission and what it shows in four queries."""
    engagement = (
        Engagement.objects.select_related(
            "request__company",
            "request__assessment",
            "expert",
            "scan_after",
        )
        .prefetch_related("request__needs__dimension_links")
        .get(pk=engagement.pk)
    )
    needs = sorted(
        engagement.request.needs.all(), key=lambda need: (need.position, need.code)
    )
    return ReportData(
        engagement=engagement,
        needs=needs,
        sessions=list(engagement.sessions.order_by("date", "id")),
    )


def render_pdf(data: ReportData) -> bytes:
    """Draw the report of already loaded data (no query)."""
    engagement = data.engagement
    language = report_language(engagement)
    font = fonts()
    buffer = BytesIO()
    with translation.override(language):
        company = engagement.request.company
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=20 * mm,
            bottomMargin=20 * mm,
            title=_("Accompaniment report"),
            author=settings.NWOW["SITE_NAME"],
            lang=language,
        )
        header = _("Accompaniment report · mission #%(id)s") % {"id": engagement.pk}
        footer = company.name if len(company.name) <= 60 else company.name[:57] + "…"
        document.build(
            _story(data, language, font),
            canvasmaker=_numbered_canvas(font, header, footer),
        )
    return buffer.getvalue()


def render_report(engagement: Engagement) -> bytes:
    """The accompaniment report of ``engagement`` as PDF bytes, in the
    company's language."""
    pdf = render_pdf(report_data(engagement))
    logger.info("Report of engagement %s rendered", engagement.pk)
    return pdf
