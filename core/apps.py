"""The shared package: users and roles, audit log, taxonomy, reference data, errors.

It imports no domain app, so that every domain app can depend on it.
"""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from . import security, signals  # noqa: F401 - connect their receivers
        from .roles import sync_role_groups

        self._register_navigation()

        # Groups and their permissions follow core.roles after every migrate,
        # so a permission added by a later app reaches its roles without a
        # hand-written data migration.
        post_migrate.connect(sync_role_groups, dispatch_uid="core.sync_role_groups")

    @staticmethod
    def _register_navigation() -> None:
        from django.utils.translation import gettext_lazy as _

        from .navigation import register_nav_item

        register_nav_item(
            order=10, label=_("Dashboard"), url_name="core:dashboard", roles=()
        )
        register_nav_item(
            order=95,
            label=_("Administration"),
            url_name="admin:index",
            roles=["admin"],
        )
