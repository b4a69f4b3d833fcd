"""Fixtures of the attendance tests: published plans made directly (a done run and its Publication, as the
planning tests do), shifts placed relative to a given moment, and English answers for whole-body asserts."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from planning.models import Assignment, MatchingRun


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


def monday(moment: dt.datetime) -> dt.date:
    day = timezone.localdate(moment)
    return day - dt.timedelta(days=day.weekday())


@pytest.fixture
def shift_at(world):
    """shift_at(start, hours=2, community=None, **fields) -> a shift of that community (A1 by default)."""

    def make(start: dt.datetime, hours: float = 2, community=None, **fields):
        return f.ShiftFactory(
            community=community or world.a1,
            start=start,
            end=start + dt.timedelta(hours=hours),
            week=monday(start),
            **fields,
        )

    return make


@pytest.fixture
def assign(world):
    """assign(shift, volunteer, published=True) -> the assignment in a done run of the shift's community and week,
    published (one publication per scope and week) unless published=False."""

    def make(shift, volunteer=None, *, published=True):
        volunteer = volunteer or world.v1
        community = shift.community
        scope_key = f"community:{community.pk}" if published else f"community:{community.pk}:draft"
        run = MatchingRun.objects.filter(scope_key=scope_key, week=shift.week).first() or f.community_run(
            community, week=shift.week, scope_key=scope_key, published=published, published_by=world.users["community"]
        )
        return Assignment.objects.create(run=run, shift=shift, volunteer=volunteer)

    return make


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)
