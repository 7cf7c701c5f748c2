"""Reads about accreditations: visibility, renewal evidence, the expert directory.

Missions and PME ratings belong to ``matching``, which comes later and which
``accreditation`` must never import (dependencies point one way). ``matching``
plugs its figures in with ``register_activity_provider`` from its
``AppConfig.ready``; until then every consultant has no mission and no rating.
"""

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Sum

from core.dates import add_years
from core.models import Need, User
from core.roles import AGENCY_ROLES
from training.models import CpdActivity

from ..models import Accreditation, Application

# (consultant, domain) -> (completed missions, mean PME rating or None)
ActivityProvider = Callable[[User, Need], tuple[int, float | None]]

_activity_provider: ActivityProvider | None = None


def register_activity_provider(provider: ActivityProvider | None) -> None:
    """Let another app (matching) report missions and ratings for renewals.

    One provider at a time: the last registration wins; ``None`` removes it.
    """
    global _activity_provider
    _activity_provider = provider


def consultant_activity(*, consultant: User, domain: Need) -> tuple[int, float | None]:
    """Completed missions and mean PME rating of a consultant in a domain."""
    if _activity_provider is None:
        return 0, None
    return _activity_provider(consultant, domain)


def is_agency(user: User) -> bool:
    return user.is_superuser or user.has_role(*AGENCY_ROLES)


def accreditation_list(*, user: User) -> QuerySet[Accreditation]:
    """What ``user`` may see: everything for the agency, their own otherwise."""
    accreditations = Accreditation.objects.select_related("consultant", "domain")
    if is_agency(user):
        return accreditations
    return accreditations.filter(consultant=user)


def accreditation_cycle_start(accreditation: Accreditation) -> datetime.date:
    """First day of the current validity cycle, counted back from its end."""
    years = settings.NWOW["ACCREDITATION_VALIDITY_YEARS"]
    return add_years(accreditation.valid_until, -years)


def cpd_verified_hours(
    *, consultant: User, since: datetime.date, until: datetime.date
) -> Decimal:
    """Verified continuing-training hours of ``consultant`` in [since, until]."""
    total = CpdActivity.objects.filter(
        consultant=consultant,
        status=CpdActivity.Status.VERIFIED,
        date__gte=since,
        date__lte=until,
    ).aggregate(total=Sum("hours"))["total"]
    return total or Decimal(0)


def accreditation_get_by_code(*, code: str) -> Accreditation | None:
    code = (code or "").strip().upper()
    return (
        Accreditation.objects.select_related("consultant", "domain")
        .filter(verification_code=code)
        .first()
    )


def accreditation_siblings(accreditation: Accreditation) -> QuerySet[Accreditation]:
    """The holder's accreditations granted by the same application."""
    return Accreditation.objects.select_related("domain").filter(
        consultant_id=accreditation.consultant_id,
        application_id=accreditation.application_id,
    )


def accreditation_matchable_list(
    *, domain: str | None = None
) -> QuerySet[Accreditation]:
    """Accreditations that may be proposed to companies (domain.md §3)."""
    accreditations = Accreditation.objects.select_related(
        "consultant", "domain"
    ).filter(status__in=Accreditation.MATCHABLE_STATES)
    if domain:
        accreditations = accreditations.filter(domain__code=domain)
    return accreditations


def accreditation_renewal_due(*, today: datetime.date) -> QuerySet[Accreditation]:
    """Active accreditations whose renewal window has opened by ``today``."""
    horizon = today + datetime.timedelta(days=settings.NWOW["RENEWAL_WINDOW_DAYS"])
    return Accreditation.objects.filter(
        status=Accreditation.Status.ACTIVE, valid_until__lte=horizon
    )


def accreditation_expiry_due(*, today: datetime.date) -> QuerySet[Accreditation]:
    """Renewals still open or under review whose validity ended before ``today``."""
    return Accreditation.objects.filter(
        status__in=[
            Accreditation.Status.RENEWAL_OPEN,
            Accreditation.Status.RENEWAL_REVIEW,
        ],
        valid_until__lt=today,
    )


def expert_list(
    *,
    domain: str | None = None,
    province: str | None = None,
    language: str | None = None,
    q: str | None = None,
) -> QuerySet[User]:
    """Consultants holding at least one matchable accreditation.

    Provinces and languages are those of the consultant's latest approved
    application, read with ``expert_profiles``. They are filtered in the
    database so that pagination counts stay right.

    ``q`` uses ``icontains`` on first and last names: on SQLite it folds ASCII
    case only ("émile" does not find "Émile", though "mile" does); PostgreSQL
    folds every letter. Filtering in Python would break pagination.
    """
    matchable = Accreditation.objects.filter(
        consultant=OuterRef("pk"), status__in=Accreditation.MATCHABLE_STATES
    )
    if domain:
        matchable = matchable.filter(domain__code=domain)
    experts = User.objects.filter(Exists(matchable), is_active=True)

    if province or language:
        latest_approved = (
            Application.objects.filter(
                consultant=OuterRef("pk"), status=Application.Status.APPROVED
            )
            .order_by(F("decided_at").desc(nulls_last=True), "-id")
            .values("pk")[:1]
        )
        experts = experts.annotate(profile_id=Subquery(latest_approved))
        profile = Application.objects.filter(pk=OuterRef("profile_id"))
        # JSON containment is not supported on SQLite: match the quoted code in
        # the stored JSON text instead, which both backends do the same way.
        if province:
            profile = profile.filter(provinces__icontains=f'"{province}"')
        if language:
            profile = profile.filter(languages__icontains=f'"{language}"')
        experts = experts.filter(Exists(profile))
    if q:
        for word in q.split():
            experts = experts.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word)
            )
    return experts.order_by("last_name", "first_name", "pk")


def expert_profiles(*, experts: list[User]) -> dict[int, dict]:
    """Domains, provinces, languages and remote work of each listed expert.

    Two queries whatever the page size: the matchable accreditations, then the
    approved applications (the latest one per consultant wins).
    """
    ids = [expert.pk for expert in experts]
    profiles: dict[int, dict] = {
        pk: {"domains": [], "provinces": [], "languages": [], "remote": False}
        for pk in ids
    }
    for consultant_id, code in (
        Accreditation.objects.filter(
            consultant_id__in=ids, status__in=Accreditation.MATCHABLE_STATES
        )
        .order_by("domain__position", "domain__code")
        .values_list("consultant_id", "domain__code")
    ):
        if code not in profiles[consultant_id]["domains"]:
            profiles[consultant_id]["domains"].append(code)

    seen: set[int] = set()
    for application in Application.objects.filter(
        consultant_id__in=ids, status=Application.Status.APPROVED
    ).order_by(F("decided_at").desc(nulls_last=True), "-id"):
        if application.consultant_id in seen:
            continue
        seen.add(application.consultant_id)
        profiles[application.consultant_id].update(
            provinces=list(application.provinces),
            languages=list(application.languages),
            remote=application.remote,
        )
    return profiles
