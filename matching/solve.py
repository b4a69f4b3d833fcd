"""One entry point, `solve(problem, *, time_limit, solver)`: candidates, model, greedy fallback, then the solver
in a killable child process (`supervise`) so the deadline holds whatever the solver does; the best plan it
streams back is packaged as a `Solution`. The solvers' strategies live in `highs_strategies` and `cbc`.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from itertools import pairwise
from typing import Any

import numpy as np

from .candidates import Arrays, Candidates, VolunteerTable, build_candidates, problem_arrays
from .cbc import cbc_worker
from .explain import explain
from .formulation import lock_columns, objective_scale
from .greedy import greedy_plan
from .highs_strategies import highs_worker
from .metrics import plan_metrics, score
from .problem import Problem
from .solution import DEFAULT_GAP, Progress, Solution, Status, Unfilled, progress_report, status_for
from .supervise import notify_progress, run_with_deadline

log = logging.getLogger(__name__)

RESERVE_SECONDS = 2.0  # kept back from the solver to explain and package the plan, plus per open seat:
RESERVE_PER_OPEN_SEAT = 0.0005
RESERVE_SHARE = 0.15  # but never more than this share of the time limit

SOLVERS = ("highs", "cbc", "greedy")


def _lock_conflict(problem: Problem, cands: Candidates, arrays: Arrays, locks: list[int]) -> str | None:
    for (vid, sid), j in zip(problem.locks, locks, strict=True):
        if j < 0:
            return f"lock {vid} -> {sid} breaks a hard rule (availability, skill, distance, hours or forbidden)"
    per_shift = defaultdict(list)
    per_vol = defaultdict(list)
    for j in set(locks):
        per_shift[int(cands.shift[j])].append(j)
        per_vol[int(cands.vol[j])].append(j)
    for s, js in per_shift.items():
        if len(js) > arrays.s_seats[s]:
            return f"locks put {len(js)} people on {problem.shifts[s].id} which has {arrays.s_seats[s]} seats"
        q = arrays.s_request[s]
        if q >= 0 and not np.any(cands.req == q):
            return (
                f"locks staff {problem.shifts[s].id} but its request {problem.resource_requests[q].id} "
                f"has no suitable resource"
            )
    for v, js in per_vol.items():
        spans = sorted((arrays.s_start[cands.shift[j]], arrays.s_end[cands.shift[j]], j) for j in js)
        for (_, b0, j0), (a1, _, j1) in pairwise(spans):
            if a1 < b0:
                return (
                    f"locks put {problem.volunteers[v].id} on overlapping shifts "
                    f"{problem.shifts[cands.shift[j0]].id} and {problem.shifts[cands.shift[j1]].id}"
                )
        if sum(b - a for a, b, _ in spans) > arrays.v_max_minutes[v]:
            return f"locks exceed max_hours of {problem.volunteers[v].id}"
    return None


class _ParentProgress:
    """The parent's side of live progress: merges the child's figures with the greedy plan and the trivial
    bound it already holds, so every report has an objective (never below the fallback plan) and a bound."""

    def __init__(self, callback: Callable[[Progress], None], t0: float, objective: float, bound: float):
        self.callback, self.t0 = callback, t0
        self.objective, self.bound = objective, bound

    def __call__(self, figures: Mapping[str, Any], phase: str = "solving") -> None:
        if figures.get("objective") is not None:
            self.objective = max(self.objective, figures["objective"])
        if figures.get("bound") is not None:
            self.bound = min(self.bound, figures["bound"])
        notify_progress(self.callback, progress_report(phase, self.objective, self.bound, time.monotonic() - self.t0))


def solve(
    problem: Problem,
    *,
    time_limit: float = 30.0,
    solver: str = "highs",
    gap: float = DEFAULT_GAP,
    threads: int | None = None,
    explain_unfilled: bool = True,
    progress: Callable[[Progress], None] | None = None,
    prices: bool = False,
) -> Solution:
    """Best plan for the week within `time_limit` seconds of wall time (always returned by then).

    solver: "highs" (the default; LP-based, see the module docstring), "cbc" (whole MIP through PuLP) or
    "greedy" (the baseline only). gap: the proven relative gap at which solving stops early (default 0.05%);
    short of it the solver keeps improving until the deadline; the status says what was proven. threads: HiGHS
    threads. explain_unfilled: compute reasons and the recruitment list (a second at district scale).
    progress: called in this process with a `Progress` dict once for the greedy plan, then at most once a
    second while HiGHS solves (CBC reports nothing until it ends); keep it quick, it runs on the clock.
    prices: HiGHS only: metrics["prices"] holds the LP's prices of people's time (`border.prices_by_id`), as a
    fan-out piece gives them to the join, and metrics["inside"] what the join needs of the piece's own pairs to bound
    the whole week without enumerating them (`border.inside_summary`).
    """
    if solver not in SOLVERS:
        raise ValueError(f"solver: expected one of {', '.join(SOLVERS)}, got {solver!r}")
    t0 = time.monotonic()
    deadline = t0 + time_limit
    table = VolunteerTable(problem)
    cands = build_candidates(problem, table)
    arrays = problem_arrays(problem)
    locks = lock_columns(problem, cands)
    conflict = _lock_conflict(problem, cands, arrays, locks)
    if conflict:
        log.info("infeasible: %s", conflict)
        return Solution(
            Status.INFEASIBLE,
            0.0,
            0.0,
            0.0,
            time.monotonic() - t0,
            solver,
            (),
            (),
            metrics={"pairs": cands.n_pairs},
            message=conflict,
        )
    scale = objective_scale(problem, cands)
    t_built = time.monotonic()
    state = greedy_plan(problem, cands, arrays, locks)
    best: dict[str, Any] = {
        "x": np.array(sorted(state.x), dtype=np.int64),
        "y": np.array(sorted(state.y), dtype=np.int64),
        "phase": "greedy",
    }
    best_score = score(problem, cands, arrays, scale, best["x"], best["y"])
    greedy_objective = best_score["objective"]
    t_greedy = time.monotonic()
    # without a solver's bound: every seat and request filled, plus less than one seat of soft rules
    bound = float((arrays.s_seats * arrays.s_priority).sum() + arrays.q_priority.sum()) + 1.0
    live = _ParentProgress(progress, t0, greedy_objective, bound) if progress is not None else None
    if live is not None:
        live({}, phase="greedy")
    finished, infeasible, notes = True, False, {}
    # time kept back to explain and package the plan: explaining costs about 0.25 ms of CPU per open seat (a tight
    # week's 4,000: 1 s), twice that on a busy machine, so the greedy plan's open seats size it
    open_seats = max(0, int(arrays.s_seats.sum()) - len(state.x))
    reserve = min(RESERVE_SECONDS + RESERVE_PER_OPEN_SEAT * open_seats, RESERVE_SHARE * time_limit)
    if solver != "greedy" and deadline - reserve - time.monotonic() > 0.05:
        target = highs_worker if solver == "highs" else cbc_worker
        budget = deadline - reserve - time.monotonic()
        messages, finished = run_with_deadline(
            target,
            (problem, cands, arrays, best["x"], budget, gap, threads, live is not None)
            + ((prices,) if solver == "highs" else ()),
            deadline - reserve,
            progress=live,
        )
        for kind, payload in messages:
            if kind == "prices":
                notes["prices"] = payload
            elif kind == "infeasible":
                infeasible = True
            elif kind == "info":
                notes.update(payload)
            elif kind == "failed":
                notes["solver_failure"] = str(payload)
                log.warning("solver failed: %s", payload)
            elif kind == "plan":
                if payload.get("bound") is not None:
                    bound = min(bound, payload["bound"])
                sc = score(problem, cands, arrays, scale, payload["x"], payload["y"])
                if sc["objective"] > best_score["objective"] + 1e-12 or (
                    best["phase"] == "greedy" and sc["objective"] >= best_score["objective"]
                ):
                    best, best_score = payload, sc
                notes.update({k: v for k, v in payload.items() if k not in ("x", "y", "final", "bound")})
    elif solver != "greedy":
        finished = False
    if prices:
        from .border import inside_summary

        # a fan-out piece's own pairs as the join bounds them (the prices' best reduced costs; none: the priorities)
        notes["inside"] = inside_summary(problem, cands, arrays, notes.get("prices", {}))
    objective = best_score["objective"]
    bound = max(bound, objective)
    gap_value = (bound - objective) / bound if bound > 0 else 0.0
    if infeasible and problem.locks:
        return Solution(
            Status.INFEASIBLE,
            0.0,
            0.0,
            0.0,
            time.monotonic() - t0,
            solver,
            (),
            (),
            metrics={"pairs": cands.n_pairs},
            message="the locks cannot all be kept",
        )
    # the status follows from the proven gap alone: a solver's own "optimal" only means its own mip_rel_gap
    status = status_for(gap_value, requested=0.0 if solver == "greedy" else gap, finished=finished)
    return package(
        problem,
        cands,
        arrays,
        table,
        best["x"],
        best["y"],
        status=status,
        objective=objective,
        bound=bound,
        gap=gap_value,
        t0=t0,
        solver=solver,
        explain_unfilled=explain_unfilled,
        extra={
            "phase": best.get("phase", "greedy"),
            "greedy_objective": round(greedy_objective, 9),
            **notes,
            "pairs": cands.n_pairs,
            "candidates_seconds": round(t_built - t0, 3),
            "greedy_seconds": round(t_greedy - t_built, 3),
            "soft_rule_scale_K": scale,
        },
    )


def package(
    problem,
    cands,
    arrays,
    table,
    x,
    y,
    *,
    status,
    objective,
    bound,
    gap,
    t0,
    solver,
    explain_unfilled=True,
    extra=None,
    moved=None,
    message="",
) -> Solution:
    metrics = plan_metrics(problem, cands, arrays, x, y)
    metrics.update({k: v for k, v in (extra or {}).items() if v is not None})
    unfilled: tuple[Unfilled, ...] = ()
    if explain_unfilled:
        unfilled, recruitment = explain(problem, cands, arrays, table, x, y)
        metrics["recruitment"] = recruitment
    vols, shifts = problem.volunteers, problem.shifts
    assignments = tuple(sorted((vols[cands.vol[j]].id, shifts[cands.shift[j]].id) for j in x))
    bookings = tuple(
        sorted((problem.resources[cands.res[k]].id, problem.resource_requests[cands.req[k]].id) for k in y)
    )
    return Solution(
        status=status,
        objective=round(float(objective), 9),
        bound=round(float(bound), 9),
        gap=round(float(gap), 9),
        seconds=time.monotonic() - t0,
        solver=solver,
        assignments=assignments,
        resource_assignments=bookings,
        unfilled=unfilled,
        metrics=metrics,
        moved=moved,
        message=message,
    )
