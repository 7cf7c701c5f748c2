"""Roles are Django groups whose permissions are declared here, in code.

Each role maps to a group of the same name. Domain apps add the permissions
their roles need with ``grant_role_permissions`` from their ``AppConfig.ready``;
``sync_role_groups`` then brings the groups in line after every ``migrate``.
"""

from collections import defaultdict

from django.apps import apps as global_apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CONSULTANT = "consultant", _("Consultant")
    PME = "pme", _("Company member")
    TRAINER = "trainer", _("Trainer")
    REVIEWER = "reviewer", _("Reviewer")
    DECIDER = "decider", _("Decider")
    # Publishes the knowledge base and runs the Forum and the club.
    EDITOR = "editor", _("Editor")
    ADMIN = "admin", _("Administrator")


# Anyone may sign up with these; the others are given by an administrator.
SELF_SERVICE_ROLES = frozenset({Role.CONSULTANT, Role.PME})
STAFF_ROLES = frozenset(
    {Role.TRAINER, Role.REVIEWER, Role.DECIDER, Role.EDITOR, Role.ADMIN}
)
AGENCY_ROLES = frozenset({Role.REVIEWER, Role.DECIDER, Role.ADMIN})

# "app_label.codename", or "app_label.*" for every permission of an app.
_ROLE_PERMISSIONS: dict[str, set[str]] = defaultdict(set)


def grant_role_permissions(role: Role, permissions: list[str]) -> None:
    """Declare that ``role`` holds ``permissions`` (applied at the next migrate)."""
    _ROLE_PERMISSIONS[Role(role)].update(permissions)


def role_permissions(role: Role) -> frozenset[str]:
    return frozenset(_ROLE_PERMISSIONS[Role(role)])


grant_role_permissions(Role.REVIEWER, ["core.view_auditentry", "core.view_user"])
grant_role_permissions(Role.DECIDER, ["core.view_auditentry", "core.view_user"])
grant_role_permissions(Role.ADMIN, ["core.*", "authtoken.view_tokenproxy"])


def _resolve(permission_model, spec: str):
    app_label, codename = spec.split(".", 1)
    permissions = permission_model.objects.filter(content_type__app_label=app_label)
    if codename != "*":
        permissions = permissions.filter(codename=codename)
    return permissions


def sync_role_groups(sender=None, apps=global_apps, using="default", **kwargs):
    """Create one group per role and set exactly its declared permissions.

    Connected to ``post_migrate``: Django sends that signal once per app, and
    the permissions of an app exist only after its own turn, so the work is
    done on the turn of the last app.
    """
    app_configs = [c for c in global_apps.get_app_configs() if c.models_module]
    if sender is not None and app_configs and sender is not app_configs[-1]:
        return

    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role in Role:
        group, _created = group_model.objects.using(using).get_or_create(
            name=role.value
        )
        wanted = set()
        for spec in _ROLE_PERMISSIONS[role]:
            wanted.update(_resolve(permission_model, spec).values_list("pk", flat=True))
        group.permissions.set(wanted)
