"""Helpers of the volunteering tests: next week (relative to today, so that answer deadlines are always
ahead), and published runs, shifts and assignments written directly."""

import datetime as dt

from django.utils import timezone

import factories as f
from planning.models import Assignment, MatchingRun


def next_week() -> dt.date:
    today = timezone.localdate()
    return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)


WEEK = next_week()
SATURDAY = WEEK + dt.timedelta(days=5)


def make_run(community, *, week=WEEK, version=1, published=True, created_by=None) -> MatchingRun:
    return f.community_run(
        community, week=week, published=published, version=version, time_limit=5.0, created_by=created_by
    )


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
