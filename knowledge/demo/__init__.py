"""The knowledge base of the demo: case studies, capsules and resources.

Everything goes through the services (published by the demo editor, so the
audit log shows who did what), and each item is looked up by its title
first, so that a second run adds nothing.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from core.demo import DemoContext, register_seeder
from core.models import Need, User
from core.roles import Role

from ..models import Capsule, CaseStudy, Content, ContentStatus, Resource
from ..services import content_transition
from .agency import AGENCY_DOCUMENTS
from .capsules import CAPSULES, TRANSCRIPT_INTRO, TRANSCRIPT_OUTRO
from .case_studies import CASE_STUDIES, RETURN_REASON, UNPUBLISHED
from .resources import AGENCY, RESOURCES

MEDIA_DIR = Path(__file__).resolve().parent.parent / "demo_media"
VIDEO_SECONDS = 6


def _editor(ctx: DemoContext) -> User:
    editors = ctx.users.get(Role.EDITOR.value) or list(
        User.objects.filter(groups__name=Role.EDITOR.value).order_by("pk")[:1]
    )
    if not editors:
        raise RuntimeError("The demo needs its editor; run the people seeder first.")
    return editors[0]


def _publish(item: Content, editor: User, target: str = "published") -> None:
    """Walk the item to ``target``: published, in_review, or returned."""
    item = content_transition(user=editor, item=item, action="submit")
    if target == ContentStatus.PUBLISHED:
        content_transition(user=editor, item=item, action="publish")
    elif target == "returned":
        content_transition(
            user=editor, item=item, action="return", reason=RETURN_REASON
        )


def _tag(item: Content, needs: list[str]) -> None:
    item.needs.set(Need.objects.filter(code__in=needs))


def _company(trade: str | None):
    if not trade:
        return None
    from pme.models import Company

    return Company.objects.filter(name__startswith=trade).order_by("pk").first()


def _seed_case_studies(ctx: DemoContext, editor: User) -> None:
    experts = ctx.users.get(Role.CONSULTANT.value, [])
    for data in CASE_STUDIES:
        ctx.progress(1)
        if CaseStudy.objects.filter(title=data["title"]).exists():
            continue
        company = _company(data.get("company"))
        expert_index = data.get("expert")
        expert = (
            experts[expert_index % len(experts)]
            if experts and expert_index is not None
            else None
        )
        with transaction.atomic():
            item = CaseStudy(
                title=data["title"],
                summary=data["summary"],
                company=company,
                company_name=company.name if company else data["company_name"],
                employees=company.employees if company else data.get("employees"),
                province=company.province if company else data["province"],
                sector=company.nace_section if company else data["sector"],
                size_class=company.size_class if company else data["size_class"],
                language=data.get("language", "fr"),
                year=data["year"],
                dimensions=data["dimensions"],
                situation=data["situation"],
                actions=data["actions"],
                results=data["results"],
                expert=expert,
                created_by=editor,
            )
            item.save()
            _tag(item, data["needs"])
            for position, (value, label) in enumerate(data["figures"]):
                item.figures.create(value=value, label=label, position=position)
            for position, (text, name, role) in enumerate(data["quotes"]):
                item.quotes.create(
                    text=text, author_name=name, author_role=role, position=position
                )
            _publish(item, editor, UNPUBLISHED.get(data["title"], "published"))


def _timestamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:06.3f}"


def subtitles_for(cues: list[str], seconds: int = VIDEO_SECONDS) -> str:
    """WebVTT with the cues spread evenly over the video."""
    step = seconds / len(cues)
    blocks = ["WEBVTT", ""]
    for index, text in enumerate(cues):
        start, end = index * step, (index + 1) * step
        blocks += [
            str(index + 1),
            f"{_timestamp(start)} --> {_timestamp(end)}",
            text,
            "",
        ]
    return "\n".join(blocks)


def _seed_capsules(ctx: DemoContext, editor: User) -> None:
    for data in CAPSULES:
        ctx.progress(1)
        if Capsule.objects.filter(title=data["title"]).exists():
            continue
        transcript = "\n\n".join(
            [TRANSCRIPT_INTRO, data["summary"], *data["cues"], TRANSCRIPT_OUTRO]
        )
        with transaction.atomic():
            item = Capsule(
                title=data["title"],
                summary=data["summary"],
                duration_seconds=VIDEO_SECONDS,
                transcript=transcript,
                featured_company_name=data["featured"],
                province=data["province"],
                language="fr",
                year=2025,
                dimensions=data["dimensions"],
                video_type=Capsule.VideoType.MP4,
                created_by=editor,
            )
            video = (MEDIA_DIR / data["video"]).read_bytes()
            item.video_file.save(data["video"], ContentFile(video), save=False)
            item.subtitles_file.save(
                data["video"].replace(".mp4", ".vtt"),
                ContentFile(subtitles_for(data["cues"]).encode()),
                save=False,
            )
            item.save()
            _tag(item, data["needs"])
            _publish(item, editor)


def agency_pdf(title: str, sections: list[tuple[str, str]]) -> bytes:
    """The agency's document as a short PDF (escaped: reportlab parses markup)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(
            escape(f"{AGENCY} — document de travail à adapter"), styles["Italic"]
        ),
        Spacer(1, 12),
    ]
    for heading, text in sections:
        story += [
            Paragraph(escape(heading), styles["Heading2"]),
            Paragraph(escape(text), styles["BodyText"]),
        ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=title, author=AGENCY).build(story)
    return buffer.getvalue()


def _seed_resources(ctx: DemoContext, editor: User) -> None:
    for data in [*RESOURCES, *AGENCY_DOCUMENTS]:
        ctx.progress(1)
        if Resource.objects.filter(title=data["title"]).exists():
            continue
        own = data in AGENCY_DOCUMENTS
        with transaction.atomic():
            item = Resource(
                resource_kind=data["kind"],
                title=data["title"],
                summary=data["summary"],
                authors=AGENCY if own else data.get("authors", ""),
                publisher=AGENCY if own else data.get("publisher", ""),
                year=2025 if own else data.get("year"),
                volume=data.get("volume", ""),
                issue=data.get("issue", ""),
                pages=data.get("pages", ""),
                doi=data.get("doi", ""),
                url=data.get("url", ""),
                language=data.get("language", "fr"),
                dimensions=data["dimensions"],
                created_by=editor,
            )
            if own:
                pdf = agency_pdf(data["title"], data["sections"])
                item.file.save("agency.pdf", ContentFile(pdf), save=False)
            item.full_clean(exclude=["status", "file"])
            item.save()
            _tag(item, data["needs"])
            _publish(item, editor)


def _steps(ctx: DemoContext) -> int:
    return len(CASE_STUDIES) + len(CAPSULES) + len(RESOURCES) + len(AGENCY_DOCUMENTS)


def seed(ctx: DemoContext) -> None:
    editor = _editor(ctx)
    _seed_case_studies(ctx, editor)
    _seed_capsules(ctx, editor)
    _seed_resources(ctx, editor)


def register() -> None:
    # After the companies (40) and missions (50): stories link to both.
    register_seeder(order=60, name="knowledge", steps=_steps, run=seed)
