"""Schemathesis against the project's own OpenAPI schema, signed in as each role: every operation fuzzed, and the
coverage phase on the operations whose text ends up in a spreadsheet.

No request may answer a 5xx, and every answer must be documented (status code, content type and body).
The schema and docs endpoints themselves are left out: they describe the API rather than being part of it,
and the schema view is what the whole test is generated from.
"""

import copy

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup

from accounts.services import api_token_create
from config.wsgi import application
from conftest import ROLES
from endpoints import operation_call
from openapi_doc import openapi, text_operations
from stored_text import poison_all_stored_text

DOCUMENT = openapi()
# The coverage phase (every boundary value of every field, on top of max_examples) over the whole API is left to a
# manual `schemathesis run`: here it would take most of an hour on two cores. It runs below on fewer operations.
CONFIG = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG).exclude(path_regex=r"^/api/(schema|docs)/")
schema.app = application

# The coverage phase alone, on what writes text and on every export: each field's boundary values (empty, shortest,
# longest, each choice) and each export's formats, positive cases only (wrong types and missing fields are the
# fuzzing's), JSON bodies only (the form parsers refuse text alike: test_text_refused), on an object in the role's
# scope, against stored text that starts like a formula and ends with control characters, as it may have been
# stored before the API refused it. No unexpected methods: the permission matrix covers the 405s.
EXPORTS = [
    "GET /api/volunteers/export/",
    "GET /api/resources/export/",
    "GET /api/evaluations/export/",
    "POST /api/exports/",
    "GET /api/exports/{job_id}/download/",
    "POST /api/feedback-reports/write/",
    "GET /api/feedback-reports/{report_id}/xlsx/",
    "GET /api/feedback-reports/{report_id}/pdf/",
]
TEXT_AND_EXPORTS = sorted({f"{method.upper()} {path}" for method, path, _ in text_operations(DOCUMENT)} | {*EXPORTS})
COVERAGE = SchemathesisConfig.from_dict(
    {
        "phases": {
            "examples": {"enabled": False},
            "fuzzing": {"enabled": False},
            "stateful": {"enabled": False},
            "coverage": {"enabled": True, "unexpected-methods": [], "generation": {"mode": "positive"}},
        }
    }
)


def _json_bodies_only(document: dict) -> dict:
    """The document with JSON request bodies only. A body that is one of several serializers (a volunteer's PATCH:
    the coordinator's or the volunteer's own) is read as any of them: every field of a PATCH is optional, so a
    body of shared fields matches both, and under `oneOf` the coverage phase finds no positive case at all."""
    document, bodies = copy.deepcopy(document), set()
    for item in document["paths"].values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
            if "application/json" in content:
                operation["requestBody"]["content"] = {"application/json": content["application/json"]}
                bodies.add(content["application/json"]["schema"].get("$ref", "").rpartition("/")[2])
    for name in bodies & set(document["components"]["schemas"]):
        body = document["components"]["schemas"][name]
        if "oneOf" in body:
            body["anyOf"] = body.pop("oneOf")
    return document


coverage_schema = schemathesis.openapi.from_dict(_json_bodies_only(DOCUMENT), config=COVERAGE).include(
    name=TEXT_AND_EXPORTS
)
coverage_schema.app = application

pytestmark = pytest.mark.django_db

# What the answer must be, whatever was sent. Left out: negative_data_rejection (DRF ignores a malformed
# page_size or unknown filter value by design), positive_data_acceptance (random ids are mostly 404s), and
# the checks that re-send requests (ignored_auth, unsupported_method …): the role matrix covers who gets in.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """A WSGI request closes the database connection when it finishes; the test's transaction lives on it
    (Django's own test client detaches the same handlers)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def headers_of(world):
    """headers_of(role) -> the request headers of that role: a token, or none for anonymous."""
    tokens = {role: api_token_create(user=user) for role, user in world.users.items()}

    def make(role: str) -> dict:
        return {} if role == "anonymous" else {"Authorization": f"Token {tokens[role]}"}

    return make


def _routed(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


@schema.parametrize()
@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
def test_every_operation_answers_as_documented(case, headers_of):
    _answers_as_documented(case, headers_of)


def _answers_as_documented(case, headers_of) -> None:
    """The case sent as every role, so that generation is paid once per request."""
    for role in ROLES:
        if not _routed(case.formatted_path):
            # A path parameter the URL pattern does not match (an id "1.5"): Django's resolver answers before
            # any API view; config/urls.py answers in the one error shape (core.errors.page_not_found).
            response = case.call(headers=headers_of(role))
            assert (response.status_code, response.json()["extra"]["code"]) == (404, "not_found")
            continue
        try:
            case.call_and_validate(headers=headers_of(role), checks=CHECKS)
        except (AssertionError, FailureGroup) as failure:
            failure.add_note(f"signed in as: {role}")
            raise


@pytest.fixture
def stored_text(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    poison_all_stored_text()


@pytest.fixture
def in_scope(world):
    """in_scope(case) -> path parameters that name an object in scope (made once per operation), so that a write
    reaches its serializer instead of a 404."""
    made = {}

    def parameters(case) -> dict:
        key = (case.method.lower(), case.path)
        if key not in made:
            made[key] = operation_call(world, *key)[1]
        return made[key]

    return parameters


def test_the_coverage_operations_are_in_the_schema():
    labels = {f"{method.upper()} {path}" for path, item in DOCUMENT["paths"].items() for method in item}
    assert set(EXPORTS) <= labels and len(TEXT_AND_EXPORTS) > len(EXPORTS)
    assert len(list(coverage_schema.get_all_operations())) == len(TEXT_AND_EXPORTS)


@coverage_schema.parametrize()
@settings(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_text_and_exports_answer_as_documented_under_coverage(case, headers_of, stored_text, in_scope):
    if case.path_parameters:
        case.path_parameters = {**case.path_parameters, **in_scope(case)}
    _answers_as_documented(case, headers_of)
