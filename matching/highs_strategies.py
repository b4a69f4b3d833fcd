"""How HiGHS solves a week, run in the solver's child process (see `supervise`); plans and figures go to the
parent over `conn` as they improve.

Models up to 60k columns: LP relaxation (bound), round, complete greedily, then the whole MIP.
Larger (district) models: column generation on the seat-level LP with a Lagrangian bound, rounding, greedy
completion, a soft-rule swap pass, and a neighbourhood MIP if still short of the gap.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

import numpy as np

from .formulation import Model, build_model, lock_columns
from .greedy import PlanState, greedy_fill, greedy_plan
from .metrics import score

if TYPE_CHECKING:
    from .highs_backend import Figures

log = logging.getLogger(__name__)

FULL_MIP_COLUMNS = 60_000  # below this the whole MIP is cheap; above it only the fractional neighbourhood
INITIAL_PER_SEAT = 2  # column generation starts from each shift's best 2 candidates per seat + greedy
PRICING_BATCH = 40_000  # columns added per pricing round
POLISH_SECONDS = 3.0
# A neighbourhood MIP over more free columns than this does not return within a district week's budget (a tight week
# of 4,000 open seats: 45 s and no better plan); above it the rounds take one sub-district's part at a time, then,
# once a pass over them finds nothing better, two at a time, four... (the rest held as planned).
MIP_NEIGHBOURHOOD_COLUMNS = 150_000
INITIAL_BY_DEGREE = True  # kept back from column generation for rounding, completion and polish


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
        except (OSError, ValueError):  # the parent stopped listening (its deadline): the kill follows
            self.enabled = False

    def plan(self, x, y) -> None:
        """Report a plan the child has just sent, scored exactly as the parent will score it. After the send: the
        parent reads the pipe in order, so no report it reads names a plan it does not hold (one killed at the
        deadline between the two would have claimed a plan that never arrived)."""
        if self.enabled:
            self(objective=score(self.problem, self.cands, self.arrays, self.scale, x, y)["objective"])

    def model_units(self, scale: float, bound_offset: float = 0.0, with_figures: bool = True) -> Figures | None:
        """A highs_backend progress callback that converts the model's units to seat units (None when
        disabled, so HiGHS gets no callback). with_figures=False: the model's figures are not the week's
        (a MIP over a fixed neighbourhood), so only the clock is reported."""
        if not self.enabled:
            return None

        def figures(objective: float | None, bound: float | None) -> None:
            # Only the bound: the solver's incumbent is a plan the parent does not hold until it is sent (and never,
            # if the child is killed at the deadline first), so objectives are reported by `plan` alone.
            if not with_figures:
                self()
                return
            self(None, None if bound is None else bound / scale + bound_offset)

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


def highs_worker(
    conn, problem, cands, arrays, warm, seconds: float, gap: float, threads, live: bool = False, prices: bool = False
) -> None:
    """Solve the week within `seconds`, sending each better plan; `warm` is the greedy plan's columns, `live`
    whether the caller wants progress figures, `prices` whether it wants the LP's prices of people's time
    (("prices", ...) as `border.prices_by_id` gives them: the fan-out bounds the whole week with them)."""
    start = time.monotonic()
    model = _built(conn, problem, cands, arrays, warm)
    report = ChildProgress(conn, live, problem, cands, arrays, model.scale)
    seconds -= time.monotonic() - start
    if model.n_cols > FULL_MIP_COLUMNS:
        _large_worker(conn, problem, cands, arrays, model, seconds, gap, threads, report, prices)
        return
    from . import highs_backend as hb

    start = time.monotonic()
    n_x, n_y = model.n_x, model.n_y
    status, lp_obj, values, duals = hb.solve_lp(model, time_limit=seconds, threads=threads, duals=True)
    if prices and duals is not None:
        from .border import prices_by_id

        conn.send(("prices", prices_by_id(problem, cands, model.blocks, np.maximum(duals, 0.0) / model.scale)))
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
    y = np.flatnonzero(values[n_x : n_x + n_y] > 1 - hb.INT_TOL)
    if frac.size == 0:
        conn.send(
            (
                "plan",
                {
                    "x": x,
                    "y": y,
                    "bound": bound,
                    "final": True,
                    "phase": "lp_integral",
                    "lp_seconds": time.monotonic() - start,
                    "fractional": 0,
                },
            )
        )
        report.plan(x, y)
        return
    x = _drop_roomless(cands, arrays, problem, x, y)
    cx, cy = _complete(problem, cands, arrays, x, y)
    conn.send(
        (
            "plan",
            {
                "x": cx,
                "y": cy,
                "bound": bound,
                "final": False,
                "phase": "lp_rounded",
                "lp_seconds": time.monotonic() - start,
                "fractional": int(frac.size),
            },
        )
    )
    report.plan(cx, cy)
    remaining = seconds - (time.monotonic() - start)
    if remaining > 0.2:
        # small models are cheap: aim five times tighter than the gap that counts as optimal
        status, obj, dual, vals = hb.solve_mip(
            model, time_limit=remaining, gap=gap / 5, threads=threads, progress=report.model_units(model.scale)
        )
        if vals is not None:
            conn.send(
                (
                    "plan",
                    {
                        "x": np.flatnonzero(vals[:n_x] > 0.5),
                        "y": np.flatnonzero(vals[n_x : n_x + n_y] > 0.5),
                        "bound": min(bound, dual / model.scale),
                        "final": True,
                        "phase": "full_mip",
                        "proven": status == "kOptimal",
                    },
                )
            )
            report.plan(np.flatnonzero(vals[:n_x] > 0.5), np.flatnonzero(vals[n_x : n_x + n_y] > 0.5))


def _drop_roomless(cands, arrays, problem, x, y):
    """A rounded LP plan may staff a shift whose request was only partly met: drop those seats."""
    req_of = arrays.s_request[cands.shift[x]]
    if not len(problem.resource_requests):
        return x  # nothing to index (a piece without requests: `met` would be empty)
    met = np.zeros(len(problem.resource_requests), dtype=bool)
    met[cands.req[y]] = True
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
    return Model(
        n_x=model.n_x,
        n_y=model.n_y,
        fair_vol=np.zeros(0, np.int32),
        fair_step=np.zeros(0, np.int32),
        cost=np.floor(model.cost[keep_cols] / model.scale + 1e-9),
        lower=model.lower[:n].copy(),
        upper=model.upper[:n].copy(),
        integer=model.integer[:n].copy(),
        scale=1.0,
        blocks=blocks,
    )


def polish_soft(state: PlanState) -> int:
    """Swap assigned people for better-scoring free candidates on the same shift (seats unchanged).

    The gain counts the pair bonus and the change in the fairness cost of both people. Returns swaps made.
    """
    from .formulation import FAIRNESS_STEPS

    problem, cands = state.problem, state.cands
    f = problem.weights.fairness
    count = (
        np.bincount(cands.vol[list(state.x)], minlength=len(problem.volunteers))
        if state.x
        else np.zeros(len(problem.volunteers), dtype=np.int64)
    )

    def step(n: int) -> float:  # cost of a person's n-th shift
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
            for j_new in order[first[s] : last[s]]:
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


def _large_worker(
    conn,
    problem,
    cands,
    arrays,
    model: Model,
    seconds: float,
    gap: float,
    threads,
    report: ChildProgress,
    prices: bool = False,
) -> None:
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
    greedy_x = (
        model.warm_start
        if model.warm_start is not None
        else greedy_plan(problem, cands, arrays, lock_columns(problem, cands)).x
    )
    initial = np.union1d(
        np.flatnonzero(rank < INITIAL_PER_SEAT * arrays.s_seats[cands.shift]),
        np.array(sorted(greedy_x), dtype=np.int64),
    )
    initial = np.concatenate([initial, n_x + np.arange(n_y)])
    # choice rows for the Lagrangian bound: each shift's seats row and each request's one-resource row
    offsets = np.cumsum([0] + [b.size for b in prim.blocks])
    choice_rows, group = [], np.full(prim.n_cols, -1, dtype=np.int64)
    cap: list[float] = []
    for b, off in zip(prim.blocks, offsets[:-1], strict=True):
        if b.rule in ("seats", "request_once"):
            group[b.cols] = len(cap) + b.rows
            choice_rows.append(off + np.arange(b.size))
            cap.extend(b.upper.tolist())
    choice = (np.concatenate(choice_rows), group, np.array(cap, dtype=np.int64))
    # the soft rules add less than one seat's worth (K construction): the full bound is lp_bound + 1
    max_soft = (float(cands.bonus.max()) * problem.total_seats if cands.n_pairs else 0.0) + (
        float(cands.res_bonus.max()) * len(problem.resource_requests) if cands.res.size else 0.0
    )
    status, obj, lp_bound, values, active, rounds, duals = hb.column_generation(
        prim,
        initial,
        time_limit=max(1.0, seconds - POLISH_SECONDS),
        threads=threads,
        batch=PRICING_BATCH,
        log=log,
        choice=choice,
        stop_gap=gap / 4,
        progress=report.model_units(prim.scale, max_soft / model.scale),
    )
    if prices:
        from .border import prices_by_id

        conn.send(("prices", prices_by_id(problem, cands, prim.blocks, np.maximum(duals, 0.0))))
    if obj is None:
        conn.send(("infeasible", None) if status == "kInfeasible" else ("failed", status))
        return
    bound = lp_bound + max_soft / model.scale
    report(bound=bound)
    frac = hb.fractional(values, prim)
    x = np.flatnonzero(values[:n_x] > 1 - hb.INT_TOL)
    y = np.flatnonzero(values[n_x : n_x + n_y] > 1 - hb.INT_TOL)
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
    info = {
        "lp_seconds": round(time.monotonic() - start, 3),
        "fractional": int(frac.size),
        "pricing_rounds": rounds,
        "lp_columns": int(active.sum()),
        "lp_converged": bool(lp_bound == obj),
    }
    conn.send(
        (
            "plan",
            {
                "x": np.array(sorted(state.x)),
                "y": np.array(sorted(state.y)),
                "bound": bound,
                "final": False,
                "phase": "lp_rounded",
                **info,
            },
        )
    )
    report.plan(sorted(state.x), sorted(state.y))
    swaps = polish_soft(state)
    conn.send(
        (
            "plan",
            {
                "x": np.array(sorted(state.x)),
                "y": np.array(sorted(state.y)),
                "bound": bound,
                "final": True,
                "phase": "lp_rounded_polished",
                "soft_swaps": swaps,
                **info,
            },
        )
    )
    report.plan(sorted(state.x), sorted(state.y))
    _improve_by_neighbourhoods(
        conn,
        problem,
        cands,
        arrays,
        prim,
        state,
        frac,
        active,
        bound,
        deadline=start + seconds,
        gap=gap,
        threads=threads,
        report=report,
        info=info,
    )


def _weighted(arrays, cands, state: PlanState) -> float:
    """The plan's first lexicographic level: priority-weighted seats plus met requests."""
    return float(
        arrays.s_priority[cands.shift[list(state.x)]].sum() + arrays.q_priority[cands.req[list(state.y)]].sum()
    )


