"""A resident's order (点单) without an account, from the public form to the rating (评单): the code of the SMS
confirms the phone, the order lands as a pending need (待审核) in its community's list, owned by the community's
coordinator, and the tracking number with the phone shows its status and takes the rating once it is done."""

import datetime as dt
import logging

import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import PhoneCode
from needs.models import Need, NeedOwnership
from notifications.sms import console
from ordering.models import OrderTracking
from ordering.services import TRACKING_ALPHABET, TRACKING_LENGTH

pytestmark = pytest.mark.django_db

PHONE = "13655551234"  # a resident without an account
WRONG_CODE = {
    "message": "The code is wrong or has expired; ask for a new one.",
    "extra": {"code": "wrong_code", "fields": {"code": ["Wrong or expired code."]}},
}
NO_ORDER = {"message": "No order has this tracking number and phone.", "extra": {"code": "not_found", "fields": {}}}


def _public(address: str = "10.0.0.1") -> APIClient:
    client = APIClient(REMOTE_ADDR=address)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _order_body(code: str, phone: str = PHONE, **extra) -> dict:
    return {
        "phone": phone,
        "code": code,
        "category": "elderly",
        "type": "service",
        "title": "帮忙更换厨房灯泡",
        "description": "老人独居，够不着。",
        "address": "3号楼2单元501",
        "requester_name": "王阿姨",
        **extra,
    }


def _place(world, order_code) -> str:
    code = order_code(world.a1)
    response = _public().post(f"/api/public/communities/{world.a1.pk}/order-form/orders/", _order_body(code))
    assert response.status_code == 201, response.content
    return response.json()["tracking_no"]


def _track(tracking_no: str, phone: str = PHONE, address: str = "10.0.0.1"):
    return _public(address).post("/api/public/orders/track/", {"tracking_no": tracking_no, "phone": phone})


def test_the_order_form_names_the_community_and_its_choices_and_nobody(world):
    response = _public().get(f"/api/public/communities/{world.a1.pk}/order-form/")
    assert response.status_code == 200
    body = response.json()
    assert (body["community"], body["community_name"], body["sub_district_name"]) == (
        world.a1.pk,
        "秦江社区",
        "林山寨街道",
    )
    assert [c["value"] for c in body["categories"]] == list(Need.Category.values)
    assert {"value": "service", "label": "Service"} in body["types"]
    assert set(body) == {"community", "community_name", "sub_district_name", "categories", "types"}


def test_a_resident_orders_tracks_and_rates_once_it_is_done(world, client_as, order_code, caplog):
    caplog.set_level(logging.DEBUG)
    # given a code sent to the resident's phone by SMS
    code = order_code(world.a1)
    assert len(code) == 6 and PhoneCode.objects.get(purpose="order").code_digest != code
    # when the order is sent with it
    response = _public().post(f"/api/public/communities/{world.a1.pk}/order-form/orders/", _order_body(code))
    # then a tracking number comes back, and the order is a pending resident need of the community
    assert response.status_code == 201
    tracking_no = response.json()["tracking_no"]
    assert response.json() == {"tracking_no": tracking_no, "status": "pending"}
    assert len(tracking_no) == TRACKING_LENGTH and set(tracking_no) <= set(TRACKING_ALPHABET)
    need = Need.objects.get()
    assert (need.source, need.status, need.community, need.requester_phone, need.requester_name) == (
        "resident",
        "pending",
        world.a1,
        f"+86{PHONE}",
        "王阿姨",
    )
    assert need.description == "老人独居，够不着。\n\nAddress: 3号楼2单元501"
    # owned (首问) by the community's own coordinator, who finds it in the community's pending list
    assert need.owner == world.users["community"]
    assert list(NeedOwnership.objects.values_list("owner", flat=True)) == [world.users["community"].pk]
    listed = client_as("community").get("/api/needs/", {"status": "pending"}).json()["results"]
    assert [row["id"] for row in listed] == [need.pk]
    assert OrderTracking.objects.get().phone_digest != f"+86{PHONE}"
    # the code is used up
    again = _public().post(f"/api/public/communities/{world.a1.pk}/order-form/orders/", _order_body(code))
    assert (again.status_code, again.json()) == (400, WRONG_CODE)

    # when the resident tracks it (the number typed in lower case, with spaces)
    tracked = _track(f" {tracking_no[:5].lower()} {tracking_no[5:]}")
    # then they see its status and nothing of anybody
    assert tracked.status_code == 200
    body = tracked.json()
    assert (body["tracking_no"], body["status"], body["status_label"], body["rateable"]) == (
        tracking_no,
        "pending",
        "Pending review",
        False,
    )
    assert set(body) == {
        "tracking_no",
        "title",
        "community_name",
        "status",
        "status_label",
        "submitted_at",
        "status_changed_at",
        "finished_at",
        "deadline",
        "rateable",
        "rating_score",
        "rating_comment",
        "rated_at",
    }
    early = _public().post("/api/public/orders/rate/", {"tracking_no": tracking_no, "phone": PHONE, "score": 5})
    assert (early.status_code, early.json()["extra"]["code"]) == (409, "not_rateable")

    # when the coordinator carries it through to completion
    coordinator = client_as("community")
    for status in ["published", "claimed", "in_service", "completed"]:
        assert coordinator.post(f"/api/needs/{need.pk}/transition/", {"status": status}).status_code == 200
    assert _track(tracking_no).json()["rateable"] is True
    # then the resident rates it, once
    rated = _public().post(
        "/api/public/orders/rate/", {"tracking_no": tracking_no, "phone": PHONE, "score": 4, "comment": "很及时"}
    )
    assert rated.status_code == 200
    assert (rated.json()["status"], rated.json()["rating_score"], rated.json()["rating_comment"]) == (
        "rated",
        4,
        "很及时",
    )
    need.refresh_from_db()
    assert (need.status, need.rating_score, need.rated_by) == ("rated", 4, None)
    twice = _public().post("/api/public/orders/rate/", {"tracking_no": tracking_no, "phone": PHONE, "score": 1})
    assert (twice.status_code, twice.json()["extra"]["code"]) == (409, "already_rated")
    # and neither the code nor the phone reached a log line
    assert not [r for r in caplog.records if code in r.getMessage() or PHONE in r.getMessage()]


