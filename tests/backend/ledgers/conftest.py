"""Fixtures of the ledger tests: published and draft plans made directly (a done run and, when published, its
Publication, as the planning tests do), bookings of a unit's resources, attendance with minutes served, and
English answers for whole-body asserts."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from attendance.models import Attendance
from planning.models import MatchingRun, ResourceBooking


@pytest.fixture
def api_language():
    return "en"


def _monday(moment: dt.datetime) -> dt.date:
    day = timezone.localdate(moment)
    return day - dt.timedelta(days=day.weekday())


@pytest.fixture
def shift_at(world):
    """shift_at(start, minutes=120, community=None, **fields) -> a shift of that community (A1 by default)."""

    def make(start: dt.datetime, minutes: int = 120, community=None, **fields):
        return f.ShiftFactory(
            community=community or world.a1,
            start=start,
            end=start + dt.timedelta(minutes=minutes),
            week=_monday(start),
            **fields,
        )

    return make


@pytest.fixture
def book(world):
    """book(shift, resource, published=True) -> the resource booked for the shift in a done run of its community
    and week, published unless published=False."""

    def make(shift, resource, *, published: bool = True):
        community = shift.community
        scope_key = f"community:{community.pk}" if published else f"community:{community.pk}:draft"
        run = MatchingRun.objects.filter(scope_key=scope_key, week=shift.week).first() or f.community_run(
            community, week=shift.week, scope_key=scope_key, published=published, published_by=world.users["community"]
        )
        request = f.ResourceRequestFactory(shift=shift)
        return ResourceBooking.objects.create(run=run, request=request, resource=resource)

    return make


@pytest.fixture
def served():
    """served(shift, volunteer, minutes) -> a present attendance with that many minutes served."""

    def make(shift, volunteer, minutes: int):
        return Attendance.objects.create(
            shift=shift,
            volunteer=volunteer,
            status=Attendance.Status.PRESENT,
            method=Attendance.Method.COORDINATOR,
            checked_in_at=shift.start,
            checked_out_at=shift.start + dt.timedelta(minutes=minutes),
            minutes_served=minutes,
        )

    return make
