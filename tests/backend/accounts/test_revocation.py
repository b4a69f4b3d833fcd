"""Ending access: logout ends the token it is sent with, and the admin ends a token by deleting it; a change of
password, role or active flag ends every token and session of the account for good, whichever path saves it."""

import pytest
from django.contrib.auth.hashers import make_password
from rest_framework.test import APIClient

import factories as f
from accounts.models import ApiToken, User

pytestmark = pytest.mark.django_db

PASSWORD = "pw-12345678"
INVALID_TOKEN = {"message": "Invalid token.", "extra": {"code": "authentication_failed", "fields": {}}}
NOT_SIGNED_IN = {
    "message": "Authentication credentials were not provided.",
    "extra": {"code": "not_authenticated", "fields": {}},
}


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


def _session_client(username: str) -> APIClient:
    client = _client()
    response = client.post("/api/auth/login/", {"username": username, "password": PASSWORD}, format="json")
    assert response.status_code == 200
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


def _set_password(user, world):
    user.set_password("a-new-secret-4711")  # as the admin's form and `changepassword` do


def _disable_password(user, world):
    user.set_unusable_password()  # the admin's "password-based authentication: disabled", without set_password


def _deactivate(user, world):
    user.is_active = False


def _reactivate(user, world):
    user.is_active = True


def _make_coordinator(user, world):
    user.role, user.community = User.Role.COMMUNITY, world.a1


def _make_volunteer(user, world):
    user.role, user.community = User.Role.VOLUNTEER, None


@pytest.mark.parametrize(
    "change",
    [_set_password, _disable_password, _deactivate, _make_coordinator],
    ids=["password changed", "password disabled", "deactivated", "made a coordinator"],
)
def test_a_change_of_credentials_ends_every_token_and_session(world, change):
    # given a token and a browser session of the volunteer
    script, browser = _token_client("v1"), _session_client("v1")
    # when their password, active flag or role changes
    user = User.objects.get(username="v1")
    change(user, world)
    user.save()
    # then neither works any more
    assert (_me(script), _me(browser)) == ((401, INVALID_TOKEN), (401, NOT_SIGNED_IN))


@pytest.mark.parametrize(
    "change, undo",
    [(_deactivate, _reactivate), (_make_coordinator, _make_volunteer)],
    ids=["deactivated", "made a coordinator"],
)
def test_setting_the_account_back_brings_no_token_or_session_back(world, change, undo):
    # given a token and a session of the volunteer, ended by a change
    script, browser = _token_client("v1"), _session_client("v1")
    user = User.objects.get(username="v1")
    change(user, world)
    user.save()
    # when the change is undone
    undo(user, world)
    user.save()
    # then both stay ended
    assert (_me(script), _me(browser)) == ((401, INVALID_TOKEN), (401, NOT_SIGNED_IN))


def test_other_changes_to_the_account_keep_its_tokens_and_sessions(world):
    # given a token and a session
    script, browser = _token_client("v1"), _session_client("v1")
    # when the name changes and the person signs in again elsewhere (which writes last_login)
    user = User.objects.get(username="v1")
    user.display_name = "李四"
    user.save()
    _session_client("v1")
    _token_client("v1")
    # then both still work
    assert _me(script)[0] == 200
    assert _me(browser)[0] == 200


def test_admin_password_form_ends_the_users_tokens_and_keeps_the_admins_session(world):
    # given the volunteer's script, and a superuser in the admin site
    script = _token_client("v1")
    root = f.UserFactory(username="root", role=User.Role.ADMIN, is_staff=True, is_superuser=True)
    admin = _client()
    admin.force_login(root)
    # when the superuser sets the volunteer's password, then their own
    for user in (User.objects.get(username="v1"), root):
        response = admin.post(
            f"/admin/accounts/user/{user.pk}/password/",
            {"password1": "a-new-secret-4711", "password2": "a-new-secret-4711", "usable_password": "true"},
            format="multipart",
        )
        assert response.status_code == 302
    # then the volunteer's token is ended, and the superuser is still signed in (a change of one's own password
    # keeps the session it was made in, by Django's update_session_auth_hash)
    assert _me(script) == (401, INVALID_TOKEN)
    assert _me(admin)[0] == 200


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


def test_a_sign_in_that_rehashes_the_password_keeps_the_tokens(world):
    # given a script's token, and the password stored with a salt too short for today's hasher
    script = _token_client("v1")
    stored = make_password(PASSWORD, salt="short", hasher="md5")
    User.objects.filter(username="v1").update(password=stored)
    # when the person signs in again, and Django stores the same password hashed anew
    _session_client("v1")
    # then that is no password change: the token still works
    assert User.objects.get(username="v1").password != stored
    assert _me(script)[0] == 200
