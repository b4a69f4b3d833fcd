"""The weekly matching as one mixed-integer model, built as sparse arrays (no per-term Python objects).

`build_model` reads like the specification: variables once, then one function per rule, hard rules first,
soft rules after. Every constraint is named after its rule and ids (`seats[s12]`, `one_at_a_time[v7@...]`),
so `to_pulp(model).writeLP(...)` exports a file that reads like the rules. The objective is maximised;
one seat of priority p is worth p * K where K exceeds everything the soft rules can add or take away over the
whole plan, so no soft rule can ever cost a seat (lexicographic by weight scaling).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from math import gcd

import numpy as np
import scipy.sparse as sp

from .candidates import Arrays, Candidates
from .problem import Problem, format_time

log = logging.getLogger(__name__)

# the k-th shift of one person in a week costs FAIRNESS_STEPS[k-1] * weights.fairness (convex: stays a flow)
FAIRNESS_STEPS = (0.0, 1.0, 2.0, 3.0)


@dataclass
class RowBlock:
    rule: str
    rows: np.ndarray  # row number within the block of each entry
    cols: np.ndarray
    vals: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    names: Callable[[], list[str]]  # built only when exporting, costly at district scale
    at: np.ndarray | None = None  # the instant of each row (one_at_a_time, resource_once): what a row's price
    # is about when pieces' prices are carried to the whole week (`border`)

    @property
    def size(self) -> int:
        return int(self.lower.size)


@dataclass
class Model:
    n_x: int  # volunteer-shift pair columns [0, n_x)
    n_y: int  # resource-request pair columns [n_x, n_x + n_y)
    fair_vol: np.ndarray  # volunteer index of each fairness column, after x and y
    fair_step: np.ndarray  # its step number (1, 2, 3 = 2nd, 3rd, 4th+ shift)
    cost: np.ndarray  # maximise cost @ columns
    lower: np.ndarray
    upper: np.ndarray
    integer: np.ndarray  # bool per column
    scale: float  # K: the value of one priority-1 seat
    blocks: list[RowBlock] = field(default_factory=list)
    col_names: Callable[[], list[str]] | None = None
    warm_start: np.ndarray | None = None  # columns of a known plan (the greedy one), to seed solvers

    @property
    def n_cols(self) -> int:
        return int(self.cost.size)

    @property
    def n_rows(self) -> int:
        return sum(b.size for b in self.blocks)

    def matrix(self) -> sp.csr_matrix:
        rows, cols, vals, offset = [], [], [], 0
        for b in self.blocks:
            rows.append(b.rows + offset)
            cols.append(b.cols)
            vals.append(b.vals)
            offset += b.size
        if not rows:
            return sp.csr_matrix((0, self.n_cols))
        return sp.csr_matrix(
            (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(offset, self.n_cols)
        )

    def columns(self) -> sp.csc_matrix:
        """The matrix by columns, built once: neighbourhood rounds read it again and again (a district week: 1.2M
        columns). The model's blocks are not changed once it is built."""
        cached = self.__dict__.get("_columns")
        if cached is None:
            cached = self.__dict__["_columns"] = self.matrix().tocsc()
        return cached

    def row_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        if not self.blocks:
            return np.zeros(0), np.zeros(0)
        return (np.concatenate([b.lower for b in self.blocks]), np.concatenate([b.upper for b in self.blocks]))

    def row_names(self) -> list[str]:
        return [n for b in self.blocks for n in b.names()]


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]", "_", text)


# ---------------------------------------------------------------- the builder (table of contents)


def build_model(problem: Problem, cands: Candidates, arrays: Arrays) -> Model:
    model = _variables(problem, cands, arrays)
    # hard rules
    _rule_seats(model, problem, cands)
    _rule_one_shift_at_a_time(model, problem, cands, arrays)
    _rule_max_hours(model, problem, cands, arrays)
    _rule_max_shifts(model, problem, cands, arrays)
    _rule_hours_hull(model, problem, cands, arrays)
    _rule_request_met_once(model, problem, cands)
    _rule_resource_one_request_at_a_time(model, problem, cands, arrays)
    _rule_staffed_only_with_room(model, problem, cands, arrays)
    _rule_locks(model, problem, cands)
    # soft rules (the objective's seat and bonus terms are set with the variables)
    _rule_fair_spread(model, problem, cands)
    log.info("model: %d columns, %d rows", model.n_cols, model.n_rows)
    return model


