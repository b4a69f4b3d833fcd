"""One entry point, `solve(problem, *, time_limit, solver)`: candidates, model, greedy fallback, then the solver
in a killable subprocess so the deadline holds whatever the solver does (HiGHS and CBC both overrun limits).

HiGHS, models up to 60k columns: LP relaxation (bound), round, complete greedily, then the whole MIP.
HiGHS, larger (district) models: column generation on the seat-level LP with a Lagrangian bound, rounding,
greedy completion, a soft-rule swap pass, and a neighbourhood MIP if still short of the gap.
CBC: the whole model through PuLP, named rows, `sol_status` read (never `status` alone).
While the child solves it streams plans and, when the caller asked for `progress`, its best figures.
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import re
import signal
import tempfile
import threading
import time
from collections import defaultdict
from typing import TYPE_CHECKING, Callable

import numpy as np

from .candidates import Arrays, Candidates, VolunteerTable, build_candidates, problem_arrays
from .explain import explain
from .formulation import Model, build_model, lock_columns, objective_scale
from .greedy import PlanState, greedy_fill, greedy_plan
from .metrics import plan_metrics, score
from .problem import Problem
from .solution import DEFAULT_GAP, Progress, Solution, Status, progress_report, status_for

if TYPE_CHECKING:
    from .highs_backend import Figures

log = logging.getLogger(__name__)

SOLVERS = ("highs", "cbc", "greedy")
FULL_MIP_COLUMNS = 60_000
INITIAL_PER_SEAT = 2          # column generation starts from each shift's best 2 candidates per seat + greedy
PRICING_BATCH = 40_000        # columns added per pricing round
POLISH_SECONDS = 3.0
INITIAL_BY_DEGREE = True          # kept back from column generation for rounding, completion and polish     # below this the whole MIP is cheap; above it only the fractional neighbourhood


# ---------------------------------------------------------------- workers (run in a child process)

class ChildProgress:
    """The child's side of live progress: the best objective and bound it knows (seat units), sent to the
    parent as ("progress", {"objective", "bound"}) at most once a second.

    Figures are kept even when not sent, so a report held back by the one-second rule is carried by the
    next one. Disabled (the caller passed no `progress`), it sends nothing and HiGHS runs without callbacks,
    exactly as before.
    """
    INTERVAL = 1.0

    def __init__(self, conn, enabled: bool, problem=None, cands=None, arrays=None, scale: float = 1.0):
        self.conn, self.enabled = conn, enabled
        self.problem, self.cands, self.arrays, self.scale = problem, cands, arrays, scale
        self.objective: float | None = None
        self.bound: float | None = None
        self.sent = -float("inf")

    def __call__(self, objective: float | None = None, bound: float | None = None) -> None:
        if not self.enabled:
            return
        if objective is not None:
            self.objective = objective if self.objective is None else max(self.objective, objective)
        if bound is not None:
            self.bound = bound if self.bound is None else min(self.bound, bound)
        now = time.monotonic()
        if now - self.sent < self.INTERVAL:
            return
        self.sent = now
        try:
            self.conn.send(("progress", {"objective": self.objective, "bound": self.bound}))
        except (OSError, ValueError):    # the parent stopped listening (its deadline): the kill follows
            self.enabled = False

    def plan(self, x, y) -> None:
        """Report a plan the child is about to send, scored exactly as the parent will score it."""
        if self.enabled:
            self(objective=score(self.problem, self.cands, self.arrays, self.scale, x, y)["objective"])

    def model_units(self, scale: float, bound_offset: float = 0.0,
                    with_figures: bool = True) -> Figures | None:
        """A highs_backend progress callback that converts the model's units to seat units (None when
        disabled, so HiGHS gets no callback). with_figures=False: the model's figures are not the week's
        (a MIP over a fixed neighbourhood), so only the clock is reported."""
        if not self.enabled:
            return None

        def figures(objective: float | None, bound: float | None) -> None:
            if not with_figures:
                self()
                return
            self(None if objective is None else objective / scale,
                 None if bound is None else bound / scale + bound_offset)

        return figures


def _complete(problem, cands, arrays, x, y) -> tuple[np.ndarray, np.ndarray]:
    """Take an integral partial plan and fill what is left greedily (requests first)."""
    state = PlanState(problem, cands, arrays)
    for k in y:
        if state.can_book(int(k)):
            state.book(int(k))
    for j in x:
        if state.can_assign(int(j)):
            state.assign(int(j))
    from .greedy import greedy_book
    greedy_book(state)
    greedy_fill(state)
    return np.array(sorted(state.x), dtype=np.int64), np.array(sorted(state.y), dtype=np.int64)


def _built(conn, problem, cands, arrays, warm) -> Model:
    """Build the model inside the worker, so the deadline covers the build too."""
    model = build_model(problem, cands, arrays)
    model.warm_start = warm
    conn.send(("info", {"columns": model.n_cols, "rows": model.n_rows}))
    return model


def _highs_worker(conn, problem, cands, arrays, warm, seconds: float, gap: float, threads,
                  live: bool = False) -> None:
    start = time.monotonic()
    model = _built(conn, problem, cands, arrays, warm)
    report = ChildProgress(conn, live, problem, cands, arrays, model.scale)
    seconds -= time.monotonic() - start
    if model.n_cols > FULL_MIP_COLUMNS:
        _large_worker(conn, problem, cands, arrays, model, seconds, gap, threads, report)
        return
    from . import highs_backend as hb

    start = time.monotonic()
    n_x, n_y = model.n_x, model.n_y
    status, lp_obj, values = hb.solve_lp(model, time_limit=seconds, threads=threads)
    if status == "kInfeasible":
        conn.send(("infeasible", None))
        return
    if values is None:
        conn.send(("failed", status))
        return
    bound = lp_obj / model.scale
    report(bound=bound)
    frac = hb.fractional(values, model)
    x = np.flatnonzero(values[:n_x] > 1 - hb.INT_TOL)
    y = np.flatnonzero(values[n_x:n_x + n_y] > 1 - hb.INT_TOL)
    if frac.size == 0:
        report.plan(x, y)
        conn.send(("plan", {"x": x, "y": y, "bound": bound, "final": True, "phase": "lp_integral",
                            "lp_seconds": time.monotonic() - start, "fractional": 0}))
        return
    x = _drop_roomless(cands, arrays, problem, x, y)
    cx, cy = _complete(problem, cands, arrays, x, y)
    report.plan(cx, cy)
    conn.send(("plan", {"x": cx, "y": cy, "bound": bound, "final": False, "phase": "lp_rounded",
                        "lp_seconds": time.monotonic() - start, "fractional": int(frac.size)}))
    remaining = seconds - (time.monotonic() - start)
    if remaining > 0.2:
        # small models are cheap: aim five times tighter than the gap that counts as optimal
        status, obj, dual, vals = hb.solve_mip(model, time_limit=remaining, gap=gap / 5, threads=threads,
                                               progress=report.model_units(model.scale))
        if vals is not None:
            report.plan(np.flatnonzero(vals[:n_x] > 0.5), np.flatnonzero(vals[n_x:n_x + n_y] > 0.5))
            conn.send(("plan", {"x": np.flatnonzero(vals[:n_x] > 0.5),
                                "y": np.flatnonzero(vals[n_x:n_x + n_y] > 0.5),
                                "bound": min(bound, dual / model.scale), "final": True, "phase": "full_mip",
                                "proven": status == "kOptimal"}))


def _drop_roomless(cands, arrays, problem, x, y):
    """A rounded LP plan may staff a shift whose request was only partly met: drop those seats."""
    met = np.zeros(len(problem.resource_requests), dtype=bool)
    met[cands.req[y]] = True
    req_of = arrays.s_request[cands.shift[x]]
    return x[(req_of < 0) | met[np.maximum(req_of, 0)]]


def primary_model(model: Model) -> Model:
    """Seats and requests only (integer priorities as costs), no fairness columns: a relaxation of the
    lexicographic first level. Its LP is several times faster than the scaled one (fewer ties to resolve)."""
    from dataclasses import replace as dc_replace

    n = model.n_x + model.n_y
    keep_cols = np.arange(n)
    blocks = []
    for b in model.blocks:
        if b.rule == "fair_spread":
            continue
        inside = b.cols < n
        blocks.append(dc_replace(b, rows=b.rows[inside], cols=b.cols[inside], vals=b.vals[inside]))
    return Model(n_x=model.n_x, n_y=model.n_y, fair_vol=np.zeros(0, np.int32), fair_step=np.zeros(0, np.int32),
                 cost=np.floor(model.cost[keep_cols] / model.scale + 1e-9), lower=model.lower[:n].copy(),
                 upper=model.upper[:n].copy(), integer=model.integer[:n].copy(), scale=1.0, blocks=blocks)


def polish_soft(state: PlanState) -> int:
    """Swap assigned people for better-scoring free candidates on the same shift (seats unchanged).

    The gain counts the pair bonus and the change in the fairness cost of both people. Returns swaps made.
    """
    from .formulation import FAIRNESS_STEPS

    problem, cands, a = state.problem, state.cands, state.arrays
    f = problem.weights.fairness
    count = np.bincount(cands.vol[list(state.x)], minlength=len(problem.volunteers)) if state.x else \
        np.zeros(len(problem.volunteers), dtype=np.int64)

    def step(n: int) -> float:          # cost of a person's n-th shift
        return 0.0 if n <= 1 else f * FAIRNESS_STEPS[min(n, len(FAIRNESS_STEPS)) - 1]

    order = np.lexsort((-cands.bonus, cands.shift))
    sorted_shift = cands.shift[order]
    first = np.searchsorted(sorted_shift, np.arange(len(problem.shifts)), "left")
    last = np.searchsorted(sorted_shift, np.arange(len(problem.shifts)), "right")
    by_shift: dict[int, list[int]] = {}
    for j in state.x:
        by_shift.setdefault(int(cands.shift[j]), []).append(j)
    swaps = 0
    for s, assigned in by_shift.items():
        assigned.sort(key=lambda j: cands.bonus[j])
        for j_old in list(assigned):
            v_old = int(cands.vol[j_old])
            for j_new in order[first[s]:last[s]]:
                j_new = int(j_new)
                if cands.bonus[j_new] <= cands.bonus[j_old]:
                    break
                if j_new in state.x:
                    continue
                v_new = int(cands.vol[j_new])
                gain = cands.bonus[j_new] - cands.bonus[j_old] - step(count[v_new] + 1) + step(count[v_old])
                if gain <= 1e-9:
                    continue
                state.unassign(j_old)
                if state.can_assign(j_new):
                    state.assign(j_new)
                    count[v_old] -= 1
                    count[v_new] += 1
                    swaps += 1
                    break
                state.assign(j_old)
    return swaps


def _large_worker(conn, problem, cands, arrays, model: Model, seconds: float, gap: float, threads,
                  report: ChildProgress) -> None:
    """District scale: column generation on the seat-level LP (proven bound), round, complete, polish."""
    from . import highs_backend as hb

    start = time.monotonic()
    n_x, n_y = model.n_x, model.n_y
    prim = primary_model(model)
    # start from each shift's best candidates (3 per seat) and the greedy plan's columns
    # rank each shift's candidates: people with fewer other options first (they are the ones an optimal
    # plan needs), ties by soft-rule bonus
    degree = np.bincount(cands.vol, minlength=len(problem.volunteers))[cands.vol]
    key = degree - cands.bonus / (1.0 + float(cands.bonus.max(initial=0.0))) if INITIAL_BY_DEGREE else -cands.bonus
    order = np.lexsort((key, cands.shift))
    sorted_shift = cands.shift[order]
    rank = np.empty(n_x, dtype=np.int64)
    rank[order] = np.arange(n_x) - np.searchsorted(sorted_shift, sorted_shift, "left")
    greedy_x = model.warm_start if model.warm_start is not None else \
        greedy_plan(problem, cands, arrays, lock_columns(problem, cands)).x
    initial = np.union1d(np.flatnonzero(rank < INITIAL_PER_SEAT * arrays.s_seats[cands.shift]),
                         np.array(sorted(greedy_x), dtype=np.int64))
    initial = np.concatenate([initial, n_x + np.arange(n_y)])
    # choice rows for the Lagrangian bound: each shift's seats row and each request's one-resource row
    offsets = np.cumsum([0] + [b.size for b in prim.blocks])
    choice_rows, group, cap = [], np.full(prim.n_cols, -1, dtype=np.int64), []
    for b, off in zip(prim.blocks, offsets):
        if b.rule in ("seats", "request_once"):
            group[b.cols] = len(cap) + b.rows
            choice_rows.append(off + np.arange(b.size))
            cap.extend(b.upper.tolist())
    choice = (np.concatenate(choice_rows), group, np.array(cap, dtype=np.int64))
    # the soft rules add less than one seat's worth (K construction): the full bound is lp_bound + 1
    max_soft = (float(cands.bonus.max()) * problem.total_seats if cands.n_pairs else 0.0) + \
        (float(cands.res_bonus.max()) * len(problem.resource_requests) if cands.res.size else 0.0)
    status, obj, lp_bound, values, active, rounds = hb.column_generation(
        prim, initial, time_limit=max(1.0, seconds - POLISH_SECONDS), threads=threads, batch=PRICING_BATCH, log=log,
        choice=choice, stop_gap=gap / 4, progress=report.model_units(prim.scale, max_soft / model.scale))
    if obj is None:
        conn.send(("infeasible", None) if status == "kInfeasible" else ("failed", status))
        return
    bound = lp_bound + max_soft / model.scale
    report(bound=bound)
    frac = hb.fractional(values, prim)
    x = np.flatnonzero(values[:n_x] > 1 - hb.INT_TOL)
    y = np.flatnonzero(values[n_x:n_x + n_y] > 1 - hb.INT_TOL)
    x = _drop_roomless(cands, arrays, problem, x, y)
    state = PlanState(problem, cands, arrays)
    for k in y:
        if state.can_book(int(k)):
            state.book(int(k))
    for j in lock_columns(problem, cands):
        if j >= 0 and state.can_assign(j):
            state.assign(j)
    for j in x:
        if int(j) not in state.x and state.can_assign(int(j)):
            state.assign(int(j))
    from .greedy import greedy_book
    greedy_book(state)
    greedy_fill(state)
    info = {"lp_seconds": round(time.monotonic() - start, 3), "fractional": int(frac.size),
            "pricing_rounds": rounds, "lp_columns": int(active.sum()), "lp_converged": bool(lp_bound == obj)}
    report.plan(sorted(state.x), sorted(state.y))
    conn.send(("plan", {"x": np.array(sorted(state.x)), "y": np.array(sorted(state.y)), "bound": bound,
                        "final": False, "phase": "lp_rounded", **info}))
    swaps = polish_soft(state)
    report.plan(sorted(state.x), sorted(state.y))
    conn.send(("plan", {"x": np.array(sorted(state.x)), "y": np.array(sorted(state.y)), "bound": bound,
                        "final": True, "phase": "lp_rounded_polished", "soft_swaps": swaps, **info}))
    _improve_by_neighbourhoods(conn, problem, cands, arrays, prim, state, frac, active, bound,
                               deadline=start + seconds, gap=gap, threads=threads, report=report, info=info)


def _weighted(arrays, cands, state: PlanState) -> float:
    """The plan's first lexicographic level: priority-weighted seats plus met requests."""
    return float(arrays.s_priority[cands.shift[list(state.x)]].sum() + arrays.q_priority[cands.req[list(state.y)]].sum())


