"""Training tells the consultant what happened, in their language."""

import pytest
from django.core import mail

from training.models import CpdActivity
from training.services import cpd_reject

from .factories import CpdActivityFactory

pytestmark = pytest.mark.django_db


def test_it_mails_the_consultant_when_a_cpd_activity_is_reviewed(
    reviewer, django_capture_on_commit_callbacks
):
    activity = CpdActivityFactory()

    with django_capture_on_commit_callbacks(execute=True):
        cpd_reject(reviewer=reviewer, activity=activity, reason="Pas de preuve")

    assert mail.outbox[0].to == [activity.consultant.email]
    assert "Pas de preuve" in mail.outbox[0].body
    assert CpdActivity.objects.get().status == "rejected"
