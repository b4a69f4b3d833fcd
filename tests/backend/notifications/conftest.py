"""Fixtures of the notification tests: English API answers, and a published run of A1 with its plan."""

import datetime as dt

import pytest

import factories as f
from notifications.sms import console
from planning import services as planning_services
from planning.models import Assignment, MatchingRun

WEEK = dt.date(2026, 11, 30)  # a Monday; Saturday is 2026-12-05
SATURDAY = WEEK + dt.timedelta(days=5)
SUNDAY = WEEK + dt.timedelta(days=6)


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.fixture(autouse=True)
def no_quiet_hours(settings):
    """SMS are sent at any hour the tests run; the quiet-hours tests set the hours and the clock they need."""
    settings.SMS_QUIET_START = settings.SMS_QUIET_END = 0


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    """The console provider's outbox of this process starts empty (it keeps the last thousand texts)."""
    console.outbox.clear()


def make_done_run(community, *, version=1, week=WEEK) -> MatchingRun:
    return f.community_run(community, week=week, version=version)


@pytest.fixture
def plan(world, monkeypatch):
    """A done run of A1: V1 on a patrol post (Saturday) and a legal-advice shift (Sunday); V3 on the patrol;
    V5 (no email address) on the legal advice. Published, with the notice task not queued."""
    world.v1.user.email = "v1@example.org"
    world.v1.user.save()
    v3 = f.VolunteerFactory(home_community=world.a1, user__email="v3@example.org", user__phone="13655556666")
    v5 = f.VolunteerFactory(home_community=world.a1, user__email="")
    post = f.PostFactory(community=world.a1, name="治安巡逻岗", duties="巡查楼院安全隐患")
    patrol = f.ShiftFactory(
        community=world.a1,
        title="周末巡逻",
        post=post,
        address="秦岭路1号",
        start=f.at(SATURDAY, 9),
        end=f.at(SATURDAY, 11),
    )
    legal = f.ShiftFactory(community=world.a1, title="法律咨询", start=f.at(SUNDAY, 14), end=f.at(SUNDAY, 16, 30))
    run = make_done_run(world.a1)
    Assignment.objects.bulk_create(
        [
            Assignment(run=run, shift=patrol, volunteer=world.v1),
            Assignment(run=run, shift=legal, volunteer=world.v1),
            Assignment(run=run, shift=patrol, volunteer=v3),
            Assignment(run=run, shift=legal, volunteer=v5),
        ]
    )
    monkeypatch.setattr(planning_services, "_enqueue_publication_notice", lambda run_id: None)
    planning_services.matching_run_publish(user=world.users["community"], run=run)
    monkeypatch.undo()
    return {"run": run, "v3": v3, "v5": v5, "patrol": patrol, "legal": legal, "post": post}
