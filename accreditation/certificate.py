"""The accreditation certificate, as a one-page PDF (reportlab platypus).

reportlab's ``Paragraph`` parses its text as markup: every value that comes
from a user (names, labels) is escaped with ``xml.sax.saxutils.escape``, or
it could crash the rendering (``<``, ``&``), forge formatting (``<font>``) or
embed any file of the server (``<img src=...>``). Table cells get escaped
Paragraphs too, so that long names wrap instead of overflowing.
"""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .models import Accreditation
from .selectors import accreditations as selectors

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
PRIMARY = colors.HexColor("#0b5563")
WARNING = colors.HexColor("#b02a37")

# Statuses that make the certificate worthless, printed large and in red.
INVALID_STATES = {
    Accreditation.Status.EXPIRED,
    Accreditation.Status.REVOKED,
    Accreditation.Status.RELINQUISHED,
    Accreditation.Status.SUSPENDED,
}


def _fonts() -> tuple[str, str]:
    """DejaVu Sans when installed (covers any Latin name), else Helvetica."""
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if not regular.exists():
        return "Helvetica", "Helvetica-Bold"
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        if bold.exists():
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    bold_name = (
        "DejaVuSans-Bold"
        if "DejaVuSans-Bold" in pdfmetrics.getRegisteredFontNames()
        else "DejaVuSans"
    )
    return "DejaVuSans", bold_name


def verification_url(accreditation: Accreditation) -> str:
    base = settings.NWOW["PUBLIC_URL"].rstrip("/")
    return f"{base}/verify/{accreditation.verification_code}/"


def _qr(url: str, size: float = 32 * mm) -> Drawing:
    # A vector drawing, not an image: no bitmap is embedded in the PDF.
    widget = QrCodeWidget(url)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    return drawing


def _date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def render_certificate(accreditation: Accreditation) -> bytes:
    """The certificate in the holder's language, as PDF bytes."""
    holder = accreditation.consultant
    with translation.override(holder.language or settings.LANGUAGE_CODE):
        return _render(accreditation, holder)


def _render(accreditation: Accreditation, holder) -> bytes:
    regular, bold = _fonts()
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=base["BodyText"], fontName=regular, fontSize=10
    )
    small = ParagraphStyle("small", parent=body, fontSize=8, textColor=colors.grey)
    cell_bold = ParagraphStyle("cellbold", parent=body, fontName=bold)
    agency = ParagraphStyle(
        "agency", parent=body, fontName=bold, fontSize=11, textColor=PRIMARY
    )
    title = ParagraphStyle(
        "title",
        parent=base["Title"],
        fontName=bold,
        fontSize=20,
        leading=24,
        textColor=PRIMARY,
        alignment=TA_CENTER,
    )
    name_style = ParagraphStyle(
        "name", parent=title, fontSize=16, leading=20, textColor=colors.black
    )
    alert = ParagraphStyle(
        "alert",
        parent=title,
        fontSize=18,
        leading=22,
        textColor=colors.white,
        backColor=WARNING,
        borderPadding=6,
    )

    site = escape(settings.NWOW["SITE_NAME"])
    story = [
        Paragraph(
            f"{site} · {escape(_('Walloon agency for the New Ways of Working'))}",
            agency,
        ),
        Spacer(1, 10 * mm),
        Paragraph(escape(_("Certificate of accreditation")), title),
        Spacer(1, 6 * mm),
        Paragraph(
            escape(_("This certifies that")),
            ParagraphStyle("c", parent=body, alignment=TA_CENTER),
        ),
        Spacer(1, 2 * mm),
        Paragraph(escape(holder.get_full_name() or holder.email), name_style),
        Spacer(1, 2 * mm),
        Paragraph(
            escape(
                _("is accredited by the agency as an NWOW expert in the domains below.")
            ),
            ParagraphStyle("c2", parent=body, alignment=TA_CENTER),
        ),
        Spacer(1, 6 * mm),
    ]

    if accreditation.status in INVALID_STATES:
        story += [
            Paragraph(
                escape(
                    _("%(status)s: this accreditation is not valid.")
                    % {"status": accreditation.get_status_display().upper()}
                ),
                alert,
            ),
            Spacer(1, 6 * mm),
        ]

    header = [
        Paragraph(escape(text), cell_bold)
        for text in (_("Domain"), _("Valid from"), _("Valid until"), _("Status"))
    ]
    rows = [header]
    for sibling in selectors.accreditation_siblings(accreditation):
        label = f"{sibling.domain.code} · {sibling.domain.label()}"
        status_style = (
            body
            if sibling.is_matchable
            else ParagraphStyle("bad", parent=cell_bold, textColor=WARNING)
        )
        rows.append(
            [
                Paragraph(escape(label), body),
                Paragraph(escape(_date(sibling.valid_from)), body),
                Paragraph(escape(_date(sibling.valid_until)), body),
                Paragraph(escape(str(sibling.get_status_display())), status_style),
            ]
        )
    table = Table(rows, colWidths=[80 * mm, 28 * mm, 28 * mm, 34 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e7f1f3")),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9bb8bf")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [table, Spacer(1, 10 * mm)]

    url = verification_url(accreditation)
    verify = Table(
        [
            [
                [
                    Paragraph(escape(_("Verification code")), cell_bold),
                    Paragraph(escape(accreditation.verification_code), name_style),
                    Spacer(1, 3 * mm),
                    Paragraph(escape(_("Anyone can check this certificate at:")), body),
                    Paragraph(escape(url), body),
                ],
                _qr(url),
            ]
        ],
        colWidths=[130 * mm, 40 * mm],
    )
    verify.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story += [
        verify,
        Spacer(1, 8 * mm),
        Paragraph(
            escape(
                _(
                    "The status printed here is the status on the day the "
                    "certificate was produced; the verification page always "
                    "shows the current one."
                )
            ),
            small,
        ),
    ]

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=_("Certificate of accreditation"),
        author=settings.NWOW["SITE_NAME"],
    )
    document.build(story)
    return buffer.getvalue()
