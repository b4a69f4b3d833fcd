"""Sign-in: session login enforces CSRF, scripts use tokens, anonymous calls get 401 in the error shape."""
import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_anonymous_call_is_401_in_the_error_shape(world):
    response = APIClient().get("/api/shifts/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json() == {
        "message": "Authentication credentials were not provided.",
        "extra": {"code": "not_authenticated", "fields": {}},
    }


def test_login_without_csrf_token_is_refused(world):
    client = APIClient(enforce_csrf_checks=True)
    response = client.post("/api/auth/login/", {"username": "shequ", "password": "pw-12345678"}, format="json",
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert response.json() == {
        "message": "The CSRF token is missing or wrong; reload the page and try again.",
        "extra": {"code": "csrf_failed", "fields": {}},
    }


def test_login_with_csrf_token_opens_a_session(world):
    # given the CSRF cookie the app receives from "who am I"
    client = APIClient(enforce_csrf_checks=True)
    assert client.get("/api/auth/me/").status_code == 401
    token = client.cookies["csrftoken"].value
    # when it signs in with the token
    response = client.post(
        "/api/auth/login/", {"username": "shequ", "password": "pw-12345678"}, format="json", HTTP_X_CSRFTOKEN=token
    )
    # then the session is the coordinator's
    assert response.status_code == 200
    assert response.json()["role"] == "community_coordinator"
    assert response.json()["community"] == world.a1.pk
    assert client.get("/api/auth/me/").json()["username"] == "shequ"


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(world):
    client = APIClient()
    response = client.post("/api/auth/login/", {"username": "shequ", "password": "nope"}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"message": "Wrong username or password.", "extra": {"code": "wrong_credentials", "fields": {}}}


def test_token_for_scripts(world):
    token = APIClient().post("/api/auth/token/", {"username": "jiedao", "password": "pw-12345678"}, format="json").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/communities/", {"sub_district": world.s1.pk})
    assert response.status_code == 200
    assert {row["name"] for row in response.json()["results"]} == {"秦江社区", "百花社区"}


def test_logout_ends_the_session(world):
    client = APIClient()
    client.login(username="shequ", password="pw-12345678")
    assert client.post("/api/auth/logout/").status_code == 204
    assert client.get("/api/auth/me/").status_code == 401