def _improve_by_neighbourhoods(conn, problem, cands, arrays, prim: Model, state: PlanState, frac, active, bound: float,
                               *, deadline: float, gap: float, threads, report: ChildProgress, info: dict) -> None:
    """Use the rest of the budget: while the plan is short of the gap, a MIP over a neighbourhood (the LP's
    fractional columns, the open seats, the people who could take them, on the columns pricing brought in),
    started from the plan so it never gets worse; everything else stays as planned. A round that finds
    nothing better widens the neighbourhood by one hop (the free people's other shifts and their people)."""
    from . import highs_backend as hb

    n_x, n_y = cands.n_pairs, cands.res.size
    fx = frac[frac < n_x]
    hops, rounds = 0, 0
    while True:
        current = _weighted(arrays, cands, state)
        remaining = deadline - time.monotonic()
        if (bound - current) / bound <= gap or remaining < 3.0:
            return
        taken = np.bincount(cands.shift[list(state.x)], minlength=len(problem.shifts))
        vols = np.unique(cands.vol[fx])
        shifts = np.unique(np.concatenate([cands.shift[fx], np.flatnonzero(taken < arrays.s_seats)]))
        free = np.zeros(prim.n_cols, dtype=bool)
        free[:n_x] = active[:n_x] & (np.isin(cands.vol, vols) | np.isin(cands.shift, shifts))
        # people who could take an open seat may be re-planned too, and each hop their other shifts' people
        free[:n_x] |= active[:n_x] & np.isin(cands.vol, np.unique(cands.vol[free[:n_x]]))
        for _ in range(hops):
            free[:n_x] |= active[:n_x] & np.isin(cands.shift, np.unique(cands.shift[free[:n_x]]))
            free[:n_x] |= active[:n_x] & np.isin(cands.vol, np.unique(cands.vol[free[:n_x]]))
        in_plan = np.zeros(prim.n_cols, dtype=bool)
        in_plan[np.array(sorted(state.x), dtype=np.int64)] = True
        in_plan[n_x + np.array(sorted(state.y), dtype=np.int64)] = True
        lower = np.where(free, prim.lower, np.where(in_plan, 1.0, 0.0))
        upper = np.where(free, prim.upper, np.where(in_plan, 1.0, 0.0))
        # pairs outside pricing's columns are closed, except those the plan holds (greedy completion found them)
        closed = ~active & ~in_plan
        upper[closed] = 0.0
        lower[closed] = 0.0
        rounds += 1
        status, obj, _, vals = hb.solve_mip(prim, time_limit=remaining - 1.0, gap=gap / 5, lower=lower,
                                            upper=upper, threads=threads, start=in_plan.astype(np.float64),
                                            progress=report.model_units(prim.scale, with_figures=False))
        if vals is None:
            return
        improved = PlanState(problem, cands, arrays)
        for k in np.flatnonzero(vals[n_x:n_x + n_y] > 0.5):
            improved.book(int(k))
        for j in np.flatnonzero(vals[:n_x] > 0.5):
            improved.assign(int(j))
        if _weighted(arrays, cands, improved) <= current:
            if free[:n_x].all() or hops >= 3:
                return
            hops += 1
            continue
        polish_soft(improved)
        state = improved
        report.plan(sorted(state.x), sorted(state.y))
        conn.send(("plan", {"x": np.array(sorted(state.x)), "y": np.array(sorted(state.y)), "bound": bound,
                            "final": True, "phase": "neighbourhood_mip", "free_columns": int(free.sum()),
                            "neighbourhood_rounds": rounds, **info}))


