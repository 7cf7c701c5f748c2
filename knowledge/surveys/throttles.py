"""The throttle on anonymous responses, shared by the API and the page.

Anyone may answer the barometer without an account; the throttle (per
address, ``NWOW["SURVEY_RESPONSE_RATE"]``, default 20 an hour) keeps one
client from flooding a wave. Signed-in respondents are not throttled: a
company answers once per wave anyway.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

DEFAULT_RATE = "20/hour"


class AnonymousResponseThrottle(SimpleRateThrottle):
    scope = "survey-response"

    def get_rate(self) -> str:
        return settings.NWOW.get("SURVEY_RESPONSE_RATE", DEFAULT_RATE)

    def get_cache_key(self, request, view) -> str | None:
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
        }


def anonymous_submission_wait(request) -> int | None:
    """None when the page's request may submit; else the seconds to wait."""
    throttle = AnonymousResponseThrottle()
    if throttle.allow_request(request, None):
        return None
    return int((throttle.wait() or 1) + 0.999)
