"""Helpers of the volunteering tests: next week (relative to today, so that answer deadlines are always
ahead), and published runs, shifts and assignments written directly."""

import datetime as dt

from django.utils import timezone

import factories as f
from planning.models import Assignment, MatchingRun, Publication


def next_week() -> dt.date:
    today = timezone.localdate()
    return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)


WEEK = next_week()
SATURDAY = WEEK + dt.timedelta(days=5)


def make_run(community, *, week=WEEK, version=1, published=True, created_by=None) -> MatchingRun:
    run = MatchingRun.objects.create(
        level=MatchingRun.Level.COMMUNITY,
        scope_key=f"community:{community.pk}",
        district_id=community.sub_district.district_id,
        sub_district=community.sub_district,
        community=community,
        week=week,
        version=version,
        status=MatchingRun.Status.DONE,
        stage="Done",
        progress=100,
        time_limit=5.0,
        solver="highs",
        created_by=created_by,
    )
    if published:
        Publication.objects.create(scope_key=run.scope_key, week=run.week, run=run, published_at=timezone.now())
    return run


def make_shift(community, *, day=SATURDAY, hour=9, hours=2, seats=2, **extra):
    start = f.at(day, hour)
    return f.ShiftFactory(
        community=community,
        week=day - dt.timedelta(days=day.weekday()),
        start=start,
        end=start + dt.timedelta(hours=hours),
        seats=seats,
        **extra,
    )


def assign(run, shift, volunteer) -> Assignment:
    return Assignment.objects.create(run=run, shift=shift, volunteer=volunteer)
