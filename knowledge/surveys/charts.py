"""Charts of the barometer's results as SVG, drawn on the server.

As in ``pme/radar.py``: no script, no ``style`` attribute (the Content-Security-
Policy blocks both), colours as presentation attributes, every text from data
escaped. Each chart has a ``<title>`` and a ``<desc>`` that state its numbers;
the page shows the same numbers in a table beside it.
"""

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.translation import gettext as _

BAR_COLOUR = "#b00d27"
GRID_COLOUR = "#ced4da"
TEXT_COLOUR = "#212529"
MUTED_COLOUR = "#6c757d"
SERIES_COLOURS = ("#b00d27", "#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#20c997")
LABEL_CHARS = 34


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart_svg(title: str, options: Sequence[dict], *, width: int = 560) -> str:
    """Horizontal bars, one per option, as the share of respondents (0–100 %)."""
    label_w, value_w, bar_h, gap, top = 230, 52, 18, 8, 6
    plot_w = width - label_w - value_w
    height = top + len(options) * (bar_h + gap) + 4
    summary = "; ".join(
        f"{option['label']}: {_percent(option['share'])} ({option['count']})"
        for option in options
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="survey-chart img-fluid"'
        f' aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(summary)}</desc>",
        f'<line x1="{label_w}" y1="0" x2="{label_w}" y2="{height}" '
        f'stroke="{GRID_COLOUR}" stroke-width="1"/>',
    ]
    for index, option in enumerate(options):
        y = top + index * (bar_h + gap)
        length = plot_w * max(0.0, min(1.0, option["share"]))
        parts.append(
            f'<text x="{label_w - 6}" y="{_n(y + bar_h * 0.72)}" font-size="11" '
            f'text-anchor="end" fill="{TEXT_COLOUR}">'
            f"{escape(_short(option['label']))}</text>"
            f'<rect x="{label_w}" y="{y}" width="{_n(length)}" height="{bar_h}" '
            f'fill="{BAR_COLOUR}" data-option="{escape(option["code"])}"/>'
            f'<text x="{_n(label_w + length + 4)}" y="{_n(y + bar_h * 0.72)}" '
            f'font-size="11" fill="{TEXT_COLOUR}">{_percent(option["share"])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def trend_svg(
    title: str,
    years: Sequence[int],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    low: float,
    high: float,
    percent: bool = False,
    width: int = 560,
    height: int = 220,
) -> str:
    """One line per series across waves (oldest first), ``low``–``high`` upwards.

    A withheld or missing wave breaks its line rather than drawing a zero.
    ``percent`` reads the values as shares (0–1) and labels them in %.
    """
    left, right, top, bottom = 44, 16, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    inset = 40
    count = len(years)

    def x_at(index: int) -> float:
        if count < 2:
            return left + plot_w / 2
        return left + inset + (plot_w - 2 * inset) * index / (count - 1)

    def y_at(value: float) -> float:
        span = (high - low) or 1
        return top + plot_h * (1 - (max(low, min(high, value)) - low) / span)

    def text(value: float) -> str:
        return _percent(value) if percent else _n(value)

    summary = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{year} {text(value) if value is not None else _('withheld')}"
            for year, value in zip(years, values, strict=True)
        )
        for label, values in series
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="trend-chart img-fluid"'
        f' aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(summary)}</desc>",
    ]
    ticks = 4
    for step in range(ticks + 1):
        value = low + (high - low) * step / ticks
        y = _n(y_at(value))
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y}" dy="3" font-size="9" text-anchor="end" '
            f'fill="{MUTED_COLOUR}">{escape(text(value))}</text>'
        )
    for index, year in enumerate(years):
        parts.append(
            f'<text x="{_n(x_at(index))}" y="{height - 8}" font-size="10" '
            f'text-anchor="middle" fill="{TEXT_COLOUR}">{year}</text>'
        )
    for number, (label, values) in enumerate(series):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        segments: list[list[str]] = [[]]
        for index, value in enumerate(values):
            if value is None:
                segments.append([])
                continue
            x, y = _n(x_at(index)), _n(y_at(value))
            segments[-1].append(f"{x},{y}")
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}">'
                f"<title>{escape(label)} {years[index]}: {escape(text(value))}"
                f"</title></circle>"
            )
        for points in segments:
            if len(points) > 1:
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" '
                    f'stroke="{colour}" stroke-width="2"/>'
                )
    parts.append("</svg>")
    return "".join(parts)
