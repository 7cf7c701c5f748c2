"""What the knowledge base offers to other apps' documents.

``report_resources`` feeds the "Resources for your needs" section of the
mission report (``matching.report``): content for the mission's needs and
the dimensions they improve, in the report's language first, with a full
link since the report is read outside the site.
"""

from collections.abc import Iterable

from django.conf import settings

from .selectors.recommendations import recommendations_for

REPORT_LIMIT = 5


def report_resources(
    *, needs: Iterable[str], dimensions: Iterable[str], language: str
) -> list[dict[str, str]]:
    base = settings.NWOW.get("PUBLIC_URL", "").rstrip("/")
    found = recommendations_for(
        needs=needs, weak_dimensions=dimensions, language=language, limit=REPORT_LIMIT
    )
    return [
        {
            "title": rec.item.title,
            "summary": f"{rec.item.kind_label} · {rec.reasons[0]}",
            "url": f"{base}{rec.item.get_absolute_url()}",
        }
        for rec in found
    ]
