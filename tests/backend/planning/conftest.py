"""Fixtures of the planning tests: Celery in-process (eager), a way to queue a run without running it, and
English throughout, so that messages are asserted whole whatever the Chinese catalogue says."""

import datetime as dt

import pytest

import factories as f
from planning import services

WEEK = dt.date(2026, 11, 30)  # a Monday; Saturday is 2026-12-05
SATURDAY = WEEK + dt.timedelta(days=5)
SUNDAY = WEEK + dt.timedelta(days=6)


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.fixture
def queued_run(world):
    """queued_run(community=..., user=...) -> a queued run whose task is never sent (on_commit never fires here)."""

    def make(*, user=None, community=None, sub_district=None, week=WEEK, time_limit=10.0):
        user = user or world.users["admin"]
        return services.matching_run_start(
            user=user,
            week=week,
            community=None if community is None else community.pk,
            sub_district=None if sub_district is None else sub_district.pk,
            time_limit=time_limit,
        )

    return make


@pytest.fixture
def done_run(world):
    """done_run(community=..., version=...) -> a finished run of the week, written directly (no task queued)."""
    from planning.models import MatchingRun

    def make(*, community=None, version=1, week=WEEK, status=MatchingRun.Status.DONE):
        return f.community_run(community or world.a1, week=week, version=version, status=status)

    return make
