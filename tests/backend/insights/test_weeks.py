"""GET /api/insights/weeks/: seats filled in the published plans, needs due closed in time or late, approved hours."""

import datetime as dt

from django.utils import timezone

import factories as f
from insights import selectors
from planning.models import MatchingRun, Publication
from volunteering.models import AssignmentResponse

from .conftest import PERIOD, W1, W2, at


def test_filled_ratio_per_week_and_priority_counts_published_plans_only(world, client_as, plan, shift, assign):
    # given: week 1 in A1: 5 seats (2 of priority 1, 3 of priority 3), 3 filled plus one declined
    run1 = plan(world.a1, W1)
    urgent, ordinary = shift(world.a1, W1, seats=2, priority=1), shift(world.a1, W1, seats=3, priority=3)
    assign(run1, urgent, 2)
    assign(run1, ordinary, 1)
    declined = assign(run1, ordinary, 1)[0]
    AssignmentResponse.objects.create(assignment=declined, status="declined", answered_at=at(W1, 8))
    # week 2: 4 seats, 1 filled; an older unpublished version with more people does not count
    run2 = plan(world.a1, W2, version=2)
    patrol = shift(world.a1, W2, seats=4, priority=2)
    assign(run2, patrol, 1)
    assign(plan(world.a1, W2, version=1, published=False), patrol, 3)
    # a shift of A2, whose week is not published, is not offered in a published plan
    shift(world.a2, W1, seats=6)

    # when
    response = client_as("community").get("/api/insights/weeks/", PERIOD)

    # then
    assert response.status_code == 200
    weeks = response.json()["weeks"]
    assert [w["week"] for w in weeks] == ["2026-11-16", "2026-11-23"]
    assert weeks[0]["seats"] == {
        "total": 5,
        "filled": 3,
        "rate": 0.6,
        "communities_published": 1,
        "by_priority": [
            {"priority": 1, "total": 2, "filled": 2, "rate": 1.0},
            {"priority": 3, "total": 3, "filled": 1, "rate": 0.3333},
        ],
    }
    assert weeks[1]["seats"] == {
        "total": 4,
        "filled": 1,
        "rate": 0.25,
        "communities_published": 1,
        "by_priority": [{"priority": 2, "total": 4, "filled": 1, "rate": 0.25}],
    }


def test_needs_due_closed_on_the_deadline_day_are_in_time_and_a_day_after_late(world, client_as):
    # given: due Wednesday of week 1; finished late that evening (local time), the next morning, or not at all
    deadline = W1 + dt.timedelta(days=2)
    f.NeedFactory(community=world.a1, deadline=deadline, status="completed", finished_at=at(deadline, 23, 30))
    # 07:00 in Zhengzhou is still the deadline day in UTC: the local date decides
    f.NeedFactory(
        community=world.a1,
        deadline=deadline,
        status="rated",
        finished_at=at(deadline + dt.timedelta(days=1), 7),
        rating_score=5,
        rated_at=at(deadline + dt.timedelta(days=2), 9),
    )
    f.NeedFactory(community=world.a1, deadline=deadline, status="claimed")
    f.NeedFactory(community=world.a1, deadline=W2, status="closed", finished_at=at(W2 - dt.timedelta(days=3), 10))
    f.NeedFactory(community=world.a1, deadline=W2 + dt.timedelta(days=7), status="pending")  # after the period
    f.NeedFactory(community=world.b1, deadline=deadline, status="pending")  # another community

    # when
    weeks = client_as("community").get("/api/insights/weeks/", PERIOD).json()["weeks"]

    # then
    assert [w["needs"] for w in weeks] == [
        {"due": 3, "closed_in_time": 1, "closed_late": 1, "open": 1},
        {"due": 1, "closed_in_time": 1, "closed_late": 0, "open": 0},
    ]


def test_approved_hours_and_distinct_volunteers_served_per_week(world, client_as, served):
    # given: week 1 runs Monday 16 to Sunday 22 November
    other = f.VolunteerFactory(home_community=world.a1)
    served(world.v1, W1, 120)
    served(world.v1, W1 + dt.timedelta(days=5), 60)
    served(other, W1 + dt.timedelta(days=6), 60)
    served(world.v1, W2, 30)
    served(other, W2, 600, status="pending")  # not approved
    served(world.v2, W2, 90)  # in B1

    # when
    weeks = client_as("community").get("/api/insights/weeks/", PERIOD).json()["weeks"]

    # then
    assert [(w["hours"], w["volunteers_served"]) for w in weeks] == [(4.0, 2), (0.5, 1)]


