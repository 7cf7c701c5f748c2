"""Companies and their members: registration, changes, invitations.

The Belgian reference data (core.reference) does every check of the figures;
this module turns its ValidationErrors into DomainErrors that name the field,
derives province, NACE section and SME class, and keeps the members' rights:
the registering user is the company's administrator, administrators invite
colleagues with a signed, expiring link and remove members, and a company
always keeps at least one administrator.
"""

import datetime
import logging
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record, register_action_labels
from core.errors import DomainError, NotAllowed, NotFound, TransitionNotAllowed
from core.mail import queue_templated_email
from core.models import User
from core.reference.enterprise import normalize_enterprise_number
from core.reference.geography import (
    default_language_for_postal_code,
    province_for_postal_code,
)
from core.reference.nace import NACE_VERSION, nace_section, normalize_nace_code
from core.reference.sme import sme_size_class
from core.roles import Role

from ..models import Company, Invitation, Membership
from ..selectors.companies import is_company_admin

logger = logging.getLogger(__name__)

INVITATION_SALT = "pme.invitation"
DEFAULT_INVITATION_MAX_AGE_DAYS = 7
LANGUAGE_CODES = {code for code, _label in settings.LANGUAGES}

# The fields a company's administrator may set; province, NACE section and
# size class are always derived from them, never taken from the caller.
EDITABLE_FIELDS = (
    "name",
    "enterprise_number",
    "postal_code",
    "nace_code",
    "employees",
    "annual_turnover_eur",
    "balance_sheet_eur",
    "language",
)

ACTION_LABELS = {
    "pme.company.registered": gettext_lazy("Company registered"),
    "pme.company.updated": gettext_lazy("Company details changed"),
    "pme.invitation.sent": gettext_lazy("Colleague invited"),
    "pme.member.joined": gettext_lazy("Member joined the company"),
    "pme.member.removed": gettext_lazy("Member removed from the company"),
}


def register_company_action_labels() -> None:
    register_action_labels(ACTION_LABELS)


# -- checking the figures -----------------------------------------------------


def _field_error(field: str, error: ValidationError) -> DomainError:
    messages = error.messages
    return DomainError(
        messages[0],
        code=getattr(error, "code", None) or "invalid",
        fields={field: messages},
    )


def _clean_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise DomainError(
            _("Enter the company's name."),
            code="name_required",
            fields={"name": [_("Enter the company's name.")]},
        )
    return name[:200]


def _clean_language(language: str | None, postal_code: str) -> str:
    if not language:
        return default_language_for_postal_code(postal_code)
    if language not in LANGUAGE_CODES:
        message = _("Choose among: %(codes)s.") % {
            "codes": ", ".join(sorted(LANGUAGE_CODES))
        }
        raise DomainError(
            message, code="language_unknown", fields={"language": [message]}
        )
    return language


def _derived(
    *,
    enterprise_number: str,
    postal_code: str,
    nace_code: str,
    employees: int,
    annual_turnover_eur: Decimal | int | None,
    balance_sheet_eur: Decimal | int | None,
) -> dict:
    """Normalised input plus the fields derived from it, or a DomainError.

    Checked in the order of the form, so the first error a user sees is the
    first wrong field.
    """
    try:
        number = normalize_enterprise_number(enterprise_number)
    except ValidationError as error:
        raise _field_error("enterprise_number", error) from error
    try:
        postal_code = str(postal_code).strip()
        province = province_for_postal_code(postal_code)
    except ValidationError as error:
        raise _field_error("postal_code", error) from error
    try:
        code = normalize_nace_code(nace_code)
        section = nace_section(code)
    except ValidationError as error:
        raise _field_error("nace_code", error) from error
    try:
        size_class = sme_size_class(
            employees=employees,
            annual_turnover_eur=annual_turnover_eur,
            balance_sheet_eur=balance_sheet_eur,
        )
    except ValidationError as error:
        raise _field_error("employees", error) from error

    return {
        "enterprise_number": number,
        "postal_code": postal_code,
        "province": province.value,
        "nace_code": code,
        "nace_version": NACE_VERSION,
        "nace_section": section.value,
        "employees": employees,
        "annual_turnover_eur": annual_turnover_eur,
        "balance_sheet_eur": balance_sheet_eur,
        "size_class": size_class.value,
    }


def _number_taken_error() -> DomainError:
    message = _(
        "A company with this enterprise number is already registered. Ask its "
        "administrator to invite you."
    )
    return DomainError(
        message, code="enterprise_number_taken", fields={"enterprise_number": [message]}
    )


