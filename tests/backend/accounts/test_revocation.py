"""Ending access: logout ends the token it is sent with (and the session); the admin ends a token by deleting it."""
import pytest
from rest_framework.test import APIClient

import factories as f
from accounts.models import ApiToken, User

pytestmark = pytest.mark.django_db

PASSWORD = "pw-12345678"
INVALID_TOKEN = {"message": "Invalid token.", "extra": {"code": "authentication_failed", "fields": {}}}


def _client() -> APIClient:
    client = APIClient()
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # messages asserted whole, in English
    return client


def _token_client(username: str) -> APIClient:
    response = _client().post("/api/auth/token/", {"username": username, "password": PASSWORD}, format="json")
    assert response.status_code == 200
    client = _client()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return client


def _me(client: APIClient):
    response = client.get("/api/auth/me/")
    return response.status_code, response.json()


def test_logout_ends_the_token_it_was_sent_with_and_no_other(world):
    # given two scripts of the same coordinator, each with its own token
    first, second = _token_client("jiedao"), _token_client("jiedao")
    # when the first one logs out
    assert first.post("/api/auth/logout/").status_code == 204
    # then its token is refused and the other still works
    assert _me(first) == (401, INVALID_TOKEN)
    assert _me(second)[0] == 200


def test_deleting_a_token_in_the_admin_ends_it(world):
    # given a script's token, listed in the admin
    script = _token_client("v1")
    token = ApiToken.objects.get(user__username="v1")
    admin = _client()
    admin.force_login(f.UserFactory(username="root", role=User.Role.ADMIN, is_staff=True, is_superuser=True))
    assert admin.get("/admin/accounts/apitoken/").status_code == 200
    # when a superuser deletes it
    response = admin.post(f"/admin/accounts/apitoken/{token.pk}/delete/", {"post": "yes"}, format="multipart")
    # then the script is refused
    assert response.status_code == 302
    assert _me(script) == (401, INVALID_TOKEN)

