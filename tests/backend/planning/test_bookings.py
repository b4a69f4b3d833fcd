"""A run's resource bookings on review: why each resource was chosen, the requests left without one, the other
suitable resources, and a coordinator's pin or swap (checked against the optimizer's hard rules)."""

import datetime as dt

import pytest
from auditlog.models import LogEntry

import factories as f
from planning import services
from planning.models import Publication, ResourceBooking

from .conftest import SATURDAY

pytestmark = pytest.mark.django_db

# About 1.1 km north of the shift (34.75, 113.62) per 0.01 degree of latitude.
NEAR, FURTHER, FAR = 34.75, 34.76, 34.85


def _venue(world, *, name, lat=NEAR, capacity=40, weekday=6, unit=None):
    resource = f.ResourceFactory(
        community=world.a1, unit=unit or world.u1, name=name, lat=lat, capacity=capacity, features=[]
    )
    f.ResourceSlotFactory(resource=resource, weekday=weekday, start_time=dt.time(8), end_time=dt.time(18))
    return resource


@pytest.fixture
def week(world):
    """A Saturday 9-11 shift of A1 wanting a venue for 30, V1 free for it, and venues around it."""
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=6, start_time=dt.time(9), end_time=dt.time(12))
    shift = f.ShiftFactory(
        community=world.a1, seats=1, title="政策宣讲", start=f.at(SATURDAY, 9), end=f.at(SATURDAY, 11)
    )
    request = f.ResourceRequestFactory(shift=shift, min_capacity=30)
    van_shift = f.ShiftFactory(community=world.a1, seats=1, start=f.at(SATURDAY, 14), end=f.at(SATURDAY, 16))
    van = f.ResourceRequestFactory(shift=van_shift, kind="vehicle", min_capacity=5)
    rooms = {
        "near": _venue(world, name="近的会议室"),
        "further": _venue(world, name="稍远的会议室", lat=FURTHER, capacity=60),
        "small": _venue(world, name="小会议室", capacity=10),
        "far": _venue(world, name="远的礼堂", lat=FAR),
        "weekdays": _venue(world, name="只在周一的会议室", weekday=1),
    }
    return {"shift": shift, "request": request, "van": van, "rooms": rooms}


@pytest.fixture
def planned(world, week, queued_run):
    run = queued_run(community=world.a1)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    run.refresh_from_db()
    return run


def _booking(run):
    return ResourceBooking.objects.get(run=run)


def _swap(client, run, booking, resource):
    return client.post(
        f"/api/planning/runs/{run.pk}/bookings/{booking.pk}/swap/", {"resource": resource.pk}, format="json"
    )


def test_the_bookings_say_why_each_resource_was_chosen(world, client_as, week, planned):
    # when the coordinator reads the run's bookings
    response = client_as("community").get(f"/api/planning/runs/{planned.pk}/bookings/")
    # then the nearest suitable venue was booked, with the figures the optimizer used
    assert response.status_code == 200, response.json()
    body = response.json()
    [booking] = body["bookings"]
    near = week["rooms"]["near"]
    assert (booking["request"], booking["shift"], booking["resource"], booking["resource_name"]) == (
        week["request"].pk,
        week["shift"].pk,
        near.pk,
        "近的会议室",
    )
    assert (booking["kind"], booking["min_capacity"], booking["unit_name"], booking["pinned"]) == (
        "venue",
        30,
        "中原区人民医院",
        False,
    )
    why = booking["why"]
    assert {key: why[key] for key in ("code", "distance_km", "max_distance_km", "capacity", "min_capacity")} == {
        "code": "nearest",
        "distance_km": 0.0,
        "max_distance_km": 5.0,
        "capacity": 40,
        "min_capacity": 30,
    }
    assert why["alternatives"] == 1  # the further one; the small, far and weekday rooms break a rule
    assert (why["free_from"], why["free_to"]) == ("2026-12-05T08:00:00+08:00", "2026-12-05T18:00:00+08:00")
    assert why["message"] == (
        "The nearest suitable one: 0 km away (limit 5 km), holds 40 (30 wanted), free for the whole shift."
    )
    # and the van nobody offers is listed with why
    assert [(u["request"], u["kind"], u["code"], u["message"]) for u in body["unmet"]] == [
        (
            week["van"].pk,
            "vehicle",
            "no_such_resource",
            "No resource of this kind with the capacity and features asked for.",
        )
    ]


def test_alternatives_are_the_suitable_free_resources_in_reach_nearest_first(world, client_as, week, planned):
    booking = _booking(planned)
    response = client_as("community").get(f"/api/planning/runs/{planned.pk}/bookings/{booking.pk}/alternatives/")
    assert response.status_code == 200
    assert [(row["resource"], row["name"], row["capacity"]) for row in response.json()] == [
        (week["rooms"]["further"].pk, "稍远的会议室", 60)
    ]
    assert response.json()[0]["distance_km"] == pytest.approx(1.11, abs=0.01)


def test_a_swap_books_the_other_resource_pinned_and_is_audited(world, client_as, week, planned):
    # when the coordinator swaps the near room for the further one
    booking = _booking(planned)
    response = _swap(client_as("community"), planned, booking, week["rooms"]["further"])
    # then
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["resource"], body["pinned"], body["source"]) == (week["rooms"]["further"].pk, True, "manual")
    booking.refresh_from_db()
    assert (booking.resource_id, booking.pinned) == (week["rooms"]["further"].pk, True)
    entry = LogEntry.objects.get_for_object(booking).get()
    assert entry.actor.username == "shequ"
    assert entry.changes_dict["resource"] == [str(week["rooms"]["near"].pk), str(week["rooms"]["further"].pk)]