def _improve_by_neighbourhoods(
    conn,
    problem,
    cands,
    arrays,
    prim: Model,
    state: PlanState,
    frac,
    active,
    bound: float,
    *,
    deadline: float,
    gap: float,
    threads,
    report: ChildProgress,
    info: dict,
) -> None:
    """Use the rest of the budget: while the plan is short of the gap, a MIP over a neighbourhood (the LP's
    fractional columns, the open seats, the people who could take them, on the columns pricing brought in),
    started from the plan so it never gets worse; everything else stays as planned. A round that finds
    nothing better widens the neighbourhood by one hop (the free people's other shifts and their people). A
    neighbourhood above MIP_NEIGHBOURHOOD_COLUMNS is solved one sub-district's shifts at a time (the rest of it held
    as planned), each round a share of the time left, the areas with most open weight first, until a whole pass
    finds nothing better."""
    from . import highs_backend as hb

    n_x, n_y = cands.n_pairs, cands.res.size
    fx = frac[frac < n_x]
    hops, rounds = 0, 0
    # too large a neighbourhood is taken one sub-district (area) at a time, the areas with most open weight first
    area_of = np.unique([sh.area or "" for sh in problem.shifts], return_inverse=True)[1]
    n_areas = int(area_of.max()) + 1
    pending: list[list[int]] = []  # groups of areas still to try in this pass (large neighbourhoods only)
    per_round = 1  # areas a round frees at once
    tried_improved = False
    while True:
        current = _weighted(arrays, cands, state)
        remaining = deadline - time.monotonic()
        if (bound - current) / bound <= gap or remaining < 1.0:
            return  # (a round over a sub-district's free columns takes well under a second)
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
        area = None
        if free[:n_x].sum() > MIP_NEIGHBOURHOOD_COLUMNS:
            if not pending:
                if rounds and not tried_improved:
                    if per_round >= n_areas:
                        return  # a whole pass over all the areas at once found nothing better
                    per_round *= 2  # a pass found nothing better: areas two by two (then four...) across borders
                open_weight = np.bincount(
                    area_of,
                    weights=np.maximum(arrays.s_seats - taken, 0) * arrays.s_priority,
                    minlength=n_areas,
                )
                ranked = [int(a) for a in np.argsort(-open_weight, kind="stable")]
                # each group: the areas with most open weight left, with those of least (a busy area's people
                # then reach a quiet one's seats); every area with open seats in some group
                pending = _area_groups(ranked, open_weight, per_round)
                tried_improved = False
            area = pending.pop(0)
            outside = np.zeros(prim.n_cols, dtype=bool)
            outside[:n_x] = free[:n_x] & ~np.isin(area_of[cands.shift], area)
            lower[outside] = in_plan[outside]
            upper[outside] = in_plan[outside]
        rounds += 1
        log.info("neighbourhood MIP round %d: %d free columns, area %s, hops %d", rounds, free[:n_x].sum(), area, hops)
        status, obj, _, vals = hb.solve_mip(
            prim,
            time_limit=remaining - 0.5 if area is None else min(remaining - 0.5, max(1.0, remaining / 4)),
            gap=gap / 5,
            lower=lower,
            upper=upper,
            threads=threads,
            start=in_plan.astype(np.float64),
            progress=report.model_units(prim.scale, with_figures=False),
        )
        if vals is None:
            return
        improved = PlanState(problem, cands, arrays)
        for k in np.flatnonzero(vals[n_x : n_x + n_y] > 0.5):
            improved.book(int(k))
        for j in np.flatnonzero(vals[:n_x] > 0.5):
            improved.assign(int(j))
        if _weighted(arrays, cands, improved) <= current:
            if area is not None:
                continue  # the next area
            if free[:n_x].all() or hops >= 3:
                return
            hops += 1
            continue
        tried_improved = True
        polish_soft(improved)
        state = improved
        conn.send(
            (
                "plan",
                {
                    "x": np.array(sorted(state.x)),
                    "y": np.array(sorted(state.y)),
                    "bound": bound,
                    "final": True,
                    "phase": "neighbourhood_mip",
                    "free_columns": int(free.sum()),
                    "neighbourhood_areas": None
                    if area is None
                    else [problem.shifts[int(np.argmax(area_of == a))].area for a in area],
                    "neighbourhood_rounds": rounds,
                    **info,
                },
            )
        )
        report.plan(sorted(state.x), sorted(state.y))


def _area_groups(ranked: list[int], open_weight: np.ndarray, size: int) -> list[list[int]]:
    """Areas in groups of `size` for one pass of neighbourhood rounds: the first group the area with the most open
    weight with those of the least, and so on inward; groups without open seats are left out."""
    groups: list[list[int]] = []
    order = list(ranked)
    while order:
        group: list[int] = []
        while order and len(group) < size:
            group.append(order.pop(0))
            if order and len(group) < size:
                group.append(order.pop())
        if open_weight[group].sum() > 0:
            groups.append(sorted(group))
    return groups or [sorted(ranked[:size])]


def mip_worker(conn, model: Model, seconds: float) -> None:
    """A small MIP solved whole (repair's neighbourhood): its plan's seat columns, or "infeasible"."""
    from . import highs_backend as hb

    status, obj, dual, vals = hb.solve_mip(model, time_limit=seconds, gap=0.0)
    if status == "kInfeasible":
        conn.send(("infeasible", None))
    elif vals is not None:
        conn.send(("plan", {"x": np.flatnonzero(vals[: model.n_x] > 0.5), "proven": status == "kOptimal"}))
