"""One error shape for the whole API: ``{"code", "detail", "fields"?}``.

``detail`` is translated into the request's language; ``code`` is stable;
``fields`` maps field names to their messages and appears only for validation
errors. Every exception a view can raise goes through ``exception_handler``.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed as FSMTransitionNotAllowed
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import DomainError, NotAllowed

logger = logging.getLogger(__name__)

NON_FIELD_KEY = "non_field_errors"


def _flatten(errors, prefix="") -> dict[str, list[str]]:
    """Turn DRF's nested error structure into ``{"a.b": ["message"]}``."""
    flat: dict[str, list[str]] = {}
    if isinstance(errors, dict):
        for key, value in errors.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            flat.update(_flatten(value, name))
    elif isinstance(errors, list):
        if all(not isinstance(item, (dict, list)) for item in errors):
            flat[prefix or NON_FIELD_KEY] = [str(item) for item in errors]
        else:
            for index, item in enumerate(errors):
                name = f"{prefix}.{index}" if prefix else str(index)
                flat.update(_flatten(item, name))
    else:
        flat[prefix or NON_FIELD_KEY] = [str(errors)]
    return flat


def _first_code(errors) -> str | None:
    if isinstance(errors, dict):
        for value in errors.values():
            if code := _first_code(value):
                return code
    elif isinstance(errors, list):
        for item in errors:
            if code := _first_code(item):
                return code
    else:
        return getattr(errors, "code", None)
    return None


def _validation_body(detail) -> dict:
    fields = _flatten(detail)
    non_field = fields.get(NON_FIELD_KEY)
    body = {
        "code": "invalid",
        "detail": non_field[0] if non_field else _("Some fields are invalid."),
        "fields": fields,
    }
    # A single domain-specific code (e.g. "enterprise_number_checksum") is more
    # useful to a client than the generic one.
    specific = _first_code(detail)
    if specific and specific not in {"invalid", "required", "blank", "null"}:
        body["code"] = specific
    return body


def _is_anonymous(context) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def exception_handler(exc, context):
    # A role check of ours refusing someone who has not signed in: the answer
    # is "sign in" (401), as DRF's permission classes give it. DRF's own 403s
    # (a failed CSRF check) stay as they are.
    refused = isinstance(exc, NotAllowed | PermissionDenied)
    if refused and _is_anonymous(context):
        exc = exceptions.NotAuthenticated()

    if isinstance(exc, DomainError):
        body = {"code": exc.code, "detail": str(exc.detail)}
        if exc.fields:
            body["fields"] = {k: [str(m) for m in v] for k, v in exc.fields.items()}
        return Response(body, status=exc.status_code)

    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, FSMTransitionNotAllowed):
        return Response(
            {
                "code": "transition_not_allowed",
                "detail": _("This action is not allowed in the current state."),
            },
            status=status.HTTP_409_CONFLICT,
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's 500 handling and logging

    if isinstance(exc, exceptions.ValidationError):
        response.data = _validation_body(exc.detail)
    elif isinstance(exc, exceptions.Throttled):
        response.data = {
            "code": "throttled",
            "detail": _("Too many requests. Try again in %(seconds)s seconds.")
            % {"seconds": exc.wait and int(exc.wait + 0.999) or 1},
        }
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else exc
        code = detail.code if hasattr(detail, "code") else exc.default_code
        response.data = {"code": code, "detail": str(detail)}
    return response
