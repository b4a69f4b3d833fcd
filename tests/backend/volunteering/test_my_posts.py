"""My posts: only the caller's own assignments, only from published plans, with what they need to turn up."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import factories as f

from .volunteering_world import SATURDAY, WEEK, assign, make_run, make_shift

pytestmark = pytest.mark.django_db


def test_my_posts_shows_one_post_whole(world, client_as, plan):
    # given V1 and 张三 on the published Saturday patrol
    # when V1 reads their posts
    response = client_as("volunteer").get("/api/me/posts/")
    # then the one post, whole: place, post and duties, status, and the colleague's name only
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    shift, start = plan["shift"], timezone.localtime(plan["shift"].start)
    deadline = start - dt.timedelta(hours=24)
    assert body["results"][0] == {
        "id": plan["mine"].pk,
        "run": plan["run"].pk,
        "shift": shift.pk,
        "shift_title": "周六治安巡逻",
        "start": start.isoformat(),
        "end": (start + dt.timedelta(hours=2)).isoformat(),
        "place": {"community": "秦江社区", "address": "秦岭路18号", "lat": 34.751, "lng": 113.621},
        "post": {"name": "治安巡逻岗", "duties": "巡查楼院安全隐患"},
        "status": "pending",
        "reason": "",
        "answered_at": None,
        "deadline": deadline.isoformat(),
        "others": ["张三"],
    }


def test_my_posts_never_shows_phone_or_volunteer_numbers(world, client_as, plan):
    # when V1 reads their posts
    text = client_as("volunteer").get("/api/me/posts/").content.decode()
    # then nobody's phone or volunteer number is in it
    assert plan["colleague"].user.phone not in text
    assert plan["colleague"].number not in text
    assert world.v1.number not in text


def test_my_posts_lists_only_own_assignments_of_published_runs(world, client_as, plan):
    # given V1 also on a draft (unpublished) run of A2, and V2 on B1's published plan
    draft = make_run(world.a2, published=False)
    assign(draft, make_shift(world.a2, title="草稿班次"), world.v1)
    published_b1 = make_run(world.b1)
    assign(published_b1, make_shift(world.b1, title="西站班次"), world.v2)
    # when V1 reads their posts
    response = client_as("volunteer").get("/api/me/posts/")
    # then only their published A1 post
    assert [row["id"] for row in response.json()["results"]] == [plan["mine"].pk]


def test_my_posts_from_a_sunday_reads_that_weeks_plan_and_the_next(world, client_as, plan):
    # given V1's published posts late on the Sunday of the plan's week and at midnight of the Monday after
    sunday, monday = WEEK + dt.timedelta(days=6), WEEK + dt.timedelta(days=7)
    late = assign(plan["run"], make_shift(world.a1, day=sunday, hour=21, title="周日晚"), world.v1)
    following = make_run(world.a1, week=monday)
    midnight = assign(following, make_shift(world.a1, day=monday, hour=0, title="周一零点"), world.v1)
    client = client_as("volunteer")
    # when V1 asks from the Sunday, and from the Monday
    from_sunday = client.get("/api/me/posts/", {"from": sunday.isoformat()}).json()["results"]
    from_monday = client.get("/api/me/posts/", {"from": monday.isoformat()}).json()["results"]
    # then the Sunday's post comes from its week's plan (read although the week began before `from`), the Saturday's
    # does not, and from the Monday only the new week's plan is read
    assert [row["id"] for row in from_sunday] == [late.pk, midnight.pk]
    assert [row["id"] for row in from_monday] == [midnight.pk]


def test_my_posts_from_and_to_select_days(world, client_as, plan):
    # given a second published post of V1 on the Tuesday of the week after
    later_week = WEEK + dt.timedelta(days=7)
    later = make_run(world.a1, week=later_week)
    tuesday = assign(later, make_shift(world.a1, day=later_week + dt.timedelta(days=1), title="周二"), world.v1)
    client = client_as("volunteer")
    # when V1 asks for each range
    everything = client.get("/api/me/posts/").json()["results"]
    first = client.get("/api/me/posts/", {"from": WEEK.isoformat(), "to": SATURDAY.isoformat()}).json()["results"]
    second = client.get("/api/me/posts/", {"from": (SATURDAY + dt.timedelta(days=1)).isoformat()}).json()["results"]
    # then
    assert [row["id"] for row in everything] == [plan["mine"].pk, tuesday.pk]
    assert [row["id"] for row in first] == [plan["mine"].pk]
    assert [row["id"] for row in second] == [tuesday.pk]


def test_my_posts_refuses_a_range_that_ends_before_it_starts(world, client_as):
    response = client_as("volunteer").get("/api/me/posts/", {"from": "2026-12-10", "to": "2026-12-01"})
    assert response.status_code == 400
    assert response.json() == {
        "message": "to: Must not be before from.",
        "extra": {"code": "invalid", "fields": {"to": ["Must not be before from."]}},
    }


def test_my_posts_leaves_out_past_weeks(world, client_as):
    # given a published post of V1 two weeks ago
    old_week = WEEK - dt.timedelta(days=21)
    assign(make_run(world.a1, week=old_week), make_shift(world.a1, day=old_week + dt.timedelta(days=2)), world.v1)
    # then the default list is empty
    assert client_as("volunteer").get("/api/me/posts/").json()["count"] == 0


@pytest.mark.parametrize("role", ["unit", "community", "subdistrict", "admin"])
def test_my_posts_is_for_volunteers_only(world, client_as, role):
    response = client_as(role).get("/api/me/posts/")
    assert response.status_code == 403
    assert response.json() == {
        "message": "Only volunteers have posts to answer.",
        "extra": {"code": "permission_denied", "fields": {}},
    }


def test_my_posts_anonymous_is_401(world, client_as):
    assert client_as("anonymous").get("/api/me/posts/").status_code == 401


def _count(client, size):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/me/posts/", {"page_size": size})
    assert len(response.json()["results"]) == size
    return len(queries)


def test_my_posts_query_count_does_not_grow_with_page_size(world, client_as):
    # given a dozen published posts of V1, each with a colleague, some with answers
    from volunteering.models import AssignmentResponse

    run = make_run(world.a1)
    for hour in range(8, 20):
        shift = make_shift(world.a1, hour=hour, hours=1, post=f.PostFactory(community=world.a1))
        mine = assign(run, shift, world.v1)
        assign(run, shift, f.VolunteerFactory(home_community=world.a1))
        if hour % 2:
            AssignmentResponse.objects.create(assignment=mine, status="accepted", answered_at=timezone.now())
    client = client_as("volunteer")
    # then a small and a large page cost the same number of queries
    assert _count(client, 2) == _count(client, 12)
