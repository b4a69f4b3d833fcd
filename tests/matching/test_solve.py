"""Known optima, infeasibility, the deadline, explanations, and the property that every plan passes check."""

import json
import sys
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import Status, check, parse_problem, solve
from matching.generate import generate
from matching.solution import status_for
from matching.supervise import run_with_deadline
from matching_factories import ROOT, cli, problem, problem_dict, request, resource, shift, tiny_weeks, volunteer


def test_known_optimum_beats_the_greedy_plan():
    # given: greedy gives the priority-5 shift to the closest person (a), who is the only one able to do s2
    p = problem(
        [volunteer("a", km=0.1, skills={"legal_advice": 3}), volunteer("b", km=2)],
        [shift("s1", priority=5), shift("s2", priority=4, skills={"legal_advice": 3})],
    )
    # when
    greedy = solve(p, solver="greedy")
    best = solve(p, solver="highs", gap=0.0)
    # then
    assert greedy.metrics["weighted_filled"] == 5
    assert best.assignments == (("a", "s2"), ("b", "s1"))
    assert best.metrics["weighted_filled"] == 9
    assert best.status == Status.OPTIMAL and best.gap == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(
    "gap, finished, expected",
    [
        (0.0, True, Status.OPTIMAL),
        (1e-4, True, Status.OPTIMAL),  # the solver's own tolerance
        (1e-4, False, Status.OPTIMAL),  # proven by the bound, whatever stopped the solver
        (0.0021, True, Status.WITHIN_GAP),  # 0.21% met a requested 0.5%: not optimal
        (0.0021, False, Status.TIME_LIMIT),
        (0.006, True, Status.FEASIBLE),  # short of the requested gap
    ],
)
def test_the_status_says_only_what_the_proven_gap_proves(gap, finished, expected):
    assert status_for(gap, requested=0.005, finished=finished) == expected


def test_the_district_path_keeps_improving_to_the_optimum_of_a_small_week(monkeypatch):
    # given a small week solved exactly by the whole MIP
    p = parse_problem(generate("small", 1))
    exact = solve(p, gap=0.0, time_limit=30)
    # when the district path (pricing, rounding, then neighbourhood MIPs) solves it
    monkeypatch.setattr(sys.modules["matching.highs_strategies"], "FULL_MIP_COLUMNS", 0)
    district = solve(p, gap=0.0, time_limit=30)
    # then it used its budget to reach the same seats, started from its rounded plan, and kept every rule
    assert district.metrics["phase"] == "neighbourhood_mip"
    assert district.metrics["weighted_filled"] == exact.metrics["weighted_filled"] == 846
    assert check(p, district) == []


def test_a_neighbourhood_too_large_for_one_mip_is_improved_one_area_at_a_time(monkeypatch):
    # given a small week solved exactly by the whole MIP, and the district path where every neighbourhood counts as
    # too large for one MIP
    p = parse_problem(generate("small", 1))
    exact = solve(p, gap=0.0, time_limit=30)
    strategies = sys.modules["matching.highs_strategies"]
    monkeypatch.setattr(strategies, "FULL_MIP_COLUMNS", 0)
    monkeypatch.setattr(strategies, "MIP_NEIGHBOURHOOD_COLUMNS", 0)
    # when it solves the week
    district = solve(p, gap=0.0, time_limit=60)
    # then its improving rounds took one sub-district at a time, and its plan keeps every rule
    assert district.metrics["phase"] == "neighbourhood_mip"
    assert set(district.metrics["neighbourhood_areas"]) <= {s.area for s in p.shifts} - {None}
    assert check(p, district) == []
    assert district.metrics["weighted_filled"] <= exact.metrics["weighted_filled"]


def test_areas_are_grouped_busiest_with_quietest_and_none_with_open_seats_is_left_out():
    from matching.highs_strategies import _area_groups

    open_weight = np.array([9.0, 0.0, 5.0, 1.0, 7.0])
    ranked = [0, 4, 2, 3, 1]  # most open weight first
    assert _area_groups(ranked, open_weight, 1) == [[0], [4], [2], [3]]
    assert _area_groups(ranked, open_weight, 2) == [[0, 1], [3, 4], [2]]
    assert _area_groups(ranked, open_weight, 8) == [[0, 1, 2, 3, 4]]


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_both_solvers_reach_the_same_optimum_on_a_small_week(solver):
    # given
    p = parse_problem(generate("small", 2))
    # when
    solution = solve(p, solver=solver, gap=0.0, time_limit=60)
    # then
    assert check(p, solution) == []
    assert solution.status == Status.OPTIMAL
    assert solution.gap <= 1e-6


