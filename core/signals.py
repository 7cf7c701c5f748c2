"""Audit receivers for account events that happen outside our services."""

from allauth.account.signals import (
    email_confirmed,
    password_changed,
    password_reset,
)
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.dispatch import receiver

from .audit import audit_record


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    audit_record(action="core.user.logged_in", actor=user, obj=user, request=request)


@receiver(user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(
            action="core.user.logged_out", actor=user, obj=user, request=request
        )


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    # The password is never stored; the address tried helps spot an attack.
    email = credentials.get("email") or credentials.get("username") or ""
    audit_record(
        action="core.user.login_failed",
        data={"email": str(email)[:254]},
        request=request,
    )


@receiver(password_changed)
def audit_password_changed(sender, request, user, **kwargs):
    audit_record(
        action="core.user.password_changed", actor=user, obj=user, request=request
    )


@receiver(password_reset)
def audit_password_reset(sender, request, user, **kwargs):
    audit_record(
        action="core.user.password_reset", actor=user, obj=user, request=request
    )


@receiver(email_confirmed)
def audit_email_confirmed(sender, request, email_address, **kwargs):
    user = email_address.user
    audit_record(
        action="core.user.email_confirmed", actor=user, obj=user, request=request
    )