def _parse_cbc_bound(path: str, objective: float, proven: bool) -> float | None:
    """CBC's proven bound from its log, in the model's (maximised) units."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return None
    found = re.findall(r"Exiting as integer gap of\s+(-?[\d.eE+-]+)", text)
    if found:
        return objective + abs(float(found[-1]))
    found = re.findall(r"Lower bound:\s+(-?[\d.eE+-]+)", text)
    if found:
        return -float(found[-1])
    if proven:
        return objective
    found = re.findall(r"best possible\s+(-?[\d.eE+-]+)", text)
    return -float(found[-1]) if found else None


def _cbc_worker(conn, problem, cands, arrays, warm, seconds: float, gap: float, threads,
                live: bool = False) -> None:
    # CBC runs as a separate program through PuLP and tells nothing until it ends: no live figures
    import pulp

    from .formulation import to_pulp

    start = time.monotonic()
    model = _built(conn, problem, cands, arrays, warm)

    prob, cols = to_pulp(model, problem.name or "weekly_matching")
    with tempfile.TemporaryDirectory() as tmp:
        log_path = os.path.join(tmp, "cbc.log")
        remaining = seconds - (time.monotonic() - start)
        cmd = pulp.PULP_CBC_CMD(msg=False, timeLimit=max(1, int(remaining)), gapRel=gap, threads=threads,
                                logPath=log_path)
        prob.solve(cmd)
        objective = pulp.value(prob.objective) or 0.0
        upper = _parse_cbc_bound(log_path, objective, prob.sol_status == pulp.LpSolutionOptimal)
    if prob.sol_status == pulp.LpSolutionInfeasible or prob.status == pulp.LpStatusInfeasible:
        conn.send(("infeasible", None))
        return
    if prob.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        conn.send(("failed", pulp.LpStatus[prob.status]))
        return
    values = np.array([c.varValue or 0.0 for c in cols[:model.n_x + model.n_y]])
    x = np.flatnonzero(values[:model.n_x] > 0.5)
    y = np.flatnonzero(values[model.n_x:] > 0.5)
    optimal = prob.sol_status == pulp.LpSolutionOptimal
    bound = upper / model.scale if upper is not None else None
    conn.send(("plan", {"x": x, "y": y, "bound": bound, "final": True, "phase": "cbc",
                        "proven": optimal}))


def _die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this child if its parent dies (Linux; elsewhere nothing happens).

    The parent kills the child at its deadline, but cannot if it is killed first (a Celery worker child
    terminated by its master): then the solver would run on, orphaned, until its own limit.
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)      # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:      # the parent died before the request took effect
        os._exit(1)


def _child(target, conn, parent_pid, *args) -> None:
    os.setpgrp()              # own process group: the parent kills CBC's process together with this one
    _die_with_parent(parent_pid)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)       # solvers print banners; the package never prints
    try:
        target(conn, *args)
    except Exception as exc:  # reported to the parent, which falls back to the greedy plan
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


_daemon_lock = threading.Lock()
_daemon_lifts = 0                  # children_allowed blocks open in this process
_daemon_saved: bool | None = None  # the flag as it was before the first of them


@contextlib.contextmanager
def children_allowed():
    """Let matching fork its solver processes even when the caller is a daemonic process.

    A Celery prefork worker child is daemonic, and multiprocessing refuses children to daemonic processes
    ("daemonic processes are not allowed to have children") so that none is left behind when the daemonic
    parent is terminated. matching's children cannot be left behind that way: run_with_deadline joins its
    child or kills the child's whole process group before it returns (and that child dies with its
    parent, `_die_with_parent`), and solve_decomposed shuts its pool down before it returns. So the flag
    is lifted while they start and restored after; a counter under a lock keeps concurrent solves in
    threads of one process from restoring it under each other.
    """
    global _daemon_lifts, _daemon_saved
    config = mp.current_process()._config
    with _daemon_lock:
        if _daemon_lifts == 0:
            _daemon_saved = config.get("daemon")
            config["daemon"] = False
        _daemon_lifts += 1
    try:
        yield
    finally:
        with _daemon_lock:
            _daemon_lifts -= 1
            if _daemon_lifts == 0:
                if _daemon_saved is None:
                    config.pop("daemon", None)
                else:
                    config["daemon"] = _daemon_saved


def notify_progress(progress: Callable[[Progress], None] | None, report: Progress) -> None:
    """Give a report to the caller's callback; its failures are logged and never stop a solve."""
    if progress is None:
        return
    try:
        progress(report)
    except Exception:
        log.exception("the progress callback failed; solving goes on")


