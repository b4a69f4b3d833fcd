"""The service menu (服务菜单): a team's or a unit's standing service, listed under the provider's community; who keeps
which offer; and an order a coordinator takes from it for a resident, which files a need bound to the offer with the
offer's title, category, type, skills and headcount, owned by the coordinator (首问) with the table's deadline."""

import pytest
from auditlog.models import LogEntry

import factories as f
from needs.models import Need
from offers.models import OfferOrder, ServiceOffer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_deadlines")]


def test_an_offer_is_listed_under_its_provider_s_community_and_audited(world, client_as):
    # given a team of community A1
    team = f.TeamFactory(community=world.a1, name="秦江社区理发志愿队")
    # when its coordinator puts the team's service on the menu, naming no community
    response = client_as("community").post(
        "/api/offers/",
        {
            "team": team.pk,
            "title": "上门理发",
            "category": "elderly",
            "conditions": "行动不便的老人，提前三天预约",
            "schedule": "每月第一个周六上午",
            "headcount": 2,
        },
        format="json",
    )
    # then it is listed under the team's community, with the provider's name and no orders yet
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["community"], body["provider_name"], body["orders"], body["active"]) == (
        world.a1.pk,
        "秦江社区理发志愿队",
        0,
        True,
    )
    # and the audit log has its creation by that coordinator
    entry = LogEntry.objects.get(content_type__model="serviceoffer", object_id=body["id"])
    assert entry.actor == world.users["community"]


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"title": "义诊", "category": "health"}, "team"),  # no provider
        ({"title": "义诊", "category": "health", "team": "TEAM", "unit": "UNIT"}, "team"),  # two
        ({"title": "义诊", "category": "nursing", "unit": "UNIT"}, "category"),
        ({"title": "义诊", "category": "health", "unit": "UNIT", "headcount": 0}, "headcount"),
    ],
)
def test_a_bad_offer_is_refused_naming_the_field(world, client_as, payload, field):
    team = f.TeamFactory(community=world.a1)
    body = {
        key: team.pk if value == "TEAM" else world.u1.pk if value == "UNIT" else value for key, value in payload.items()
    }
    response = client_as("community").post("/api/offers/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["extra"]["fields"], response.json()
    assert not ServiceOffer.objects.exists()


def test_a_unit_representative_keeps_only_their_unit_s_offers(world, client_as):
    # given the representative of unit U1
    client = client_as("unit")
    # when they offer their unit's service, and try another unit's and a team's
    own = client.post("/api/offers/", {"unit": world.u1.pk, "title": "法律咨询", "category": "legal"}, format="json")
    other = client.post("/api/offers/", {"unit": world.u2.pk, "title": "法律咨询", "category": "legal"}, format="json")
    team = client.post(
        "/api/offers/",
        {"team": f.TeamFactory(community=world.a1).pk, "title": "理发", "category": "elderly"},
        format="json",
    )
    # then only their own is made, under their unit's community
    assert own.status_code == 201 and own.json()["community"] == world.u1.community_id
    assert (other.status_code, team.status_code) == (400, 400)
    assert list(ServiceOffer.objects.values_list("unit", flat=True)) == [world.u1.pk]


def test_an_order_from_the_menu_files_a_need_bound_to_the_offer(world, client_as):
    # given a unit's offer in community A1
    offer = f.ServiceOfferFactory(
        unit=world.u1,
        title="上门义诊",
        category="health",
        type="service",
        headcount=2,
        required_skills={"first_aid": 1},
    )
    grid = f.GridFactory(community=world.a1)
    # when a coordinator takes an order from it for a resident who phoned
    response = client_as("community").post(
        f"/api/offers/{offer.pk}/order/",
        {
            "requester_name": "李大爷",
            "requester_phone": "13800000001",
            "grid": grid.pk,
            "urgency": 4,
            "description": "腿脚不便，想请医生上门量血压",
        },
        format="json",
    )
    # then a need waits for review in the offer's community, with the offer's particulars and the resident's words
    assert response.status_code == 201, response.content
    need = Need.objects.get(pk=response.json()["need"])
    assert (need.title, need.category, need.type, need.headcount, need.required_skills) == (
        "上门义诊",
        "health",
        "service",
        2,
        {"first_aid": 1},
    )
    assert (need.status, need.source, need.community, need.grid, need.urgency) == (
        "pending",
        "resident",
        world.a1,
        grid,
        4,
    )
    assert need.description == "腿脚不便，想请医生上门量血压"
    # owned by the coordinator who took it, due by the table's deadline, and bound to the offer
    assert need.owner == world.users["community"] and need.deadline is not None
    assert response.json()["deadline"] == need.deadline.isoformat()
    assert OfferOrder.objects.get(need=need).offer == offer
    assert client_as("community").get(f"/api/offers/{offer.pk}/").json()["orders"] == 1


def test_an_offer_off_the_menu_takes_no_order_and_a_grid_must_be_the_offer_s(world, client_as):
    client = client_as("admin")
    off = f.ServiceOfferFactory(unit=world.u1, active=False)
    on = f.ServiceOfferFactory(unit=world.u1)
    refused = client.post(f"/api/offers/{off.pk}/order/", {}, format="json")
    assert (refused.status_code, refused.json()["extra"]["code"]) == (409, "offer_inactive")
    elsewhere = client.post(
        f"/api/offers/{on.pk}/order/", {"grid": f.GridFactory(community=world.b1).pk}, format="json"
    )
    assert (elsewhere.status_code, elsewhere.json()["extra"]["code"]) == (400, "grid_outside_community")
    assert "grid" in elsewhere.json()["extra"]["fields"]
    assert not Need.objects.exists()


def test_an_offer_with_a_limit_takes_no_order_while_that_many_are_open(world, client_as):
    # given a unit's offer that takes one order at a time
    client = client_as("community")
    offer = f.ServiceOfferFactory(unit=world.u1, open_orders_limit=1)
    first = client.post(f"/api/offers/{offer.pk}/order/", {}, format="json")
    assert first.status_code == 201, first.content
    # when a second order is taken while the first is open
    second = client.post(f"/api/offers/{offer.pk}/order/", {}, format="json")
    # then it is refused, and the coordinator's menu shows the offer's open order against its limit
    assert (second.status_code, second.json()["extra"]["code"]) == (409, "offer_full")
    row = client.get(f"/api/offers/{offer.pk}/").json()
    assert (row["orders"], row["open_orders"], row["open_orders_limit"]) == (1, 1, 1)
    # when the first is done, it takes the next
    Need.objects.filter(pk=first.json()["need"]).update(status=Need.Status.COMPLETED)
    assert client.post(f"/api/offers/{offer.pk}/order/", {}, format="json").status_code == 201
    assert client.get(f"/api/offers/{offer.pk}/").json()["open_orders"] == 1


def test_a_limit_of_no_open_orders_is_refused(world, client_as):
    offer = f.ServiceOfferFactory(unit=world.u1)
    response = client_as("community").patch(f"/api/offers/{offer.pk}/", {"open_orders_limit": 0}, format="json")
    assert (response.status_code, list(response.json()["extra"]["fields"])) == (400, ["open_orders_limit"])
