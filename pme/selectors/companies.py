"""Reads of companies and their members.

A user sees only the companies they belong to; the agency's roles see all.
``company_ids_of_user`` and ``consultant_conflicts`` are what the matching app
reads to never propose an expert to a company they are a member of.
"""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from core.models import User
from core.roles import AGENCY_ROLES

from ..models import Company, Invitation, Membership


def company_list_for(user: User) -> QuerySet[Company]:
    """The companies ``user`` may see, each with its ``member_count``."""
    if user is None or not user.is_authenticated:
        return Company.objects.none()

    companies = Company.objects.all()
    if not user.has_role(*AGENCY_ROLES):
        # A subquery rather than a join on memberships: the join would also
        # restrict the member count below to the user's own row.
        companies = companies.filter(
            pk__in=Membership.objects.filter(user=user).values("company_id")
        )
    # Meta.ordering does not apply to a query with an aggregate: ordered again.
    return companies.annotate(member_count=Count("memberships")).order_by("name", "id")


def company_get_for(user: User, pk: int) -> Company:
    """One company ``user`` may see; Http404 for any other, as if it did not exist."""
    return get_object_or_404(company_list_for(user), pk=pk)


def member_list(company: Company) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(company=company)
        .select_related("user")
        .order_by("joined_at", "id")
    )


def invitation_pending_list(company: Company) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        company=company, accepted_at__isnull=True
    ).select_related("invited_by")


def membership_of(user: User, company: Company) -> Membership | None:
    if user is None or not user.is_authenticated:
        return None
    return Membership.objects.filter(company=company, user=user).first()


def is_company_admin(user: User, company: Company) -> bool:
    membership = membership_of(user, company)
    return membership is not None and membership.role == Membership.Role.ADMIN


def company_ids_of_user(user: User) -> set[int]:
    """Ids of every company ``user`` is a member of, whatever their role."""
    if user is None or not user.pk:
        return set()
    return set(
        Membership.objects.filter(user_id=user.pk).values_list("company_id", flat=True)
    )


def consultant_conflicts(consultant: User) -> set[int]:
    """Companies that must never be proposed ``consultant`` as their expert.

    The membership row is the record of the link: a consultant who works for
    or owns a company is a member of it, so that company is a conflict.
    """
    return company_ids_of_user(consultant)
