"""Writes of the knowledge base: the publication workflow, testimonials, media.

Editors (``Role.EDITOR``, the agency staff who publish) and administrators
move content through draft → in review → published → archived, or send an
item in review back to draft with a reason. Every change goes through
``core.workflow.run_transition`` and writes one audit row
``knowledge.<kind>.<event>``.
"""

import logging

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record
from core.errors import DomainError, NotAllowed
from core.models import User
from core.roles import Role
from core.uploads import check_upload
from core.workflow import run_transition

from .media import check_subtitles, check_video
from .models import Capsule, CaseStudy, Content, ContentStatus, Quote, Resource

logger = logging.getLogger(__name__)

EDITOR_ROLES = (Role.EDITOR, Role.ADMIN)

# action (as in the API path) -> (model method, audit event)
TRANSITIONS: dict[str, tuple[str, str]] = {
    "submit": ("submit", "submitted"),
    "publish": ("publish", "published"),
    "return": ("send_back", "returned"),
    "archive": ("archive", "archived"),
}

_KIND_LABELS = {
    "case_study": gettext_lazy("Case study"),
    "capsule": gettext_lazy("Video capsule"),
    "resource": gettext_lazy("Resource"),
}
_EVENT_LABELS = {
    "submitted": gettext_lazy("submitted for review"),
    "published": gettext_lazy("published"),
    "returned": gettext_lazy("returned to draft"),
    "archived": gettext_lazy("archived"),
    "testimonial_submitted": gettext_lazy("testimonial shared by a company"),
    "media_attached": gettext_lazy("video or subtitles attached"),
}


class _ActionLabel:
    """ "Case study published": the kind and the event, translated when shown."""

    def __init__(self, kind: str, event: str) -> None:
        self.kind, self.event = kind, event

    def __str__(self) -> str:
        return _("%(kind)s: %(event)s") % {
            "kind": _KIND_LABELS[self.kind],
            "event": _EVENT_LABELS[self.event],
        }


ACTION_LABELS = {
    f"knowledge.{kind}.{event}": _ActionLabel(kind, event)
    for kind in _KIND_LABELS
    for event in _EVENT_LABELS
}


def is_editor(user: User | None) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*EDITOR_ROLES))


def require_editor(user: User | None) -> None:
    if not is_editor(user):
        raise NotAllowed(_("Only the knowledge base's editors can do this."))


def content_transition[C: Content](
    *, user: User, item: C, action: str, reason: str = ""
) -> C:
    """Run a workflow action (``submit``, ``publish``, ``return``, ``archive``)."""
    if action not in TRANSITIONS:
        raise DomainError(
            _("Unknown action: %(action)s.") % {"action": action}, code="invalid"
        )
    method, event = TRANSITIONS[action]
    reason = (reason or "").strip()

    def guard(locked: Content) -> None:
        if action == "return" and not reason:
            message = _("Say what the author should change.")
            raise DomainError(message, code="required", fields={"reason": [message]})

    def change(locked: Content) -> None:
        locked.status_reason = reason
        if action == "publish":
            locked.published_at = timezone.now()

    return run_transition(
        instance=item,
        method=method,
        action=f"knowledge.{item.KIND}.{event}",
        actor=user,
        reason=reason,
        authorize=lambda locked: require_editor(user),
        guard=guard,
        change=change,
    )


def _required(**values: str) -> dict[str, str]:
    cleaned = {name: (value or "").strip() for name, value in values.items()}
    missing = [name for name, value in cleaned.items() if not value]
    if missing:
        message = _("This field is required.")
        raise DomainError(
            _("Some required fields are empty."),
            code="required",
            fields={name: [message] for name in missing},
        )
    return cleaned


def case_study_submit_testimonial(
    *,
    author: User,
    company,
    title: str,
    situation: str,
    actions: str,
    results: str,
    quote: str = "",
) -> CaseStudy:
    """A member company tells its own story; it waits in review for the editors.

    ``company`` is a registered ``pme.models.Company``: the case study takes
    its name, province, sector and size class. The caller (the club) checks
    that the author may speak for the company.
    """
    texts = _required(
        title=title, situation=situation, actions=actions, results=results
    )
    quote = (quote or "").strip()
    summary = texts["situation"]
    if len(summary) > 300:
        summary = summary[:297].rsplit(" ", 1)[0] + "…"

    with transaction.atomic():
        case_study = CaseStudy(
            title=texts["title"][:200],
            summary=summary,
            company=company,
            company_name=company.name,
            employees=company.employees,
            province=company.province,
            sector=company.nace_section,
            size_class=company.size_class,
            language=company.language,
            year=timezone.now().year,
            situation=texts["situation"],
            actions=texts["actions"],
            results=texts["results"],
            created_by=author,
        )
        case_study.full_clean(exclude=["status"])
        # The company's own submission is the draft's "submit": it goes
        # straight to the editors' review.
        case_study.submit()
        case_study.save()
        if quote:
            Quote.objects.create(
                case_study=case_study,
                text=quote,
                author_name=author.get_full_name(),
                author_role=company.name,
            )
        audit_record(
            action="knowledge.case_study.testimonial_submitted",
            actor=author,
            obj=case_study,
            from_state=ContentStatus.DRAFT,
            to_state=case_study.status,
        )
    logger.info("Testimonial %s shared by company %s", case_study.pk, company.pk)
    return case_study


def capsule_attach_media(
    *,
    user: User,
    capsule: Capsule,
    video: UploadedFile | None = None,
    subtitles: UploadedFile | None = None,
) -> Capsule:
    """Check and store a capsule's video and/or WebVTT subtitles (editors)."""
    require_editor(user)
    if video is None and subtitles is None:
        raise DomainError(_("Choose a video or a subtitles file."), code="required")
    # Both are checked before anything is stored: a bad file changes nothing.
    checked = check_video(video) if video is not None else None
    vtt = check_subtitles(subtitles) if subtitles is not None else None

    with transaction.atomic():
        locked = Capsule.objects.select_for_update().get(pk=capsule.pk)
        if checked is not None:
            locked.video_file.save(
                f"capsule-{locked.pk}{checked.extension}", video, save=False
            )
            locked.video_type = checked.content_type
        if vtt is not None:
            locked.subtitles_file.save(
                f"capsule-{locked.pk}.vtt", ContentFile(vtt.encode()), save=False
            )
        locked.save()
        audit_record(
            action="knowledge.capsule.media_attached",
            actor=user,
            obj=locked,
            data={"video": checked is not None, "subtitles": vtt is not None},
        )
    return locked


def resource_attach_file(
    *, user: User, resource: Resource, upload: UploadedFile
) -> Resource:
    """Store a resource's document (PDF, PNG or JPEG, checked by content)."""
    require_editor(user)
    checked = check_upload(upload)
    with transaction.atomic():
        locked = Resource.objects.select_for_update().get(pk=resource.pk)
        locked.file.save(f"resource-{locked.pk}{checked.extension}", upload, save=False)
        locked.save()
        audit_record(action="knowledge.resource.media_attached", actor=user, obj=locked)
    return locked
