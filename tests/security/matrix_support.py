"""Calling one API operation as one persona, and telling what it changed."""

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.forms.models import model_to_dict
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from .bodies import body_for

# Which object of the world each path's {id} names, by the path's prefix
# (longest first).
ID_OBJECTS = {
    "/api/v1/accreditation/accreditations/": "accreditation",
    "/api/v1/accreditation/applications/": "application",
    "/api/v1/matching/engagements/": "engagement",
    "/api/v1/matching/requests/": "request",
    "/api/v1/pme/assessments/": "scan",
    "/api/v1/pme/companies/": "company",
    "/api/v1/training/assessments/": "assessment",
    "/api/v1/training/certifications/": "certification",
    "/api/v1/training/cpd-activities/": "cpd",
    "/api/v1/training/enrolments/": "enrolment",
    "/api/v1/training/programmes/": "programme",
    "/api/v1/training/sessions/": "session",
    "/api/v1/knowledge/case-studies/": "case_study",
    "/api/v1/knowledge/capsules/": "capsule",
    "/api/v1/knowledge/resources/": "resource",
    "/api/v1/knowledge/events/": "event",
    "/api/v1/knowledge/registrations/": "registration",
    "/api/v1/knowledge/club/applications/": "club_application",
    "/api/v1/knowledge/surveys/": "survey",
    "/api/v1/knowledge/survey-waves/": "wave",
}
# Operations whose object is named in the query string.
QUERIES = {
    "/api/v1/knowledge/recommendations/": lambda world: (
        f"?request={world['request'].pk}"
    ),
}


def target_of(path: str, world: dict):
    """The object the path acts on, if it names one."""
    for prefix, name in sorted(ID_OBJECTS.items(), key=lambda i: -len(i[0])):
        if path.startswith(prefix) and "{id}" in path:
            return world[name]
    if "{code}" in path:
        return world["accreditation"]
    return None


def concrete_path(path: str, world: dict) -> str:
    target = target_of(path, world)
    if target is not None:
        path = path.replace("{id}", str(target.pk))
    query = QUERIES.get(path, lambda world: "")(world)
    return (
        path.replace("{document_id}", str(world["document"].pk))
        .replace("{user_id}", str(world["colleague"].pk))
        .replace("{code}", str(world["accreditation"].verification_code))
    ) + query


def fingerprint(target) -> tuple:
    """Row counts of every table, and the target row itself."""
    counts = tuple(
        model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    )
    if target is None:
        return counts, None
    fresh = type(target)._default_manager.filter(pk=target.pk).first()
    return counts, (model_to_dict(fresh) if fresh is not None else None)


def client_for(user) -> APIClient:
    client = APIClient(raise_request_exception=False)
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def call(
    method: str, path: str, user, world: dict, people: dict, extra: dict | None = None
) -> tuple[int, bool]:
    """(status, whether the data changed); every change is rolled back."""
    result = call_full(method, path, user, world, people, extra)
    return result["status"], result["changed"]


def call_full(
    method: str, path: str, user, world: dict, people: dict, extra: dict | None = None
) -> dict:
    """Status, body, whether data changed and the target row after the call;
    every change is rolled back. ``extra`` is merged into the body."""
    client = client_for(user)
    target = target_of(path, world)
    url = concrete_path(path, world)
    if "{" in url:
        raise LookupError(f"No object of the world for {path}")
    outcome = {}
    with transaction.atomic():
        before = fingerprint(target)
        # Throttles count in the cache: each call starts afresh.
        cache.clear()
        send = getattr(client, method.lower())
        data, kind = body_for(method, path, world, people)
        if extra:
            if kind == "multipart":  # flat fields only in a form
                extra = {
                    k: v for k, v in extra.items() if not isinstance(v, dict | list)
                }
            data = {**(data or {}), **extra}
        if data is None:
            response = send(url, HTTP_ACCEPT_LANGUAGE="en")
        else:
            response = send(url, data, format=kind, HTTP_ACCEPT_LANGUAGE="en")
        outcome["status"] = response.status_code
        after = fingerprint(target)
        outcome["changed"] = after != before
        outcome["row"] = after[1]
        is_json = response.get("Content-Type", "").startswith("application/json")
        outcome["body"] = response.json() if is_json else None
        transaction.set_rollback(True)  # the next call starts from the same world
    return outcome
