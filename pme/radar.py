"""Charts of the maturity scan as SVG, drawn on the server.

No charting script from a CDN and nothing inline that the Content-Security-
Policy would block: colours and dashes are presentation attributes, never
``style``. Every text that comes from data goes through ``escape``.
"""

import math
from collections.abc import Mapping, Sequence

from django.utils.html import escape
from django.utils.translation import gettext as _

from core.reference.maturity import Dimension

RINGS = (20, 40, 60, 80, 100)
COMPANY_COLOUR = "#0d6efd"
COMPARE_COLOUR = "#6c757d"
GRID_COLOUR = "#ced4da"
TEXT_COLOUR = "#212529"
# One colour per dimension in the history chart, distinguishable in print.
SERIES_COLOURS = ("#0d6efd", "#d63384", "#198754", "#fd7e14", "#6f42c1", "#20c997")
LABEL_WIDTH = 16  # characters per line of an axis label


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _score_text(score: float | None) -> str:
    return _("no answer") if score is None else _number(score)


def _wrap(text: str, width: int = LABEL_WIDTH) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _summary(
    scores: Mapping[str, float | None], labels: Mapping[str, str], axes: list[str]
) -> str:
    return "; ".join(
        f"{labels.get(code, code)}: {_score_text(scores.get(code))}" for code in axes
    )


def radar_svg(
    scores: Mapping[str, float | None],
    labels: Mapping[str, str],
    compare: Mapping[str, float | None] | None = None,
    size: int = 360,
    *,
    compare_label: str = "",
    show_labels: bool = True,
) -> str:
    """A radar of the dimension scores (0–100), one axis per key of ``labels``.

    ``compare`` (a benchmark or a previous scan) is drawn dashed beneath. A
    dimension without a score sits at the centre and reads "no answer" in
    its label, so that a gap is never mistaken for a zero. ``show_labels=False``
    gives a small chart for the dashboard, its scores in the title only.
    """
    if not labels:
        # A questionnaire version without its dimensions (an imported or
        # hand-made scan): draw the six dimensions of the model.
        labels = {dimension.value: str(dimension.label) for dimension in Dimension}
    axes = list(labels)
    margin_x = size * 0.35 if show_labels else 8
    width = size + 2 * margin_x
    cx, cy = width / 2, size / 2
    radius = size * (0.33 if show_labels else 0.46)

    def point(index: int, score: float | None) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / len(axes)
        distance = radius * max(0.0, min(100.0, score or 0.0)) / 100
        return cx + distance * math.cos(angle), cy + distance * math.sin(angle)

    def polygon(values: Mapping[str, float | None]) -> str:
        return " ".join(
            f"{_number(x)},{_number(y)}"
            for x, y in (point(i, values.get(code)) for i, code in enumerate(axes))
        )

    summary = _summary(scores, labels, axes)
    if compare is not None:
        summary += ". " + _("Comparison (%(label)s): %(scores)s") % {
            "label": compare_label or _("dashed line"),
            "scores": _summary(compare, labels, axes),
        }
    title = _("Maturity by dimension: %(summary)s") % {"summary": summary}

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_number(width)} '
        f'{size}" width="{_number(width)}" height="{size}" role="img" '
        f'aria-label="{escape(title)}" class="radar-chart img-fluid">',
        f"<title>{escape(title)}</title>",
    ]

    # Grid: concentric hexagons at every 20 points, then the axes.
    for ring in RINGS:
        ring_points = polygon(dict.fromkeys(axes, float(ring)))
        parts.append(
            f'<polygon points="{ring_points}" fill="none" stroke="{GRID_COLOUR}" '
            f'stroke-width="1"/>'
        )
    for index in range(len(axes)):
        x, y = point(index, 100)
        parts.append(
            f'<line x1="{_number(cx)}" y1="{_number(cy)}" x2="{_number(x)}" '
            f'y2="{_number(y)}" stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
    if show_labels:
        for ring in RINGS:
            _x, y = point(0, ring)
            parts.append(
                f'<text x="{_number(cx + 3)}" y="{_number(y - 2)}" font-size="9" '
                f'fill="{COMPARE_COLOUR}">{ring}</text>'
            )

    if compare is not None:
        parts.append(
            f'<polygon points="{polygon(compare)}" fill="none" '
            f'stroke="{COMPARE_COLOUR}" stroke-width="2" stroke-dasharray="5 4" '
            f'class="radar-compare"/>'
        )
    parts.append(
        f'<polygon points="{polygon(scores)}" fill="{COMPANY_COLOUR}" '
        f'fill-opacity="0.25" stroke="{COMPANY_COLOUR}" stroke-width="2" '
        f'class="radar-company"/>'
    )
    for index, code in enumerate(axes):
        if scores.get(code) is not None:
            x, y = point(index, scores[code])
            parts.append(
                f'<circle cx="{_number(x)}" cy="{_number(y)}" r="3" '
                f'fill="{COMPANY_COLOUR}"/>'
            )

    if show_labels:
        for index, code in enumerate(axes):
            parts.append(_axis_label(index, len(axes), code, labels, scores, point))

    parts.append("</svg>")
    return "".join(parts)


def _axis_label(index, count, code, labels, scores, point) -> str:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    x, y = point(index, 118)
    cos = math.cos(angle)
    anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
    lines = _wrap(labels.get(code, code))
    lines.append(f"{code} · {_score_text(scores.get(code))}")
    # Labels above the chart grow upwards, so they never cross the grid.
    if math.sin(angle) < -0.5:
        y -= 12 * (len(lines) - 1)
    bold = ' font-weight="bold"'
    tspans = "".join(
        f'<tspan x="{_number(x)}" dy="{0 if number == 0 else 12}"'
        f"{bold if number == len(lines) - 1 else ''}>{escape(line)}</tspan>"
        for number, line in enumerate(lines)
    )
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" font-size="11" '
        f'text-anchor="{anchor}" fill="{TEXT_COLOUR}">{tspans}</text>'
    )