def run_with_deadline(target, args: tuple, deadline: float, *,
                      progress: Callable[[dict], None] | None = None) -> tuple[list[tuple[str, object]], bool]:
    """Run target(conn, *args) in a forked child; collect its messages until it ends or the deadline passes.

    Returns (messages, finished). On the deadline the child's whole process group is killed. ("progress",
    payload) messages are not collected: each payload goes to `progress` as it arrives. Works from a
    daemonic caller (see `children_allowed`).
    """
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(target, child, os.getpid()) + args, daemon=True)
    with children_allowed():
        proc.start()
    child.close()
    messages: list[tuple[str, object]] = []
    finished = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                if parent.poll(min(remaining, 0.5)):
                    message = parent.recv()
                    if message[0] == "progress":
                        notify_progress(progress, message[1])
                    else:
                        messages.append(message)
                elif not proc.is_alive() and not parent.poll(0):
                    finished = True
                    break
            except (EOFError, OSError):
                finished = True
                break
    finally:                    # also when the caller is interrupted: the child never outlives the call
        if not finished:
            log.warning("solver passed the deadline: killing process group %d", proc.pid)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.join(timeout=1.0)
        parent.close()
    return messages, finished


# ---------------------------------------------------------------- the entry point

def _lock_conflict(problem: Problem, cands: Candidates, arrays: Arrays, locks: list[int]) -> str | None:
    for (vid, sid), j in zip(problem.locks, locks):
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
            return (f"locks staff {problem.shifts[s].id} but its request {problem.resource_requests[q].id} "
                    f"has no suitable resource")
    for v, js in per_vol.items():
        spans = sorted((arrays.s_start[cands.shift[j]], arrays.s_end[cands.shift[j]], j) for j in js)
        for (a0, b0, j0), (a1, b1, j1) in zip(spans, spans[1:]):
            if a1 < b0:
                return (f"locks put {problem.volunteers[v].id} on overlapping shifts "
                        f"{problem.shifts[cands.shift[j0]].id} and {problem.shifts[cands.shift[j1]].id}")
        if sum(b - a for a, b, _ in spans) > arrays.v_max_minutes[v]:
            return f"locks exceed max_hours of {problem.volunteers[v].id}"
    return None


