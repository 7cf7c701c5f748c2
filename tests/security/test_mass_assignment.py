"""Server-set fields (status, owner, decider, scores, ids…) cannot be written:
every POST and PATCH that someone may make gives the same result, and leaves
its object in the same state, whether or not the body also sends them."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from .matrix_support import call_full
from .test_permission_matrix import EXPECTED
from .world import PERSONAS, build_people, build_world

# Always sent, whatever the schema says: the fields an attacker tries first.
SENSITIVE = {
    "status": "approved",
    "consultant": 0,
    "created_by": 0,
    "decided_by": 0,
    "recommended_by": 0,
    "reviewed_by": 0,
    "owner": 0,
    "user": 0,
    "is_staff": True,
    "is_superuser": True,
    "is_active": False,
    "roles": ["admin"],
    "overall_score": 100,
    "level": 5,
    "dimension_scores": {"D1": 100},
    "verification_code": "FORGED-CODE",
    "valid_until": "2099-12-31",
}
# Keys whose values legitimately differ between two identical calls.
VOLATILE = {"id", "token", "code", "verification_code", "queue_number"}


def _schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _properties(schema: dict, operation: dict, *, request: bool) -> dict:
    components = schema["components"]["schemas"]
    if request:
        contents = operation.get("requestBody", {}).get("content", {}).values()
    else:
        contents = [
            content
            for code, answer in operation["responses"].items()
            if code.startswith("2")
            for content in answer.get("content", {}).values()
        ]
    for content in contents:
        ref = content.get("schema", {}).get("$ref", "")
        return components.get(ref.rsplit("/", 1)[-1], {}).get("properties", {})
    return {}


def _hostile(properties: dict, writable: dict, other_pk: int) -> dict:
    values = {}
    for name, spec in properties.items():
        if name in writable or name == "id":
            continue
        kind = spec.get("type")
        values[name] = {
            "integer": other_pk,
            "number": 99.5,
            "boolean": True,
            "array": [],
            "object": {},
        }.get(kind, "forged-value")
    for name, value in SENSITIVE.items():
        if name not in writable:
            values.setdefault(name, other_pk if value == 0 else value)
    return values


def _stable(value):
    if hasattr(value, "storage") and hasattr(value, "name"):
        return bool(value)  # a file: stored under a name of the storage's own
    if isinstance(value, dict):
        return {
            key: _stable(item)
            for key, item in value.items()
            if key not in VOLATILE
            and not key.endswith(("_at", "_url", "_id"))
            and key != "url"
        }
    if isinstance(value, list):
        return [_stable(item) for item in value]
    return value


def _writes():
    for (method, path), codes in sorted(EXPECTED.items()):
        if method not in {"POST", "PATCH", "PUT"}:
            continue
        allowed = [p for p, c in zip(PERSONAS, codes, strict=True) if 200 <= c < 300]
        if allowed and allowed[0] != "anonymous":
            yield method, path, allowed[0]


@pytest.mark.parametrize(("method", "path", "persona"), list(_writes()))
def test_it_ignores_server_set_fields_in_the_body(db, method, path, persona):
    schema = _schema()
    operation = schema["paths"][path][method.lower()]
    writable = _properties(schema, operation, request=True)
    returned = _properties(schema, operation, request=False)
    people = build_people()
    world = build_world(people)
    hostile = _hostile(returned, writable, people["other_consultant"].pk)

    plain = call_full(method, path, people[persona], world, people)
    forged = call_full(method, path, people[persona], world, people, extra=hostile)

    if forged["status"] == 400:
        assert not forged["changed"]  # refusing unknown fields is safe too
        return
    assert forged["status"] == plain["status"]
    assert _stable(forged["body"]) == _stable(plain["body"])
    assert _stable(forged["row"]) == _stable(plain["row"])