def _require_number_free(number: str, *, exclude_pk: int | None = None) -> None:
    taken = Company.objects.filter(enterprise_number=number)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise _number_taken_error()


def _require_admin(company: Company, actor: User) -> None:
    if not is_company_admin(actor, company):
        raise NotAllowed(_("Only an administrator of the company can do this."))


# -- companies ----------------------------------------------------------------


def company_register(
    *,
    user: User,
    name: str,
    enterprise_number: str,
    postal_code: str,
    nace_code: str,
    employees: int,
    annual_turnover_eur: Decimal | int | None = None,
    balance_sheet_eur: Decimal | int | None = None,
    language: str | None = None,
) -> Company:
    """Register a Walloon SME; ``user`` becomes its administrator."""
    if not user.has_role(Role.PME):
        raise NotAllowed(_("Only company accounts can register a company."))

    name = _clean_name(name)
    fields = _derived(
        enterprise_number=enterprise_number,
        postal_code=postal_code,
        nace_code=nace_code,
        employees=employees,
        annual_turnover_eur=annual_turnover_eur,
        balance_sheet_eur=balance_sheet_eur,
    )
    language = _clean_language(language, fields["postal_code"])
    _require_number_free(fields["enterprise_number"])

    try:
        with transaction.atomic():
            company = Company.objects.create(
                name=name, language=language, created_by=user, **fields
            )
            Membership.objects.create(
                company=company, user=user, role=Membership.Role.ADMIN
            )
            audit_record(
                action="pme.company.registered",
                actor=user,
                obj=company,
                data={
                    "enterprise_number": company.enterprise_number,
                    "province": company.province,
                    "size_class": company.size_class,
                },
            )
    except IntegrityError as error:
        # Two registrations of the same number at once: the unique index
        # decides, and the loser gets the same answer as a late one.
        raise _number_taken_error() from error

    logger.info("Company %s registered by user %s", company.pk, user.pk)
    return company


