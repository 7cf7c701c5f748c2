"""Writes on users and roles. Every change here leaves an audit row."""

import logging

from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from .audit import audit_record
from .errors import DomainError
from .models import User
from .roles import SELF_SERVICE_ROLES, Role

logger = logging.getLogger(__name__)


def _email_taken(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def user_register(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    role: str,
    language: str = "fr",
    request: HttpRequest | None = None,
) -> User:
    """Create a consultant or company account (the only self-service roles)."""
    if role not in SELF_SERVICE_ROLES:
        raise DomainError(
            _("Only the consultant and company roles can be chosen at sign-up."),
            code="role_not_self_service",
            fields={"role": [_("Choose consultant or pme.")]},
        )
    email = User.objects.normalize_email(email).lower()
    if _email_taken(email):
        raise DomainError(
            _("An account already exists with this e-mail address."),
            code="email_taken",
            fields={
                "email": [_("An account already exists with this e-mail address.")]
            },
        )
    user = User(email=email, first_name=first_name, last_name=last_name)
    user.language = language
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise DomainError(
            _("The password is not strong enough."),
            code="password_too_weak",
            fields={"password": list(error.messages)},
        ) from error

    with transaction.atomic():
        user.set_password(password)
        try:
            user.save()
        except IntegrityError as error:  # two sign-ups with one address at once
            raise DomainError(
                _("An account already exists with this e-mail address."),
                code="email_taken",
            ) from error
        user.groups.add(Group.objects.get(name=role))
        EmailAddress.objects.create(user=user, email=email, primary=True)
        audit_record(
            action="core.user.registered",
            actor=user,
            obj=user,
            data={"role": role, "channel": "api" if request is None else "web"},
            request=request,
        )
    logger.info("User %s registered as %s", user.pk, role)
    return user


def user_grant_role(*, user: User, role: str, actor: User | None = None) -> User:
    """Give ``role`` to ``user``; the admin and editor roles also open the admin
    site (editors publish the knowledge base there)."""
    role = Role(role)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.groups.add(Group.objects.get(name=role.value))
        if role in {Role.ADMIN, Role.EDITOR} and not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        audit_record(
            action="core.user.role_granted",
            actor=actor,
            obj=user,
            data={"role": role.value},
        )
    return user


def user_update_profile(
    *,
    user: User,
    first_name: str | None = None,
    last_name: str | None = None,
    language: str | None = None,
) -> User:
    """Change a user's name or preferred language (history kept by simple-history)."""
    changes = {
        name: value
        for name, value in {
            "first_name": first_name,
            "last_name": last_name,
            "language": language,
        }.items()
        if value is not None and getattr(user, name) != value
    }
    if changes:
        for name, value in changes.items():
            setattr(user, name, value)
        user.save(update_fields=list(changes))
    return user


def user_send_verification(*, user: User, request: HttpRequest) -> None:
    """Send the e-mail confirmation link, unless verification is switched off."""
    from django.conf import settings

    if settings.ACCOUNT_EMAIL_VERIFICATION == "none":
        return
    address = EmailAddress.objects.get_primary(user)
    if address is not None and not address.verified:
        address.send_confirmation(request, signup=True)


def email_is_verified(user: User) -> bool:
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def token_obtain(*, email: str, password: str, request: HttpRequest) -> Token:
    """Exchange credentials for the user's API token (created on first use)."""
    from django.conf import settings

    user = authenticate(request, email=email, password=password)
    if user is None:
        raise DomainError(
            _("Unable to log in with these credentials."),
            code="invalid_credentials",
        )
    if settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory" and not email_is_verified(
        user
    ):
        raise DomainError(
            _("Confirm your e-mail address first: follow the link we sent you."),
            code="email_not_verified",
        )
    token, created = Token.objects.get_or_create(user=user)
    if created:
        audit_record(
            action="core.user.token_created", actor=user, obj=user, request=request
        )
    return token
