"""A resident orders from the community's service menu (服务菜单) on its public page: the page lists the community's
active offers with what the public may see (no person's name or phone), and an order confirmed by the SMS code is
filed as a coordinator's order from the menu is (offers.services.offer_order): a pending need with the offer's
particulars, bound to the offer, with a tracking number. An offer off the menu, of another community or full is
refused in the error shape, and the refusal leaves the code good for another try."""

import pytest
from rest_framework.test import APIClient

import factories as f
from needs.models import Need
from offers.models import OfferOrder
from ordering.models import OrderTracking

PHONE = "13655551234"  # a resident without an account


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_deadlines")]


def _public() -> APIClient:
    client = APIClient(REMOTE_ADDR="10.0.0.1")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _menu(community):
    return _public().get(f"/api/public/communities/{community.pk}/order-form/menu/")


def _order(community, code: str, **fields):
    body = {"phone": PHONE, "code": code, "address": "3号楼2单元501", "requester_name": "王阿姨", **fields}
    return _public().post(f"/api/public/communities/{community.pk}/order-form/orders/", body, format="json")


@pytest.fixture
def haircut(world):
    """A service team's offer in community A1; its leader is a volunteer with a name and a phone."""
    team = f.TeamFactory(community=world.a1, name="秦江社区理发志愿队", leader=world.v1)
    return f.ServiceOfferFactory(
        team=team,
        unit=None,
        title="上门理发",
        category="elderly",
        type="service",
        description="为行动不便的老人上门理发",
        conditions="独居或行动不便的老人，提前三天预约",
        schedule="每月第一个周六上午",
        headcount=2,
        required_skills={"first_aid": 1},
    )


@pytest.fixture
def checkup(world):
    """A unit's offer in community A1; the unit has a contact person with a phone."""
    world.u1.contact_name = "张主任"
    world.u1.save()
    return f.ServiceOfferFactory(unit=world.u1, title="健康义诊", category="health", type="service")


def test_the_menu_shows_the_community_s_active_offers_and_nobody_s_personal_data(world, haircut, checkup):
    # given, besides A1's two offers, one of A1 off the menu and one of community B1
    f.ServiceOfferFactory(unit=world.u1, title="停办的服务", active=False)
    f.ServiceOfferFactory(unit=world.u2, title="西站社区的服务")
    # when anybody opens A1's menu
    response = _menu(world.a1)
    # then its active offers are listed by category: what is offered, by which team or unit, when and on what terms
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": haircut.pk,
            "title": "上门理发",
            "description": "为行动不便的老人上门理发",
            "category": "elderly",
            "type": "service",
            "conditions": "独居或行动不便的老人，提前三天预约",
            "schedule": "每月第一个周六上午",
            "provider_kind": "team",
            "provider_name": "秦江社区理发志愿队",
            "full": False,
        },
        {
            "id": checkup.pk,
            "title": "健康义诊",
            "description": "",
            "category": "health",
            "type": "service",
            "conditions": "",
            "schedule": "",
            "provider_kind": "unit",
            "provider_name": "中原区人民医院",
            "full": False,
        },
    ]
    # and nothing of anybody: not the team leader's name or phone, not the unit's contact, not the orders
    text = response.content.decode()
    for private in [world.v1.name, "13912345678", "张主任", world.u1.contact_phone, "required_skills", "orders"]:
        assert private not in text


def test_an_unknown_community_has_no_menu(world):
    response = _menu(type("Gone", (), {"pk": 999999}))
    assert (response.status_code, response.json()["extra"]["code"]) == (404, "not_found")


