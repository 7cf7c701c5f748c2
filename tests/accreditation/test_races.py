"""Concurrent transitions on PostgreSQL: one winner, no duplicate rows."""

import pytest
from django.db import connection

from accreditation.models import Accreditation, Application
from accreditation.services import applications as services
from core.models import AuditEntry
from tests.accreditation.factories import complete_application
from tests.concurrency import run_at_once

pytestmark = pytest.mark.usefixtures("reference_data")


def test_it_lets_one_of_twelve_concurrent_approvals_win(consultant, decider):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL")
    application = complete_application(consultant=consultant)
    Application.objects.filter(pk=application.pk).update(status="recommended")

    def approve():
        services.application_approve(application=application, actor=decider)

    outcomes = run_at_once([approve] * 12)

    assert sorted(outcomes) == ["409:transition_not_allowed"] * 11 + ["ok"]
    assert Accreditation.objects.filter(application=application).count() == 1
    assert (
        AuditEntry.objects.filter(action="accreditation.application.approved").count()
        == 1
    )
