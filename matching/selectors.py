"""Reads of expert requests."""

from django.db.models import QuerySet

from core.errors import NotFound
from core.models import User
from core.roles import AGENCY_ROLES

from . import pme_adapter
from .models import ExpertRequest


def request_list_for(*, user: User) -> QuerySet[ExpertRequest]:
    """Requests of the user's companies; every request for the agency."""
    requests = ExpertRequest.objects.select_related(
        "company", "primary_need", "created_by", "assessment"
    ).prefetch_related("needs")
    if user.has_role(*AGENCY_ROLES):
        return requests
    return requests.filter(company__in=pme_adapter.companies_of(user))


def request_get_for(*, user: User, pk) -> ExpertRequest:
    """One request the user may see, or NotFound (404) whatever the reason."""
    try:
        return request_list_for(user=user).get(pk=int(pk))
    except (ExpertRequest.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None


def request_open_list_for_member(*, user: User) -> QuerySet[ExpertRequest]:
    """Open requests of the user's own companies (the dashboard panel)."""
    return (
        ExpertRequest.objects.filter(
            company__in=pme_adapter.companies_of(user),
            status=ExpertRequest.Status.OPEN,
        )
        .select_related("company", "primary_need")
        .prefetch_related("needs")
    )