def history_svg(
    series: Mapping[str, Sequence[float | None]],
    labels: Mapping[str, str],
    dates: Sequence[str],
    *,
    width: int = 560,
    height: int = 240,
) -> str:
    """A line per dimension across scans (oldest first), 0–100 upwards.

    A scan without a score for a dimension breaks that line rather than
    dropping it to zero. The legend is left to the page (a table of the same
    numbers), the colours being given as ``SERIES_COLOURS`` in axis order.
    """
    left, right, top, bottom = 36, 16, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    count = len(dates)

    # The first and last points sit inside the grid, so that their date
    # labels (centred under them) are not cut by the edges.
    inset = 36

    def x_at(index: int) -> float:
        if count < 2:
            return left + plot_w / 2
        return left + inset + (plot_w - 2 * inset) * index / (count - 1)

    def y_at(score: float) -> float:
        return top + plot_h * (1 - max(0.0, min(100.0, score)) / 100)

    summary = "; ".join(
        f"{labels.get(code, code)}: "
        + ", ".join(_score_text(value) for value in values)
        for code, values in series.items()
    )
    title = _("Scores per dimension across scans: %(summary)s") % {"summary": summary}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}" class="history-chart img-fluid">',
        f"<title>{escape(title)}</title>",
    ]
    for ring in (0, *RINGS):
        y = _number(y_at(ring))
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y}" dy="3" font-size="9" text-anchor="end" '
            f'fill="{COMPARE_COLOUR}">{ring}</text>'
        )
    for index, label in enumerate(dates):
        parts.append(
            f'<text x="{_number(x_at(index))}" y="{height - 8}" font-size="10" '
            f'text-anchor="middle" fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )

    for number, (code, values) in enumerate(series.items()):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        segment: list[str] = []
        segments = [segment]
        for index, value in enumerate(values):
            if value is None:
                segment = []
                segments.append(segment)
                continue
            x, y = _number(x_at(index)), _number(y_at(value))
            segment.append(f"{x},{y}")
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}">'
                f"<title>{escape(labels.get(code, code))}: {_number(value)}</title>"
                f"</circle>"
            )
        for points in segments:
            if len(points) > 1:
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" '
                    f'stroke="{colour}" stroke-width="2" '
                    f'data-dimension="{escape(code)}"/>'
                )
    parts.append("</svg>")
    return "".join(parts)
