from django.utils import translation
from rest_framework import authentication


class TokenAuthentication(authentication.TokenAuthentication):
    """Token auth that also applies the user's language when none is asked for.

    Token users are only known once DRF authenticates them, after the language
    middleware has run; an explicit Accept-Language header still wins.
    """

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        request = getattr(self, "_request", None)
        if request is None or "HTTP_ACCEPT_LANGUAGE" not in request.META:
            translation.activate(user.language)
        return user, token

    def authenticate(self, request):
        self._request = request
        return super().authenticate(request)