class _ParentProgress:
    """The parent's side of live progress: merges the child's figures with the greedy plan and the trivial
    bound it already holds, so every report has an objective (never below the fallback plan) and a bound."""

    def __init__(self, callback: Callable[[Progress], None], t0: float, objective: float, bound: float):
        self.callback, self.t0 = callback, t0
        self.objective, self.bound = objective, bound

    def __call__(self, figures: dict, phase: str = "solving") -> None:
        if figures.get("objective") is not None:
            self.objective = max(self.objective, figures["objective"])
        if figures.get("bound") is not None:
            self.bound = min(self.bound, figures["bound"])
        notify_progress(self.callback, progress_report(phase, self.objective, self.bound,
                                                       time.monotonic() - self.t0))


def solve(problem: Problem, *, time_limit: float = 30.0, solver: str = "highs", gap: float = DEFAULT_GAP,
          threads: int | None = None, explain_unfilled: bool = True,
          progress: Callable[[Progress], None] | None = None) -> Solution:
    """Best plan for the week within `time_limit` seconds of wall time (always returned by then).

    solver: "highs" (the default; LP-based, see the module docstring), "cbc" (whole MIP through PuLP) or
    "greedy" (the baseline only). gap: the proven relative gap at which solving stops early (default 0.05%);
    short of it the solver keeps improving until the deadline; the status says what was proven. threads: HiGHS
    threads. explain_unfilled: compute reasons and the recruitment list (a second at district scale).
    progress: called in this process with a `Progress` dict once for the greedy plan, then at most once a
    second while HiGHS solves (CBC reports nothing until it ends); keep it quick, it runs on the clock.
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
        return Solution(Status.INFEASIBLE, 0.0, 0.0, 0.0, time.monotonic() - t0, solver, (), (),
                        metrics={"pairs": cands.n_pairs}, message=conflict)
    scale = objective_scale(problem, cands)
    t_built = time.monotonic()
    state = greedy_plan(problem, cands, arrays, locks)
    best = {"x": np.array(sorted(state.x), dtype=np.int64), "y": np.array(sorted(state.y), dtype=np.int64),
            "phase": "greedy"}
    best_score = score(problem, cands, arrays, scale, best["x"], best["y"])
    greedy_objective = best_score["objective"]
    t_greedy = time.monotonic()
    # without a solver's bound: every seat and request filled, plus less than one seat of soft rules
    bound = float((arrays.s_seats * arrays.s_priority).sum() + arrays.q_priority.sum()) + 1.0
    live = _ParentProgress(progress, t0, greedy_objective, bound) if progress is not None else None
    if live is not None:
        live({}, phase="greedy")
    finished, infeasible, notes = True, False, {}
    reserve = min(2.0, 0.1 * time_limit)         # time kept back to explain and package the plan
    if solver != "greedy" and deadline - reserve - time.monotonic() > 0.05:
        target = _highs_worker if solver == "highs" else _cbc_worker
        budget = deadline - reserve - time.monotonic()
        messages, finished = run_with_deadline(
            target, (problem, cands, arrays, best["x"], budget, gap, threads, live is not None), deadline - reserve,
            progress=live)
        for kind, payload in messages:
            if kind == "infeasible":
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
                if sc["objective"] > best_score["objective"] + 1e-12 or (best["phase"] == "greedy"
                                                                         and sc["objective"] >= best_score["objective"]):
                    best, best_score = payload, sc
                notes.update({k: v for k, v in payload.items() if k not in ("x", "y", "final", "bound")})
    elif solver != "greedy":
        finished = False
    objective = best_score["objective"]
    bound = max(bound, objective)
    gap_value = (bound - objective) / bound if bound > 0 else 0.0
    if infeasible and problem.locks:
        return Solution(Status.INFEASIBLE, 0.0, 0.0, 0.0, time.monotonic() - t0, solver, (), (),
                        metrics={"pairs": cands.n_pairs}, message="the locks cannot all be kept")
    # the status follows from the proven gap alone: a solver's own "optimal" only means its own mip_rel_gap
    status = status_for(gap_value, requested=0.0 if solver == "greedy" else gap, finished=finished)
    return package(problem, cands, arrays, table, best["x"], best["y"], status=status, objective=objective,
                   bound=bound, gap=gap_value, t0=t0, solver=solver, explain_unfilled=explain_unfilled,
                   extra={"phase": best.get("phase", "greedy"), "greedy_objective": round(greedy_objective, 9), **notes,
                          "pairs": cands.n_pairs,
                          "candidates_seconds": round(t_built - t0, 3), "greedy_seconds": round(t_greedy - t_built, 3),
                          "soft_rule_scale_K": scale})


def package(problem, cands, arrays, table, x, y, *, status, objective, bound, gap, t0, solver,
            explain_unfilled=True, extra=None, moved=None, message="") -> Solution:
    metrics = plan_metrics(problem, cands, arrays, x, y)
    metrics.update({k: v for k, v in (extra or {}).items() if v is not None})
    unfilled = ()
    if explain_unfilled:
        unfilled, recruitment = explain(problem, cands, arrays, table, x, y)
        metrics["recruitment"] = recruitment
    vols, shifts = problem.volunteers, problem.shifts
    assignments = tuple(sorted((vols[cands.vol[j]].id, shifts[cands.shift[j]].id) for j in x))
    bookings = tuple(sorted((problem.resources[cands.res[k]].id, problem.resource_requests[cands.req[k]].id)
                            for k in y))
    return Solution(status=status, objective=round(float(objective), 9), bound=round(float(bound), 9),
                    gap=round(float(gap), 9), seconds=time.monotonic() - t0, solver=solver, assignments=assignments,
                    resource_assignments=bookings, unfilled=unfilled, metrics=metrics, moved=moved,
                    message=message)


def _highs_repair_worker(conn, model: Model, seconds: float) -> None:
    """A small MIP solved whole (used by repair)."""
    from . import highs_backend as hb

    status, obj, dual, vals = hb.solve_mip(model, time_limit=seconds, gap=0.0)
    if status == "kInfeasible":
        conn.send(("infeasible", None))
    elif vals is not None:
        conn.send(("plan", {"x": np.flatnonzero(vals[:model.n_x] > 0.5), "proven": status == "kOptimal"}))