def company_update(*, company: Company, actor: User, **changes) -> Company:
    """Change a company's details; only its administrators, same checks."""
    _require_admin(company, actor)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        # Derived fields are never set by a caller, even by mistake.
        raise DomainError(
            _("These fields cannot be changed: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))},
            code="read_only_field",
        )

    try:
        with transaction.atomic():
            locked = Company.objects.select_for_update().get(pk=company.pk)
            merged = {name: getattr(locked, name) for name in EDITABLE_FIELDS}
            merged.update(changes)

            name = _clean_name(merged["name"])
            fields = _derived(
                enterprise_number=merged["enterprise_number"],
                postal_code=merged["postal_code"],
                nace_code=merged["nace_code"],
                employees=merged["employees"],
                annual_turnover_eur=merged["annual_turnover_eur"],
                balance_sheet_eur=merged["balance_sheet_eur"],
            )
            # A move keeps the chosen language: the default only applies when
            # the language is explicitly cleared.
            language = _clean_language(merged["language"], fields["postal_code"])
            _require_number_free(fields["enterprise_number"], exclude_pk=locked.pk)

            new_values = {"name": name, "language": language, **fields}
            changed = sorted(
                field
                for field, value in new_values.items()
                if str(getattr(locked, field)) != str(value)
            )
            for field, value in new_values.items():
                setattr(locked, field, value)
            locked.save()
            if changed:
                audit_record(
                    action="pme.company.updated",
                    actor=actor,
                    obj=locked,
                    data={"fields": changed},
                )
    except IntegrityError as error:
        raise _number_taken_error() from error
    return locked


# -- invitations --------------------------------------------------------------


def _invitation_max_age() -> datetime.timedelta:
    days = getattr(settings, "NWOW", {}).get(
        "INVITATION_MAX_AGE_DAYS", DEFAULT_INVITATION_MAX_AGE_DAYS
    )
    return datetime.timedelta(days=days)


def invitation_token(invitation: Invitation) -> str:
    """The signed token of an invitation's link; it expires with its timestamp."""
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    return signer.sign_object({"invitation": invitation.pk})


def invitation_from_token(token: str) -> Invitation:
    """The invitation a token points to, or a translated 400.

    Codes: ``invitation_expired`` for a genuine link past its age,
    ``invitation_invalid`` for anything else (altered, unknown, withdrawn).
    """
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    try:
        payload = signer.unsign_object(str(token), max_age=_invitation_max_age())
    except signing.SignatureExpired as error:
        raise DomainError(
            _(
                "This invitation has expired. Ask the company's administrator "
                "to send you a new one."
            ),
            code="invitation_expired",
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise _invalid_invitation() from error

    pk = payload.get("invitation") if isinstance(payload, dict) else None
    invitation = (
        Invitation.objects.select_related("company").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if invitation is None:
        raise _invalid_invitation()
    return invitation


def _invalid_invitation() -> DomainError:
    return DomainError(
        _(
            "This invitation link is not valid. Check that you copied the whole "
            "link from the e-mail, or ask for a new invitation."
        ),
        code="invitation_invalid",
    )


def _invitation_language(invitation: Invitation) -> str:
    # The invitee's own language when they already have an account; else the
    # company's, the best guess of what its colleagues read.
    language = (
        User.objects.filter(email__iexact=invitation.email)
        .values_list("language", flat=True)
        .first()
    )
    return language or invitation.company.language


def invitation_send(*, company: Company, actor: User, email: str) -> Invitation:
    """Invite a colleague by e-mail; sending again renews the link."""
    _require_admin(company, actor)
    email = str(email or "").strip()
    if "@" not in email:
        message = _("Enter a valid e-mail address.")
        raise DomainError(message, code="email_invalid", fields={"email": [message]})

    if company.memberships.filter(user__email__iexact=email).exists():
        message = _("%(email)s is already a member of the company.") % {"email": email}
        raise DomainError(message, code="already_member", fields={"email": [message]})

    with transaction.atomic():
        # Lock the company: a pending invitation that does not exist yet cannot
        # be locked, and two sent at once would both create one.
        Company.objects.select_for_update().filter(pk=company.pk).first()
        invitation = (
            Invitation.objects.filter(
                company=company, email__iexact=email, accepted_at__isnull=True
            )
            .order_by("pk")
            .first()
        )
        if invitation is None:
            invitation = Invitation.objects.create(
                company=company, email=email, invited_by=actor
            )
        audit_record(
            action="pme.invitation.sent",
            actor=actor,
            obj=company,
            data={"invitation": invitation.pk, "email": invitation.email},
        )
        path = reverse("pme:invitation-accept", args=[invitation_token(invitation)])
        queue_templated_email(
            template_prefix="pme/email/invitation",
            to=invitation.email,
            language=_invitation_language(invitation),
            context={
                "company": company,
                "inviter": actor,
                "url": getattr(settings, "NWOW", {}).get("PUBLIC_URL", "").rstrip("/")
                + path,
                "max_age_days": _invitation_max_age().days,
            },
        )
    return invitation


def invitation_accept(*, user: User, token: str) -> Membership:
    """Join the company of an invitation addressed to ``user``'s e-mail.

    Accepting twice, or an invitation to a company one already belongs to,
    returns the existing membership unchanged (an administrator stays one).
    """
    invitation = invitation_from_token(token)
    if invitation.email.casefold() != (user.email or "").casefold():
        raise NotAllowed(
            _(
                "This invitation was sent to another e-mail address. Sign in "
                "with the account of the address that received it."
            ),
            code="invitation_email_mismatch",
        )

    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        membership, created = Membership.objects.get_or_create(
            company_id=invitation.company_id,
            user=user,
            defaults={"role": Membership.Role.MEMBER},
        )
        if invitation.accepted_at is None:
            invitation.accepted_at = timezone.now()
            invitation.accepted_by = user
            invitation.save(update_fields=["accepted_at", "accepted_by"])
        if created:
            audit_record(
                action="pme.member.joined",
                actor=user,
                obj=invitation.company,
                data={"invitation": invitation.pk, "user": user.pk},
            )
    return membership


# -- members ------------------------------------------------------------------


def member_remove(*, company: Company, actor: User, user: User | int) -> None:
    """Remove a member; never the company's last administrator."""
    _require_admin(company, actor)
    user_id = user if isinstance(user, int) else user.pk

    with transaction.atomic():
        # The company row is the lock: two administrators removing each other
        # at once must not leave the company without one.
        Company.objects.select_for_update().get(pk=company.pk)
        membership = (
            Membership.objects.filter(company=company, user_id=user_id)
            .select_related("user")
            .first()
        )
        if membership is None:
            raise NotFound(_("This person is not a member of the company."))
        if (
            membership.role == Membership.Role.ADMIN
            and not Membership.objects.filter(
                company=company, role=Membership.Role.ADMIN
            )
            .exclude(pk=membership.pk)
            .exists()
        ):
            raise TransitionNotAllowed(
                _(
                    "A company keeps at least one administrator: its last "
                    "administrator cannot be removed."
                ),
                code="last_admin",
            )

        audit_record(
            action="pme.member.removed",
            actor=actor,
            obj=company,
            data={"user": user_id, "role": membership.role},
        )
        membership.delete()
