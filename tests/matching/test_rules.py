"""One tiny instance per hard rule, each with an obvious optimum, solved by both solvers."""

import pytest

from matching import Status, check, solve
from matching_factories import problem, request, resource, shift, volunteer

SOLVERS = ["highs", "cbc"]


def run(p, solver, **kwargs):
    solution = solve(p, time_limit=30, solver=solver, gap=0.0, **kwargs)
    assert check(p, solution) == []
    return solution


@pytest.mark.parametrize("solver", SOLVERS)
def test_volunteer_must_be_free_for_the_whole_shift(solver):
    # given: v1 leaves at 11:00, the shift ends at 12:00
    p = problem([volunteer("v1", free=[(0, "08:00", "11:00")]), volunteer("v2", km=2)], [shift("s1")])
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("v2", "s1"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_volunteer_needs_every_required_skill_at_the_level(solver):
    # given
    p = problem(
        [
            volunteer("v1", skills={"legal_advice": 1, "medical": 5}),
            volunteer("v2", km=3, skills={"legal_advice": 3, "medical": 2}),
            volunteer("v3", km=3, skills={"legal_advice": 2}),
        ],
        [shift("s1", skills={"legal_advice": 2, "medical": 2})],
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("v2", "s1"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_no_two_overlapping_shifts_and_the_higher_priority_wins(solver):
    # given
    p = problem(
        [volunteer("v1")],
        [shift("s1", start="09:00", end="12:00", priority=2), shift("s2", start="11:00", end="13:00", priority=5)],
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("v1", "s2"),)
    assert solution.objective == pytest.approx(5, abs=1)


@pytest.mark.parametrize("solver", SOLVERS)
def test_max_hours_is_never_exceeded(solver):
    # given: 3 h allowed, three 2 h shifts on separate days
    p = problem(
        [volunteer("v1", max_hours=3, free=[(d, "08:00", "22:00") for d in range(3)])],
        [shift(f"s{d}", day=d, start="09:00", end="11:00", priority=1 + d) for d in range(3)],
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("v1", "s2"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_travel_limit_default_and_personal(solver):
    # given: v1 6 km away (default 5 km), v2 2.5 km away with a 2 km personal limit, v3 4 km away
    p = problem(
        [volunteer("v1", km=6), volunteer("v2", km=2.5, max_distance_km=2), volunteer("v3", km=4)],
        [shift("s1", seats=3)],
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("v3", "s1"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_a_shift_gets_at_most_its_seats(solver):
    # given
    p = problem([volunteer(f"v{i}") for i in range(3)], [shift("s1", seats=2)])
    # when
    solution = run(p, solver)
    # then
    assert len(solution.assignments) == 2
    assert solution.unfilled == ()


@pytest.mark.parametrize("solver", SOLVERS)
def test_locks_are_kept_even_against_priority(solver):
    # given: without the lock v1 would take the priority-5 shift
    p = problem(
        [volunteer("v1")],
        [shift("s1", priority=1), shift("s2", priority=5)],
        locks=[{"volunteer": "v1", "shift": "s1"}],
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("v1", "s1"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_forbidden_pairs_are_never_used(solver):
    # given
    p = problem([volunteer("v1"), volunteer("v2", km=4)], [shift("s1")], forbidden=[{"volunteer": "v1", "shift": "s1"}])
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("v2", "s1"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_resource_must_match_kind_capacity_features_time_and_distance(solver):
    # given: only r5 is right; the others each fail one rule
    p = problem(
        [],
        [],
        [
            resource("r1", kind="van"),
            resource("r2", capacity=20),
            resource("r3", features=[]),
            resource("r4", free=[(0, "10:00", "22:00")]),
            resource("r6", km=8),
            resource("r5", km=3, features=["projector"]),
        ],
        [request("q1", min_capacity=30, features=["projector"])],
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.resource_assignments == (("r5", "q1"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_a_resource_never_serves_two_overlapping_requests(solver):
    # given
    p = problem(
        [], [], [resource("r1")], [request("q1", priority=2), request("q2", start="11:00", end="13:00", priority=4)]
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.resource_assignments == (("r1", "q2"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_a_meeting_without_its_room_does_not_happen(solver):
    # given: the only room is too small, so s1 stays empty and s2 (no room needed) is staffed
    p = problem(
        [volunteer("v1"), volunteer("v2")],
        [shift("s1", resource_request="q1", priority=5), shift("s2", start="13:00", end="15:00")],
        [resource("r1", capacity=10)],
        [request("q1", min_capacity=40)],
    )
    # when
    solution = run(p, solver)
    # then
    assert [s for _, s in solution.assignments] == ["s2"]
    assert solution.unfilled[0].shift == "s1"
    assert solution.unfilled[0].reasons[0].code == "no_room"


@pytest.mark.parametrize("solver", SOLVERS)
def test_a_met_request_lets_its_shift_be_staffed(solver):
    # given
    p = problem([volunteer("v1")], [shift("s1", resource_request="q1")], [resource("r1")], [request("q1")])
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("v1", "s1"),)
    assert solution.resource_assignments == (("r1", "q1"),)
    assert solution.status == Status.OPTIMAL


@pytest.mark.parametrize("solver", SOLVERS)
def test_soft_rules_pick_the_closer_volunteer(solver):
    # given
    p = problem([volunteer("far", km=4), volunteer("near", km=0.5)], [shift("s1")])
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("near", "s1"),)


@pytest.mark.parametrize("solver", SOLVERS)
def test_post_holder_is_kept_in_the_post(solver):
    # given: the holder lives further away, keeping them outweighs distance
    p = problem(
        [volunteer("near", km=0.1), volunteer("holder", km=3, posts=["c1-法律服务岗"])],
        [shift("s1", post="c1-法律服务岗")],
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("holder", "s1"),)
    assert solution.metrics["soft_rules"]["keep_post_holders"]["pairs"] == 1


@pytest.mark.parametrize("solver", SOLVERS)
def test_no_soft_rule_may_cost_a_seat(solver):
    # given: the holder (kept, preferred, closest) is worth far more on s1, but only with them on s2 and the
    # other person on s1 are both seats filled
    p = problem(
        [
            volunteer("holder", km=0.1, posts=["p1"], preferences=["s1"], max_hours=3),
            volunteer("other", km=4.9, free=[(0, "09:00", "12:00")]),
        ],
        [shift("s1", post="p1", start="09:00", end="12:00"), shift("s2", start="12:00", end="14:00")],
        weights={"keep": 100, "preference": 100, "distance": 100},
    )
    # when
    solution = run(p, solver)
    # then
    assert solution.assignments == (("holder", "s2"), ("other", "s1"))


def test_exported_lp_file_reads_like_the_rules(tmp_path):
    # given
    from matching.formulation import write_lp

    p = problem(
        [volunteer("v1"), volunteer("v2")],
        [shift("s1"), shift("s2", start="10:00", end="11:00", resource_request="q1")],
        [resource("r1")],
        [request("q1", start="10:00", end="11:00")],
    )
    # when
    write_lp(p, str(tmp_path / "week.lp"))
    text = (tmp_path / "week.lp").read_text()
    # then
    for name in (
        "seats_s1_:",
        "needs_room_s2_:",
        "one_at_a_time_v1@2026_11_30T10:00_:",
        "request_once_q1_:",
        "fair_spread_v1_:",
    ):
        assert name in text


@pytest.mark.parametrize("solver", SOLVERS)
def test_hours_are_spread_fairly_and_the_spread_is_reported(solver):
    # given: v1 is closer to both shifts, but a second shift for one person costs more than the distance saved
    p = problem(
        [volunteer("v1"), volunteer("v2", km=1)],
        [shift("s1", start="09:00", end="11:00"), shift("s2", start="14:00", end="16:00")],
    )
    # when
    solution = run(p, solver)
    # then
    assert sorted(v for v, _ in solution.assignments) == ["v1", "v2"]
    assert solution.metrics["hours_spread"] == {"max": 2.0, "mean": 2.0, "std": 0.0, "gini": 0.0}
    assert solution.metrics["soft_rules"]["fair_spread"]["people_with_2_or_more_shifts"] == 0


def test_without_the_fairness_weight_the_closer_person_takes_both():
    p = problem(
        [volunteer("v1"), volunteer("v2", km=1)],
        [shift("s1", start="09:00", end="11:00"), shift("s2", start="14:00", end="16:00")],
        weights={"fairness": 0},
    )
    solution = run(p, "highs")
    assert solution.assignments == (("v1", "s1"), ("v1", "s2"))
