"""Resource backfill: each hard rule for resources on a tiny instance, the nearest-first preference, the order
by priority, the reasons for unmet requests, and every repaired plan passing `check`."""

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from matching import check, solution_from_dict, solve
from matching.problem import to_minutes
from matching.resource_repair import Replacement, Unmet, resource_backfill
from matching_factories import problem, request, resource

MONDAY = (to_minutes(datetime(2026, 11, 30)), to_minutes(datetime(2026, 12, 1)))
TUESDAY = (to_minutes(datetime(2026, 12, 1)), to_minutes(datetime(2026, 12, 2)))


def _checked(p, repaired):
    solution = solution_from_dict(
        {
            "status": "feasible",
            "assignments": [],
            "unfilled": [],
            "resource_assignments": [{"resource": r, "request": q} for r, q in repaired.resource_assignments],
        }
    )
    assert check(p, solution) == []
    return repaired


def _backfill(p, bookings, withdrawn, **kwargs):
    return _checked(p, resource_backfill(p, bookings, withdrawn, **kwargs))


def test_the_freed_request_gets_the_nearest_suitable_resource():
    # given r1 booked for q1 and withdrawn on Monday; r2 3 km away and r3 1 km away
    p = problem(resources=[resource("r1"), resource("r2", km=3), resource("r3", km=1)], requests=[request("q1")])
    # when
    repaired = _backfill(p, [("r1", "q1")], [("r1", MONDAY)])
    # then
    assert repaired.replacements == (Replacement("q1", "r1", "r3", repaired.replacements[0].distance_km),)
    assert round(repaired.replacements[0].distance_km, 1) == 1.0
    assert repaired.unmet == ()
    assert repaired.resource_assignments == (("r3", "q1"),)


def test_a_withdrawal_of_another_day_frees_nothing():
    p = problem(resources=[resource("r1"), resource("r2")], requests=[request("q1")])
    repaired = _backfill(p, [("r1", "q1")], [("r1", TUESDAY)])
    assert (repaired.replacements, repaired.unmet, repaired.resource_assignments) == ((), (), (("r1", "q1"),))


def test_kind_capacity_and_features_are_hard_rules():
    p = problem(
        resources=[
            resource("r1", features=["projector"]),
            resource("van", kind="vehicle"),
            resource("small", capacity=10, features=["projector"]),
            resource("bare"),
        ],
        requests=[request("q1", features=["projector"])],
    )
    repaired = _backfill(p, [("r1", "q1")], [("r1", MONDAY)])
    assert repaired.unmet == (Unmet("q1", "r1", "no_such_resource", repaired.unmet[0].message),)
    assert repaired.resource_assignments == ()


def test_the_replacement_must_be_free_for_the_whole_request_and_not_withdrawn():
    p = problem(
        resources=[resource("r1"), resource("r2", free=((0, "10:00", "22:00"),)), resource("r3")],
        requests=[request("q1")],
    )
    repaired = _backfill(p, [("r1", "q1")], [("r1", MONDAY), ("r3", MONDAY)])
    assert [u.code for u in repaired.unmet] == ["not_free"]


def test_the_distance_limit_of_the_request_holds():
    p = problem(resources=[resource("r1"), resource("r2", km=3)], requests=[request("q1", max_distance_km=2.0)])
    repaired = _backfill(p, [("r1", "q1")], [("r1", MONDAY)])
    assert [u.code for u in repaired.unmet] == ["too_far"]


def test_a_resource_is_never_booked_twice_at_once_and_higher_priority_goes_first():
    # given r1 serves q1 and r2 serves the overlapping q2 (higher priority); both withdrawn; only r3 is left
    p = problem(
        resources=[resource("r1"), resource("r2"), resource("r3")],
        requests=[request("q1", priority=2), request("q2", start="10:00", end="11:00", priority=5)],
    )
    repaired = _backfill(p, [("r1", "q1"), ("r2", "q2")], [("r1", MONDAY), ("r2", MONDAY)])
    assert [(r.request, r.new_resource) for r in repaired.replacements] == [("q2", "r3")]
    assert [(u.request, u.code) for u in repaired.unmet] == [("q1", "all_booked")]


def test_kept_bookings_and_other_plans_keep_their_resources():
    # given r2 keeps q2 at the same time, and r3 is booked by another plan then
    p = problem(
        resources=[resource("r1"), resource("r2"), resource("r3"), resource("r4", km=2)],
        requests=[request("q1"), request("q2")],
    )
    repaired = _backfill(p, [("r1", "q1"), ("r2", "q2")], [("r1", MONDAY)], busy={"r3": [(MONDAY[0], MONDAY[1])]})
    assert [(r.request, r.new_resource) for r in repaired.replacements] == [("q1", "r4")]
    assert sorted(repaired.resource_assignments) == [("r2", "q2"), ("r4", "q1")]


def test_back_to_back_requests_may_share_a_resource():
    p = problem(
        resources=[resource("r1"), resource("r2")],
        requests=[request("q1", start="09:00", end="10:00"), request("q2", start="10:00", end="11:00")],
    )
    repaired = _backfill(p, [("r1", "q1"), ("r2", "q2")], [("r1", MONDAY)])
    assert [(r.request, r.new_resource) for r in repaired.replacements] == [("q1", "r2")]


def test_unknown_requests_are_left_alone():
    p = problem(resources=[resource("r1"), resource("r2")], requests=[request("q1")])
    repaired = resource_backfill(p, [("r1", "q9")], [("r1", MONDAY)])
    assert (repaired.replacements, repaired.unmet, repaired.resource_assignments) == ((), (), (("r1", "q9"),))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_every_repaired_plan_obeys_every_hard_rule(data):
    # given a random small week of rooms and requests, a valid published booking of each request where possible
    n_r, n_q = data.draw(st.integers(1, 5)), data.draw(st.integers(1, 5))
    resources = [
        resource(
            f"r{i}",
            capacity=data.draw(st.sampled_from([10, 40])),
            km=data.draw(st.floats(0, 6)),
            free=((0, f"{data.draw(st.integers(7, 10)):02d}:00", "22:00"),),
        )
        for i in range(n_r)
    ]
    requests = [
        request(
            f"q{j}",
            start=f"{(h := data.draw(st.integers(8, 18))):02d}:00",
            end=f"{h + 2:02d}:00",
            min_capacity=data.draw(st.sampled_from([0, 30])),
            priority=data.draw(st.integers(1, 5)),
        )
        for j in range(n_q)
    ]
    p = problem(resources=resources, requests=requests)
    published = solve(p, time_limit=5, solver="greedy").resource_assignments
    withdrawn = [(r["id"], MONDAY) for r in resources if data.draw(st.booleans())]
    # when
    repaired = _backfill(p, published, withdrawn)
    # then every freed request is either replaced or unmet, and nothing is booked on a withdrawn resource
    freed = {q for r, q in published if r in dict(withdrawn)}
    assert {r.request for r in repaired.replacements} | {u.request for u in repaired.unmet} == freed
    assert not {r for r, _ in repaired.resource_assignments} & dict(withdrawn).keys()