def test_a_wrong_code_files_nothing_and_counts(world, order_code):
    code = order_code(world.a1)
    wrong = "000000" if code != "000000" else "111111"
    response = _public().post(f"/api/public/communities/{world.a1.pk}/order-form/orders/", _order_body(wrong))
    assert (response.status_code, response.json()) == (400, WRONG_CODE)
    assert (Need.objects.count(), PhoneCode.objects.get().failed_attempts) == (0, 1)


def test_an_expired_code_files_nothing(world, order_code, monkeypatch):
    code = order_code(world.a1)
    later = timezone.now() + dt.timedelta(minutes=settings.PHONE_CODE_MINUTES, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = _public().post(f"/api/public/communities/{world.a1.pk}/order-form/orders/", _order_body(code))
    assert (response.status_code, response.json()) == (400, WRONG_CODE)
    assert Need.objects.count() == 0


def test_a_code_for_a_login_does_not_file_an_order(world, committed, order_codes):
    # given a sign-in code of a volunteer's number
    with committed():
        _public().post("/api/auth/phone-code/", {"phone": "13912345678", "purpose": "login"})
    [login_code] = [m["params"]["code"] for m in console.outbox if m["template"] == "login_code"]
    # when it is sent with an order
    response = _public().post(
        f"/api/public/communities/{world.a1.pk}/order-form/orders/", _order_body(login_code, phone="13912345678")
    )
    # then it is not an order code
    assert (response.status_code, response.json()) == (400, WRONG_CODE)


def test_the_sign_in_code_endpoint_does_not_send_order_codes(world):
    response = _public().post("/api/auth/phone-code/", {"phone": PHONE, "purpose": "order"})
    assert (response.status_code, response.json()["extra"]["fields"]) == (
        400,
        {"purpose": ['"order" is not a valid choice.']},
    )


def test_a_wrong_phone_and_an_unknown_number_answer_the_same_404(world, order_code):
    tracking_no = _place(world, order_code)
    other_phone = _track(tracking_no, phone="13655550000")
    unknown = _track("ABCDEFGHJK")
    assert (other_phone.status_code, other_phone.json()) == (404, NO_ORDER)
    assert (unknown.status_code, unknown.json()) == (404, NO_ORDER)
    rate = _public().post("/api/public/orders/rate/", {"tracking_no": "ABCDEFGHJK", "phone": PHONE, "score": 5})
    assert (rate.status_code, rate.json()) == (404, NO_ORDER)


def test_an_unknown_community_has_no_form(world):
    response = _public().get("/api/public/communities/999999/order-form/")
    assert (response.status_code, response.json()["extra"]["code"]) == (404, "not_found")


def test_without_its_own_coordinator_an_order_goes_to_the_sub_district(world, order_code):
    # given a community with no coordinator of its own (a2 shares sub-district s1 with a1)
    code = order_code(world.a2)
    # when a resident orders there
    response = _public().post(f"/api/public/communities/{world.a2.pk}/order-form/orders/", _order_body(code))
    # then the sub-district's coordinator owns it
    assert response.status_code == 201
    assert Need.objects.get().owner == world.users["subdistrict"]
