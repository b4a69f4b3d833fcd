"""Sign-in lockout (django-axes): five wrong passwords for one username from one address lock that pair out,
in the one error shape, until the cool-off ends; other accounts and a successful sign-in are not affected."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

LOCKED_OUT = {
    "message": "Too many failed sign-ins for this account from your address. Try again in 60 minutes.",
    "extra": {"code": "locked_out", "fields": {}},
}
WRONG = {"message": "Wrong username or password.", "extra": {"code": "wrong_credentials", "fields": {}}}


def _sign_in(password: str, username: str = "shequ", path: str = "/api/auth/login/", address: str = "10.0.0.1"):
    return APIClient().post(
        path,
        {"username": username, "password": password},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_account_out_even_for_the_right_one(world):
    # given four wrong passwords, each refused as wrong
    for _ in range(4):
        response = _sign_in("nope")
        assert (response.status_code, response.json()) == (400, WRONG)
    # when the fifth is wrong too
    fifth = _sign_in("nope")
    # then that one and the right password after it are refused as locked out, in the error shape
    assert (fifth.status_code, fifth.json()) == (429, LOCKED_OUT)
    right = _sign_in("pw-12345678")
    assert right.status_code == 429
    assert right.json() == LOCKED_OUT
    assert right["Retry-After"] == "3600"
    assert right["Content-Type"] == "application/json"


def test_a_script_asking_for_a_token_is_locked_out_the_same_way(world):
    for _ in range(5):
        _sign_in("nope", path="/api/auth/token/")
    response = _sign_in("pw-12345678", path="/api/auth/token/")
    assert (response.status_code, response.json()) == (429, LOCKED_OUT)


def test_the_lockout_holds_one_username_from_one_address_only(world):
    # given shequ locked out from 10.0.0.1
    for _ in range(5):
        _sign_in("nope")
    # then another account signs in from the same address, and shequ from another address
    assert _sign_in("pw-12345678", username="jiedao").status_code == 200
    assert _sign_in("pw-12345678", address="10.0.0.2").status_code == 200


def test_a_successful_sign_in_clears_the_earlier_failures(world):
    # given four failures, then the right password
    for _ in range(4):
        _sign_in("nope")
    assert _sign_in("pw-12345678").status_code == 200
    assert not AccessAttempt.objects.filter(username="shequ").exists()
    # when four more fail
    for _ in range(4):
        assert _sign_in("nope").status_code == 400
    # then the account is still open: the count started again
    assert _sign_in("pw-12345678").status_code == 200


def test_the_lockout_ends_after_the_cool_off(world):
    # given shequ locked out
    for _ in range(5):
        _sign_in("nope")
    assert _sign_in("pw-12345678").status_code == 429
    # when the last failure is over an hour old
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=61))
    response = _sign_in("pw-12345678")
    # then the right password opens a session again
    assert response.status_code == 200
    assert response.json()["username"] == "shequ"


@override_settings(AXES_COOLOFF_TIME=0.25, AXES_FAILURE_LIMIT=3)
def test_the_limit_and_the_cool_off_come_from_the_settings(world):
    # given a limit of 3 and a cool-off of a quarter of an hour
    assert [_sign_in("nope").status_code for _ in range(3)] == [400, 400, 429]
    # then the lockout names that cool-off
    response = _sign_in("pw-12345678")
    assert (
        response.json()["message"]
        == "Too many failed sign-ins for this account from your address. Try again in 15 minutes."
    )
    assert response["Retry-After"] == "900"
    # and ends with it
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    assert _sign_in("pw-12345678").status_code == 200


def test_a_lockout_is_counted_in_the_database_despite_the_refusal(world):
    # the refused request's transaction is kept: a rolled-back failure would never add up to a lockout
    for _ in range(3):
        _sign_in("nope")
    assert AccessAttempt.objects.get(username="shequ", ip_address="10.0.0.1").failures_since_start == 3


def test_the_admins_sign_in_form_is_locked_out_too_with_a_plain_message(world, client):
    # given five wrong passwords for the administrator on the admin's form
    for _ in range(5):
        client.post(
            "/admin/login/",
            {"username": "admin", "password": "nope"},
            REMOTE_ADDR="10.0.0.3",
            HTTP_ACCEPT_LANGUAGE="en",
        )
    # when the right one follows
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "pw-12345678"},
        REMOTE_ADDR="10.0.0.3",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    # then the form answers 429 with the same message as plain text, not axes' own page
    assert response.status_code == 429
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == LOCKED_OUT["message"]
