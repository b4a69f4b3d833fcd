"""A community facility (六室四站) marked bookable is listed among the resources once, kept in step with the
facility, and booked by the weekly matching like a unit's resource."""

import datetime as dt

import pytest

import factories as f
from geo.models import Facility
from planning import services
from planning.models import ResourceBooking
from resources.models import Resource

pytestmark = pytest.mark.django_db

WEEK = dt.date(2026, 11, 30)
SATURDAY = WEEK + dt.timedelta(days=5)


@pytest.fixture
def api_language():
    return "en"


@pytest.fixture
def hall(world):
    return f.FacilityFactory(community=world.a1, kind=Facility.Kind.HALL, name="服务大厅", capacity=60)


def test_marking_a_facility_bookable_lists_it_once_with_the_opening_hours(world, client_as, hall):
    # when the coordinator marks the hall bookable
    response = client_as("community").patch(f"/api/facilities/{hall.pk}/", {"bookable": True}, format="json")
    # then it is listed as the community's venue, taken from the facility and its community
    assert response.status_code == 200, response.json()
    assert response.json()["bookable"] is True
    resource = Resource.objects.get(facility=hall)
    assert (resource.unit_id, resource.community_id, resource.name, resource.category, resource.capacity) == (
        None,
        world.a1.pk,
        "秦江社区服务大厅",
        "venue",
        60,
    )
    assert (resource.lat, resource.lng, resource.status) == (world.a1.lat, world.a1.lng, "listed")
    assert sorted((s.weekday, s.start_time, s.end_time) for s in resource.slots.all()) == [
        (day, dt.time(8, 30), dt.time(17, 30)) for day in range(1, 6)
    ] + [(6, dt.time(9), dt.time(17))]
    # and the resources list shows it with its facility
    listed = client_as("community").get(f"/api/resources/{resource.pk}/").json()
    assert (listed["facility"], listed["unit"], listed["name"]) == (hall.pk, None, "秦江社区服务大厅")


def test_the_listing_follows_the_facility_and_is_withdrawn_when_no_longer_bookable(world, client_as, hall):
    client = client_as("community")
    client.patch(f"/api/facilities/{hall.pk}/", {"bookable": True}, format="json")
    # when the facility grows and is renamed, then stops being bookable
    client.patch(f"/api/facilities/{hall.pk}/", {"capacity": 80, "name": "党群服务大厅"}, format="json")
    resource = Resource.objects.get(facility=hall)
    assert (resource.name, resource.capacity, resource.status) == ("秦江社区党群服务大厅", 80, "listed")
    client.patch(f"/api/facilities/{hall.pk}/", {"bookable": False}, format="json")
    # then the same row is withdrawn, never a second one made
    resource.refresh_from_db()
    assert (resource.status, Resource.objects.filter(facility=hall).count()) == ("withdrawn", 1)


def test_the_listing_refuses_changes_that_belong_to_the_facility(world, client_as, hall):
    client = client_as("community")
    client.patch(f"/api/facilities/{hall.pk}/", {"bookable": True}, format="json")
    resource = Resource.objects.get(facility=hall)
    # when the coordinator edits the listing's capacity, and then only its features
    refused = client.patch(f"/api/resources/{resource.pk}/", {"capacity": 500}, format="json")
    kept = client.patch(f"/api/resources/{resource.pk}/", {"features": ["投影"]}, format="json")
    # then
    assert refused.status_code == 400
    assert refused.json() == {
        "message": "capacity: Comes from the community facility; change it there.",
        "extra": {"code": "invalid", "fields": {"capacity": ["Comes from the community facility; change it there."]}},
    }
    assert kept.status_code == 200, kept.json()
    resource.refresh_from_db()
    assert (resource.capacity, resource.features) == (60, ["投影"])


def test_a_notice_board_cannot_be_bookable(world, client_as):
    board = f.FacilityFactory(community=world.a1, kind=Facility.Kind.BOARD, name="居务公开栏", capacity=0)
    response = client_as("community").patch(f"/api/facilities/{board.pk}/", {"bookable": True}, format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"bookable": ["A notice board cannot be booked."]}
    assert not Resource.objects.filter(facility=board).exists()


def test_a_run_books_a_bookable_facility_for_a_shift_in_reach(world, client_as, hall):
    # given the hall bookable, and a Saturday morning shift of A1 wanting a venue for 50
    hall.bookable = True
    hall.save()
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=6, start_time=dt.time(9), end_time=dt.time(12))
    shift = f.ShiftFactory(community=world.a1, seats=1, start=f.at(SATURDAY, 9), end=f.at(SATURDAY, 11))
    request = f.ResourceRequestFactory(shift=shift, min_capacity=50)
    # when the week is matched
    run = services.matching_run_start(user=world.users["community"], week=WEEK, community=world.a1.pk, time_limit=10)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then the hall is booked, and the review says it is the community's facility
    booking = ResourceBooking.objects.get(run=run)
    assert (booking.request_id, booking.resource_id) == (request.pk, hall.resource.pk)
    body = client_as("community").get(f"/api/planning/runs/{run.pk}/bookings/").json()
    assert [(b["facility"], b["unit_name"], b["why"]["code"]) for b in body["bookings"]] == [(hall.pk, None, "nearest")]
