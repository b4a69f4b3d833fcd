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
    response = client.post(
        "/api/auth/login/", {"username": "shequ", "password": "pw-12345678"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
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
    response = client.post(
        "/api/auth/login/", {"username": "shequ", "password": "nope"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json() == {
        "message": "Wrong username or password.",
        "extra": {"code": "wrong_credentials", "fields": {}},
    }


def test_token_for_scripts(world):
    token = (
        APIClient()
        .post("/api/auth/token/", {"username": "jiedao", "password": "pw-12345678"}, format="json")
        .json()["token"]
    )
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


def test_who_am_i_carries_the_platform_version_for_the_footer(world, client_as):
    # given the version defined once
    from config.version import VERSION

    # when a signed-in user asks who they are
    response = client_as("community").get("/api/auth/me/")
    # then the answer is theirs, with the platform's version the web app shows in its footer
    assert (response.status_code, response.json()) == (
        200,
        {
            "id": world.users["community"].pk,
            "username": "shequ",
            "display_name": world.users["community"].display_name,
            "role": "community_coordinator",
            "sub_district": None,
            "community": world.a1.pk,
            "unit": None,
            "volunteer": None,
            "version": VERSION,
            "time_zone": "Asia/Shanghai",
        },
    )


def test_who_am_i_and_sign_in_name_the_districts_zone(world, settings):
    # given a district whose zone is not the machine's
    settings.TIME_ZONE = "Asia/Urumqi"
    client = APIClient()
    # when the app signs in and asks who is signed in
    signed_in = client.post("/api/auth/login/", {"username": "shequ", "password": "pw-12345678"}, format="json")
    me = client.get("/api/auth/me/")
    # then both name the district's zone, the one the web app shows and takes times in
    assert signed_in.status_code == 200
    assert me.status_code == 200
    assert signed_in.json()["time_zone"] == "Asia/Urumqi"
    assert me.json()["time_zone"] == "Asia/Urumqi"
