"""The server-side SVG charts of the scan (pme/radar.py)."""

import xml.etree.ElementTree as ET

from pme.radar import history_svg, radar_svg

SVG = "{http://www.w3.org/2000/svg}"
LABELS = {
    "D1": "Strategy & leadership",
    "D2": "Time & place flexibility",
    "D3": "Collaboration & digital tools",
    "D4": "Participative management & culture",
    "D5": "HR processes",
    "D6": "Workspace & secure remote work",
}
SCORES = {"D1": 62.5, "D2": 50.0, "D3": 75.0, "D4": 10.0, "D5": 20.0, "D6": 100.0}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted XML


def test_it_draws_six_axes_five_rings_and_the_company_polygon(english):
    root = parse(radar_svg(SCORES, LABELS))

    assert root.get("role") == "img"
    assert len(root.findall(f"{SVG}line")) == 6
    polygons = root.findall(f"{SVG}polygon")
    assert len(polygons) == 5 + 1
    company = polygons[-1]
    assert company.get("class") == "radar-company"
    assert len(company.get("points").split()) == 6


def test_it_summarises_the_scores_for_screen_readers(english):
    root = parse(radar_svg(SCORES, LABELS))

    title = root.find(f"{SVG}title").text
    assert title == root.get("aria-label")
    assert "Strategy & leadership: 62.5" in title
    assert "Workspace & secure remote work: 100" in title


def test_it_draws_the_comparison_dashed(english):
    root = parse(radar_svg(SCORES, LABELS, compare=dict.fromkeys(LABELS, 40.0)))

    compare = root.find(f"{SVG}polygon[@class='radar-compare']")
    assert compare.get("stroke-dasharray")
    assert "Comparison" in root.get("aria-label")


def test_it_escapes_labels_and_uses_no_style_or_script():
    hostile = {**LABELS, "D1": '<script>alert("x")</script> & "quotes"'}

    svg = radar_svg(SCORES, hostile, compare=SCORES)

    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "style=" not in svg
    texts = "".join(parse(svg).itertext())
    assert '<script>alert("x")</script> & "quotes"' in texts


def test_a_dimension_without_score_sits_at_the_centre_and_says_so(english):
    root = parse(radar_svg({**SCORES, "D4": None}, LABELS, size=360))

    assert "Participative management & culture: no answer" in root.get("aria-label")
    company = root.find(f"{SVG}polygon[@class='radar-company']")
    centre = f"{root.get('width')}"  # the centre is at half the width
    d4_point = company.get("points").split()[3]
    x, y = (float(value) for value in d4_point.split(","))
    assert (x, y) == (float(centre) / 2, 180.0)
    # Five dots: none for the dimension without a score.
    assert len(root.findall(f"{SVG}circle")) == 5


def test_a_missing_key_counts_as_no_score(english):
    root = parse(radar_svg({"D1": 40.0}, LABELS))

    assert root.get("aria-label").count("no answer") == 5


def test_the_small_radar_has_no_axis_labels(english):
    root = parse(radar_svg(SCORES, LABELS, size=120, show_labels=False))

    assert root.findall(f"{SVG}text") == []
    assert "Strategy & leadership: 62.5" in root.get("aria-label")


def test_the_history_chart_draws_a_line_per_dimension_broken_by_gaps(english):
    series = {"D1": [20.0, 40.0, 60.0], "D2": [10.0, None, 30.0]}

    root = parse(history_svg(series, LABELS, ["01/25", "10/25", "<07/26>"]))

    lines = root.findall(f"{SVG}polyline")
    assert [line.get("data-dimension") for line in lines] == ["D1"]
    assert len(root.findall(f"{SVG}circle")) == 5
    assert "<07/26>" in "".join(root.itertext())
    assert "Time & place flexibility: 10, no answer, 30" in root.get("aria-label")
