"""Exact response bodies of representative detail endpoints (the shapes the web app relies on)."""

import datetime as dt

import pytest

import factories as f

pytestmark = pytest.mark.django_db


def test_post_detail_shows_its_schedule_rule_in_words(world, client_as):
    post = f.PostFactory(
        community=world.a1,
        name="法律服务岗",
        category="legal",
        duties="每周六为居民提供法律咨询",
        seats=2,
        required_skills={"legal_advice": 2},
        weekdays=[6, 3],
        start_time=dt.time(9),
        end_time=dt.time(11),
        target="全年服务不少于50次",
    )
    response = client_as("community").get(f"/api/posts/{post.pk}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": post.pk,
        "community": world.a1.pk,
        "community_name": "秦江社区",
        "team": None,
        "name": "法律服务岗",
        "category": "legal",
        "duties": "每周六为居民提供法律咨询",
        "seats": 2,
        "required_skills": {"legal_advice": 2},
        "weekdays": [6, 3],
        "start_time": "09:00:00",
        "end_time": "11:00:00",
        "schedule": "周三、周六 09:00-11:00",
        "target": "全年服务不少于50次",
        "third_label": "time",
        "priority": 3,
        "lat": 34.75,
        "lng": 113.62,
        "active": True,
    }


def test_resource_detail_carries_its_free_slots(world, client_as):
    resource = f.ResourceFactory(
        unit=world.u1, community=world.a1, name="多功能厅", capacity=80, features=["projector", "sound"]
    )
    f.ResourceSlotFactory(
        resource=resource, weekday=None, date=dt.date(2026, 12, 5), start_time=dt.time(14), end_time=dt.time(17)
    )
    f.ResourceSlotFactory(resource=resource, weekday=6, start_time=dt.time(8), end_time=dt.time(12))
    response = client_as("unit").get(f"/api/resources/{resource.pk}/")
    body = response.json()
    assert response.status_code == 200
    assert {
        k: body[k] for k in ("unit", "unit_name", "community_name", "category", "capacity", "features", "status")
    } == {
        "unit": world.u1.pk,
        "unit_name": "中原区人民医院",
        "community_name": "秦江社区",
        "category": "venue",
        "capacity": 80,
        "features": ["projector", "sound"],
        "status": "listed",
    }
    assert [(s["weekday"], s["date"], s["start_time"], s["end_time"]) for s in body["slots"]] == [
        (6, None, "08:00:00", "12:00:00"),
        (None, "2026-12-05", "14:00:00", "17:00:00"),
    ]


def test_unit_lists_a_resource_for_itself_whatever_it_sends(world, client_as):
    response = client_as("unit").post(
        "/api/resources/",
        {
            "unit": world.u2.pk,
            "community": world.b1.pk,
            "name": "面包车",
            "category": "vehicle",
            "capacity": 7,
            "lat": 34.7,
            "lng": 113.6,
            "conditions": "需提前一天预约",
        },
        format="json",
    )
    assert response.status_code == 201
    assert (response.json()["unit"], response.json()["unit_name"]) == (world.u1.pk, "中原区人民医院")


def test_agreement_items_are_replaced_by_the_list_given(world, client_as):
    client = client_as("community")
    created = client.post(
        "/api/agreements/",
        {
            "unit": world.u1.pk,
            "community": world.a1.pk,
            "year": 2026,
            "title": "共建协议",
            "items": [{"description": "义诊两次", "quantity": 2}, {"description": "场地开放", "quantity": 1}],
        },
        format="json",
    ).json()
    updated = client.patch(
        f"/api/agreements/{created['id']}/",
        {"items": [{"description": "义诊四次", "quantity": 4, "done": True}]},
        format="json",
    ).json()
    assert [(i["description"], i["quantity"], i["done"]) for i in updated["items"]] == [("义诊四次", 4, True)]
    duplicate = client.post(
        "/api/agreements/",
        {"unit": world.u1.pk, "community": world.a1.pk, "year": 2026, "title": "again"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert duplicate.status_code == 400
    assert list(duplicate.json()["extra"]["fields"]) == ["year"]


def test_english_labels_on_request(world, client_as):
    response = client_as("admin").post("/api/shifts/", {}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["extra"]["fields"]["title"] == ["This field is required."]
    chinese = client_as("admin").post("/api/shifts/", {}, format="json")
    assert chinese.json()["extra"]["fields"]["title"] == ["该字段是必填项。"]
