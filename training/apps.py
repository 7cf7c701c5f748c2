"""Training programmes for consultants: modules, sessions, attendance, assessments,
certification and continuing training.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        from core.audit import register_action_labels
        from core.roles import Role, grant_role_permissions

        # Admin-site permissions only; the API checks roles in the services.
        grant_role_permissions(Role.ADMIN, ["training.*"])
        grant_role_permissions(
            Role.TRAINER,
            [
                "training.view_programme",
                "training.view_module",
                "training.view_session",
                "training.view_attendance",
                "training.view_attempt",
            ],
        )
        for role in (Role.REVIEWER, Role.DECIDER):
            grant_role_permissions(
                role, ["training.view_cpdactivity", "training.view_certification"]
            )

        register_action_labels(
            {
                "training.enrolment.created": _("Enrolled in a programme"),
                "training.enrolment.withdrawn": _("Withdrew from a programme"),
                "training.session.registered": _("Registered for a session"),
                "training.attendance.recorded": _("Attendance recorded"),
                "training.attempt.recorded": _("Assessment result recorded"),
                "training.certification.issued": _("Certification issued"),
                "training.certification.revoked": _("Certification revoked"),
                "training.cpd.declared": _("CPD activity declared"),
                "training.cpd.verified": _("CPD activity verified"),
                "training.cpd.rejected": _("CPD activity rejected"),
            }
        )

        from . import demo

        demo.register()
        self._register_navigation()

    @staticmethod
    def _register_navigation() -> None:
        from core.navigation import register_nav_item
        from core.roles import Role

        register_nav_item(
            order=20,
            label=_("Training"),
            url_name="training:catalogue",
            roles=[Role.CONSULTANT, Role.TRAINER, Role.REVIEWER],
        )