def objective_scale(problem: Problem, cands: Candidates) -> float:
    """K, the value of one priority-1 seat: more than the soft rules could change over the whole plan."""
    max_bonus = float(cands.bonus.max()) if cands.n_pairs else 0.0
    max_res_bonus = float(cands.res_bonus.max()) if cands.res.size else 0.0
    fairness = problem.weights.fairness * FAIRNESS_STEPS[-1]
    return 1.0 + problem.total_seats * (max_bonus + fairness) + len(problem.resource_requests) * max_res_bonus


def _variables(problem: Problem, cands: Candidates, arrays: Arrays) -> Model:
    scale = objective_scale(problem, cands)
    x_cost = scale * arrays.s_priority[cands.shift] + cands.bonus
    y_cost = scale * arrays.q_priority[cands.req] + cands.res_bonus
    n_x, n_y = cands.n_pairs, int(cands.res.size)
    vols, shifts = problem.volunteers, problem.shifts
    res, reqs = problem.resources, problem.resource_requests

    def col_names() -> list[str]:
        names = [
            f"assign[{_safe(vols[v].id)},{_safe(shifts[s].id)}]" for v, s in zip(cands.vol, cands.shift, strict=True)
        ]
        names += [f"book[{_safe(res[r].id)},{_safe(reqs[q].id)}]" for r, q in zip(cands.res, cands.req, strict=True)]
        return names

    return Model(
        n_x=n_x,
        n_y=n_y,
        fair_vol=np.zeros(0, np.int32),
        fair_step=np.zeros(0, np.int32),
        cost=np.concatenate([x_cost, y_cost]),
        lower=np.zeros(n_x + n_y),
        upper=np.ones(n_x + n_y),
        integer=np.ones(n_x + n_y, dtype=bool),
        scale=scale,
        col_names=col_names,
    )


def _add(model: Model, rule: str, rows, cols, vals, lower, upper, names, at=None) -> None:
    block = RowBlock(
        rule,
        np.asarray(rows, np.int64),
        np.asarray(cols, np.int64),
        np.asarray(vals, np.float64),
        np.asarray(lower, np.float64),
        np.asarray(upper, np.float64),
        names,
        None if at is None else np.asarray(at, np.int64),
    )
    if block.size:
        model.blocks.append(block)


def _rule_seats(model: Model, problem: Problem, cands: Candidates) -> None:
    """A shift gets at most its seats."""
    shifts, row_of = np.unique(cands.shift, return_inverse=True)
    seats = np.array([problem.shifts[s].seats for s in shifts], dtype=np.float64)
    _add(
        model,
        "seats",
        row_of,
        np.arange(cands.n_pairs),
        np.ones(cands.n_pairs),
        np.full(shifts.size, -np.inf),
        seats,
        lambda: [f"seats[{_safe(problem.shifts[s].id)}]" for s in shifts],
    )