@pytest.mark.parametrize(
    ("room", "rule"),
    [
        ("small", "resource capacity: r{r} holds 10 < 30 for q{q}"),
        ("far", "resource distance: r{r} is 11.12 km from q{q}, limit 5 km"),
    ],
)
def test_a_swap_breaking_a_hard_rule_is_refused_naming_it(world, client_as, week, planned, room, rule):
    booking, resource = _booking(planned), week["rooms"][room]
    response = _swap(client_as("community"), planned, booking, resource)
    assert response.status_code == 400
    message = rule.format(r=resource.pk, q=week["request"].pk)
    assert response.json() == {
        "message": f"This booking would break a rule: {message}",
        "extra": {"code": "rule_broken", "fields": {"resource": [message]}},
    }
    booking.refresh_from_db()
    assert (booking.resource_id, booking.pinned) == (week["rooms"]["near"].pk, False)


def test_a_resource_not_free_for_the_shift_is_refused_naming_the_rule(world, client_as, week, planned):
    resource = week["rooms"]["weekdays"]
    response = _swap(client_as("community"), planned, _booking(planned), resource)
    assert response.status_code == 400
    message = f"resource availability: r{resource.pk} is not free for all of q{week['request'].pk}"
    assert response.json()["extra"]["fields"] == {"resource": [message]}


def test_a_withdrawn_resource_is_not_offered(world, client_as, week, planned):
    resource = week["rooms"]["further"]
    resource.status = "withdrawn"
    resource.save()
    response = _swap(client_as("community"), planned, _booking(planned), resource)
    assert response.status_code == 400
    assert response.json() == {
        "message": "The resource is not among this run's resources (withdrawn, outside its scope, or not free this "
        "week).",
        "extra": {"code": "rule_broken", "fields": {"resource": ["Not offered this week."]}},
    }


def test_a_resource_another_booking_holds_then_is_a_conflict(world, client_as, week, planned):
    # given a second shift at the same time whose booking holds the further room
    booking = _booking(planned)
    other = f.ShiftFactory(community=world.a1, seats=1, start=f.at(SATURDAY, 10), end=f.at(SATURDAY, 12))
    held = ResourceBooking.objects.create(
        run=planned, request=f.ResourceRequestFactory(shift=other, min_capacity=10), resource=week["rooms"]["further"]
    )
    # when the coordinator swaps the first booking onto it
    response = _swap(client_as("community"), planned, booking, week["rooms"]["further"])
    # then
    assert response.status_code == 409
    body = response.json()
    assert body["extra"]["code"] == "resource_booked"
    assert body["message"] == (
        "Another booking of this plan holds the resource then: resource overlap: r{r} serves overlapping requests "
        "q{a} and q{b}".format(r=week["rooms"]["further"].pk, a=week["request"].pk, b=held.request_id)
    )


def test_a_published_week_refuses_pin_and_swap(world, client_as, week, planned):
    Publication.objects.create(
        scope_key=planned.scope_key, week=planned.week, run=planned, published_at=planned.created_at
    )
    booking, client = _booking(planned), client_as("community")
    swap = _swap(client, planned, booking, week["rooms"]["further"])
    pin = client.patch(f"/api/planning/runs/{planned.pk}/bookings/{booking.pk}/", {"pinned": True}, format="json")
    for response in (swap, pin):
        assert response.status_code == 409
        assert response.json()["extra"]["code"] == "run_not_editable"
    booking.refresh_from_db()
    assert (booking.resource_id, booking.pinned) == (week["rooms"]["near"].pk, False)


def test_a_pinned_booking_survives_the_next_run(world, client_as, week, planned, queued_run):
    # given the coordinator swapped the booking to the further room (pinned) in version 1
    client = client_as("community")
    assert _swap(client, planned, _booking(planned), week["rooms"]["further"]).status_code == 200
    # when the scope and week run again
    second = queued_run(community=world.a1)
    assert services.matching_run_execute(run_id=second.pk) == "done"
    # then version 2 keeps the pinned booking, though the near room is nearer
    booking = _booking(second)
    assert (booking.resource_id, booking.pinned, booking.source) == (week["rooms"]["further"].pk, True, "manual")
    second.refresh_from_db()
    assert (second.metrics["requests_met"], second.metrics["requests_total"]) == (1, 2)


def test_an_unpinned_booking_goes_back_to_the_solver(world, client_as, week, planned, queued_run):
    client = client_as("community")
    booking = _booking(planned)
    assert _swap(client, planned, booking, week["rooms"]["further"]).status_code == 200
    response = client.patch(f"/api/planning/runs/{planned.pk}/bookings/{booking.pk}/", {"pinned": False}, format="json")
    assert response.status_code == 200
    assert response.json()["pinned"] is False
    second = queued_run(community=world.a1)
    assert services.matching_run_execute(run_id=second.pk) == "done"
    assert (_booking(second).resource_id, _booking(second).pinned) == (week["rooms"]["near"].pk, False)


def test_a_pin_that_no_longer_keeps_the_rules_is_dropped(world, client_as, week, planned, queued_run):
    # given a pinned booking of the further room, which then stops being free on Saturdays
    assert _swap(client_as("community"), planned, _booking(planned), week["rooms"]["further"]).status_code == 200
    week["rooms"]["further"].slots.update(weekday=2)
    # when the week runs again, the solver books what is free
    second = queued_run(community=world.a1)
    assert services.matching_run_execute(run_id=second.pk) == "done"
    assert (_booking(second).resource_id, _booking(second).pinned) == (week["rooms"]["near"].pk, False)
