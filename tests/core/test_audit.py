"""The audit log: append-only, in the change's transaction, fed by account events."""

import pytest
from django.db import transaction
from django.urls import reverse

from core.audit import audit_history, audit_record
from core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_it_records_actor_object_states_and_data(reviewer, consultant):
    entry = audit_record(
        action="accreditation.application.incomplete",
        actor=reviewer,
        obj=consultant,
        from_state="submitted",
        to_state="incomplete",
        reason="No CV.",
        data={"due": "2027-01-02"},
    )

    assert entry.actor == reviewer
    assert entry.object_id == str(consultant.pk)
    assert list(audit_history(consultant)) == [entry]


def test_it_refuses_to_change_an_entry(consultant):
    entry = audit_record(action="core.user.logged_in", actor=consultant)
    entry.reason = "rewritten"

    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()


def test_it_refuses_bulk_updates_and_deletes(consultant):
    audit_record(action="core.user.logged_in", actor=consultant)

    with pytest.raises(TypeError):
        AuditEntry.objects.update(reason="x")
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()


def test_it_disappears_with_a_change_that_is_rolled_back(consultant):
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(action="core.user.role_granted", actor=consultant)
        raise RuntimeError("the change failed")

    assert not AuditEntry.objects.exists()


def test_it_refuses_an_action_that_is_not_a_dotted_code(consultant):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        audit_record(action="Logged In", actor=consultant)


def test_it_records_a_login_and_a_failed_login(client, consultant, password):
    client.post(
        reverse("account_login"), {"login": consultant.email, "password": "wrong"}
    )
    client.post(
        reverse("account_login"), {"login": consultant.email, "password": password}
    )

    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["core.user.login_failed", "core.user.logged_in"]
    assert AuditEntry.objects.get(action="core.user.logged_in").ip_address


def test_it_labels_known_actions_in_the_active_language():
    from django.utils import translation

    from core.audit import action_label

    with translation.override("fr"):
        assert action_label("core.user.logged_in") == "Connexion"
    assert action_label("unknown.action.code") == "unknown.action.code"
