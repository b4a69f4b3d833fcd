"""API throttling: anonymous callers by address, signed-in callers by account, sign-ins by a stricter scope;
the refusal is a 429 in the one error shape with Retry-After.

DRF reads the rates into its throttle classes once, at import, so the tests set them there (and the cache,
where the counters live, is emptied around each test by the conftest). Every test runs twice: on the cache in
memory (DRF's own request log, as on a cache without Redis) and on Redis (core.throttling's log in a sorted set,
one script per throttle and request)."""

import os
import uuid

import pytest
import redis
from django.conf import settings
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db

HIGH = "1000/minute"


@pytest.fixture(autouse=True, params=["memory", "redis"])
def cache_kind(request, settings):
    """The cache of the counters. On Redis: the database the tests are given (REDIS_URL), under a key prefix of
    this test's own, so that nothing else in that database is read or emptied; its keys are deleted afterwards."""
    if request.param == "memory":
        yield None
        return
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL names no Redis database for the tests")
    prefix = f"test-throttle-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix}
    }
    client = redis.Redis.from_url(url)
    yield client
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def rates(monkeypatch):
    def set_rates(**low):
        monkeypatch.setattr(
            SimpleRateThrottle, "THROTTLE_RATES", {"anon": HIGH, "user": HIGH, "login": HIGH, "public": HIGH, **low}
        )

    return set_rates


def _throttled_body(response) -> dict:
    return {
        "message": f"Too many requests; try again in {response['Retry-After']} seconds.",
        "extra": {"code": "throttled", "fields": {}},
    }


def test_a_signed_in_caller_over_the_user_rate_gets_429_in_the_error_shape(world, client_as, rates, cache_kind):
    # given a rate of 3 requests a minute per account
    rates(user="3/minute")
    client = client_as("community")
    # when the coordinator makes a fourth and a fifth request
    statuses = [client.get("/api/needs/").status_code for _ in range(4)]
    fifth = client.get("/api/needs/")
    # then the first three pass and the others are refused with the time to wait
    assert statuses == [200, 200, 200, 429]
    assert fifth.status_code == 429
    assert 1 <= int(fifth["Retry-After"]) <= 60
    assert fifth.json() == _throttled_body(fifth)
    if cache_kind is not None:  # on Redis: one log per account, the refused requests not in it
        assert _logs(cache_kind) == {f"throttle_user_{world.users['community'].pk}:log": 3}


def _logs(client) -> dict[str, int]:
    """The request logs under the test's prefix: key (without the prefix) -> requests logged."""
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    return {key.decode().removeprefix(f"{prefix}:1:"): client.zcard(key) for key in client.scan_iter(f"{prefix}:*")}


def test_the_user_rate_counts_per_account(world, client_as, rates):
    rates(user="2/minute")
    coordinator, admin = client_as("community"), client_as("admin")
    assert [coordinator.get("/api/needs/").status_code for _ in range(3)] == [200, 200, 429]
    assert admin.get("/api/needs/").status_code == 200


def test_anonymous_callers_are_counted_by_address(world, rates):
    # the public calendar feed (an unknown token: 404); DRF refuses anonymous calls to other endpoints before it
    # counts them
    rates(anon="2/minute")
    first, second = APIClient(REMOTE_ADDR="10.0.0.1"), APIClient(REMOTE_ADDR="10.0.0.2")
    assert [first.get("/api/calendar/unknown.ics").status_code for _ in range(3)] == [404, 404, 429]
    assert second.get("/api/calendar/unknown.ics").status_code == 404


@pytest.mark.parametrize("num_proxies, expected", [(0, [404, 429]), (1, [404, 404])])
def test_forwarded_addresses_count_only_behind_a_trusted_proxy(world, rates, settings, num_proxies, expected):
    # given two callers behind one proxy (the same REMOTE_ADDR), each named in X-Forwarded-For
    rates(anon="1/minute")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": num_proxies}
    client = APIClient(REMOTE_ADDR="10.9.9.9")
    statuses = [
        client.get("/api/calendar/unknown.ics", HTTP_X_FORWARDED_FOR=address).status_code
        for address in ("1.1.1.1", "2.2.2.2")
    ]
    # then without a trusted proxy both are the proxy (the header could be forged); behind one, each counts alone
    assert statuses == expected


def test_sign_ins_have_their_own_stricter_scope(world, rates):
    # given 2 sign-ins a minute per address, other anonymous calls unthrottled
    rates(login="2/minute")
    client = APIClient(REMOTE_ADDR="10.0.0.1")
    body = {"username": "shequ", "password": "pw-12345678"}
    # when the same address signs in three times
    statuses = [client.post("/api/auth/token/", body, format="json").status_code for _ in range(2)]
    third = client.post("/api/auth/login/", body, format="json", HTTP_ACCEPT_LANGUAGE="en")
    # then the third is refused, whatever the password, while other calls still pass
    assert statuses == [200, 200]
    assert third.status_code == 429
    assert third.json() == _throttled_body(third)
    assert client.get("/api/needs/").status_code == 401


def test_the_wait_is_until_the_oldest_request_leaves_the_period(world, client_as, rates, monkeypatch):
    # given 2 requests a minute, on a clock the test sets (the throttles' own timer)
    rates(user="2/minute")
    now = [1000.0]
    monkeypatch.setattr(SimpleRateThrottle, "timer", lambda self: now[0])
    client = client_as("community")
    # when requests come at 1000 and 1010, then at 1030
    assert client.get("/api/needs/").status_code == 200
    now[0] = 1010.0
    assert client.get("/api/needs/").status_code == 200
    now[0] = 1030.0
    refused = client.get("/api/needs/")
    # then the third waits until the first leaves the minute (1060), and at 1060 it passes
    assert (refused.status_code, refused["Retry-After"]) == (429, "30")
    now[0] = 1060.0
    assert client.get("/api/needs/").status_code == 200
