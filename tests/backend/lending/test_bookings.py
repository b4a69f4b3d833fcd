"""The bookings view: the published bookings of a week, per role in and out of scope, filtered by resource and
day, with whether each is withdrawn or replaces a withdrawn resource."""

import datetime as dt

import pytest

from lending.models import BookingChange, ResourceWithdrawal
from planning.models import ResourceBooking

from ..volunteering.volunteering_world import SATURDAY, WEEK, make_run
from .conftest import booked_shift

pytestmark = pytest.mark.django_db


def _ids(response):
    assert response.status_code == 200, response.data
    return [row["id"] for row in response.data["results"]]


@pytest.mark.parametrize(
    "role, sees",
    [
        ("unit", {"booking"}),
        ("community", {"booking"}),
        ("subdistrict", {"booking"}),
        ("admin", {"booking", "out_booking"}),
    ],
)
def test_each_role_sees_the_bookings_of_its_scope(world, client_as, plan, role, sees):
    response = client_as(role).get("/api/unit/bookings/", {"week": SATURDAY.isoformat()})
    assert sorted(_ids(response)) == sorted(plan[name].pk for name in sees)


@pytest.mark.parametrize("role, code", [("volunteer", 403), ("anonymous", 401)])
def test_volunteers_and_strangers_are_refused(world, client_as, plan, role, code):
    assert client_as(role).get("/api/unit/bookings/", {"week": WEEK.isoformat()}).status_code == code


def test_a_booking_shows_where_when_and_what(world, client_as, plan):
    # given the hall is withdrawn on Saturday (no backfill yet)
    ResourceWithdrawal.objects.create(resource=plan["hall"], date=SATURDAY, reason="设备检修")
    # when
    response = client_as("unit").get("/api/unit/bookings/", {"week": WEEK.isoformat()})
    # then
    row = response.data["results"][0]
    assert {
        key: row[key]
        for key in (
            "id",
            "run",
            "resource",
            "resource_name",
            "unit_name",
            "request",
            "request_kind",
            "min_capacity",
            "shift",
            "shift_title",
            "date",
            "community",
            "community_name",
            "address",
            "withdrawn",
            "replaces",
        )
    } == {
        "id": plan["booking"].pk,
        "run": plan["run"].pk,
        "resource": plan["hall"].pk,
        "resource_name": "医院报告厅",
        "unit_name": "中原区人民医院",
        "request": plan["request"].pk,
        "request_kind": "venue",
        "min_capacity": 30,
        "shift": plan["shift"].pk,
        "shift_title": "周六政策宣讲",
        "date": SATURDAY.isoformat(),
        "community": world.a1.pk,
        "community_name": "秦江社区",
        "address": "秦岭路18号",
        "withdrawn": True,
        "replaces": None,
    }
    assert row["start"].startswith(f"{SATURDAY.isoformat()}T09:00:00")


def test_a_replacement_booking_names_the_resource_it_replaced(world, client_as, plan):
    withdrawal = ResourceWithdrawal.objects.create(resource=plan["hall"], date=SATURDAY, reason="设备检修")
    ResourceBooking.objects.filter(pk=plan["booking"].pk).update(resource=plan["near"])
    BookingChange.objects.create(
        withdrawal=withdrawal,
        run=plan["run"],
        request=plan["request"],
        old_resource=plan["hall"],
        new_resource=plan["near"],
    )
    response = client_as("community").get("/api/unit/bookings/", {"week": WEEK.isoformat()})
    assert [(r["resource"], r["withdrawn"], r["replaces"]) for r in response.data["results"]] == [
        (plan["near"].pk, False, plan["hall"].pk)
    ]


def test_unpublished_runs_and_other_weeks_are_not_listed(world, client_as, plan):
    draft = make_run(world.a1, version=2, published=False)
    booked_shift(draft, world.a1, plan["hall"])
    assert _ids(client_as("unit").get("/api/unit/bookings/", {"week": WEEK.isoformat()})) == [plan["booking"].pk]
    assert _ids(client_as("unit").get("/api/unit/bookings/", {"week": (WEEK + dt.timedelta(days=7)).isoformat()})) == []
    assert _ids(client_as("unit").get("/api/unit/bookings/")) == []  # this week: nothing published


def test_each_week_lists_the_bookings_of_its_own_published_plan(world, client_as, plan):
    # given the hall also booked by A1's published plans of the week before and of the week after
    week = dt.timedelta(days=7)
    earlier = booked_shift(make_run(world.a1, week=WEEK - week), world.a1, plan["hall"], day=SATURDAY - week)[2]
    later = booked_shift(make_run(world.a1, week=WEEK + week), world.a1, plan["hall"], day=SATURDAY + week)[2]
    client = client_as("unit")

    def listed(**params):
        return _ids(client.get("/api/unit/bookings/", {key: value.isoformat() for key, value in params.items()}))

    # when U1 reads each week, and each Saturday
    # then each lists its own week's booking only
    assert listed(week=WEEK - week) == [earlier.pk]
    assert listed(week=WEEK) == [plan["booking"].pk]
    assert listed(week=WEEK + week) == [later.pk]
    assert listed(date=SATURDAY - week) == [earlier.pk]
    assert listed(date=SATURDAY + week) == [later.pk]


def test_filters_by_resource_and_day(world, client_as, plan):
    client = client_as("admin")
    assert _ids(client.get("/api/unit/bookings/", {"week": WEEK.isoformat(), "resource": plan["school"].pk})) == [
        plan["out_booking"].pk
    ]
    assert sorted(_ids(client.get("/api/unit/bookings/", {"date": SATURDAY.isoformat()}))) == sorted(
        [plan["booking"].pk, plan["out_booking"].pk]
    )
    assert _ids(client.get("/api/unit/bookings/", {"date": (SATURDAY + dt.timedelta(days=1)).isoformat()})) == []


def test_a_bad_filter_is_a_400_naming_it(world, client_as, plan):
    response = client_as("unit").get("/api/unit/bookings/", {"week": "next week"})
    assert response.status_code == 400
    assert response.data == {
        "message": "week: Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
        "extra": {
            "code": "invalid",
            "fields": {"week": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]},
        },
    }