def test_cbc_and_highs_agree_on_the_optimum():
    p = parse_problem(generate("small", 4))
    a = solve(p, solver="highs", gap=0.0, time_limit=60)
    b = solve(p, solver="cbc", gap=0.0, time_limit=60)
    assert a.metrics["weighted_filled"] == b.metrics["weighted_filled"]
    assert a.objective == pytest.approx(b.objective, abs=1e-4)


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_overlapping_locks_are_infeasible(solver):
    # given
    p = problem(
        [volunteer("v1")],
        [shift("s1"), shift("s2", start="10:00", end="11:00")],
        locks=[{"volunteer": "v1", "shift": "s1"}, {"volunteer": "v1", "shift": "s2"}],
    )
    # when
    solution = solve(p, solver=solver)
    # then
    assert solution.status == Status.INFEASIBLE
    assert solution.assignments == ()
    assert solution.message == "locks put v1 on overlapping shifts s1 and s2"


def test_a_lock_that_breaks_a_hard_rule_is_infeasible():
    # given: v1 lacks the skill
    p = problem([volunteer("v1")], [shift("s1", skills={"medical": 3})], locks=[{"volunteer": "v1", "shift": "s1"}])
    # when
    solution = solve(p)
    # then
    assert solution.status == Status.INFEASIBLE
    assert solution.message.startswith("lock v1 -> s1 breaks a hard rule")


def test_locked_shifts_competing_for_one_room_are_infeasible():
    # given: both locked shifts need a room at the same time and there is only one room
    p = problem(
        [volunteer("v1"), volunteer("v2")],
        [shift("s1", resource_request="q1"), shift("s2", resource_request="q2")],
        [resource("r1")],
        [request("q1"), request("q2")],
        locks=[{"volunteer": "v1", "shift": "s1"}, {"volunteer": "v2", "shift": "s2"}],
    )
    # when
    solution = solve(p, solver="highs")
    # then
    assert solution.status == Status.INFEASIBLE


def _hangs(conn, *args):
    while True:  # a solver that ignores its time limit, as HiGHS and CBC were seen to do
        time.sleep(1)


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_deadline_returns_the_greedy_plan_with_status_time_limit(monkeypatch, solver):
    # given: a solver that never returns
    solve_module = sys.modules["matching.solve"]  # the package's `solve` is the function
    monkeypatch.setattr(solve_module, f"{solver}_worker", _hangs)
    p = parse_problem(generate("small", 1))
    # when
    solution = solve(p, time_limit=2.0, solver=solver)
    # then
    assert solution.status == Status.TIME_LIMIT
    assert solution.metrics["phase"] == "greedy"
    assert solution.metrics["filled_seats"] > 0
    assert check(p, solution) == []


def _never_ends(conn):
    conn.send(("plan", {"x": [], "y": []}))
    while True:
        time.sleep(1)


def test_watchdog_kills_a_solver_that_ignores_its_limit():
    # when
    messages, finished = run_with_deadline(_never_ends, (), time.monotonic() + 1.0)
    # then
    assert not finished
    assert messages == [("plan", {"x": [], "y": []})]


def test_unfilled_seats_are_explained_with_the_smallest_change():
    # given: s1 needs legal advice nobody has; s2 only v1 could do, but v1 is on s3 at the same time;
    # s4 only v2 could do, and v2 has used their hours
    p = problem(
        [
            volunteer("v1", skills={"patrol": 1}, free=[(0, "08:00", "17:00")]),
            volunteer("v2", max_hours=2, free=[(0, "08:00", "22:00"), (1, "08:00", "22:00")]),
        ],
        [
            shift("s1", skills={"legal_advice": 2}, place="秦江社区"),
            shift("s2", priority=1, skills={"patrol": 1}, start="14:00", end="16:00"),
            shift("s3", priority=5, skills={"patrol": 1}, start="14:00", end="16:00"),
            shift("s4", priority=1, day=1, start="09:00", end="11:00"),
            shift("s5", priority=5, day=0, start="18:00", end="20:00"),
        ],
    )
    # when
    solution = solve(p, gap=0.0)
    # then
    by_shift = {u.shift: u for u in solution.unfilled}
    assert sorted(by_shift) == ["s1", "s2", "s4"]
    assert [r.code for r in by_shift["s1"].reasons] == ["no_skill_in_range"]
    assert by_shift["s1"].reasons[0].skill == "legal_advice" and by_shift["s1"].reasons[0].level == 2
    assert (
        by_shift["s1"].suggestion == "1 more volunteer with legal_advice ≥ 2 free Mon 11-30 09:00-12:00 "
        "within 5 km of 秦江社区"
    )
    assert [r.code for r in by_shift["s2"].reasons] == ["all_busy"]
    assert [r.code for r in by_shift["s4"].reasons] == ["all_at_hour_limit"]
    assert solution.metrics["recruitment"][0]["count"] == 1


