"""Concurrent accreditation transitions on PostgreSQL: one winner, one audit row."""

import pytest
from django.db import connection

from accreditation.models import Accreditation
from accreditation.services import accreditations as services
from core.models import AuditEntry
from tests.accreditation.factories import AccreditationFactory
from tests.concurrency import run_at_once

pytestmark = pytest.mark.usefixtures("reference_data")


def test_it_lets_one_of_eight_concurrent_revocations_win(decider):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL")
    accreditation = AccreditationFactory()

    def revoke():
        services.accreditation_revoke(
            actor=decider, accreditation=accreditation, reason="Fraude prouvée"
        )

    outcomes = run_at_once([revoke] * 8)

    assert sorted(outcomes) == ["409:transition_not_allowed"] * 7 + ["ok"]
    accreditation.refresh_from_db()
    assert accreditation.status == Accreditation.Status.REVOKED
    assert (
        AuditEntry.objects.filter(action="accreditation.accreditation.revoked").count()
        == 1
    )
