"""Language selection: the user's stored language, then the browser's."""

from django.conf import settings
from django.utils import translation


class UserLanguageMiddleware:
    """Activate the signed-in user's preferred language.

    LocaleMiddleware has already chosen from the language cookie or
    Accept-Language. For a signed-in user the stored preference wins on pages;
    on the API an explicit Accept-Language header wins, because partner
    systems ask for the language of each response.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            is_api = request.path.startswith("/api/")
            if not (is_api and "HTTP_ACCEPT_LANGUAGE" in request.META):
                language = user.language
                if language in self.languages:
                    translation.activate(language)
                    request.LANGUAGE_CODE = language
        return self.get_response(request)
