"""The one place where matching touches the pme app.

The architecture wants matching to read pme through pme's selectors; those
are being written in parallel, so until they exist these three functions
query pme's models directly. Nothing else in matching imports ``pme``: the
day ``pme.selectors`` offers the same reads, only this module changes.
"""

from django.db.models import QuerySet

from core.errors import NotFound
from core.models import User
from pme.models import Assessment, Company


def companies_of(user: User) -> QuerySet[Company]:
    """The companies the user is a member of (any membership role)."""
    if not user.is_authenticated:
        return Company.objects.none()
    return Company.objects.filter(memberships__user=user).distinct()


def company_for_member(user: User, company_id) -> Company:
    """The company if the user belongs to it; NotFound otherwise.

    A company the user does not belong to is reported as unknown, so that
    its existence is not revealed (404, never 403).
    """
    try:
        return companies_of(user).get(pk=int(company_id))
    except (Company.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None


def latest_scan(company: Company) -> Assessment | None:
    """The company's latest completed scan, or None.

    A scan is complete once its scores are computed, which sets its level.
    """
    return (
        Assessment.objects.filter(company=company, level__isnull=False)
        .order_by("-taken_at", "-id")
        .first()
    )


def lock_company(company: Company) -> None:
    """Hold the company's row until the transaction ends: its writes queue up."""
    Company.objects.select_for_update().filter(pk=company.pk).first()
