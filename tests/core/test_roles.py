"""Roles are groups whose permissions come from core.roles."""

import pytest
from django.contrib.auth.models import Group

from core.roles import Role, grant_role_permissions, role_permissions, sync_role_groups

pytestmark = pytest.mark.django_db


def test_it_creates_one_group_per_role():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.values)


def test_it_lets_reviewers_read_the_audit_log_but_not_consultants(reviewer, consultant):
    assert reviewer.has_perm("core.view_auditentry")
    assert not consultant.has_perm("core.view_auditentry")


def test_it_applies_a_newly_declared_permission_at_the_next_sync(trainer):
    grant_role_permissions(Role.TRAINER, ["core.view_need"])
    try:
        sync_role_groups()
        trainer = type(trainer).objects.get(pk=trainer.pk)
        assert trainer.has_perm("core.view_need")
    finally:
        role_permissions(Role.TRAINER)  # the declaration stays for this process
        from core import roles

        roles._ROLE_PERMISSIONS[Role.TRAINER].discard("core.view_need")
        sync_role_groups()


def test_it_reports_whether_a_user_has_a_role(decider):
    assert decider.has_role(Role.DECIDER)
    assert not decider.has_role(Role.REVIEWER, Role.CONSULTANT)


def test_it_denies_every_role_to_a_deactivated_user(decider):
    decider.is_active = False

    assert not decider.has_role(Role.DECIDER)
