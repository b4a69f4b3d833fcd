"""Reads: "my attendance" for the volunteer, the coordinators' list scoped by the shift's community."""

import datetime as dt

import pytest
from django.utils import timezone

from attendance.models import Attendance

H = dt.timedelta(hours=1)


@pytest.fixture
def rows(world, shift_at, assign, now):
    """V1 served 2 h on an A1 shift and missed an A2 shift; V2 served on a B1 shift."""
    a1 = shift_at(now - 30 * H)
    a2 = shift_at(now - 50 * H, community=world.a2)
    b1 = shift_at(now - 30 * H, community=world.b1)
    for shift, volunteer in ((a1, world.v1), (a2, world.v1), (b1, world.v2)):
        assign(shift, volunteer)
    return {
        "a1": Attendance.objects.create(
            shift=a1, volunteer=world.v1, method="qr", checked_in_at=a1.start, checked_out_at=a1.end, minutes_served=120
        ),
        "a2": Attendance.objects.create(shift=a2, volunteer=world.v1, status="no_show"),
        "b1": Attendance.objects.create(
            shift=b1,
            volunteer=world.v2,
            method="coordinator",
            checked_in_at=b1.start,
            checked_out_at=b1.end,
            minutes_served=120,
        ),
    }


def _ids(response):
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def test_mine_lists_the_volunteers_own_rows_with_hours(world, client_as, rows):
    response = client_as("volunteer").get("/api/attendance/mine/")
    assert _ids(response) == [rows["a1"].pk, rows["a2"].pk]
    first = response.json()["results"][0]
    assert (first["status"], first["minutes_served"], first["hours"], first["community_name"]) == (
        "present",
        120,
        2.0,
        "秦江社区",
    )
    assert response.json()["results"][1]["status"] == "no_show"


@pytest.mark.parametrize("role", ["unit", "community", "admin"])
def test_mine_is_for_volunteers(world, client_as, rows, role):
    assert client_as(role).get("/api/attendance/mine/").status_code == 403


@pytest.mark.parametrize(
    "role, expected",
    [
        ("community", ["a1"]),
        ("subdistrict", ["a2", "a1"]),
        ("admin", ["a2", "a1", "b1"]),
    ],
)
def test_list_is_scoped_by_the_shifts_community(world, client_as, rows, role, expected):
    response = client_as(role).get("/api/attendance/")
    assert sorted(_ids(response)) == sorted(rows[key].pk for key in expected)


@pytest.mark.parametrize("role, status", [("volunteer", 403), ("unit", 403), ("anonymous", 401)])
def test_list_is_for_coordinators(world, client_as, rows, role, status):
    assert client_as(role).get("/api/attendance/").status_code == status


def test_list_filters_by_shift_community_and_date(world, client_as, rows):
    client = client_as("admin")
    a1, b1 = rows["a1"].shift, rows["b1"].shift
    assert _ids(client.get("/api/attendance/", {"shift": a1.pk})) == [rows["a1"].pk]
    assert _ids(client.get("/api/attendance/", {"community": world.b1.pk})) == [rows["b1"].pk]
    day = timezone.localdate(a1.start)
    assert sorted(_ids(client.get("/api/attendance/", {"date": day.isoformat()}))) == sorted(
        row.pk for row in rows.values() if timezone.localdate(row.shift.start) == day
    )
    assert b1.pk and _ids(client.get("/api/attendance/", {"community": world.b1.pk, "shift": a1.pk})) == []
    # a community outside the coordinator's scope shows nothing, not an error
    assert _ids(client_as("community").get("/api/attendance/", {"community": world.b1.pk})) == []


def test_bad_filter_is_a_400_naming_it(world, client_as, rows):
    response = client_as("admin").get("/api/attendance/", {"date": "someday"})
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == ["date"]


def test_lists_do_not_query_per_row(world, client_as, shift_at, assign, now, rows):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(role, path):
        with CaptureQueriesContext(connection) as queries:
            assert client_as(role).get(path).status_code == 200
        return len(queries)

    # given the counts with the fixture's rows
    before = count("admin", "/api/attendance/"), count("volunteer", "/api/attendance/mine/")
    # when three more rows of V1 appear
    for hours in (80, 100, 120):
        shift = shift_at(now - hours * H)
        assign(shift)
        Attendance.objects.create(shift=shift, volunteer=world.v1, status="no_show")
    # then the same number of queries answers
    assert (count("admin", "/api/attendance/"), count("volunteer", "/api/attendance/mine/")) == before
