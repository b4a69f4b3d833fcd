"""API tokens expire: idle longer than API_TOKEN_IDLE_DAYS, or older than API_TOKEN_MAX_AGE_DAYS however often used.
Each use slides the idle expiry, written at most once a minute. Time is moved by moving the stored timestamps."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services
from accounts.models import ApiToken, User

pytestmark = pytest.mark.django_db

EXPIRED = {"message": "The token has expired; ask for a new one.", "extra": {"code": "token_expired", "fields": {}}}


def _idle() -> dt.timedelta:
    return dt.timedelta(days=settings.API_TOKEN_IDLE_DAYS)


def _max_age() -> dt.timedelta:
    return dt.timedelta(days=settings.API_TOKEN_MAX_AGE_DAYS)


def _client(key: str) -> APIClient:
    client = APIClient()
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def key(world) -> str:
    response = APIClient().post("/api/auth/token/", {"username": "jiedao", "password": "pw-12345678"}, format="json")
    return response.json()["token"]


def _move(**timestamps) -> None:
    ApiToken.objects.update(**timestamps)


def test_token_idle_beyond_the_timeout_is_refused(key):
    # given a token last used just over the idle timeout ago
    _move(last_used_at=timezone.now() - _idle() - dt.timedelta(minutes=1))
    # when it is sent
    response = _client(key).get("/api/auth/me/")
    # then 401 in the one error shape, saying it expired
    assert response.status_code == 401
    assert response.json() == EXPIRED
    assert response["WWW-Authenticate"] == "Token"


def test_token_used_within_the_timeout_works_and_its_expiry_slides(key):
    # given a token last used a day before the idle timeout
    _move(last_used_at=timezone.now() - _idle() + dt.timedelta(days=1))
    before = timezone.now()
    # when it is used
    response = _client(key).get("/api/auth/me/")
    # then it works and the idle timeout counts from now
    assert response.status_code == 200
    assert response.json()["username"] == "jiedao"
    assert ApiToken.objects.get().last_used_at >= before


def test_token_older_than_the_maximum_age_is_refused_however_busy(key):
    now = timezone.now()
    _move(created_at=now - _max_age() - dt.timedelta(minutes=1), last_used_at=now)
    response = _client(key).get("/api/auth/me/")
    assert response.status_code == 401
    assert response.json() == EXPIRED


def test_use_is_written_at_most_once_a_minute(world):
    # given a token last used at t0
    t0 = timezone.now() - dt.timedelta(days=1)
    services.api_token_create(user=world.users["subdistrict"])
    _move(last_used_at=t0)
    token = ApiToken.objects.get()
    # when it is used 59 seconds later, then at 60 seconds
    services.api_token_touch(token=token, now=t0 + dt.timedelta(seconds=59))
    unchanged = ApiToken.objects.get().last_used_at
    services.api_token_touch(token=token, now=t0 + dt.timedelta(seconds=60))
    # then only the second use is written
    assert unchanged == t0
    assert ApiToken.objects.get().last_used_at == t0 + dt.timedelta(seconds=60)


def test_a_new_token_clears_the_accounts_expired_ones(world):
    # given an expired token of the coordinator and an expired one of somebody else
    user, other = world.users["subdistrict"], world.users["community"]
    expired = services.api_token_create(user=user)
    services.api_token_create(user=other)
    _move(last_used_at=timezone.now() - _idle() * 2)
    # when the coordinator asks for another token
    live = services.api_token_create(user=user)
    # then their expired token is gone (an unknown token from now on); the other account's stays until it asks
    assert ApiToken.objects.filter(user=user).count() == 1
    assert ApiToken.objects.filter(user=other).count() == 1
    assert _client(live).get("/api/auth/me/").status_code == 200
    assert _client(expired).get("/api/auth/me/").json() == {
        "message": "Invalid token.",
        "extra": {"code": "authentication_failed", "fields": {}},
    }


def test_only_a_digest_of_the_key_is_stored(world):
    key = services.api_token_create(user=world.users["admin"])
    stored = ApiToken.objects.values_list("digest", flat=True).get()
    assert key not in stored and len(stored) == 64
    assert User.objects.get(username="admin").api_tokens.count() == 1