def test_a_resident_orders_from_the_menu_and_the_need_is_bound_to_the_offer(world, client_as, haircut, order_code):
    # given a code sent to the resident's phone
    code = order_code(world.a1)
    # when they order the team's haircut from the menu (a title of their own sent too, which the offer's replaces)
    response = _order(
        world.a1,
        code,
        offer=haircut.pk,
        title="别的标题",
        description="母亲卧床，想在家理发",
        wanted_start="2026-12-12T09:00:00+08:00",
    )
    # then a tracking number comes back, and a pending need carries the offer's particulars and the resident's words
    assert response.status_code == 201, response.content
    tracking = OrderTracking.objects.get(tracking_no=response.json()["tracking_no"])
    assert response.json() == {"tracking_no": tracking.tracking_no, "status": "pending"}
    need = tracking.need
    assert (need.title, need.category, need.type, need.headcount, need.required_skills) == (
        "上门理发",
        "elderly",
        "service",
        2,
        {"first_aid": 1},
    )
    assert (need.status, need.source, need.community, need.requester_name, need.requester_phone) == (
        "pending",
        "resident",
        world.a1,
        "王阿姨",
        f"+86{PHONE}",
    )
    assert need.description == "母亲卧床，想在家理发\n\nAddress: 3号楼2单元501"
    assert need.wanted_start.isoformat() == "2026-12-12T01:00:00+00:00"
    # owned (首问) by the community's coordinator, due by the table's deadline, and bound to the offer
    assert need.owner == world.users["community"] and need.deadline is not None
    assert OfferOrder.objects.get(need=need).offer == haircut
    offer = client_as("community").get(f"/api/offers/{haircut.pk}/").json()
    assert (offer["orders"], offer["open_orders"]) == (1, 1)
    # and the resident follows it by number and phone
    tracked = _public().post("/api/public/orders/track/", {"tracking_no": tracking.tracking_no, "phone": PHONE})
    assert (tracked.status_code, tracked.json()["title"]) == (200, "上门理发")


INACTIVE = {"message": "This service is no longer on the menu.", "extra": {"code": "offer_inactive", "fields": {}}}
FULL = {
    "message": "This service is fully booked for now; please try again later or choose another.",
    "extra": {"code": "offer_full", "fields": {}},
}
ELSEWHERE = {
    "message": "This service is not on this community's menu.",
    "extra": {"code": "offer_other_community", "fields": {"offer": ["Choose a service from this community's menu."]}},
}


def _full(world):
    offer = f.ServiceOfferFactory(unit=world.u1, open_orders_limit=1)
    OfferOrder.objects.create(offer=offer, need=f.NeedFactory(community=world.a1, status="published"))
    return offer


@pytest.mark.parametrize(
    "make, status, body",
    [
        (lambda w: f.ServiceOfferFactory(unit=w.u1, active=False).pk, 409, INACTIVE),
        (lambda w: f.ServiceOfferFactory(unit=w.u2).pk, 400, ELSEWHERE),
        (lambda w: _full(w).pk, 409, FULL),
        (
            lambda w: 999999,
            400,
            {
                "message": "offer: No such service on the menu.",
                "extra": {"code": "invalid", "fields": {"offer": ["No such service on the menu."]}},
            },
        ),
    ],
    ids=["off-the-menu", "other-community", "full", "unknown"],
)
def test_an_offer_that_takes_no_order_here_is_refused_and_the_code_stays_good(
    world, haircut, order_code, make, status, body
):
    # given a code, and an offer this page cannot take an order for
    code, offer = order_code(world.a1), make(world)
    needs_before = Need.objects.count()
    # when the resident orders it
    refused = _order(world.a1, code, offer=offer)
    # then it is refused, whole, and nothing is filed
    assert (refused.status_code, refused.json()) == (status, body)
    assert (Need.objects.count(), OrderTracking.objects.count()) == (needs_before, 0)
    # and the same code still orders an offer of the menu
    assert _order(world.a1, code, offer=haircut.pk).status_code == 201


def test_a_full_offer_is_shown_full_and_takes_orders_again_once_one_is_finished(world, client_as, order_code):
    # given an offer that takes one order at a time, with one open
    offer = _full(world)
    held = OfferOrder.objects.get(offer=offer).need
    # then the menu shows it full, and an order is refused
    assert [row["full"] for row in _menu(world.a1).json()] == [True]
    code = order_code(world.a1)
    assert (_order(world.a1, code, offer=offer.pk).json()) == FULL
    # when the community closes the open one
    closed = client_as("community").post(f"/api/needs/{held.pk}/transition/", {"status": "closed"})
    assert closed.status_code == 200, closed.content
    # then it is no longer full and takes the resident's order
    assert [row["full"] for row in _menu(world.a1).json()] == [False]
    assert _order(world.a1, code, offer=offer.pk).status_code == 201


def test_without_an_offer_the_resident_says_what_they_need(world, order_code):
    code = order_code(world.a1)
    response = _order(world.a1, code, description="想请人帮忙")
    assert (response.status_code, response.json()["extra"]["code"]) == (400, "invalid")
    assert response.json()["extra"]["fields"] == {
        "category": ["This field is required."],
        "type": ["This field is required."],
        "title": ["This field is required."],
    }
    assert Need.objects.count() == 0
