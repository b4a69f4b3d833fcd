"""The points table (党员积分): coordinators read it, the district's administrators change it from today on, each
change in the audit history; points follow the rule in force on each record's day, within the yearly caps, minus
no-shows where a deduction rule exists; the summary's breakdown sums to its points."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

import factories as f
from attendance.models import Attendance
from records.models import PointsRule

TODAY = timezone.localdate()
YEAR = TODAY.year
SEEDED = dt.date(2000, 1, 1).isoformat()


def summary(client_as) -> dict:
    response = client_as("volunteer").get("/api/records/mine/summary/")
    assert response.status_code == 200
    return response.json()


def breakdown(body: dict) -> dict:
    return {line["kind"]: (line["units"], line["points"]) for line in body["breakdown"]}


def test_coordinators_read_the_table_seeded_from_the_former_settings(world, client_as):
    response = client_as("community").get("/api/records/points-rules/")
    assert (response.status_code, [{k: v for k, v in row.items() if k != "id"} for row in response.json()]) == (
        200,
        [
            {"kind": kind, "points": points, "yearly_cap": None, "effective_from": SEEDED, "deduction": False}
            for kind, points in [("micro_wish", 5), ("need_closed_in_time", 5), ("post_held", 10), ("shift_hour", 1)]
        ],
    )


def test_volunteers_do_not_read_the_table(world, client_as):
    response = client_as("volunteer").get("/api/records/points-rules/")
    assert (response.status_code, response.json()["extra"]["code"]) == (403, "permission_denied")


def test_only_administrators_change_the_table(world, client_as):
    response = client_as("community").put(
        "/api/records/points-rules/", {"rules": [{"kind": "shift_hour", "points": 3}]}, format="json"
    )
    assert (response.status_code, response.json()) == (
        403,
        {
            "message": "Only the district's administrators may change the points rules.",
            "extra": {"code": "permission_denied", "fields": {}},
        },
    )
    assert PointsRule.objects.get(kind="shift_hour").points == 1


def test_a_change_applies_from_today_and_is_audited(world, client_as):
    # when the administrator sets a no-show deduction and a dearer hour with a cap, from today
    response = client_as("admin").put(
        "/api/records/points-rules/",
        {"rules": [{"kind": "shift_hour", "points": 2, "yearly_cap": 300}, {"kind": "no_show", "points": 3}]},
        format="json",
    )
    # then the earlier rows stay, and today's are added
    assert response.status_code == 200
    rows = {(row["kind"], row["effective_from"]): row for row in response.json()}
    assert rows[("shift_hour", SEEDED)]["points"] == 1
    assert {k: v for k, v in rows[("shift_hour", TODAY.isoformat())].items() if k != "id"} == {
        "kind": "shift_hour",
        "points": 2,
        "yearly_cap": 300,
        "effective_from": TODAY.isoformat(),
        "deduction": False,
    }
    assert rows[("no_show", TODAY.isoformat())]["deduction"] is True
    # and each row's creation is in the history, by the administrator (the seeded rows, made again by the fixture
    # where a flush emptied them, have entries of their own, with no actor)
    today = [str(row["id"]) for (kind, day), row in rows.items() if day == TODAY.isoformat()]
    entries = LogEntry.objects.get_for_model(PointsRule).filter(action=LogEntry.Action.CREATE, object_pk__in=today)
    assert sorted((e.changes_dict["kind"][1], e.actor) for e in entries) == [
        ("no_show", world.users["admin"]),
        ("shift_hour", world.users["admin"]),
    ]
    # and a second change the same day replaces that day's row
    client_as("admin").put("/api/records/points-rules/", {"rules": [{"kind": "no_show", "points": 4}]}, format="json")
    assert PointsRule.objects.get(kind="no_show").points == 4


@pytest.mark.parametrize(
    "rows, fields",
    [
        (
            [{"kind": "shift_hour", "points": 2, "effective_from": "2000-01-02"}],
            {"rules": {"0": {"effective_from": ["Give today or a later day."]}}},
        ),
        ([{"kind": "bonus", "points": 2}], {"rules": {"0": {"kind": ['"bonus" is not a valid choice.']}}}),
        (
            [{"kind": "shift_hour", "points": -1}],
            {"rules": {"0": {"points": ["Ensure this value is greater than or equal to 0."]}}},
        ),
        (
            [{"kind": "shift_hour", "points": 1}, {"kind": "shift_hour", "points": 2}],
            {"rules": ["Each kind is named once per day."]},
        ),
        ([], {"rules": {"non_field_errors": ["This list may not be empty."]}}),
    ],
)
def test_bad_rows_are_400_and_change_nothing(world, client_as, rows, fields):
    response = client_as("admin").put("/api/records/points-rules/", {"rules": rows}, format="json")
    assert (response.status_code, response.json()["extra"]) == (400, {"code": "invalid", "fields": fields})
    assert PointsRule.objects.count() == 4


def test_a_record_counts_under_the_rule_in_force_on_its_day(world, client_as, record):
    # given hours worth 1 point until 1 June, then 3
    PointsRule.objects.create(kind="shift_hour", points=3, effective_from=dt.date(YEAR, 6, 1))
    record(minutes=120, date=dt.date(YEAR, 5, 31))
    record(minutes=60, date=dt.date(YEAR, 6, 1))
    # then the record before the change keeps its 2 points, the one after earns 3
    body = summary(client_as)
    assert (body["points"], breakdown(body)["shift_hour"]) == (5, (3, 5))


def test_a_yearly_cap_bounds_a_kinds_points(world, client_as, record):
    PointsRule.objects.filter(kind="shift_hour").update(yearly_cap=5)
    for day in (1, 2):
        record(minutes=240, date=dt.date(YEAR, 3, day))
    body = summary(client_as)
    assert (body["points"], breakdown(body)["shift_hour"]) == (5, (8, 5))


def test_a_cap_set_later_bounds_the_year_from_its_day(world, client_as, record):
    # given 4 hours before the cap of 5 came in, then 4 more hours
    PointsRule.objects.create(kind="shift_hour", points=1, yearly_cap=5, effective_from=dt.date(YEAR, 6, 1))
    record(minutes=240, date=dt.date(YEAR, 5, 1))
    record(minutes=240, date=dt.date(YEAR, 6, 2))
    # then the year stops at 5
    assert breakdown(summary(client_as))["shift_hour"] == (8, 5)


@pytest.fixture
def no_show(world):
    def make(day: dt.date):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(9)))
        shift = f.ShiftFactory(
            community=world.a1, start=start, end=start + dt.timedelta(hours=2), week=day - dt.timedelta(day.weekday())
        )
        return Attendance.objects.create(shift=shift, volunteer=world.v1, status=Attendance.Status.NO_SHOW)

    return make


def test_no_shows_are_deducted_only_under_a_deduction_rule(world, client_as, record, no_show):
    # given 10 hours served and two no-shows this year, one last year
    record(minutes=600, date=dt.date(YEAR, 2, 1))
    no_show(dt.date(YEAR, 2, 3))
    no_show(dt.date(YEAR, 2, 10))
    no_show(dt.date(YEAR - 1, 12, 1))
    # then without a rule nothing is deducted and the breakdown names no no-shows
    assert (summary(client_as)["points"], "no_show" in breakdown(summary(client_as))) == (10, False)
    # when a deduction of 3 per no-show comes in from before them
    PointsRule.objects.create(kind="no_show", points=3, effective_from=dt.date(YEAR, 1, 1))
    # then each of this year's costs 3
    body = summary(client_as)
    assert (body["points"], breakdown(body)["no_show"]) == (4, (2, -6))


def test_the_breakdown_sums_to_the_points(world, client_as, record, no_show):
    PointsRule.objects.create(kind="no_show", points=2, yearly_cap=2, effective_from=dt.date(YEAR, 1, 1))
    record(minutes=185, date=dt.date(YEAR, 4, 1))
    f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=YEAR)
    no_show(dt.date(YEAR, 4, 2))
    no_show(dt.date(YEAR, 4, 9))
    body = summary(client_as)
    assert breakdown(body) == {
        "shift_hour": (3, 3),
        "post_held": (1, 10),
        "micro_wish": (0, 0),
        "need_closed_in_time": (0, 0),
        "no_show": (2, -2),
    }
    assert body["points"] == sum(line["points"] for line in body["breakdown"]) == 11


def test_the_community_ranking_deducts_no_shows_too(world, client_as, record, no_show):
    world.v1.consent_rank_name = True
    world.v1.save()
    PointsRule.objects.create(kind="no_show", points=1, effective_from=dt.date(YEAR, 1, 1))
    record(minutes=180, date=dt.date(YEAR, 5, 1))
    no_show(dt.date(YEAR, 5, 2))
    response = client_as("community").get("/api/records/rankings/", {"community": world.a1.pk})
    assert [(row["volunteer"], row["points"]) for row in response.json()] == [(world.v1.pk, 2)]
