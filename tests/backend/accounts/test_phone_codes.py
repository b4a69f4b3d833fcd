"""One-time SMS codes: sign in with one, or set a new password with one. Codes are random, stored as digests, expire,
are limited per number and per address (429 with Retry-After), never reach the logs, and wrong codes lock out as
wrong passwords do."""

import logging

import pytest
from django.conf import settings
from django.test import override_settings
from rest_framework.test import APIClient

from accounts.models import PhoneCode

pytestmark = pytest.mark.django_db

PHONE = "13912345678"  # V1's number (conftest)
WRONG = {
    "message": "Wrong or expired code.",
    "extra": {"code": "wrong_credentials", "fields": {"code": ["Wrong or expired code."]}},
}


def _client(address: str = "10.0.0.1") -> APIClient:
    client = APIClient(REMOTE_ADDR=address)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _ask(purpose: str = "login", phone: str = PHONE, address: str = "10.0.0.1"):
    return _client(address).post("/api/auth/phone-code/", {"phone": phone, "purpose": purpose}, format="json")


def _code_login(code: str, phone: str = PHONE, address: str = "10.0.0.1"):
    return _client(address).post("/api/auth/code-login/", {"phone": phone, "code": code}, format="json")


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_a_volunteer_signs_in_with_the_code_of_the_sms(world, committed, sms, caplog):
    # given a code asked for V1's number
    caplog.set_level(logging.DEBUG)
    with committed():
        asked = _ask()
    assert asked.status_code == 202
    [message] = sms(PHONE, "login_code")
    code = message.params["code"]
    # when it is typed in
    signed_in = _code_login(code)
    # then the session is V1's, the code is used up, and neither it nor the number is in any log line
    assert (signed_in.status_code, signed_in.json()["username"]) == (200, "v1")
    assert _code_login(code).json() == WRONG
    assert PhoneCode.objects.get().code_digest != code
    assert not [r for r in caplog.records if code in r.getMessage() or PHONE in r.getMessage()]


def test_a_number_without_an_account_gets_the_same_answer_and_no_sms(world, committed, sms):
    with committed():
        response = _ask(phone="13655550000")
    assert (response.status_code, sms("13655550000")) == (202, [])


def test_a_code_expires(world, committed, sms, clock):
    # given a code
    with committed():
        _ask()
    code = sms(PHONE)[0].params["code"]
    # when its minutes have passed
    clock.advance(minutes=settings.PHONE_CODE_MINUTES, seconds=1)
    # then it no longer signs in
    response = _code_login(code)
    assert (response.status_code, response.json()) == (400, WRONG)


def test_codes_are_limited_per_number_with_retry_after(world, committed, sms, clock):
    # given as many codes as a number may have in the window
    with committed():
        for _ in range(settings.PHONE_CODE_PER_PHONE):
            assert _ask().status_code == 202
    # when one more is asked for, from another address
    clock.advance(minutes=1)
    refused = _ask(address="10.0.0.9")
    # then 429 in the error shape, waiting until the oldest leaves the window; nothing more was sent
    wait = int(settings.PHONE_CODE_WINDOW_MINUTES * 60) - 60 + 1
    assert refused.status_code == 429
    assert refused.json() == {
        "message": f"Too many codes asked for; try again in {wait} seconds.",
        "extra": {"code": "too_many_codes", "fields": {}},
    }
    assert refused["Retry-After"] == str(wait)
    assert len(sms(PHONE)) == settings.PHONE_CODE_PER_PHONE
    # and once the window has passed, a code is sent again
    clock.advance(seconds=wait)
    with committed():
        assert _ask().status_code == 202
    assert len(sms(PHONE)) == settings.PHONE_CODE_PER_PHONE + 1


@override_settings(PHONE_CODE_PER_IP=3)
def test_codes_are_limited_per_address(world):
    # given three numbers asked for from one address
    for phone in ("13655550001", "13655550002", "13655550003"):
        assert _ask(phone=phone).status_code == 202
    # then a fourth from there is refused, and the same number from elsewhere is not
    assert _ask(phone="13655550004").status_code == 429
    assert _ask(phone="13655550004", address="10.0.0.2").status_code == 202


def test_wrong_codes_lock_out_as_wrong_passwords_do(world, committed, sms):
    # given a code sent
    with committed():
        _ask()
    code = sms(PHONE)[0].params["code"]
    # when wrong codes are typed as often as wrong passwords lock out
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _code_login(_wrong(code)).json() == WRONG
    locked = _code_login(_wrong(code))
    # then that number is locked out from that address, even with the right code, with Retry-After
    assert locked.status_code == 429
    assert locked.json()["extra"]["code"] == "locked_out"
    right = _code_login(code)
    assert (right.status_code, right["Retry-After"]) == (429, str(int(settings.AXES_COOLOFF_TIME * 3600)))


def test_a_reset_code_sets_a_new_password(world, committed, sms):
    # given V1 asks for a reset code
    with committed():
        _ask(purpose="reset")
    [message] = sms(PHONE, "reset_code")
    # when a weak password is sent with it, then a strong one
    weak = _client().post(
        "/api/auth/password-reset/",
        {"phone": PHONE, "code": message.params["code"], "password": "12345678"},
        format="json",
    )
    reset = _client().post(
        "/api/auth/password-reset/",
        {"phone": PHONE, "code": message.params["code"], "password": "quiet-harbour-77"},
        format="json",
    )
    # then the weak one is refused and the code still works for the strong one; the old password no longer signs in
    assert weak.status_code == 400
    assert weak.json()["extra"]["fields"]["password"] == [
        "This password is too common.",
        "This password is entirely numeric.",
    ]
    assert reset.status_code == 204
    login = "/api/auth/login/"
    assert _client().post(login, {"username": "v1", "password": "pw-12345678"}, format="json").status_code == 400
    assert _client().post(login, {"username": "v1", "password": "quiet-harbour-77"}, format="json").status_code == 200
    # and the code is used up
    again = _client().post(
        "/api/auth/password-reset/",
        {"phone": PHONE, "code": message.params["code"], "password": "quiet-harbour-78"},
        format="json",
    )
    assert (again.status_code, again.json()) == (
        400,
        {
            "message": "The code is wrong or has expired; ask for a new one.",
            "extra": {"code": "wrong_code", "fields": {"code": ["Wrong or expired code."]}},
        },
    )


def test_an_invalid_number_is_a_400_naming_the_field(world):
    response = _ask(phone="12345")
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "phone: Enter a valid mainland mobile number (11 digits, e.g. 13812345678).",
            "extra": {
                "code": "invalid",
                "fields": {"phone": ["Enter a valid mainland mobile number (11 digits, e.g. 13812345678)."]},
            },
        },
    )
