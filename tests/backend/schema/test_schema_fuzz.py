"""Schemathesis against the project's own OpenAPI schema: every operation, signed in as each role.

No request may answer a 5xx, and every answer must be documented (status code, content type and body).
The schema and docs endpoints themselves are left out: they describe the API rather than being part of it,
and the schema view is what the whole test is generated from.
"""
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis import checks
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup

from config.wsgi import application
from conftest import ROLES
from openapi_doc import openapi

# The coverage phase (every boundary value of every field, on top of max_examples) is left to a manual
# `schemathesis run`: here it would take most of an hour on two cores.
CONFIG = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_dict(openapi(), config=CONFIG).exclude(path_regex=r"^/api/(schema|docs)/")
schema.app = application

pytestmark = pytest.mark.django_db

# What the answer must be, whatever was sent. Left out: negative_data_rejection (DRF ignores a malformed
# page_size or unknown filter value by design), positive_data_acceptance (random ids are mostly 404s), and
# the checks that re-send requests (ignored_auth, unsupported_method …): the role matrix covers who gets in.
CHECKS = [
    checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
    checks.response_headers_conformance, checks.response_schema_conformance,
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
    tokens = {role: Token.objects.create(user=user).key for role, user in world.users.items()}

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
    max_examples=8, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
def test_every_operation_answers_as_documented(case, headers_of):
    # Each generated request is sent as every role, so that generation is paid once per request.
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
