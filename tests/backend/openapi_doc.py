"""The API's OpenAPI document as /api/schema/ serves it, built without a request (that view would need the
database), and the text each write operation takes, for the tests that are generated from it."""

import json

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

WRITE_METHODS = ("post", "put", "patch")


def openapi() -> dict:
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


def text_fields(document: dict, schema: dict, path: tuple = ()):
    """(path, shape) of each writable text in a request body's schema: "text", "list" (of text), "keys" (a map's
    keys: skill levels) or "json" (a JSON field the schema leaves without a type). Objects inside lists are walked
    with the index 0 in the path: ("items", "0", "description")."""
    schema = _resolved(document, schema)
    if schema.get("readOnly"):
        return
    alternatives = schema.get("oneOf", schema.get("anyOf", ()))
    if alternatives and all("properties" in _resolved(document, one) for one in alternatives):
        # a body of one of several shapes (a volunteer's change by a coordinator, or by the volunteer): every text
        # of each
        for one in alternatives:
            yield from text_fields(document, one, path)
        return
    kind = schema.get("type")
    if _is_text(schema):
        yield path, "text"
    elif kind == "array":
        items = _resolved(document, schema.get("items", {}))
        if "properties" in items:
            yield from text_fields(document, items, (*path, "0"))
        elif _is_text(items):
            yield path, "list"
    elif "properties" in schema:
        for name, inner in schema["properties"].items():
            yield from text_fields(document, inner, (*path, name))
    elif kind == "object" and "additionalProperties" in schema:
        yield path, "keys"  # a map (skill code -> level): its keys are text the client chooses
    elif kind is None and not {"enum", "oneOf", "anyOf"} & set(schema):
        yield path, "json"


def text_operations(document: dict):
    """(method, path, its JSON body's text fields) of every write operation that takes text."""
    for path, item in document["paths"].items():
        for method in WRITE_METHODS:
            body = item.get(method, {}).get("requestBody", {}).get("content", {}).get("application/json")
            fields = sorted(set(text_fields(document, body["schema"]))) if body else []
            if fields:
                yield method, path, fields


def _resolved(document: dict, schema: dict) -> dict:
    components = document["components"]["schemas"]
    while "$ref" in schema or len(schema.get("allOf", ())) == 1:
        schema = components[schema["$ref"].rsplit("/", 1)[1]] if "$ref" in schema else schema["allOf"][0]
    return schema


def _is_text(schema: dict) -> bool:
    """Free text: a string without choices, a format or a pattern (dates, times, slugs, decimals)."""
    return schema.get("type") == "string" and not {"enum", "format", "pattern"} & set(schema)
