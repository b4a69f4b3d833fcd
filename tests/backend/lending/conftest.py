"""Fixtures of the lending tests: A1's published plan of next week with a Saturday room booked from U1, the
rooms that could replace it, English answers."""

import datetime as dt

import pytest

import factories as f
from accounts.models import User
from planning.models import ResourceBooking

from ..volunteering.volunteering_world import SATURDAY, assign, make_run, make_shift


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


def room(unit, community, *, km=0.0, address="", **extra):
    """A 40-seat venue free on Saturdays 8-18, `km` north of the shifts."""
    resource = f.ResourceFactory(unit=unit, community=community, lat=34.75 + km / 111.0, address=address, **extra)
    f.ResourceSlotFactory(resource=resource, weekday=SATURDAY.isoweekday(), start_time=dt.time(8), end_time=dt.time(18))
    return resource


def booked_shift(run, community, resource, *, hour=9, title="周六政策宣讲", day=SATURDAY):
    shift = make_shift(community, day=day, title=title, hour=hour, address="秦岭路18号")
    request = f.ResourceRequestFactory(shift=shift, min_capacity=30, features=["projector"])
    booking = ResourceBooking.objects.create(run=run, request=request, resource=resource)
    return shift, request, booking


@pytest.fixture
def plan(world):
    """A1's published plan: U1's hall booked for the Saturday talk with V1 on it; U3's room 1 km away and a
    community room 3 km away could replace it. B1's published plan books U2's room (out of U1's scope)."""
    run = make_run(world.a1, created_by=world.users["community"])
    hall = room(world.u1, world.a1, name="医院报告厅", address="建设路1号")
    u3 = f.UnitFactory(community=world.a1, name="郑州第一中学")
    near = room(u3, world.a1, km=1.0, name="一中会议室", address="伏牛路3号")
    far = room(None, world.a1, km=3.0, name="社区活动室", address="社区服务中心")
    shift, request, booking = booked_shift(run, world.a1, hall)
    assign(run, shift, world.v1)
    rep3 = f.UserFactory(username="danwei3", role=User.Role.UNIT, unit=u3)
    out_run = make_run(world.b1)
    school = room(world.u2, world.b1, name="九中礼堂")
    out_shift, out_request, out_booking = booked_shift(out_run, world.b1, school, title="西站宣讲")
    return {
        "run": run,
        "hall": hall,
        "near": near,
        "far": far,
        "shift": shift,
        "request": request,
        "booking": booking,
        "u3": u3,
        "rep3": rep3,
        "school": school,
        "out_booking": out_booking,
    }
