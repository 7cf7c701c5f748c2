"""Reads of the shared package."""

from django.db.models import Count, Q, QuerySet

from .models import AuditEntry, Need, User
from .roles import Role


def need_list(*, active_only: bool = True) -> QuerySet[Need]:
    needs = Need.objects.prefetch_related("dimension_links")
    return needs.filter(is_active=True) if active_only else needs


def audit_list_for_actor(*, user: User, limit: int = 10) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(actor=user).order_by("-at", "-id")[:limit]


def audit_list_recent(*, limit: int = 20) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.select_related("actor").order_by("-at", "-id")[:limit]


def user_counts_by_role() -> dict[str, int]:
    """Active users per role, with every role present (zero when empty)."""
    counts = User.objects.filter(is_active=True).aggregate(
        **{
            role.value: Count("pk", filter=Q(groups__name=role.value), distinct=True)
            for role in Role
        }
    )
    return {role.value: counts[role.value] for role in Role}
