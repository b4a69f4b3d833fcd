"""GET /api/insights/resources/: idle resources' slot-hours offered versus hours booked in published plans."""

import datetime as dt

import factories as f
from lending.models import ResourceWithdrawal
from planning.models import ResourceBooking

from .conftest import PERIOD, W1, W2


def _book(run, resource, shift):
    return ResourceBooking.objects.create(
        run=run, resource=resource, request=f.ResourceRequestFactory(shift=shift, kind=resource.category)
    )


def test_use_rate_per_unit_and_category(world, client_as, plan, shift):
    # given: U1's venue offers 2 h each Saturday (2 weeks) and 3 h on one dated day: 7 h; 2 h booked in a plan
    venue = f.ResourceFactory(unit=world.u1, community=world.a1, category="venue")
    f.ResourceSlotFactory(resource=venue, weekday=6, start_time=dt.time(9), end_time=dt.time(11))
    f.ResourceSlotFactory(
        resource=venue, weekday=None, date=W1 + dt.timedelta(days=1), start_time=dt.time(14), end_time=dt.time(17)
    )
    f.ResourceSlotFactory(
        resource=venue, weekday=None, date=W2 + dt.timedelta(days=7), start_time=dt.time(8), end_time=dt.time(18)
    )  # after the period
    published = plan(world.a1, W1)
    _book(published, venue, shift(world.a1, W1, hours=2))
    _book(plan(world.a1, W2, published=False), venue, shift(world.a1, W2, hours=3))  # never published
    # U1's equipment: 10 h each Saturday, never booked, taken back one day in the period and one after
    kit = f.ResourceFactory(unit=world.u1, community=world.a1, category="equipment")
    f.ResourceSlotFactory(resource=kit, weekday=6, start_time=dt.time(8), end_time=dt.time(18))
    ResourceWithdrawal.objects.create(resource=kit, date=W1 + dt.timedelta(days=5), reason="维修")
    ResourceWithdrawal.objects.create(resource=kit, date=W2 + dt.timedelta(days=12), reason="维修")
    # the community's own room: 2 h each Saturday, 2 h booked in week 2
    room = f.ResourceFactory(unit=None, community=world.a1, category="venue")
    f.ResourceSlotFactory(resource=room, weekday=6, start_time=dt.time(9), end_time=dt.time(11))
    _book(plan(world.a2, W2), room, shift(world.a2, W2, hours=2))
    # U2's venue in B1 is not in the coordinator's scope
    outside = f.ResourceFactory(unit=world.u2, community=world.b1)
    f.ResourceSlotFactory(resource=outside, weekday=6, start_time=dt.time(9), end_time=dt.time(11))

    # when
    body = client_as("community").get("/api/insights/resources/", PERIOD).json()

    # then
    u1 = {"unit": world.u1.pk, "unit_name": "中原区人民医院"}
    own = {"unit": None, "unit_name": ""}
    assert body["rows"] == [
        {
            **u1,
            "category": "equipment",
            "offered_hours": 20.0,
            "booked_hours": 0.0,
            "use_rate": 0.0,
            "bookings": 0,
            "withdrawals": 1,
        },
        {
            **u1,
            "category": "venue",
            "offered_hours": 7.0,
            "booked_hours": 2.0,
            "use_rate": 0.2857,
            "bookings": 1,
            "withdrawals": 0,
        },
        {
            **own,
            "category": "venue",
            "offered_hours": 4.0,
            "booked_hours": 2.0,
            "use_rate": 0.5,
            "bookings": 1,
            "withdrawals": 0,
        },
    ]
    assert body["by_unit"] == [
        {**u1, "offered_hours": 27.0, "booked_hours": 2.0, "use_rate": 0.0741, "bookings": 1, "withdrawals": 1},
        {**own, "offered_hours": 4.0, "booked_hours": 2.0, "use_rate": 0.5, "bookings": 1, "withdrawals": 0},
    ]
    assert body["by_category"] == [
        {
            "category": "equipment",
            "offered_hours": 20.0,
            "booked_hours": 0.0,
            "use_rate": 0.0,
            "bookings": 0,
            "withdrawals": 1,
        },
        {
            "category": "venue",
            "offered_hours": 11.0,
            "booked_hours": 4.0,
            "use_rate": 0.3636,
            "bookings": 2,
            "withdrawals": 0,
        },
    ]
    assert body["total"] == {
        "offered_hours": 31.0,
        "booked_hours": 4.0,
        "use_rate": 0.129,
        "bookings": 2,
        "withdrawals": 1,
    }


def test_nothing_offered_has_no_use_rate(world, client_as):
    # given: a listed resource without free slots
    f.ResourceFactory(unit=world.u1, community=world.a1)

    # when
    body = client_as("admin").get("/api/insights/resources/", PERIOD).json()

    # then
    assert body["total"] == {
        "offered_hours": 0.0,
        "booked_hours": 0.0,
        "use_rate": None,
        "bookings": 0,
        "withdrawals": 0,
    }
