"""The mapper: rows of a scope and week -> the matching problem dict, exactly; and the dict is a valid problem."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
import matching
from planning import mapper
from planning.models import Assignment, MatchingRun, Publication, RemovedPair

from .conftest import SATURDAY, SUNDAY, WEEK

pytestmark = pytest.mark.django_db


def _saturday_shift(community, **kwargs):
    return f.ShiftFactory(
        community=community,
        start=f.at(SATURDAY, 9),
        end=f.at(SATURDAY, 11),
        **kwargs,
    )


def test_one_volunteer_and_one_shift_make_this_exact_problem(world, queued_run):
    # given V1 (legal advice 3, lives in A1) free on Saturdays 9-12, and one A1 shift on Saturday 9-11
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=6, start_time=dt.time(9), end_time=dt.time(12))
    shift = _saturday_shift(world.a1, seats=1, priority=4, required_skills={"legal_advice": 2})
    run = queued_run(community=world.a1)
    # when the run's problem is built
    data = mapper.build_problem(run).data
    # then
    assert data == {
        "name": f"run {run.pk}: community:{world.a1.pk} week 2026-11-30 v1",
        "max_distance_km": 5.0,
        "volunteers": [
            {
                "id": f"v{world.v1.pk}",
                "location": {"lat": 34.75, "lng": 113.62},
                "skills": {"legal_advice": 3},
                "availability": [["2026-12-05T09:00", "2026-12-05T12:00"]],
                "max_hours": 6,
            }
        ],
        "shifts": [
            {
                "id": f"s{shift.pk}",
                "location": {"lat": 34.75, "lng": 113.62},
                "start": "2026-12-05T09:00",
                "end": "2026-12-05T11:00",
                "seats": 1,
                "priority": 4,
                "required_skills": {"legal_advice": 2},
                "place": "秦江社区",
            }
        ],
        "resources": [],
        "resource_requests": [],
        "locks": [],
        "forbidden": [],
        "previous_assignments": [],
    }
    assert len(matching.parse_problem(data).volunteers) == 1


def test_times_are_local_shanghai_whatever_the_stored_utc(world, queued_run):
    # given a shift stored in UTC as 01:00-03:00, which is 09:00-11:00 in Shanghai
    utc = dt.UTC
    _ = f.ShiftFactory(
        community=world.a1, start=dt.datetime(2026, 12, 5, 1, tzinfo=utc), end=dt.datetime(2026, 12, 5, 3, tzinfo=utc)
    )
    # when / then
    shift = mapper.build_problem(queued_run(community=world.a1)).data["shifts"][0]
    assert (shift["start"], shift["end"]) == ("2026-12-05T09:00", "2026-12-05T11:00")


def test_a_blackout_removes_the_part_of_a_window_it_covers(world, queued_run):
    # given Saturday and Sunday 9-12, away Saturday 10:00-10:30:20 and all of Sunday, and a blackout next week
    for weekday in (6, 7):
        f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=weekday, start_time=dt.time(9), end_time=dt.time(12))
    f.BlackoutFactory(
        volunteer=world.v1, start=f.at(SATURDAY, 10), end=f.at(SATURDAY, 10, 30) + dt.timedelta(seconds=20)
    )
    f.BlackoutFactory(volunteer=world.v1, start=f.at(SUNDAY, 0), end=f.at(SUNDAY + dt.timedelta(days=1), 0))
    f.BlackoutFactory(
        volunteer=world.v1,
        start=f.at(SATURDAY + dt.timedelta(days=7), 0),
        end=f.at(SATURDAY + dt.timedelta(days=7), 23),
    )
    # when
    data = mapper.build_problem(queued_run(community=world.a1)).data
    # then the window is cut (a blackout ending mid-minute frees the next whole minute only)
    assert data["volunteers"][0]["availability"] == [
        ["2026-12-05T09:00", "2026-12-05T10:00"],
        ["2026-12-05T10:31", "2026-12-05T12:00"],
    ]


def test_subtract_keeps_untouched_windows_and_drops_covered_ones():
    day = dt.datetime(2026, 12, 5)
    h = lambda hour: day + dt.timedelta(hours=hour)  # noqa: E731
    windows = [(h(14), h(16)), (h(9), h(12)), (h(18), h(19))]
    assert mapper.subtract(windows, [(h(8), h(10)), (h(11), h(15)), (h(18), h(19))]) == [(h(10), h(11)), (h(15), h(16))]


def test_resource_slots_become_the_weeks_windows(world, queued_run):
    # given a listed A1 room free every Saturday 8-18, on Tuesday 14-16 this week and on a date next week
    room = f.ResourceFactory(community=world.a1, unit=world.u1, capacity=40, features=["projector", "av"])
    f.ResourceSlotFactory(resource=room, weekday=6, start_time=dt.time(8), end_time=dt.time(18))
    f.ResourceSlotFactory(
        resource=room, weekday=None, date=dt.date(2026, 12, 1), start_time=dt.time(14), end_time=dt.time(16)
    )
    f.ResourceSlotFactory(
        resource=room, weekday=None, date=dt.date(2026, 12, 8), start_time=dt.time(9), end_time=dt.time(10)
    )
    # and a withdrawn room, a room with no slot this week, and a room of another community
    f.ResourceSlotFactory(resource=f.ResourceFactory(community=world.a1, status="withdrawn"))
    f.ResourceSlotFactory(resource=f.ResourceFactory(community=world.a1), weekday=None, date=dt.date(2026, 11, 29))
    f.ResourceSlotFactory(resource=f.ResourceFactory(community=world.b1))
    # and a shift with a resource request
    shift = _saturday_shift(world.a1, priority=5)
    request = f.ResourceRequestFactory(
        shift=shift, kind="venue", min_capacity=30, features=["projector"], max_distance_km=2.5
    )
    # when
    data = mapper.build_problem(queued_run(community=world.a1)).data
    # then
    assert data["resources"] == [
        {
            "id": f"r{room.pk}",
            "kind": "venue",
            "capacity": 40,
            "features": ["av", "projector"],
            "location": {"lat": 34.75, "lng": 113.62},
            "availability": [["2026-12-01T14:00", "2026-12-01T16:00"], ["2026-12-05T08:00", "2026-12-05T18:00"]],
        }
    ]
    assert data["resource_requests"] == [
        {
            "id": f"q{request.pk}",
            "kind": "venue",
            "min_capacity": 30,
            "features": ["projector"],
            "start": "2026-12-05T09:00",
            "end": "2026-12-05T11:00",
            "location": {"lat": 34.75, "lng": 113.62},
            "priority": 5,
            "max_distance_km": 2.5,
        }
    ]
    assert data["shifts"][0]["resource_request"] == f"q{request.pk}"
    matching.parse_problem(data)


def test_a_day_the_unit_withdrew_the_resource_is_not_offered(world, queued_run):
    # given a room free on Tuesday and Saturday, withdrawn by its unit for that Saturday
    from lending.models import ResourceWithdrawal

    room = f.ResourceFactory(community=world.a1, unit=world.u1)
    f.ResourceSlotFactory(resource=room, weekday=2, start_time=dt.time(8), end_time=dt.time(12))
    f.ResourceSlotFactory(resource=room, weekday=6, start_time=dt.time(8), end_time=dt.time(18))
    ResourceWithdrawal.objects.create(resource=room, date=SATURDAY, reason="维修")
    # when the week's problem is built
    data = mapper.build_problem(queued_run(community=world.a1)).data
    # then only Tuesday is offered
    assert data["resources"][0]["availability"] == [["2026-12-01T08:00", "2026-12-01T12:00"]]


def test_post_holders_are_named_for_their_posts_shifts(world, queued_run):
    # given V1 holding a post this year, an ended holding, and a holding of last year
    post = f.PostFactory(community=world.a1)
    f.PostHoldingFactory(post=post, volunteer=world.v1, year=2026)
    f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=2026, status="ended")
    f.PostHoldingFactory(post=f.PostFactory(community=world.a1), volunteer=world.v1, year=2025)
    shift = _saturday_shift(world.a1, post=post)
    # when
    data = mapper.build_problem(queued_run(community=world.a1)).data
    # then
    assert data["volunteers"][0]["posts"] == [f"p{post.pk}"]
    assert data["shifts"][0]["post"] == f"p{post.pk}"
    assert data["shifts"][0]["id"] == f"s{shift.pk}"


def test_the_scope_decides_who_and_what_is_in_the_problem(world, queued_run):
    # given volunteers and shifts in A1 and A2 (sub-district S1) and B1 (S2), one inactive, and another week
    a2_volunteer = f.VolunteerFactory(home_community=world.a2, max_distance_km=3)
    f.VolunteerFactory(home_community=world.a1, active=False)
    a1_shift, a2_shift, b1_shift = (_saturday_shift(c) for c in (world.a1, world.a2, world.b1))
    f.ShiftFactory(
        community=world.a1,
        week=WEEK + dt.timedelta(days=7),
        start=f.at(SATURDAY + dt.timedelta(days=7), 9),
        end=f.at(SATURDAY + dt.timedelta(days=7), 11),
    )
    # when runs of the community, the sub-district and the district are built
    community = mapper.build_problem(queued_run(community=world.a1)).data
    sub_district = mapper.build_problem(queued_run(sub_district=world.s1)).data
    district = mapper.build_problem(queued_run()).data
    # then
    ids = lambda data, key: [item["id"] for item in data[key]]  # noqa: E731
    assert ids(community, "volunteers") == [f"v{world.v1.pk}"]
    assert ids(community, "shifts") == [f"s{a1_shift.pk}"]
    assert ids(sub_district, "volunteers") == [f"v{world.v1.pk}", f"v{a2_volunteer.pk}"]
    assert sorted(ids(sub_district, "shifts")) == sorted([f"s{a1_shift.pk}", f"s{a2_shift.pk}"])
    assert ids(district, "volunteers") == [f"v{world.v1.pk}", f"v{world.v2.pk}", f"v{a2_volunteer.pk}"]
    assert len(district["shifts"]) == 3 and f"s{b1_shift.pk}" in ids(district, "shifts")
    assert sub_district["volunteers"][1]["max_distance_km"] == 3


def test_pins_of_the_previous_finished_run_become_locks(world, queued_run, settings):
    # given a finished run of A1 with one pinned and one unpinned assignment
    settings.PLANNING_MAX_DISTANCE_KM = 3.0
    shift = _saturday_shift(world.a1)
    other = f.VolunteerFactory(home_community=world.a1)
    first = queued_run(community=world.a1)
    MatchingRun.objects.filter(pk=first.pk).update(status="done")
    Assignment.objects.create(run=first, shift=shift, volunteer=world.v1, pinned=True, source="manual")
    Assignment.objects.create(run=first, shift=shift, volunteer=other, pinned=False)
    # when the next run of the same scope and week is built
    mapped = mapper.build_problem(queued_run(community=world.a1))
    # then the pin is a lock, remembered with its source; the default travel limit comes from the setting
    assert mapped.data["locks"] == [{"volunteer": f"v{world.v1.pk}", "shift": f"s{shift.pk}"}]
    assert mapped.pinned == {(world.v1.pk, shift.pk): "manual"}
    assert mapped.data["max_distance_km"] == 3.0


def _finish(run):
    MatchingRun.objects.filter(pk=run.pk).update(status="done")
    run.status = "done"
    return run


def test_pairs_removed_in_review_are_forbidden_in_the_next_runs_until_added_back(world, queued_run):
    # given v1 and another volunteer removed from a shift in review of version 1
    shift = _saturday_shift(world.a1)
    other = f.VolunteerFactory(home_community=world.a1)
    first = _finish(queued_run(community=world.a1))
    RemovedPair.objects.create(run=first, shift=shift, volunteer=world.v1)
    RemovedPair.objects.create(run=first, shift=shift, volunteer=other)
    # and v1 added back by hand in version 2
    second = _finish(queued_run(community=world.a1))
    Assignment.objects.create(run=second, shift=shift, volunteer=world.v1, pinned=False, source="manual")
    # when versions 2 and 3 are built
    # then version 2 forbids both pairs, and version 3 only the one never added back
    both = sorted(
        [
            {"volunteer": f"v{world.v1.pk}", "shift": f"s{shift.pk}"},
            {"volunteer": f"v{other.pk}", "shift": f"s{shift.pk}"},
        ],
        key=lambda p: p["volunteer"],
    )
    assert sorted(mapper.build_problem(second).data["forbidden"], key=lambda p: p["volunteer"]) == both
    third = mapper.build_problem(queued_run(community=world.a1))
    assert third.data["forbidden"] == [{"volunteer": f"v{other.pk}", "shift": f"s{shift.pk}"}]
    assert third.counts["forbidden"] == 1
    # and a forbidden pair is one the parsed problem knows
    assert matching.parse_problem(third.data).forbidden == ((f"v{other.pk}", f"s{shift.pk}"),)


def test_removals_of_another_scope_or_week_do_not_count(world, queued_run):
    shift = _saturday_shift(world.a1)
    elsewhere = _finish(queued_run(community=world.a1, week=WEEK - dt.timedelta(days=7)))
    RemovedPair.objects.create(run=elsewhere, shift=shift, volunteer=world.v1)
    assert mapper.build_problem(queued_run(community=world.a1)).data["forbidden"] == []


def test_last_weeks_published_posts_become_previous_assignments(world, queued_run):
    # given last week's published plan put v1 on a post's shift, and an unpublished run put v2 somewhere
    post = f.PostFactory(community=world.a1)
    last_week = WEEK - dt.timedelta(days=7)
    held = f.ShiftFactory(
        community=world.a1,
        post=post,
        start=f.at(SATURDAY - dt.timedelta(days=7), 9),
        end=f.at(SATURDAY - dt.timedelta(days=7), 11),
    )
    published = _finish(queued_run(community=world.a1, week=last_week))
    Assignment.objects.create(run=published, shift=held, volunteer=world.v1)
    Publication.objects.create(
        scope_key=published.scope_key, week=last_week, run=published, published_at=timezone.now()
    )
    draft = _finish(queued_run(community=world.b1, week=last_week))
    Assignment.objects.create(run=draft, shift=f.ShiftFactory(community=world.b1), volunteer=world.v2)
    # when this week's district-wide problem is built
    data = mapper.build_problem(queued_run()).data
    # then only the published pair is there, with its post
    assert data["previous_assignments"] == [
        {"volunteer": f"v{world.v1.pk}", "shift": f"s{held.pk}", "post": f"p{post.pk}"}
    ]


def test_a_solution_becomes_unsaved_rows_of_the_run(world, queued_run):
    # given a run whose previous version pinned V1 by hand, and a solution naming ids of the problem
    shift, other_shift = _saturday_shift(world.a1), _saturday_shift(world.a1)
    request = f.ResourceRequestFactory(shift=shift)
    room = f.ResourceFactory(community=world.a1)
    run = queued_run(community=world.a1)
    mapped = mapper.MappedProblem(
        data={"volunteers": [], "shifts": [], "resources": [], "resource_requests": [], "locks": []},
        pinned={(world.v1.pk, shift.pk): "manual"},
    )
    solution = matching.Solution(
        status=matching.Status.OPTIMAL,
        objective=7.5,
        bound=7.5,
        gap=0.0,
        seconds=0.25,
        solver="highs",
        assignments=((f"v{world.v1.pk}", f"s{shift.pk}"), (f"v{world.v2.pk}", f"s{shift.pk}")),
        resource_assignments=((f"r{room.pk}", f"q{request.pk}"),),
        unfilled=(
            matching.Unfilled(
                shift=f"s{other_shift.pk}",
                missing=2,
                suggestion="two more people",
                reasons=(matching.Reason(code="no_one_free", message="nobody free"),),
            ),
        ),
        metrics={"filled_seats": 2, "mean": float("nan")},
    )
    # when
    rows = mapper.solution_rows(run, mapped, solution)
    # then
    assert [(a.volunteer_id, a.shift_id, a.pinned, a.source) for a in rows.assignments] == [
        (world.v1.pk, shift.pk, True, "manual"),
        (world.v2.pk, shift.pk, False, "solver"),
    ]
    assert [(b.resource_id, b.request_id) for b in rows.bookings] == [(room.pk, request.pk)]
    assert [(u.shift_id, u.missing, u.reasons, u.suggestion) for u in rows.unfilled] == [
        (other_shift.pk, 2, [{"code": "no_one_free", "message": "nobody free"}], "two more people")
    ]
    assert rows.stats == {
        "status": "optimal",
        "objective": 7.5,
        "bound": 7.5,
        "gap": 0.0,
        "seconds": 0.25,
        "solver": "highs",
        "problem": {
            "volunteers": 0,
            "shifts": 0,
            "resources": 0,
            "resource_requests": 0,
            "seats": 0,
            "locks": 0,
            "forbidden": 0,
        },
    }
    assert rows.metrics == {
        "filled_seats": 2,
        "mean": None,  # JSON has no NaN
        "preferences_matched": 0,
        "preferences_stated": 0,
    }
    assert {a.run_id for a in rows.assignments} == {run.pk}


def test_an_id_the_mapper_did_not_write_is_refused(world, queued_run):
    run = queued_run(community=world.a1)
    solution = matching.Solution(
        status=matching.Status.FEASIBLE,
        objective=1,
        bound=1,
        gap=0,
        seconds=0,
        solver="greedy",
        assignments=(("volunteer-1", "s1"),),
        resource_assignments=(),
    )
    with pytest.raises(ValueError, match="unexpected id 'volunteer-1'"):
        mapper.solution_rows(run, mapper.MappedProblem(data={}), solution)