def _rule_one_shift_at_a_time(model: Model, problem: Problem, cands: Candidates, arrays: Arrays) -> None:
    """A volunteer works no two overlapping shifts: one row per person and instant where shifts overlap.

    The instants are the distinct shift starts; the shifts running at an instant form a clique of the
    interval graph, so these rows are the tightest form of "no overlap" (and keep nested slots unimodular).
    """
    if cands.n_pairs == 0:
        return
    points = np.unique(arrays.s_start)
    lo = np.searchsorted(points, arrays.s_start, "left")
    hi = np.searchsorted(points, arrays.s_end, "left")
    span = (hi - lo)[cands.shift]
    pair = np.repeat(np.arange(cands.n_pairs), span)
    first = np.repeat(np.cumsum(span) - span, span)
    point = lo[cands.shift][pair] + (np.arange(pair.size) - first)
    key = cands.vol[pair].astype(np.int64) * points.size + point
    order = np.argsort(key, kind="stable")
    key, pair = key[order], pair[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    counts = np.diff(np.r_[starts, key.size])
    # identical cliques (same person, same set of shifts) at consecutive instants: keep one
    rand = np.random.default_rng(7).integers(1, 2**62, size=len(problem.shifts), dtype=np.uint64)
    hashes = np.add.reduceat(rand[cands.shift[pair]], starts) if starts.size else np.zeros(0, np.uint64)
    group_vol = cands.vol[pair[starts]]
    keep = counts >= 2
    _, first_seen = np.unique(np.stack([group_vol[keep].astype(np.uint64), hashes[keep]]), axis=1, return_index=True)
    chosen = np.flatnonzero(keep)[np.sort(first_seen)]
    if chosen.size == 0:
        return
    sel_counts = counts[chosen]
    entry_rows = np.repeat(np.arange(chosen.size), sel_counts)
    entry_pos = np.repeat(starts[chosen], sel_counts) + (
        np.arange(sel_counts.sum()) - np.repeat(np.cumsum(sel_counts) - sel_counts, sel_counts)
    )
    cols = pair[entry_pos]
    instants = points[key[starts[chosen]] % points.size]
    vols = group_vol[chosen]
    _add(
        model,
        "one_at_a_time",
        entry_rows,
        cols,
        np.ones(cols.size),
        np.full(chosen.size, -np.inf),
        np.ones(chosen.size),
        lambda: [
            f"one_at_a_time[{_safe(problem.volunteers[v].id)}@{format_time(t)}]"
            for v, t in zip(vols, instants, strict=True)
        ],
        at=instants,
    )


def _rule_max_hours(model: Model, problem: Problem, cands: Candidates, arrays: Arrays) -> None:
    """A volunteer stays within max_hours (rows only where the candidate shifts could exceed it)."""
    minutes = arrays.s_minutes[cands.shift].astype(np.float64)
    total = np.bincount(cands.vol, weights=minutes, minlength=len(problem.volunteers))
    tight = np.flatnonzero(total > arrays.v_max_minutes)
    if tight.size == 0:
        return
    row_of = np.full(len(problem.volunteers), -1)
    row_of[tight] = np.arange(tight.size)
    sel = np.flatnonzero(row_of[cands.vol] >= 0)
    _add(
        model,
        "max_hours",
        row_of[cands.vol[sel]],
        sel,
        minutes[sel],
        np.full(tight.size, -np.inf),
        arrays.v_max_minutes[tight].astype(np.float64),
        lambda: [f"max_hours[{_safe(problem.volunteers[v].id)}]" for v in tight],
    )


def _rule_max_shifts(model: Model, problem: Problem, cands: Candidates, arrays: Arrays) -> None:
    """Implied by max_hours, added because it tightens the LP: at most k shifts, where k is how many of the
    person's shortest candidate shifts fit in their hours (e.g. 3 h and 2 h shifts: one shift, not 1.5)."""
    if cands.n_pairs == 0:
        return
    k = shift_caps(problem, cands, arrays)
    n = np.bincount(cands.vol, minlength=len(problem.volunteers))
    tight = np.flatnonzero(k < n)
    if tight.size == 0:
        return
    row_of = np.full(len(problem.volunteers), -1)
    row_of[tight] = np.arange(tight.size)
    sel = np.flatnonzero(row_of[cands.vol] >= 0)
    _add(
        model,
        "max_shifts",
        row_of[cands.vol[sel]],
        sel,
        np.ones(sel.size),
        np.full(tight.size, -np.inf),
        k[tight].astype(np.float64),
        lambda: [f"max_shifts[{_safe(problem.volunteers[v].id)}]" for v in tight],
    )


# a person's candidate shifts of at most this many distinct lengths get the facets of their hours' integer hull
HULL_MAX_LENGTHS = 5


def _rule_hours_hull(model: Model, problem: Problem, cands: Candidates, arrays: Arrays) -> None:
    """Implied by max_hours, added because they tighten the LP where shifts of several lengths compete for a
    person's hours: the facets of the convex hull of how many shifts of each length fit (`hours_hull`).

    E.g. 4 h and shifts of 2 h and 2.5 h: the LP could give 1.6 shifts of 2.5 h, no plan more than one;
    the facet x(2 h) + 2 x(2.5 h) <= 2 says so. One row per person and non-trivial facet (not the hours row
    itself, not max_shifts), over the person's candidate pairs, each with its length's coefficient.
    """
    if cands.n_pairs == 0:
        return
    minutes = arrays.s_minutes[cands.shift].astype(np.int64)
    total = np.bincount(cands.vol, weights=minutes, minlength=len(problem.volunteers))
    order = np.lexsort((minutes, cands.vol))
    starts = np.searchsorted(cands.vol[order], np.arange(len(problem.volunteers) + 1), "left")
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    upper: list[int] = []
    who: list[int] = []
    for v in np.flatnonzero(total > arrays.v_max_minutes):
        mine = order[starts[v] : starts[v + 1]]
        lengths, of_length = np.unique(minutes[mine], return_inverse=True)
        if not 2 <= lengths.size <= HULL_MAX_LENGTHS:
            continue  # one length: max_shifts is the hull already
        for coef, rhs in hours_hull(tuple(int(n) for n in lengths), int(arrays.v_max_minutes[v])):
            rows.append(np.full(mine.size, len(upper)))
            cols.append(mine)
            vals.append(np.asarray(coef, np.float64)[of_length])
            upper.append(rhs)
            who.append(int(v))
    if not upper:
        return
    _add(
        model,
        "hours_hull",
        np.concatenate(rows),
        np.concatenate(cols),
        np.concatenate(vals),
        np.full(len(upper), -np.inf),
        np.array(upper, np.float64),
        lambda: [f"hours_hull[{_safe(problem.volunteers[v].id)}#{i}]" for i, v in enumerate(who)],
    )


@lru_cache(maxsize=1024)
def hours_hull(lengths: tuple[int, ...], max_minutes: int) -> tuple[tuple[tuple[int, ...], int], ...]:
    """The non-trivial facets a.n <= b (integer a >= 0, b) of conv{n in Z+^d : lengths.n <= max_minutes}, other
    than the plain count n_1 + ... + n_d <= b. Exact: the integer points are enumerated (a person fits a handful of
    shifts) and the hull is Qhull's, its normals made integer."""
    from fractions import Fraction
    from itertools import product

    from scipy.spatial import ConvexHull

    top = [max_minutes // n for n in lengths]
    if len(lengths) < 2 or min(top) < 1:
        return ()  # one length: the count row is the hull; a length that never fits: the hours row keeps it out
    points = np.array(
        [p for p in product(*(range(t + 1) for t in top)) if np.dot(p, lengths) <= max_minutes], dtype=np.float64
    )
    if points.shape[0] <= len(lengths) + 1:
        return ()  # a simplex of the unit vectors: the count row says it all
    hull = ConvexHull(points)
    facets = set()
    for eq in hull.equations:  # normal . x + offset <= 0 inside
        normal, rhs = eq[:-1], -eq[-1]
        if normal.min() < -1e-9 or rhs <= 1e-9:
            continue  # x >= 0, or not a down-closed face
        fractions = [Fraction(float(a / rhs)).limit_denominator(1000) for a in normal]
        scale = 1
        for f in fractions:
            scale = scale * f.denominator // gcd(scale, f.denominator)
        coef = tuple(int(f * scale) for f in fractions)
        if len(set(coef)) == 1:
            continue  # the count row (max_shifts)
        if any(np.dot(coef, p) > scale for p in points):
            continue  # rounding went wrong: never add an invalid row
        facets.add((coef, scale))
    return tuple(sorted(facets))


def shift_caps(problem: Problem, cands: Candidates, arrays: Arrays) -> np.ndarray:
    """Per volunteer, how many of their shortest candidate shifts fit in their hours: no plan gives them more."""
    return caps_of(cands.vol, arrays.s_minutes[cands.shift], arrays.v_max_minutes)


def caps_of(vol: np.ndarray, minutes: np.ndarray, max_minutes: np.ndarray) -> np.ndarray:
    """Per volunteer (index into max_minutes), how many of their shortest shifts (one entry of `vol`, `minutes` per
    candidate shift) fit in their `max_minutes`."""
    order = np.lexsort((minutes, vol))
    vol_sorted, min_sorted = vol[order], minutes[order]
    starts = np.searchsorted(vol_sorted, np.arange(max_minutes.size), "left")
    cum = np.cumsum(min_sorted)
    before = np.where(starts > 0, cum[np.maximum(starts - 1, 0)], 0)
    within = cum - np.repeat(before, np.diff(np.r_[starts, vol_sorted.size]))
    fits = within <= max_minutes[vol_sorted]
    return np.bincount(vol_sorted, weights=fits, minlength=max_minutes.size).astype(np.int64)


def _rule_request_met_once(model: Model, problem: Problem, cands: Candidates) -> None:
    """A resource request is served by at most one resource."""
    if cands.res.size == 0:
        return
    reqs, row_of = np.unique(cands.req, return_inverse=True)
    _add(
        model,
        "request_once",
        row_of,
        model.n_x + np.arange(cands.res.size),
        np.ones(cands.res.size),
        np.full(reqs.size, -np.inf),
        np.ones(reqs.size),
        lambda: [f"request_once[{_safe(problem.resource_requests[q].id)}]" for q in reqs],
    )


def _rule_resource_one_request_at_a_time(model: Model, problem: Problem, cands: Candidates, arrays: Arrays) -> None:
    """A resource never serves two overlapping requests (one clique row per resource and start instant)."""
    rows, cols, at = [], [], []
    names: list[str] = []
    by_res: dict[int, list[int]] = {}
    for j, r in enumerate(cands.res):
        by_res.setdefault(int(r), []).append(j)
    seen = set()
    for r, js in by_res.items():
        for j in js:
            t = arrays.q_start[cands.req[j]]
            clique = tuple(k for k in js if arrays.q_start[cands.req[k]] <= t < arrays.q_end[cands.req[k]])
            if len(clique) >= 2 and (r, clique) not in seen:
                seen.add((r, clique))
                rows += [len(names)] * len(clique)
                cols += [model.n_x + k for k in clique]
                names.append(f"resource_once[{_safe(problem.resources[r].id)}@{format_time(int(t))}]")
                at.append(int(t))
    _add(
        model,
        "resource_once",
        rows,
        cols,
        np.ones(len(cols)),
        np.full(len(names), -np.inf),
        np.ones(len(names)),
        lambda: names,
        at=at,
    )


def _rule_staffed_only_with_room(model: Model, problem: Problem, cands: Candidates, arrays: Arrays) -> None:
    """A shift with a resource request is staffed only if the request is met: sum(assign) <= seats * met."""
    coupled = np.flatnonzero(arrays.s_request[cands.shift] >= 0)
    if coupled.size == 0:
        return
    shifts, row_of = np.unique(cands.shift[coupled], return_inverse=True)
    rows, cols, vals = [row_of], [coupled], [np.ones(coupled.size)]
    req_of_row = arrays.s_request[shifts]
    for i, (s, q) in enumerate(zip(shifts, req_of_row, strict=True)):
        ys = np.flatnonzero(cands.req == q)
        rows.append(np.full(ys.size, i))
        cols.append(model.n_x + ys)
        vals.append(np.full(ys.size, -float(arrays.s_seats[s])))
    _add(
        model,
        "needs_room",
        np.concatenate(rows),
        np.concatenate(cols),
        np.concatenate(vals),
        np.full(shifts.size, -np.inf),
        np.zeros(shifts.size),
        lambda: [f"needs_room[{_safe(problem.shifts[s].id)}]" for s in shifts],
    )


def _rule_locks(model: Model, problem: Problem, cands: Candidates) -> None:
    """Locked pairs are kept: their column's lower bound is 1 (an infeasible lock is caught before solving)."""
    for j in lock_columns(problem, cands):
        if j >= 0:
            model.lower[j] = 1.0


def lock_columns(problem: Problem, cands: Candidates) -> list[int]:
    """Column of each lock, or -1 when the locked pair breaks a hard rule (it is then no candidate)."""
    if not problem.locks:
        return []
    vidx, sidx = problem.volunteer_index(), problem.shift_index()
    key = cands.vol.astype(np.int64) * max(1, len(problem.shifts)) + cands.shift
    order = np.argsort(key)
    out = []
    for vid, sid in problem.locks:
        k = vidx[vid] * max(1, len(problem.shifts)) + sidx[sid]
        pos = np.searchsorted(key[order], k)
        out.append(int(order[pos]) if pos < key.size and key[order[pos]] == k else -1)
    return out


def _rule_fair_spread(model: Model, problem: Problem, cands: Candidates) -> None:
    """Soft: a rising cost for each extra shift of one person (2nd, 3rd, 4th and more), convex so it stays a flow.

    Row per person: sum(assign) - extra2 - extra3 - extra4plus <= 1, with extra2, extra3 in [0, 1].
    """
    weight = problem.weights.fairness
    if weight <= 0 or cands.n_pairs == 0:
        return
    per_vol = np.bincount(cands.vol, minlength=len(problem.volunteers))
    vols = np.flatnonzero(per_vol >= 2)
    if vols.size == 0:
        return
    base = model.n_cols
    steps = np.array([1, 2, 3], dtype=np.int32)
    n_new = vols.size * 3
    model.fair_vol = np.repeat(vols, 3).astype(np.int32)
    model.fair_step = np.tile(steps, vols.size)
    cost = -weight * np.array(FAIRNESS_STEPS[1:])[model.fair_step - 1]
    model.cost = np.concatenate([model.cost, cost])
    model.lower = np.concatenate([model.lower, np.zeros(n_new)])
    model.upper = np.concatenate([model.upper, np.where(model.fair_step == 3, np.inf, 1.0)])
    model.integer = np.concatenate([model.integer, np.zeros(n_new, dtype=bool)])
    row_of = np.full(len(problem.volunteers), -1)
    row_of[vols] = np.arange(vols.size)
    sel = np.flatnonzero(row_of[cands.vol] >= 0)
    rows = np.concatenate([row_of[cands.vol[sel]], np.repeat(np.arange(vols.size), 3)])
    cols = np.concatenate([sel, base + np.arange(n_new)])
    vals = np.concatenate([np.ones(sel.size), -np.ones(n_new)])
    old_names = model.col_names
    assert old_names is not None  # a built model always names its columns

    def col_names() -> list[str]:
        return old_names() + [
            f"extra_shift{k + 1}[{_safe(problem.volunteers[v].id)}]"
            for v, k in zip(model.fair_vol, model.fair_step, strict=True)
        ]

    model.col_names = col_names
    _add(
        model,
        "fair_spread",
        rows,
        cols,
        vals,
        np.full(vols.size, -np.inf),
        np.ones(vols.size),
        lambda: [f"fair_spread[{_safe(problem.volunteers[v].id)}]" for v in vols],
    )


# ---------------------------------------------------------------- exports


def to_pulp(model: Model, name: str = "weekly_matching"):
    """The same model as a PuLP problem with named variables and constraints (for CBC and .lp export)."""
    import pulp

    prob = pulp.LpProblem(_safe(name) or "weekly_matching", pulp.LpMaximize)
    names = model.col_names() if model.col_names else [f"c{j}" for j in range(model.n_cols)]
    cols = [
        prob.add_variable(
            names[j],
            float(model.lower[j]),
            None if np.isinf(model.upper[j]) else float(model.upper[j]),
            cat=pulp.LpInteger if model.integer[j] else pulp.LpContinuous,
        )
        for j in range(model.n_cols)
    ]
    prob.setObjective(pulp.LpAffineExpression([(cols[j], float(c)) for j, c in enumerate(model.cost) if c != 0]))
    matrix = model.matrix()
    lower, upper = model.row_bounds()
    row_names = model.row_names()
    for i in range(matrix.shape[0]):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        expr = pulp.LpAffineExpression(
            [(cols[j], float(v)) for j, v in zip(matrix.indices[lo:hi], matrix.data[lo:hi], strict=True)]
        )
        if np.isfinite(upper[i]):
            prob += pulp.LpConstraint(expr, pulp.LpConstraintLE, row_names[i], float(upper[i]))
        if np.isfinite(lower[i]):
            prob += pulp.LpConstraint(expr, pulp.LpConstraintGE, row_names[i] + "_lo", float(lower[i]))
    return prob, cols


def write_lp(problem: Problem, path: str) -> None:
    """Export the week's model as a CPLEX .lp file whose row names read like the rules."""
    from .candidates import build_candidates, problem_arrays

    cands = build_candidates(problem)
    prob, _ = to_pulp(build_model(problem, cands, problem_arrays(problem)), problem.name or "weekly_matching")
    prob.writeLP(path)
