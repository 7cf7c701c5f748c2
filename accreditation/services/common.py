"""Helpers shared by the application services: who may act, clean input."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.errors import DomainError, NotAllowed
from core.models import Need, User
from core.reference.enterprise import normalize_enterprise_number
from core.roles import Role

from ..models import Application

Status = Application.Status
EDITABLE_STATES = (Status.DRAFT, Status.INCOMPLETE)
LANGUAGE_CODES = {"fr", "de", "nl", "en"}
PROVINCE_CODES = {"BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA"}


def nwow(key: str):
    return settings.NWOW[key]


def require_owner(application: Application, actor: User) -> None:
    if application.consultant_id != actor.pk or not actor.has_role(Role.CONSULTANT):
        raise NotAllowed(_("Only the applicant can do this."))


def require_role(actor: User, *roles: Role) -> None:
    if not actor.has_role(*roles):
        raise NotAllowed(_("Your role does not allow this action."))


def clean_codes(values, allowed: set[str], field: str) -> list[str]:
    codes = sorted({str(value) for value in values or []})
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        raise DomainError(
            _("Unknown codes: %(codes)s.") % {"codes": ", ".join(unknown)},
            fields={
                field: [
                    _("Choose among: %(codes)s.")
                    % {"codes": ", ".join(sorted(allowed))}
                ]
            },
        )
    return codes


def clean_domains(codes) -> list[Need]:
    codes = sorted({str(code) for code in codes or []})
    needs = list(Need.objects.filter(code__in=codes, is_active=True))
    unknown = sorted(set(codes) - {need.code for need in needs})
    if unknown:
        raise DomainError(
            _("Unknown domains: %(codes)s.") % {"codes": ", ".join(unknown)},
            fields={"domains": [_("Use the taxonomy codes, such as TEL or HRP.")]},
        )
    return needs


def clean_enterprise_number(value: str) -> str:
    if not value:
        return ""
    try:
        return normalize_enterprise_number(value)
    except ValidationError as error:
        raise DomainError(
            error.messages[0],
            code=error.code or "invalid",
            fields={"enterprise_number": error.messages},
        ) from error


def required_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            _("A reason is required for this action."),
            code="reason_required",
            fields={"reason": [_("Explain the decision; the applicant will read it.")]},
        )
    return reason