def test_nobody_free_is_explained():
    p = problem([volunteer("v1", free=[(1, "08:00", "12:00")])], [shift("s1")])
    solution = solve(p)
    assert [r.code for r in solution.unfilled[0].reasons] == ["no_one_free"]


# ---------------------------------------------------------------- property: every plan passes check


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_weeks(), st.sampled_from(["highs", "cbc", "greedy"]))
def test_every_returned_plan_passes_check(data, solver):
    p = parse_problem(data)
    solution = solve(p, solver=solver, time_limit=20)
    assert solution.status in (Status.OPTIMAL, Status.WITHIN_GAP, Status.FEASIBLE)
    assert check(p, solution) == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_weeks())
def test_the_optimum_fills_at_least_the_greedy_weighted_seats(data):
    p = parse_problem(data)
    best = solve(p, solver="highs", gap=0.0, time_limit=20)
    greedy = solve(p, solver="greedy")
    assert best.metrics["weighted_filled"] >= greedy.metrics["weighted_filled"]
    assert best.objective >= greedy.objective - 1e-9


# ---------------------------------------------------------------- the CLI


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"volunteers": [', "malformed JSON at line 1 column 17: Expecting value"),
        ('{"volunteers": []}', "shifts: missing field"),
        (
            json.dumps(problem_dict([volunteer("v1")], [shift("s1")], locks=[{"volunteer": "v1", "shift": "nope"}])),
            "locks[0].shift: unknown shift id 'nope'",
        ),
        (
            json.dumps(problem_dict([volunteer("v1")], [shift("s1", start="13:00", end="12:00")])),
            "shifts[0] (id s1).end: 2026-11-30T12:00 is not after start 2026-11-30T13:00",
        ),
    ],
)
def test_cli_bad_input_exits_2_with_one_line(tmp_path, content, message):
    # given
    path = tmp_path / "problem.json"
    path.write_text(content, encoding="utf-8")
    # when
    result = cli("solve", str(path), "--out", str(tmp_path / "out.json"), cwd=ROOT)
    # then
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.rstrip().endswith(message)


def test_cli_generate_solve_and_check(tmp_path):
    # given
    prob, sol = tmp_path / "p.json", tmp_path / "s.json"
    assert cli("generate", "--scale", "small", "--seed", "1", "--out", str(prob), cwd=ROOT).returncode == 0
    # when
    solved = cli("solve", str(prob), "--out", str(sol), "--solver", "highs", "--time-limit", "20", cwd=ROOT)
    checked = cli("check", str(prob), str(sol), cwd=ROOT)
    # then
    assert solved.returncode == 0, solved.stderr
    data = json.loads(sol.read_text(encoding="utf-8"))
    assert {
        "status",
        "objective",
        "bound",
        "gap",
        "seconds",
        "solver",
        "assignments",
        "resource_assignments",
        "unfilled",
        "metrics",
    } <= set(data)
    assert checked.returncode == 0 and checked.stdout == "0 violations\n"


def test_cli_check_reports_violations(tmp_path):
    # given: a plan that puts v1 on a shift they are not free for
    prob, sol = tmp_path / "p.json", tmp_path / "s.json"
    prob.write_text(json.dumps(problem_dict([volunteer("v1", free=[(1, "08:00", "12:00")])], [shift("s1")])))
    sol.write_text(json.dumps({"status": "feasible", "assignments": [{"volunteer": "v1", "shift": "s1"}]}))
    # when
    result = cli("check", str(prob), str(sol), cwd=ROOT)
    # then
    assert result.returncode == 1
    assert result.stdout == (
        "availability: v1 is not free for all of s1 (2026-11-30T09:00-2026-11-30T12:00)\n1 violation\n"
    )


def test_dashboard_figures_add_up_to_the_plan():
    # given a solved small week
    from matching import generate, parse_problem, solve

    problem = parse_problem(generate("small", 1))
    metrics = solve(problem, time_limit=10).metrics
    # then seats and filled seats per priority add up to the totals, and the hours histogram counts every
    # person used once
    by_priority = metrics["by_priority"]
    assert sum(v["seats"] for v in by_priority.values()) == metrics["total_seats"]
    assert sum(v["filled"] for v in by_priority.values()) == metrics["filled_seats"]
    assert set(by_priority) == {str(s.priority) for s in problem.shifts}
    assert sum(metrics["hours_histogram"].values()) == metrics["volunteers_used"]
