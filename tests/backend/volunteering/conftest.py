"""Fixtures of the volunteering tests: A1's published plan of next week, Celery eager, English answers."""

import pytest

import factories as f

from .volunteering_world import assign, make_run, make_shift


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.fixture
def plan(world):
    """A1's published plan: V1 and 张三 on the Saturday patrol (post with duties); the run made by A1's coordinator."""
    post = f.PostFactory(community=world.a1, name="治安巡逻岗", duties="巡查楼院安全隐患")
    shift = make_shift(world.a1, title="周六治安巡逻", post=post, address="秦岭路18号", lat=34.751, lng=113.621)
    run = make_run(world.a1, created_by=world.users["community"])
    colleague = f.VolunteerFactory(home_community=world.a1, name="张三")
    mine, theirs = assign(run, shift, world.v1), assign(run, shift, colleague)
    return {"run": run, "shift": shift, "post": post, "mine": mine, "theirs": theirs, "colleague": colleague}
