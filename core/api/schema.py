"""What every operation of the OpenAPI schema has in common: the error answers
of api.md in the one error shape, and the optional Idempotency-Key of writes.

Declared once here (a drf-spectacular post-processing hook) rather than on each
view, so that no operation can forget them and clients — and schemathesis —
know every status the API may give.
"""

ERROR = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "description": "Stable, for machines."},
        "detail": {"type": "string", "description": "In the request's language."},
        "fields": {
            "type": "object",
            "description": "Messages per field; only for invalid input.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["code", "detail"],
}
RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "integer"},
        "description": "Seconds to wait before trying again.",
    }
}
ANSWERS = {
    "400": "Invalid input; `fields` says what to correct.",
    "401": "Not authenticated.",
    "403": "Not allowed for your role.",
    "404": "Unknown, or not yours to see.",
    "429": "Too many requests.",
    "503": "Briefly unavailable (the database restarts); retry after the delay.",
}
WRITE_ANSWERS = {
    "409": "Not possible in the object's current state, or a copy is running.",
    "413": "Upload too large.",
    "422": "This Idempotency-Key was used for another request.",
}
IDEMPOTENCY_KEY = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
    "description": (
        "Any unique string: a retry with the same key gets the first answer "
        "again instead of writing twice."
    ),
}
WRITES = {"post", "put", "patch", "delete"}
METHODS = WRITES | {"get", "head", "options"}


def add_common_answers(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            answers = dict(ANSWERS)
            if method in WRITES:
                answers |= WRITE_ANSWERS
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("name") == "Idempotency-Key" for p in parameters):
                    parameters.append(IDEMPOTENCY_KEY)
            responses = operation.setdefault("responses", {})
            for code, description in answers.items():
                answer = {"description": description, "content": error}
                if code in {"409", "429", "503"}:
                    answer["headers"] = RETRY_AFTER
                responses.setdefault(code, answer)
    return result
