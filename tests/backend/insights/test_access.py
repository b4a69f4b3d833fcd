"""Who reads the dashboards, inside which scope, and how refused query parameters are answered."""

import datetime as dt

import pytest
from django.utils import timezone

from .conftest import PERIOD

PATHS = ["weeks", "hours-by-community", "fairness", "resources", "missing-skills"]
NOT_FOUND = {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("role", ["volunteer", "unit"])
def test_volunteers_and_unit_representatives_are_refused(world, client_as, path, role):
    # when
    response = client_as(role).get(f"/api/insights/{path}/", PERIOD)

    # then
    assert response.status_code == 403
    assert response.json() == {
        "message": "Only coordinators read the dashboards.",
        "extra": {"code": "permission_denied", "fields": {}},
    }


def test_anonymous_callers_are_not_answered(world, client_as):
    assert client_as("anonymous").get("/api/insights/weeks/").status_code == 401


@pytest.mark.parametrize(
    "role, params",
    [
        ("community", {"community": "b1"}),
        ("community", {"community": "a2"}),
        ("community", {"sub_district": "s2"}),
        ("subdistrict", {"community": "b1"}),
        ("subdistrict", {"sub_district": "s2"}),
        ("admin", {"community": 999999}),
    ],
)
@pytest.mark.parametrize("path", PATHS)
def test_a_filter_outside_the_scope_is_not_found(world, client_as, role, params, path):
    # given
    params = {key: getattr(world, value).pk if isinstance(value, str) else value for key, value in params.items()}

    # when
    response = client_as(role).get(f"/api/insights/{path}/", {**PERIOD, **params})

    # then
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize(
    "role, params, level, communities",
    [
        ("subdistrict", {"community": "a2"}, "community", ["a2"]),
        ("admin", {"sub_district": "s2"}, "sub_district", ["b1"]),
        ("admin", {}, "district", ["a1", "a2", "b1"]),
        ("community", {"sub_district": "s1"}, "community", ["a1"]),  # a filter never widens the scope
    ],
)
def test_a_filter_inside_the_scope_narrows_it(world, client_as, role, params, level, communities):
    # given
    params = {key: getattr(world, value).pk for key, value in params.items()}

    # when
    scope = client_as(role).get("/api/insights/fairness/", {**PERIOD, **params}).json()["scope"]

    # then
    assert (scope["level"], scope["communities"]) == (level, [getattr(world, name).pk for name in communities])


def test_bad_weeks_is_refused_naming_the_field(world, client_as):
    # when
    response = client_as("community").get("/api/insights/weeks/", {"weeks": 0})

    # then
    assert response.status_code == 400
    assert response.json() == {
        "message": "weeks: Ensure this value is greater than or equal to 1.",
        "extra": {"code": "invalid", "fields": {"weeks": ["Ensure this value is greater than or equal to 1."]}},
    }


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"weeks": 53}, "weeks", "Ensure this value is less than or equal to 52."),
        ({"weeks": "many"}, "weeks", "A valid integer is required."),
        ({"from": "2026-11-17", "to": "2026-11-23"}, "from", "Give a Monday."),
        ({"from": "2026-11-16", "to": "2026-11-24"}, "to", "Give a Monday."),
        ({"from": "2026-11-16"}, "to", "Give both from and to."),
        ({"to": "2026-11-16"}, "from", "Give both from and to."),
        ({"from": "2026-11-23", "to": "2026-11-16"}, "to", "The end of the range comes before its start."),
        ({"from": "2025-11-17", "to": "2026-11-16"}, "to", "At most 52 weeks."),
        (
            {"weeks": 4, "from": "2026-11-16", "to": "2026-11-23"},
            "weeks",
            "Give either weeks or from and to, not both.",
        ),
        (
            {"from": "16.11.2026", "to": "2026-11-23"},
            "from",
            "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
        ),
        ({"community": 1, "sub_district": 1}, "sub_district", "Give either a community or a sub-district."),
    ],
)
def test_bad_period_is_refused_naming_the_field(world, client_as, params, field, message):
    # when
    response = client_as("admin").get("/api/insights/weeks/", params)

    # then
    assert response.status_code == 400
    assert response.json() == {
        "message": f"{field}: {message}",
        "extra": {"code": "invalid", "fields": {field: [message]}},
    }


def test_default_period_is_the_latest_twelve_weeks_up_to_the_current_one(world, client_as):
    # given
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())

    # when
    period = client_as("admin").get("/api/insights/weeks/").json()["period"]

    # then
    assert period["end"] == monday.isoformat()
    assert period["start"] == (monday - dt.timedelta(weeks=11)).isoformat()
    assert len(period["weeks"]) == 12


def test_exactly_fifty_two_weeks_are_accepted(world, client_as):
    # when
    response = client_as("admin").get("/api/insights/weeks/", {"from": "2025-11-24", "to": "2026-11-16"})

    # then
    assert response.status_code == 200
    assert len(response.json()["weeks"]) == 52


EARLY = "Ensure this value is greater than or equal to 2000-01-01."
LATE = "Ensure this value is less than or equal to 2100-12-31."


@pytest.mark.parametrize(
    "params, fields",
    [
        ({"from": "1999-12-27", "to": "2000-01-03"}, {"from": [EARLY]}),
        ({"from": "2101-01-03", "to": "2101-01-03"}, {"from": [LATE], "to": [LATE]}),
        ({"community": 2**31}, {"community": ["Ensure this value is less than or equal to 2147483647."]}),
    ],
)
def test_values_beyond_any_real_one_are_refused(world, client_as, params, fields):
    # when
    response = client_as("admin").get("/api/insights/weeks/", params)

    # then
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == fields
