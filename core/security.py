"""Session lifetime, token revocation and caching rules for personal data.

- A session ends after ``SESSION_IDLE_TIMEOUT`` seconds without a request and,
  whatever the activity, ``SESSION_ABSOLUTE_TIMEOUT`` seconds after login: a
  stolen or forgotten session cannot live for ever.
- Changing a password or deactivating an account deletes the user's API
  tokens. Sessions need no such step: Django ends the other sessions of a user
  whose password hash changed, and refuses inactive users on every request.
- Every response to a signed-in user, and every API response, may hold
  personal data: browsers and proxies must not store it.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import resolve_url
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from .models import User

LOGIN_AT = "_nwow_login_at"
SEEN_AT = "_nwow_seen_at"
# Writing the session on every request would cost a database write per page;
# the idle clock moves at most once a minute.
_SEEN_RESOLUTION = 60


def _session_expired(request: HttpRequest, now: float) -> bool:
    session = request.session
    login_at = session.get(LOGIN_AT)
    seen_at = session.get(SEEN_AT)
    if login_at is None:
        # A session from before this middleware: start its clocks now.
        session[LOGIN_AT] = session[SEEN_AT] = now
        return False
    if now - login_at > settings.SESSION_ABSOLUTE_TIMEOUT:
        return True
    return seen_at is not None and now - seen_at > settings.SESSION_IDLE_TIMEOUT


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.session.session_key:
            now = time.time()
            if _session_expired(request, now):
                logout(request)
                return self._expired(request)
            if now - request.session.get(SEEN_AT, 0) >= _SEEN_RESOLUTION:
                request.session[SEEN_AT] = now
        return self.get_response(request)

    def _expired(self, request: HttpRequest) -> HttpResponse:
        detail = _("Your session has expired. Please sign in again.")
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"code": "session_expired", "detail": detail}, status=401
            )
        messages.info(request, detail)
        return redirect_to_login(
            request.get_full_path(), resolve_url(settings.LOGIN_URL)
        )


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on anything that may hold personal data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or request.path.startswith("/api/"):
            if "no-store" not in response.get("Cache-Control", ""):
                add_never_cache_headers(response)
        return response


@receiver(user_logged_in)
def start_session_clocks(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now


@receiver(pre_save, sender=User)
def revoke_tokens_on_credential_change(sender, instance: User, **kwargs) -> None:
    if instance.pk is None or kwargs.get("raw"):
        return
    before = User.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before is None:
        return
    password_changed = before["password"] != instance.password
    deactivated = before["is_active"] and not instance.is_active
    if password_changed or deactivated:
        from rest_framework.authtoken.models import Token

        Token.objects.filter(user_id=instance.pk).delete()
