"""Error pages, and their JSON counterparts under ``/api/``.

Django calls these handlers (``config/urls.py``) with ``DEBUG`` off. API paths
get the one error shape of the API (``{"code", "detail"}``), pages a
translated page in the site's layout.

A database that is down or restarting surfaces as ``OperationalError`` or
``InterfaceError`` wherever it is touched, in a view or in a middleware (the
session, the user). Django turns any such exception into a call of
``server_error`` while the exception is being handled, so that handler tells a
database outage apart and answers 503 with ``Retry-After``: the client may
retry, the request wrote nothing (every service runs in a transaction), and the
next request reconnects by itself (``CONN_HEALTH_CHECKS``). The 500 and 503
pages are rendered without the request: its context processors would query the
database again.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

DATABASE_ERRORS = (OperationalError, InterfaceError)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _api_error(code: str, detail: str, status: int) -> JsonResponse:
    return JsonResponse({"code": code, "detail": detail}, status=status)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    if _is_api(request):
        return _api_error("bad_request", _("The request is malformed."), 400)
    return render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    if _is_api(request):
        detail = _("You do not have permission to perform this action.")
        return _api_error("permission_denied", detail, 403)
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if _is_api(request):
        return _api_error("not_found", _("Not found."), 404)
    return render(request, "errors/404.html", status=404)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    retry_after = str(settings.DATABASE_RETRY_AFTER_SECONDS)
    if _is_api(request):
        detail = _(
            "The service is briefly unavailable. Please retry in %(seconds)s seconds."
        ) % {"seconds": retry_after}
        response = _api_error("service_unavailable", detail, 503)
    else:
        html = render_to_string("errors/503.html", {"retry_after": retry_after})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = retry_after
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return service_unavailable(request)
    if _is_api(request):
        detail = _("An unexpected error occurred. It has been recorded; please retry.")
        return _api_error("server_error", detail, 500)
    return HttpResponse(render_to_string("errors/500.html"), status=500)