def test_a_community_coordinator_sees_only_their_community(world, client_as, plan, shift, assign, served):
    # given: the same figures in A1 and in B1
    for community, volunteer in ((world.a1, world.v1), (world.b1, world.v2)):
        assign(plan(community, W1), shift(community, W1, seats=2), 1)
        served(volunteer, W1, 60)

    # when
    mine = client_as("community").get("/api/insights/weeks/", PERIOD).json()
    everything = client_as("admin").get("/api/insights/weeks/", PERIOD).json()

    # then
    assert mine["scope"] == {"level": "community", "id": world.a1.pk, "name": "秦江社区", "communities": [world.a1.pk]}
    assert everything["scope"]["level"] == "district"
    figures = [
        (body["weeks"][0]["seats"]["total"], body["weeks"][0]["seats"]["filled"], body["weeks"][0]["hours"])
        for body in (mine, everything)
    ]
    assert figures == [(2, 1, 1.0), (4, 2, 2.0)]


def test_answer_names_the_period(world, client_as):
    # when
    body = client_as("subdistrict").get("/api/insights/weeks/", PERIOD).json()

    # then
    assert body["period"] == {
        "start": "2026-11-16",
        "end": "2026-11-23",
        "last_day": "2026-11-29",
        "weeks": ["2026-11-16", "2026-11-23"],
        "time_zone": "Asia/Shanghai",
    }
    assert body["scope"] == {
        "level": "sub_district",
        "id": world.s1.pk,
        "name": "林山寨街道",
        "communities": [world.a1.pk, world.a2.pk],
    }


def test_the_latest_publication_covering_a_community_counts(world, client_as, plan, shift, assign):
    # given: the district's plan of week 1 is published first, A1's own plan afterwards
    district = MatchingRun.objects.create(
        level="district",
        scope_key=f"district:{world.s1.district_id}",
        district_id=world.s1.district_id,
        week=W1,
        version=1,
        status="done",
        time_limit=10.0,
        solver="highs",
    )
    Publication.objects.create(scope_key=district.scope_key, week=W1, run=district, published_at=at(W1, 8))
    own = plan(world.a1, W1)  # published now, after the district's
    in_a1, in_a2 = shift(world.a1, W1, seats=2), shift(world.a2, W1, seats=2)
    assign(district, in_a1, 2)  # superseded by A1's own plan
    assign(own, in_a1, 1)
    assign(district, in_a2, 2)  # A2 has only the district's plan

    # when
    seats = client_as("subdistrict").get("/api/insights/weeks/", PERIOD).json()["weeks"][0]["seats"]

    # then
    assert (seats["total"], seats["filled"], seats["communities_published"]) == (4, 3, 2)


def test_days_are_the_districts_whatever_time_zone_is_active(world):
    # given: finished at 07:00 in Zhengzhou the day after the deadline, which is still the deadline day in UTC
    deadline = W1 + dt.timedelta(days=2)
    f.NeedFactory(
        community=world.a1, deadline=deadline, status="completed", finished_at=at(deadline + dt.timedelta(days=1), 7)
    )
    scope = selectors.insight_scope_get(user=world.users["community"])

    # when
    with timezone.override("UTC"):
        needs = selectors.weekly_needs_due(scope=scope, period=selectors.Period(start=W1, end=W1))

    # then
    assert needs == {W1: {"due": 1, "closed_in_time": 0, "closed_late": 1, "open": 0}}


def test_default_period_ends_with_the_current_week():
    # given: a Wednesday
    today = W2 + dt.timedelta(days=2)

    # when
    period = selectors.period_get(weeks=4, today=today)

    # then
    assert (period.start, period.end, period.last_day) == (dt.date(2026, 11, 2), W2, dt.date(2026, 11, 29))
    assert period.weeks == [dt.date(2026, 11, 2), dt.date(2026, 11, 9), dt.date(2026, 11, 16), W2]
