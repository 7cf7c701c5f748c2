"""Builders shared by the missions' tests (this module holds no test).

The ranking engine (``matching.ranking.engine``) is written in parallel: the
hard filters are replaced by a verdict the test chooses, whether the module
exists yet or not.
"""

import datetime
import sys
import types

import pytest
from django.utils import timezone

from core.models import AuditEntry
from matching.models import Engagement
from tests.matching.factories import company_of, expert_request

S = Engagement.Status

FAKE_PDF = b"%PDF-1.4 mission report"


def allow_experts(monkeypatch, verdict: tuple[bool, str | None] = (True, None)):
    """Make ``passes_filters`` answer ``verdict``; returns the calls it saw."""
    calls: list[tuple[int, int]] = []

    def passes_filters(request, expert_id):
        calls.append((request.pk, expert_id))
        return verdict

    try:
        import matching.ranking.engine as engine
    except ImportError:
        engine = types.ModuleType("matching.ranking.engine")
        monkeypatch.setitem(sys.modules, "matching.ranking.engine", engine)
    monkeypatch.setattr(engine, "passes_filters", passes_filters, raising=False)
    return calls


def fake_report(monkeypatch) -> None:
    """``matching.report.render_report`` answers a fixed PDF."""
    try:
        import matching.report as report
    except ImportError:
        report = types.ModuleType("matching.report")
        monkeypatch.setitem(sys.modules, "matching.report", report)
    monkeypatch.setattr(
        report, "render_report", lambda engagement: FAKE_PDF, raising=False
    )


def open_request(member, **company_fields):
    """An open request of a company that ``member`` belongs to."""
    return expert_request(company_of(member, **company_fields))


def engagement_in(status: str, *, expert, member) -> Engagement:
    """A mission of ``member``'s company with ``expert``, put in ``status``."""
    engagement = Engagement.objects.create(request=open_request(member), expert=expert)
    fields: dict = {"status": status}
    if status not in (S.PROPOSED, S.ACCEPTED, S.DECLINED, S.CANCELLED):
        fields["started_on"] = timezone.localdate() - datetime.timedelta(days=5)
    if status in (S.REPORT_SUBMITTED, S.VALIDATED, S.CLOSED, S.RETURNED):
        fields.update(
            report_summary="Résumé",
            report_recommendations="Recommandations",
            action_plan="Plan",
            report_submitted_at=timezone.now(),
        )
    # The status field is protected: a queryset update puts it in place.
    Engagement.objects.filter(pk=engagement.pk).update(**fields)
    return Engagement.objects.get(pk=engagement.pk)


def audit_count(engagement: Engagement) -> int:
    return AuditEntry.objects.filter(
        object_id=str(engagement.pk), action__startswith="matching.engagement."
    ).count()


@pytest.fixture
def people(request, consultant, pme_member):
    """A persona by name: ``expert`` and ``member`` are the mission's parties."""

    def get(name):
        named = {"expert": consultant, "member": pme_member}
        return named.get(name) or request.getfixturevalue(name)

    return get
