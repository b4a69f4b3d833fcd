"""Live progress: the greedy plan first, then the solver's figures while it runs; a failing callback never
stops a solve, and asking for progress never changes the plan."""

import logging

import pytest

from matching import Status, parse_problem, solve
from matching.decompose import solve_decomposed, split
from matching.generate import generate
from matching_factories import problem, shift, volunteer


@pytest.fixture(scope="module")
def district_piece():
    """One sub-district of a generated district week: HiGHS needs several seconds for its MIP."""
    return split(parse_problem(generate("district", 1)), 0)[0]


def test_progress_reports_the_greedy_plan_then_the_solvers_bound_and_objective(district_piece):
    # given
    reports = []
    # when
    # (the solve ends once its plan is proven optimal, seconds on an idle machine; the limit is only a safety: on a busy
    # one a 30 s limit ended the solve before its first plan and the greedy plan came back)
    solution = solve(district_piece, time_limit=600, progress=reports.append)
    assert solution.status == Status.OPTIMAL
    # then: the greedy plan once, first, against the trivial bound
    greedy, solving = reports[0], reports[1:]
    assert greedy["phase"] == "greedy"
    assert greedy["objective"] == solution.metrics["greedy_objective"]
    assert (
        greedy["bound"]
        == sum(s.seats * s.priority for s in district_piece.shifts)
        + sum(q.priority for q in district_piece.resource_requests)
        + 1
    )
    assert [r["phase"] for r in solving] == ["solving"] * len(solving)
    assert solving and solving[-1]["bound"] < greedy["bound"]
    assert solving[-1]["objective"] > greedy["objective"]
    for r in reports:
        assert set(r) == {"phase", "objective", "bound", "gap", "seconds"}
        assert r["gap"] == pytest.approx((r["bound"] - r["objective"]) / r["bound"], abs=1e-8)
        assert r["objective"] <= solution.objective + 1e-6  # only plans that exist
        assert r["bound"] >= solution.objective - 1e-6  # only proven bounds
    assert [r["seconds"] for r in reports] == sorted(r["seconds"] for r in reports)


def test_a_failing_progress_callback_neither_stops_nor_changes_the_solve(caplog):
    # given
    p = parse_problem(generate("small", 3))

    def fails(report):
        raise RuntimeError("the progress bar is gone")

    # when
    with caplog.at_level(logging.ERROR, logger="matching.supervise"):
        with_callback = solve(p, gap=0.0, progress=fails)
    without = solve(p, gap=0.0)
    # then
    assert with_callback.status == without.status == Status.OPTIMAL
    assert with_callback.assignments == without.assignments
    assert with_callback.resource_assignments == without.resource_assignments
    assert with_callback.metrics["phase"] == without.metrics["phase"] == "full_mip"
    assert "the progress callback failed; solving goes on" in caplog.text


def test_greedy_solver_reports_its_plan_once():
    # given
    p = problem([volunteer("a")], [shift("s1", priority=4)])
    reports = []
    # when
    solution = solve(p, solver="greedy", progress=reports.append)
    # then: the trivial bound is the seat's priority plus one for the soft rules
    assert reports == [
        {
            "phase": "greedy",
            "objective": solution.objective,
            "bound": 5.0,
            "gap": pytest.approx((5.0 - solution.objective) / 5.0),
            "seconds": reports[0]["seconds"],
        }
    ]


def test_decomposed_progress_counts_the_pieces():
    # given: two areas, so two pieces
    p = problem(
        [volunteer("v1", area="A"), volunteer("v2", km=2, area="B")],
        [shift("s1", area="A", priority=4), shift("s2", km=2, area="B", priority=2)],
    )
    reports = []
    # when
    solution = solve_decomposed(p, time_limit=30, piece_shifts=0, progress=reports.append)
    # then: after the first piece the other is still bounded by its every seat (+1); after both, the plan
    assert [(r["pieces_done"], r["pieces_total"]) for r in reports] == [(1, 2), (2, 2)]
    first, last = reports
    assert first["bound"] > last["bound"]
    # and the join, after the last report, keeps every seat the pieces filled (its objective is scored over the
    # whole week, so the soft rules' fraction may differ) and reports the pieces' bounds beside its own
    assert int(last["objective"]) <= int(solution.objective)
    assert solution.metrics["pieces_bound_sum"] == pytest.approx(last["bound"], abs=1e-3)


def test_a_solve_forked_from_a_process_that_used_highs_itself_does_not_stall(district_piece):
    """HiGHS's worker threads do not survive a fork: a child that inherited the pool's state without its threads used
    to wait for them until the deadline (this piece: optimal in seconds, then a time_limit after 600 s)."""
    # given HiGHS used in this very process, its pool of threads started here
    from matching import highs_backend as hb
    from matching.candidates import VolunteerTable, build_candidates, problem_arrays
    from matching.formulation import build_model
    from matching.highs_strategies import primary_model

    small = parse_problem(generate("small", 1))
    cands = build_candidates(small, VolunteerTable(small))
    assert hb.solve_mip(primary_model(build_model(small, cands, problem_arrays(small))), time_limit=60, gap=0.0)[0] == (
        "kOptimal"
    )
    # when a solve forks its solver from here
    solution = solve(district_piece, time_limit=600)
    # then the child solves as any other
    assert solution.status == Status.OPTIMAL
