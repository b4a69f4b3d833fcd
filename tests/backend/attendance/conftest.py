"""Fixtures of the attendance tests: published plans made directly (a done run and its Publication, as the
planning tests do), shifts placed relative to a given moment, and English answers for whole-body asserts."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from planning.models import Assignment, MatchingRun, Publication


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
        run = MatchingRun.objects.filter(scope_key=scope_key, week=shift.week).first()
        if run is None:
            run = MatchingRun.objects.create(
                level=MatchingRun.Level.COMMUNITY,
                scope_key=scope_key,
                district_id=community.sub_district.district_id,
                sub_district=community.sub_district,
                community=community,
                week=shift.week,
                version=1,
                status=MatchingRun.Status.DONE,
                stage="Done",
                progress=100,
                time_limit=10.0,
                solver="highs",
            )
            if published:
                Publication.objects.create(
                    scope_key=run.scope_key,
                    week=run.week,
                    run=run,
                    published_by=world.users["community"],
                    published_at=run.created_at,
                )
        return Assignment.objects.create(run=run, shift=shift, volunteer=volunteer)

    return make


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)
