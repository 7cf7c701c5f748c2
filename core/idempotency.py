"""``Idempotency-Key`` on API writes: a retried write is answered, not redone.

A client sends ``Idempotency-Key: <any unique string>`` with a POST, PUT,
PATCH or DELETE under ``/api/``. The first request with that key runs and its
answer is kept for ``IDEMPOTENCY_TTL_HOURS``; the same request again gets that
answer back (with ``Idempotent-Replayed: true``) and nothing runs twice. While
the first is still running, a copy gets 409 with ``Retry-After``; the same key
with another method, path or body gets 422. Server errors are not kept, so a
retry after a 5xx runs again.

The record is inserted and committed before the view runs: under concurrent
copies the unique constraint on (scope, key) lets exactly one through. Keys
are scoped by the signed-in user (found from the token or the session), so two
users' keys never meet; a visitor's writes are not keyed.
"""

import datetime
import hashlib

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from .models import IdempotencyRecord

HEADER = "HTTP_IDEMPOTENCY_KEY"
WRITES = {"POST", "PUT", "PATCH", "DELETE"}
MAX_KEPT_BYTES = 1_000_000


def _caller(request: HttpRequest) -> int | None:
    """The signed-in user's id, from the API token or the session; None for a
    visitor or wrong credentials (the view then answers 401 itself)."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header:
        scheme, _space, key = header.partition(" ")
        if scheme.lower() != "token" or not key.strip():
            return None
        return (
            Token.objects.filter(key=key.strip(), user__is_active=True)
            .values_list("user_id", flat=True)
            .first()
        )
    session = getattr(request, "session", None)
    user_id = session.get(SESSION_KEY) if session is not None else None
    return int(user_id) if user_id else None


def _routes(request: HttpRequest) -> bool:
    """Whether a view serves this path with this method."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    actions = getattr(match.func, "actions", None)  # a DRF viewset's routes
    if actions is not None:
        return request.method.lower() in actions
    view_class = getattr(match.func, "cls", None) or getattr(
        match.func, "view_class", None
    )
    if view_class is not None:
        return hasattr(view_class, request.method.lower())
    return True


def _scope(user_id: int) -> str:
    return hashlib.sha256(f"idempotency:user:{user_id}".encode()).hexdigest()


def _fingerprint(request: HttpRequest) -> str:
    digest = hashlib.sha256(f"{request.method} {request.get_full_path()}\n".encode())
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        digest.update(request.body)
    else:
        # A large upload is not read into memory here: its size and type
        # stand for it (the view streams it to disk).
        digest.update(f"{length} {request.META.get('CONTENT_TYPE', '')}".encode())
    return digest.hexdigest()


def _error(code: str, detail: str, status: int) -> JsonResponse:
    return JsonResponse({"code": code, "detail": detail}, status=status)


def _replay(record: IdempotencyRecord) -> HttpResponse:
    response = HttpResponse(
        record.body, status=record.status_code, content_type=record.content_type
    )
    response["Idempotent-Replayed"] = "true"
    return response


def prune_expired(now: datetime.datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - datetime.timedelta(
        hours=settings.IDEMPOTENCY_TTL_HOURS
    )
    deleted, _rows = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted


class IdempotencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.META.get(HEADER)
        if key is None or request.method not in WRITES:
            return self.get_response(request)
        if not request.path.startswith("/api/") or not _routes(request):
            # A path or method the API does not serve answers 404 or 405 as
            # it would without the header, not a verdict about the key.
            return self.get_response(request)
        user_id = _caller(request)
        if user_id is None:
            # Visitors' writes (sign-up, token) and wrong credentials have no
            # caller to scope a key to: two strangers' keys must never meet.
            return self.get_response(request)
        if not (0 < len(key) <= 255 and key.isascii() and key.isprintable()):
            return _error(
                "invalid_idempotency_key",
                _("Idempotency-Key must be 1 to 255 printable ASCII characters."),
                400,
            )

        scope, fingerprint = _scope(user_id), _fingerprint(request)
        record = self._claim(scope, key, fingerprint)
        if not isinstance(record, IdempotencyRecord):
            return record  # an answer about an earlier request with this key

        response = self.get_response(request)
        if response.status_code >= 500 or response.streaming:
            record.delete()  # a retry must run again
            return response
        content = response.content
        if len(content) > MAX_KEPT_BYTES:
            record.delete()
            return response
        record.state = IdempotencyRecord.State.DONE
        record.status_code = response.status_code
        record.content_type = response.get("Content-Type", "")
        record.body = content.decode(response.charset or "utf-8", errors="replace")
        record.save(update_fields=["state", "status_code", "content_type", "body"])
        return response

    def _claim(self, scope: str, key: str, fingerprint: str):
        """The new record to fill, or the answer to give instead of running."""
        for _attempt in range(2):
            try:
                with transaction.atomic():
                    return IdempotencyRecord.objects.create(
                        scope=scope, key=key, fingerprint=fingerprint
                    )
            except IntegrityError:
                existing = IdempotencyRecord.objects.filter(
                    scope=scope, key=key
                ).first()
            if existing is None:
                continue  # finished with a 5xx and removed meanwhile
            expired = existing.created_at < timezone.now() - datetime.timedelta(
                hours=settings.IDEMPOTENCY_TTL_HOURS
            )
            if expired:
                existing.delete()
                continue
            if existing.fingerprint != fingerprint:
                return _error(
                    "idempotency_key_reused",
                    _("This Idempotency-Key was used for another request."),
                    422,
                )
            if existing.state == IdempotencyRecord.State.RUNNING:
                response = _error(
                    "idempotency_in_progress",
                    _("The same request is still being processed."),
                    409,
                )
                response["Retry-After"] = "1"
                return response
            return _replay(existing)
        return _error(
            "idempotency_in_progress",
            _("The same request is still being processed."),
            409,
        )
