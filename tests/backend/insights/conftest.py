"""Fixtures of the dashboard tests: two past weeks, plans written directly (a run and its publication), records,
and English answers so that messages are asserted whole."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from planning.models import Assignment
from records.models import ServiceRecord

W1 = dt.date(2026, 11, 16)  # a Monday
W2 = dt.date(2026, 11, 23)
PERIOD = {"from": "2026-11-16", "to": "2026-11-23"}


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.fixture
def plan():
    """plan(community, week, version=1, published=True) -> a finished community run, published unless told."""

    def make(community, week, *, version=1, published=True):
        return f.community_run(community, week=week, published=published, version=version)

    return make


@pytest.fixture
def shift():
    """shift(community, week, seats=2, priority=3, day=5, hours=2, **fields) -> a shift starting 09:00 that day."""

    def make(community, week, *, seats=2, priority=3, day=5, hours=2, **fields):
        start = at(week + dt.timedelta(days=day), 9)
        return f.ShiftFactory(
            community=community,
            week=week,
            start=start,
            end=start + dt.timedelta(hours=hours),
            seats=seats,
            priority=priority,
            **fields,
        )

    return make


@pytest.fixture
def assign():
    """assign(run, shift, n) -> n assignments of new volunteers of the shift's community."""

    def make(run, shift, n=1):
        return [
            Assignment.objects.create(
                run=run, shift=shift, volunteer=f.VolunteerFactory(home_community=shift.community)
            )
            for _ in range(n)
        ]

    return make


@pytest.fixture
def served():
    """served(volunteer, day, minutes, status="approved", community=None) -> a manual service record."""

    def make(volunteer, day, minutes, *, status="approved", community=None):
        return ServiceRecord.objects.create(
            volunteer=volunteer,
            community=community or volunteer.home_community,
            minutes=minutes,
            status=status,
            source="manual",
            title="助老服务",
            date=day,
            evidence="签到表照片",
        )

    return make
