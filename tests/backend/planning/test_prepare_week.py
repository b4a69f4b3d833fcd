"""The Friday job: next week's shifts and a draft run for every community that has shifts, once."""

import datetime as dt

import pytest
from django.conf import settings

import factories as f
from planning.models import MatchingRun
from planning.services import matching_run_prepare_week

from .conftest import WEEK

pytestmark = pytest.mark.django_db


def test_each_community_with_shifts_gets_one_draft_run(world):
    # given posts in A1 and B1 and nothing in A2
    f.PostFactory(community=world.a1, weekdays=[2])
    f.PostFactory(community=world.b1, weekdays=[6])
    # when the job runs for the week (any day of it), twice
    first = matching_run_prepare_week(week=WEEK + dt.timedelta(days=3))
    second = matching_run_prepare_week(week=WEEK)
    # then the shifts and one queued draft per community with shifts exist
    assert first == {"week": "2026-11-30", "shifts_created": 2, "draft_runs": 2}
    assert second == {"week": "2026-11-30", "shifts_created": 0, "draft_runs": 0}
    runs = MatchingRun.objects.order_by("community_id")
    assert [(r.community_id, r.week, r.version, r.status, r.created_by) for r in runs] == [
        (world.a1.pk, WEEK, 1, "queued", None),
        (world.b1.pk, WEEK, 1, "queued", None),
    ]


def test_a_community_already_planned_by_its_coordinator_is_left_alone(world, done_run):
    f.PostFactory(community=world.a1, weekdays=[2])
    done_run(community=world.a1)
    assert matching_run_prepare_week(week=WEEK)["draft_runs"] == 0
    assert MatchingRun.objects.count() == 1


def test_it_is_on_the_friday_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["prepare-next-week"]
    assert entry["task"] == "planning.prepare_next_week"
    assert entry["schedule"].day_of_week == {5}
