"""The browser's session sign-in checks the CSRF token; a refusal is a 403 in the one error shape."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

CSRF_FAILED = {
    "message": "The CSRF token is missing or wrong; reload the page and try again.",
    "extra": {"code": "csrf_failed", "fields": {}},
}


def test_session_sign_in_without_the_csrf_token_is_a_403_in_the_error_shape(world):
    # given a browser-like client that enforces CSRF and never fetched the token
    client = Client(enforce_csrf_checks=True)
    # when it signs in with the right password
    response = client.post(
        "/api/auth/login/",
        {"username": "shequ", "password": "pw-12345678"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    # then it is refused in the error shape, and no session is opened
    assert response.status_code == 403
    assert response.json() == CSRF_FAILED
    assert client.get("/api/auth/me/").status_code == 401


def test_session_sign_in_with_a_wrong_csrf_token_is_refused_the_same_way(world):
    client = APIClient(enforce_csrf_checks=True)
    client.get("/api/auth/me/")  # sets the csrftoken cookie
    response = client.post(
        "/api/auth/login/",
        {"username": "shequ", "password": "pw-12345678"},
        format="json",
        HTTP_X_CSRFTOKEN="x" * 32,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert (response.status_code, response.json()) == (403, CSRF_FAILED)


def test_the_admin_keeps_djangos_own_csrf_page(world):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "admin", "password": "pw-12345678"})
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


def test_a_signed_in_browser_writing_without_the_csrf_token_gets_the_same_refusal(world):
    # given a coordinator's browser session (session cookie, no CSRF header)
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.users["community"])
    # when it files a need
    response = client.post("/api/needs/", {"title": "助老"}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    # then DRF's session check refuses it in the same words and code as the sign-in
    assert (response.status_code, response.json()) == (403, CSRF_FAILED)
