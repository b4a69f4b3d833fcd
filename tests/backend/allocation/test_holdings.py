"""The member's side: my post holdings, and declining one with a reason (own holdings only; the community's
coordinators are told)."""

import pytest

import factories as f
from allocation.models import HoldingDecline
from notifications.models import Notification
from posts.models import PostHolding

from .conftest import YEAR

pytestmark = pytest.mark.django_db
MINE = "/api/me/post-holdings/"


def _decline(client, holding, **body):
    return client.post(f"{MINE}{holding.pk}/decline/", body, format="json")


def test_my_holdings_are_mine_only_newest_year_first(world, client_as):
    post = f.PostFactory(community=world.a1, name="楼院长", weekdays=[1, 3], target="楼院无安全事故")
    older = f.PostHoldingFactory(post=post, volunteer=world.v1, year=YEAR - 1, status="ended")
    current = f.PostHoldingFactory(post=post, volunteer=world.v1, year=YEAR)
    f.PostHoldingFactory(post=post, volunteer=world.v2, year=YEAR)
    client = client_as("volunteer")
    rows = client.get(MINE).json()["results"]
    assert [(row["id"], row["status"]) for row in rows] == [(current.pk, "active"), (older.pk, "ended")]
    assert {
        k: rows[0][k]
        for k in (
            "post_name",
            "community_name",
            "schedule",
            "weekdays",
            "start_time",
            "end_time",
            "target",
            "reason",
            "declined_at",
        )
    } == {
        "post_name": "楼院长",
        "community_name": "秦江社区",
        "schedule": "周一、周三 09:00-11:00",
        "weekdays": [1, 3],
        "start_time": "09:00:00",
        "end_time": "11:00:00",
        "target": "楼院无安全事故",
        "reason": "",
        "declined_at": None,
    }
    assert [row["id"] for row in client.get(MINE, {"year": YEAR - 1}).json()["results"]] == [older.pk]
    assert [row["id"] for row in client.get(MINE, {"status": "active"}).json()["results"]] == [current.pk]


@pytest.mark.parametrize("role", ["unit", "community", "subdistrict", "admin"])
def test_only_volunteers_have_holdings(world, client_as, role):
    holding = f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=YEAR)
    client = client_as(role)
    expected = {"message": "Only volunteers hold standing posts.", "extra": {"code": "permission_denied", "fields": {}}}
    assert (client.get(MINE).status_code, client.get(MINE).json()) == (403, expected)
    assert _decline(client, holding).status_code == 403
    assert client_as("anonymous").get(MINE).status_code == 401
    assert PostHolding.objects.get().status == "active"


def test_someone_elses_holding_looks_missing(world, client_as):
    other = f.PostHoldingFactory(post=f.PostFactory(community=world.b1), volunteer=world.v2, year=YEAR)
    response = _decline(client_as("volunteer"), other, reason="不想")
    assert (response.status_code, response.json()) == (
        404,
        {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}},
    )
    assert _decline(client_as("volunteer"), PostHolding(pk=999999)).status_code == 404
    assert PostHolding.objects.get().status == "active"
    assert not Notification.objects.exists()


def test_declining_tells_the_communitys_coordinators(world, client_as):
    # given a holding of V1 on an A1 post; A1 has two coordinators (one inactive) and A2 one
    post = f.PostFactory(community=world.a1, name="文明引导岗")
    holding = f.PostHoldingFactory(post=post, volunteer=world.v1, year=YEAR)
    second = f.UserFactory(role="community_coordinator", community=world.a1)
    f.UserFactory(role="community_coordinator", community=world.a1, is_active=False)
    f.UserFactory(role="community_coordinator", community=world.a2)
    # when V1 declines without a reason
    response = _decline(client_as("volunteer"), holding)
    # then
    assert (response.status_code, response.json()["status"], response.json()["reason"]) == (200, "declined", "")
    told = Notification.objects.filter(event_key=f"post-holding-declined:{holding.pk}")
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted([world.users["community"].pk, second.pk])
    notice = told.first()
    assert notice.body == (
        f"{world.v1.name} ({world.v1.number}) declined their standing post for {YEAR}.\n\n"
        "Post: 文明引导岗 (秦江社区)\nTime: 周六 09:00-11:00\nDuties: 巡查楼院安全隐患\n\nReason: none given"
    )
    assert notice.payload["holding"] == holding.pk


def test_an_ended_holding_cannot_be_declined(world, client_as):
    holding = f.PostHoldingFactory(
        post=f.PostFactory(community=world.a1), volunteer=world.v1, year=YEAR, status="ended"
    )
    response = _decline(client_as("volunteer"), holding, reason="x")
    assert (response.status_code, response.json()) == (
        409,
        {
            "message": "This post holding has ended; there is nothing to decline.",
            "extra": {"code": "holding_ended", "fields": {}},
        },
    )
    assert not HoldingDecline.objects.exists()


def test_a_reason_too_long_is_a_400_and_nothing_changes(world, client_as):
    holding = f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=YEAR)
    response = _decline(client_as("volunteer"), holding, reason="长" * 501)
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == ["reason"]
    assert PostHolding.objects.get().status == "active"
    assert not Notification.objects.exists()
