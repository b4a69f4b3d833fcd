"""The token a request's key names is found with its account and the account's volunteer in one query, read afresh on
every request: nothing is cached between requests, so an ended token or a deactivated account is refused at once,
however the change was written."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import ApiToken, User
from accounts.services import api_token_create

pytestmark = pytest.mark.django_db


def _client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=user)}")
    return client


def _me(client: APIClient) -> tuple[int, dict, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/auth/me/")
    # The test's transaction turns the request's own into savepoints: only the reads count here.
    return response.status_code, response.json(), [q["sql"] for q in queries if q["sql"].startswith("SELECT")]


def test_a_volunteers_token_brings_the_account_and_its_volunteer_in_one_query(world):
    # given a volunteer's token
    client = _client(world.users["volunteer"])
    # when the volunteer asks who they are
    status, body, reads = _me(client)
    # then one query found the token, the account and the volunteer
    assert status == 200
    assert (body["username"], body["volunteer"]) == ("v1", world.v1.pk)
    assert len(reads) == 1


def test_an_account_without_a_volunteer_is_known_to_have_none_without_asking_again(world):
    client = _client(world.users["community"])
    status, body, reads = _me(client)
    assert status == 200
    assert (body["username"], body["role"], body["volunteer"]) == ("shequ", "community_coordinator", None)
    assert len(reads) == 1


def test_a_token_deleted_behind_the_apps_back_is_refused_on_the_next_request(world):
    # given a token in use
    client = _client(world.users["volunteer"])
    assert _me(client)[0] == 200
    # when its row goes away without the app's services (a database console, a cleanup job)
    ApiToken.objects.filter(user=world.users["volunteer"]).delete()
    # then the very next request is refused
    assert _me(client)[:2] == (
        401,
        {"message": "认证令牌无效。", "extra": {"code": "authentication_failed", "fields": {}}},
    )


def test_an_account_deactivated_by_a_bulk_update_is_refused_on_the_next_request(world):
    # given a token in use
    client = _client(world.users["unit"])
    assert _me(client)[0] == 200
    # when the account is deactivated by an update that sends no signal (so no token is deleted)
    User.objects.filter(pk=world.users["unit"].pk).update(is_active=False)
    # then the very next request is refused: the account is read with the token each time
    assert _me(client)[0] == 401


def test_a_script_with_a_token_gets_no_csrf_cookie_while_a_browser_still_does(world):
    # given a script with a token and a browser not signed in yet
    script, browser = _client(world.users["volunteer"]), APIClient()
    # when both ask who they are
    assert script.get("/api/auth/me/").status_code == 200
    assert browser.get("/api/auth/me/").status_code == 401
    # then only the browser is given the CSRF cookie it will sign in with
    assert "csrftoken" not in script.cookies
    assert browser.cookies["csrftoken"].value
