"""The OpenAPI schema documents every 4xx an operation can answer, in the one error shape of core.errors, and the
times of day as the API writes them.

drf-spectacular postprocessing hooks: the refusals that core.errors and DRF raise for every view alike
(bad input, not signed in, not allowed, not found, conflicts held by the database, throttling) are added
here once, instead of in each view's extend_schema; a view's own description of a status is kept.
"""

ERROR_COMPONENT = "Error"
WRITE_METHODS = {"post", "put", "patch", "delete"}
METHODS = WRITE_METHODS | {"get", "head", "options", "trace"}

ERROR_SCHEMA = {
    "type": "object",
    "description": 'Every API failure: `{"message", "extra": {"code", "fields"}}`.',
    "properties": {
        "message": {"type": "string", "description": "For people; translated."},
        "extra": {
            "type": "object",
            "properties": {
                "code": {"type": "string", "description": "For programs: invalid, not_found, conflict, …"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {},
                    "description": "Field name → messages, for input errors; empty otherwise.",
                },
            },
            "required": ["code", "fields"],
        },
    },
    "required": ["message", "extra"],
}

DESCRIPTIONS = {
    "400": "Input refused; `extra.fields` names the fields.",
    "401": "Not signed in, or the token is not valid.",
    "403": "The caller's role may not do this (or the CSRF check failed for a browser session).",
    "404": "No such object in the caller's scope (or no such page of results).",
    "409": "Conflicts with stored data: still in use, or changed by someone else meanwhile.",
    "415": "The request body's Content-Type is not one this operation reads.",
    "429": "Too many requests; retry after the time in Retry-After.",
}


def _is_anonymous_only(operation: dict) -> bool:
    """An operation that authenticates nobody (login, token, calendar feed): no 401 is possible."""
    return operation.get("security") == [{}]


def _statuses(path: str, method: str, operation: dict) -> list[str]:
    parameters = operation.get("parameters", [])
    query = {p["name"] for p in parameters if p.get("in") == "query"}
    in_path = any(p.get("in") == "path" for p in parameters) or "{" in path
    statuses = ["403", "429"]
    if not _is_anonymous_only(operation):
        statuses.append("401")
    if "requestBody" in operation or query:
        statuses.append("400")
    if "requestBody" in operation:
        statuses.append("415")
    if in_path or "page" in query:  # DRF's pagination answers 404 for a page past the end
        statuses.append("404")
    if method in WRITE_METHODS:  # core.errors: ProtectedError and IntegrityError are 409s for every view
        statuses.append("409")
    return statuses


def error_responses(result, generator, request, public):
    """Postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR_COMPONENT] = ERROR_SCHEMA
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}}}
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for status in _statuses(path, method, operation):
                responses.setdefault(status, {"description": DESCRIPTIONS[status]})
            for status, response in responses.items():
                if status.startswith("4") and "content" not in response:
                    response["content"] = content
            operation["responses"] = dict(sorted(responses.items()))
    return result


# A time of day as DRF's TimeField writes it: the district's wall-clock time, no offset ("09:00:00").
LOCAL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$"


def local_times(result, generator, request, public):
    """Postprocessing hook: drf-spectacular gives a TimeField the format "time", which JSON Schema defines as RFC
    3339's full-time, with an offset ("09:00:00+08:00"); the API's times have none, so they are described by a
    pattern instead (found by Schemathesis's coverage phase, whose answers failed the format)."""
    _local_times(result)
    return result


def _local_times(node) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "time":
            del node["format"]
            node["pattern"] = LOCAL_TIME_PATTERN
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)
