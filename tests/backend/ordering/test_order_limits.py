"""The public order endpoints' limits: codes per number and per address (accounts' own limits), every call per
address (scope "order") and per number (scope "order_phone"), each a 429 in the one error shape with Retry-After;
tracking numbers cannot be tried in bulk.

DRF reads the rates into its throttle classes once, at import, so the tests set them there."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db

HIGH = "1000/minute"
PHONE = "13655551234"


@pytest.fixture
def rates(monkeypatch):
    def set_rates(**low):
        monkeypatch.setattr(
            SimpleRateThrottle,
            "THROTTLE_RATES",
            {"anon": HIGH, "user": HIGH, "login": HIGH, "public": HIGH, "order": HIGH, "order_phone": HIGH, **low},
        )

    return set_rates


def _public(address: str = "10.0.0.1") -> APIClient:
    client = APIClient(REMOTE_ADDR=address)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _ask(community, phone: str = PHONE, address: str = "10.0.0.1"):
    return _public(address).post(
        f"/api/public/communities/{community.pk}/order-form/request-code/", {"phone": phone}, format="json"
    )


def _track(phone: str = PHONE, address: str = "10.0.0.1", tracking_no: str = "ABCDEFGHJK"):
    return _public(address).post("/api/public/orders/track/", {"tracking_no": tracking_no, "phone": phone})


def _throttled(response) -> dict:
    return {
        "message": f"Too many requests; try again in {response['Retry-After']} seconds.",
        "extra": {"code": "throttled", "fields": {}},
    }


@override_settings(PHONE_CODE_PER_PHONE=2)
def test_order_codes_are_limited_per_number(world, committed, order_codes):
    with committed():
        asked = [_ask(world.a1, address=f"10.0.0.{n}").status_code for n in range(1, 3)]
        third = _ask(world.a1, address="10.0.0.3")
    assert (asked, third.status_code, third.json()["extra"]["code"]) == ([202, 202], 429, "too_many_codes")
    assert int(third["Retry-After"]) >= 1
    assert len(order_codes(PHONE)) == 2


@override_settings(PHONE_CODE_PER_IP=2)
def test_order_codes_are_limited_per_address(world, committed, order_codes):
    with committed():
        asked = [_ask(world.a1, phone=f"1365555000{n}").status_code for n in range(2)]
        third = _ask(world.a1, phone="13655550009")
        elsewhere = _ask(world.a1, phone="13655550009", address="10.0.0.2")
    assert (asked, third.status_code, third.json()["extra"]["code"]) == ([202, 202], 429, "too_many_codes")
    assert (elsewhere.status_code, order_codes("13655550009") != []) == (202, True)


def test_tracking_is_throttled_per_address(world, rates):
    # given 3 calls a minute per address
    rates(order="3/minute")
    # when a fourth tracking number is tried from the same address, each with another phone
    statuses = [_track(phone=f"1365555000{n}").status_code for n in range(3)]
    fourth = _track(phone="13655550009")
    # then the first three answer 404 and the fourth is refused; another address is still answered
    assert statuses == [404, 404, 404]
    assert (fourth.status_code, fourth.json()) == (429, _throttled(fourth))
    assert _track(address="10.0.0.2").status_code == 404


def test_tracking_is_throttled_per_number_whatever_the_address(world, rates):
    # given 2 calls a minute per phone number
    rates(order_phone="2/minute")
    # when numbers are tried against one phone from three addresses
    statuses = [_track(address=f"10.0.0.{n}").status_code for n in range(1, 3)]
    third = _track(address="10.0.0.3", phone="136 5555 1234")  # the same number, typed otherwise
    # then the third is refused; another phone is still answered
    assert statuses == [404, 404]
    assert (third.status_code, third.json()) == (429, _throttled(third))
    assert _track(address="10.0.0.3", phone="13655550000").status_code == 404


def test_orders_and_the_form_are_throttled_per_address(world, rates):
    rates(order="1/minute")
    assert _public().get(f"/api/public/communities/{world.a1.pk}/order-form/").status_code == 200
    refused = _ask(world.a1)
    assert (refused.status_code, refused.json()) == (429, _throttled(refused))


def test_the_menu_is_throttled_per_address_with_the_rest_of_the_page(world, rates):
    rates(order="1/minute")
    assert _public().get(f"/api/public/communities/{world.a1.pk}/order-form/menu/").status_code == 200
    refused = _public().get(f"/api/public/communities/{world.a1.pk}/order-form/")
    assert (refused.status_code, refused.json()) == (429, _throttled(refused))
