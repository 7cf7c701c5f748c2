"""Reads of accreditation applications."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.models import Need, User
from core.reference.enterprise import normalize_enterprise_number
from core.roles import AGENCY_ROLES

from ..models import Application, ApplicationDocument

REQUIRED_REFERENCES = 3


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    done: bool
    label: str


def application_list(*, user: User) -> QuerySet[Application]:
    """Applications the user may see: their own, or all of them for the agency."""
    applications = Application.objects.select_related("consultant").prefetch_related(
        "domains"
    )
    if user.has_role(*AGENCY_ROLES):
        return applications
    return applications.filter(consultant=user)


def application_queue(*, status: str | None = None) -> QuerySet[Application]:
    """The reviewers' queue: open files that wait for the agency, most urgent first."""
    waiting = [
        Application.Status.SUBMITTED,
        Application.Status.UNDER_REVIEW,
        Application.Status.INTERVIEW_SCHEDULED,
        Application.Status.INTERVIEWED,
        Application.Status.RECOMMENDED,
        Application.Status.APPEALED,
    ]
    queue = Application.objects.filter(status__in=[status] if status else waiting)
    return (
        queue.select_related("consultant")
        .prefetch_related("domains")
        .order_by("due_date", "submitted_at", "id")
    )


def application_checklist(application: Application) -> list[ChecklistItem]:
    """What the submit guard requires, item by item, in the active language."""
    kinds = set(application.documents.values_list("kind", flat=True))
    references = application.references.exclude(client_email="").count()
    try:
        normalize_enterprise_number(application.enterprise_number or "")
        enterprise_ok = True
    except ValidationError:
        enterprise_ok = False
    Kind = ApplicationDocument.Kind
    return [
        ChecklistItem(
            "enterprise_number",
            enterprise_ok,
            _("a valid enterprise number for your company"),
        ),
        ChecklistItem(
            "domains", application.domains.exists(), _("at least one domain")
        ),
        ChecklistItem("cv", Kind.CV in kinds, _("your CV")),
        ChecklistItem(
            "references",
            references >= REQUIRED_REFERENCES,
            _("%(count)s reference missions with a client contact (%(have)s given)")
            % {"count": REQUIRED_REFERENCES, "have": references},
        ),
        ChecklistItem(
            "insurance", Kind.INSURANCE in kinds, _("a proof of professional insurance")
        ),
        ChecklistItem(
            "charter", Kind.CHARTER in kinds, _("the signed charter of independence")
        ),
    ]


def application_conflicting_domains(application: Application) -> list[str]:
    """Domains of this file already in another open application of the consultant."""
    others = Application.objects.filter(
        consultant_id=application.consultant_id, status__in=Application.OPEN_STATES
    ).exclude(pk=application.pk)
    # A fresh queryset: filtering the related manager again would reuse its
    # join and only ever match this very application.
    return sorted(
        Need.objects.filter(
            pk__in=application.domains.values("pk"), applications__in=others
        )
        .values_list("code", flat=True)
        .distinct()
    )


def domain_quota_reached(domain_code: str) -> bool:
    """Whether the configured cap of live accreditations in a domain is reached."""
    from ..models import Accreditation

    quota = settings.NWOW.get("DOMAIN_QUOTAS", {}).get(domain_code)
    if quota is None:
        return False
    live = Accreditation.objects.filter(
        domain__code=domain_code, status__in=Accreditation.MATCHABLE_STATES
    ).count()
    return live >= quota
