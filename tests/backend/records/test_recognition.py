"""Recognition: star levels at their exact edges (configurable), the volunteer's summary with points, and
rankings per community and unit that name only volunteers who consented."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

import factories as f
from records.models import PointsRule
from records.selectors import StarProgress, star_progress

THIS_YEAR = timezone.localdate().year


@pytest.mark.parametrize(
    "minutes, expected",
    [
        (0, StarProgress(0, 1, 100.0)),
        (5999, StarProgress(0, 1, 0.02)),  # 99.98 hours
        (6000, StarProgress(1, 2, 200.0)),  # 100 hours exactly
        (17999, StarProgress(1, 2, 0.02)),
        (18000, StarProgress(2, 3, 300.0)),
        (59999, StarProgress(3, 4, 0.02)),
        (60000, StarProgress(4, 5, 500.0)),
        (89999, StarProgress(4, 5, 0.02)),
        (90000, StarProgress(5, None, None)),
        (200000, StarProgress(5, None, None)),
    ],
)
def test_stars_change_exactly_at_the_thresholds(minutes, expected):
    assert star_progress(minutes=minutes) == expected


@override_settings(RECORDS_STAR_HOURS=(10, 20))
def test_star_thresholds_come_from_the_settings():
    assert [star_progress(minutes=m) for m in (599, 600, 1200)] == [
        StarProgress(0, 1, 0.02),
        StarProgress(1, 2, 10.0),
        StarProgress(2, None, None),
    ]


def test_the_summary_counts_approved_hours_only_with_stars_and_points(world, client_as, record):
    # given 100 h approved this year, 2 h pending, 5 h rejected, and an active post held this year
    for day in range(1, 6):  # a record holds at most a day
        record(minutes=1198, date=dt.date(THIS_YEAR, 1, day))
    record(minutes=10, date=dt.date(THIS_YEAR, 1, 11))
    record(minutes=120, status="pending", date=dt.date(THIS_YEAR, 1, 12))
    record(minutes=300, status="rejected", date=dt.date(THIS_YEAR, 1, 13))
    f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=THIS_YEAR)
    f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=THIS_YEAR - 1)
    # when V1 asks for their summary
    response = client_as("volunteer").get("/api/records/mine/summary/")
    # then one star, 200 h to the second, 100 hour points plus 10 for the post
    assert (response.status_code, response.json()) == (
        200,
        {
            "year": THIS_YEAR,
            "minutes": 6000,
            "hours": 100.0,
            "stars": 1,
            "next_star": 2,
            "hours_to_next": 200.0,
            "star_hours": [100, 300, 600, 1000, 1500],
            "year_hours": 100.0,
            "points": 110,
            "breakdown": [
                {"kind": "shift_hour", "units": 100, "points": 100},
                {"kind": "post_held", "units": 1, "points": 10},
                {"kind": "micro_wish", "units": 0, "points": 0},
                {"kind": "need_closed_in_time", "units": 0, "points": 0},
            ],
            "pending": 1,
        },
    )


def test_points_come_from_the_districts_table(world, client_as, record):
    # given the table's hour worth 2 and posts worth nothing, from before any record
    PointsRule.objects.filter(kind="shift_hour").update(points=2)
    PointsRule.objects.filter(kind="post_held").update(points=0)
    record(minutes=150, date=dt.date(THIS_YEAR, 2, 1))
    f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=THIS_YEAR)
    # then 2 full hours x 2
    assert client_as("volunteer").get("/api/records/mine/summary/").json()["points"] == 4


def test_the_summary_is_for_volunteers(world, client_as):
    response = client_as("community").get("/api/records/mine/summary/")
    assert (response.status_code, response.json()) == (
        403,
        {
            "message": "Only volunteers have a service record of their own.",
            "extra": {"code": "permission_denied", "fields": {}},
        },
    )


@pytest.fixture
def ranked(world, record):
    """In A1 this year: V1 (consents to be named) 3 h, a named neighbour 5 h, a U1 member who did not consent 9 h."""
    world.v1.consent_rank_name = True
    world.v1.save()
    named = f.VolunteerFactory(home_community=world.a1, consent_rank_name=True, name="张明")
    hidden = f.VolunteerFactory(home_community=world.a1, kind="in_office", employer_unit=world.u1, name="赵隐")
    day = dt.date(THIS_YEAR, 5, 1)
    record(minutes=180, date=day)
    record(volunteer=named, minutes=300, date=day)
    record(volunteer=hidden, minutes=540, date=day)
    record(volunteer=named, minutes=600, date=day, status="pending")
    return {"v1": world.v1, "named": named, "hidden": hidden}


def test_a_community_ranking_names_only_those_who_consented(world, client_as, ranked):
    response = client_as("community").get("/api/records/rankings/", {"community": world.a1.pk})
    assert (response.status_code, response.json()) == (
        200,
        [
            {
                "rank": 1,
                "volunteer": ranked["named"].pk,
                "number": ranked["named"].number,
                "name": "张明",
                "hours": 5.0,
                "points": 5,
            },
            {
                "rank": 2,
                "volunteer": world.v1.pk,
                "number": world.v1.number,
                "name": world.v1.name,
                "hours": 3.0,
                "points": 3,
            },
        ],
    )


def test_a_unit_ranking_lists_its_consenting_in_office_members(world, client_as, ranked):
    f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=THIS_YEAR)
    response = client_as("unit").get("/api/records/rankings/", {"unit": world.u1.pk})
    assert (response.status_code, [(row["volunteer"], row["points"]) for row in response.json()]) == (
        200,
        [(world.v1.pk, 13)],
    )


def test_a_unit_ranking_leaves_out_members_who_do_not_share_their_record_with_it(world, client_as, record):
    # given two U1 members who agreed to be named in rankings: V1 shares their record with U1, a colleague does not
    world.v1.consent_rank_name = True
    world.v1.save()
    colleague = f.VolunteerFactory(
        home_community=world.a1,
        kind="in_office",
        employer_unit=world.u1,
        consent_rank_name=True,
        consent_share_with_unit=False,
    )
    record(minutes=60, date=dt.date(THIS_YEAR, 5, 1))
    record(volunteer=colleague, minutes=600, date=dt.date(THIS_YEAR, 5, 1))
    # when U1's representative reads its ranking
    response = client_as("unit").get("/api/records/rankings/", {"unit": world.u1.pk})
    # then only V1 is in it, with V1's hours
    assert (response.status_code, [(row["volunteer"], row["hours"]) for row in response.json()]) == (
        200,
        [(world.v1.pk, 1.0)],
    )


@pytest.mark.parametrize(
    "role, params, status",
    [
        ("volunteer", {"community": "a1"}, 200),
        ("volunteer", {"community": "b1"}, 404),
        ("volunteer", {"unit": "u1"}, 200),
        ("volunteer", {"unit": "u2"}, 404),
        ("unit", {"unit": "u1"}, 200),
        ("unit", {"unit": "u2"}, 404),
        ("unit", {"community": "a1"}, 404),
        ("community", {"community": "a2"}, 404),
        ("community", {"unit": "u1"}, 200),
        ("community", {"unit": "u2"}, 404),
        ("subdistrict", {"community": "a2"}, 200),
        ("subdistrict", {"community": "b1"}, 404),
        ("admin", {"unit": "u2"}, 200),
        ("anonymous", {"community": "a1"}, 401),
    ],
)
def test_rankings_per_role_inside_and_outside_scope(world, client_as, role, params, status):
    query = {key: getattr(world, value).pk for key, value in params.items()}
    assert client_as(role).get("/api/records/rankings/", query).status_code == status


@pytest.mark.parametrize("params", [{}, {"community": "a1", "unit": "u1"}])
def test_a_ranking_needs_either_a_community_or_a_unit(world, client_as, params):
    query = {key: getattr(world, value).pk for key, value in params.items()}
    response = client_as("admin").get("/api/records/rankings/", query)
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "community: Give either a community or a unit.",
            "extra": {"code": "invalid", "fields": {"community": ["Give either a community or a unit."]}},
        },
    )


def test_a_volunteer_account_without_a_profile_gets_no_summary(world, client_as):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(f.UserFactory(username="bare", role="volunteer"))
    assert client.get("/api/records/mine/summary/").status_code == 403
