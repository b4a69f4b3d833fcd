"""What the fan-out does across piece borders: prices of people's time (an LP's duals) by the ids they are about,
a bound over every pair of the whole week from such prices, and the pairs a border solve may change (the plan's,
those across borders, those into seats still open).

The bound is Lagrangian: every priced row of a piece (a person's hours, number of shifts, one shift at a time; a
shift's room; a resource's one request at a time) is also a valid row of the whole week once it takes in that
person's (shift's, resource's) pairs across the border, so any prices >= 0 on them give
    sum(price x right-hand side) + per shift the best `seats` positive reduced costs + per request the best one,
which no plan of the whole week can exceed (weak duality).
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

import numpy as np

from .candidates import Arrays, Candidates
from .formulation import objective_scale, shift_caps
from .problem import Problem

log = logging.getLogger(__name__)

PRICED_RULES = ("one_at_a_time", "max_hours", "max_shifts", "needs_room", "resource_once")


# ---------------------------------------------------------------- prices by what they are about


def prices_by_id(problem: Problem, cands: Candidates, blocks, duals: np.ndarray) -> dict:
    """An LP's row duals (>= 0, seat units) by the ids they are about, JSON-ready: {"overlap": [[volunteer, instant,
    price]], "hours": {volunteer: price per minute}, "shifts": {volunteer: price}, "room": {shift: price},
    "resource": [[resource, instant, price]]}; only positive prices are kept."""
    out: dict = {"overlap": [], "hours": {}, "shifts": {}, "room": {}, "resource": []}
    vols, shifts, res = problem.volunteers, problem.shifts, problem.resources
    n_x = cands.n_pairs
    offset = 0
    for b in blocks:
        y = duals[offset : offset + b.size]
        offset += b.size
        if b.rule not in PRICED_RULES:
            continue
        first = np.full(b.size, -1, dtype=np.int64)  # one column of each row names what the row is about
        first[b.rows[::-1]] = b.cols[::-1]
        for i in np.flatnonzero(y > 1e-9):
            j, price = int(first[i]), float(y[i])
            if b.rule == "one_at_a_time":
                out["overlap"].append([vols[cands.vol[j]].id, int(b.at[i]), price])
            elif b.rule == "max_hours":
                out["hours"][vols[cands.vol[j]].id] = price
            elif b.rule == "max_shifts":
                out["shifts"][vols[cands.vol[j]].id] = price
            elif b.rule == "needs_room":
                x_cols = b.cols[(b.rows == i) & (b.cols < n_x)]
                out["room"][shifts[cands.shift[int(x_cols[0])]].id] = price
            else:
                out["resource"].append([res[cands.res[j - n_x]].id, int(b.at[i]), price])
    return out


# ---------------------------------------------------------------- the bound over all pairs


def _interval_sums(
    owner: np.ndarray, at: np.ndarray, price: np.ndarray, pair_owner: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Per pair, the sum of its owner's prices at instants t with start <= t < end (vectorised)."""
    if price.size == 0 or pair_owner.size == 0:
        return np.zeros(pair_owner.size)
    t0 = min(int(at.min()), int(start.min()))
    width = max(int(at.max()), int(end.max())) - t0 + 1
    key = owner.astype(np.int64) * width + (at - t0)
    order = np.argsort(key, kind="stable")
    key, cum = key[order], np.r_[0.0, np.cumsum(price[order])]
    base = pair_owner.astype(np.int64) * width - t0
    return cum[np.searchsorted(key, base + end, "left")] - cum[np.searchsorted(key, base + start, "left")]


def _best_per_group(rc: np.ndarray, group: np.ndarray, cap: np.ndarray) -> float:
    """Sum over groups of the `cap[group]` largest positive values of rc."""
    pos = np.flatnonzero(rc > 0)
    if pos.size == 0:
        return 0.0
    order = pos[np.lexsort((-rc[pos], group[pos]))]
    g = group[order]
    rank = np.arange(order.size) - np.searchsorted(g, g, "left")
    return float(rc[order[rank < cap[g]]].sum())


def _columns(rows: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(owner, minute, price) rows as three arrays (owners and minutes as integers)."""
    owner, at, price = zip(*rows, strict=True) if rows else ((), (), ())
    return np.array(owner, np.int64), np.array(at, np.int64), np.array(price, float)


def lagrangian_bound(problem: Problem, cands: Candidates, arrays: Arrays, prices: list[dict]) -> dict:
    """A bound on the whole week's objective (seat units) from the pieces' prices, over every pair.

    Returns {"bound", "primary" (priority-weighted part), "fixed" (sum of price x right-hand side), "soft"}.
    """
    vidx, sidx, ridx = problem.volunteer_index(), problem.shift_index(), problem.resource_index()
    n_v, n_s = len(problem.volunteers), len(problem.shifts)
    hours, shifts_price, room = np.zeros(n_v), np.zeros(n_v), np.zeros(n_s)
    overlaps: list[tuple[int, int, float]] = []  # (person, minute, price) of each priced overlap row
    resources: list[tuple[int, int, float]] = []  # (resource, minute, price) of each priced resource row
    for p in prices:
        for vid, price in p.get("hours", {}).items():
            hours[vidx[vid]] += price
        for vid, price in p.get("shifts", {}).items():
            shifts_price[vidx[vid]] += price
        for sid, price in p.get("room", {}).items():
            room[sidx[sid]] += price
        overlaps += [(vidx[vid], t, price) for vid, t, price in p.get("overlap", [])]
        resources += [(ridx[rid], t, price) for rid, t, price in p.get("resource", [])]
    ov_owner, ov_at, ov_price = _columns(overlaps)
    rs_owner, rs_at, rs_price = _columns(resources)
    # sum(price x right-hand side): every priced row of the whole week, with the whole week's own right-hand sides
    # (a person's shift cap counted over all their pairs, which may be more than the piece saw)
    caps = shift_caps(problem, cands, arrays) if cands.n_pairs else np.zeros(n_v, np.int64)
    fixed = float(hours @ arrays.v_max_minutes + shifts_price @ caps + ov_price.sum() + rs_price.sum())
    s, v = cands.shift, cands.vol
    rc_x = (
        arrays.s_priority[s]
        - hours[v] * arrays.s_minutes[s]
        - shifts_price[v]
        - room[s]
        - _interval_sums(ov_owner, ov_at, ov_price, v, arrays.s_start[s], arrays.s_end[s])
    )
    primary = fixed + _best_per_group(rc_x, s.astype(np.int64), arrays.s_seats)
    if cands.res.size:
        # a request's pair leaves room for its shift's seats: -seats in that shift's needs_room row
        room_credit = np.zeros(len(problem.resource_requests))
        coupled = np.flatnonzero(arrays.s_request >= 0)
        np.add.at(room_credit, arrays.s_request[coupled], arrays.s_seats[coupled] * room[coupled])
        q = cands.req
        rc_y = (
            arrays.q_priority[q]
            + room_credit[q]
            - _interval_sums(rs_owner, rs_at, rs_price, cands.res, arrays.q_start[q], arrays.q_end[q])
        )
        primary += _best_per_group(rc_y, q.astype(np.int64), np.ones(len(problem.resource_requests), np.int64))
    soft = soft_allowance(problem, cands)
    return {"bound": primary + soft, "primary": primary, "fixed": fixed, "soft": soft}


def soft_allowance(problem: Problem, cands: Candidates) -> float:
    """The most the soft rules can add to any plan, in seat units (less than one seat by the model's K)."""
    most = (float(cands.bonus.max()) * problem.total_seats if cands.n_pairs else 0.0) + (
        float(cands.res_bonus.max()) * len(problem.resource_requests) if cands.res.size else 0.0
    )
    return most / objective_scale(problem, cands)


# ---------------------------------------------------------------- the border MIP


def columns_of(problem: Problem, cands: Candidates, pairs) -> np.ndarray:
    """Candidate column of each (volunteer, shift) pair, -1 where it is no candidate."""
    vidx, sidx = problem.volunteer_index(), problem.shift_index()
    width = max(1, len(problem.shifts))
    key = cands.vol.astype(np.int64) * width + cands.shift
    order = np.argsort(key, kind="stable")
    want = np.array([vidx[v] * width + sidx[s] for v, s in pairs], dtype=np.int64)
    pos = np.minimum(np.searchsorted(key[order], want), max(0, key.size - 1))
    found = key.size > 0
    return np.where(found & (key[order][pos] == want), order[pos], -1) if want.size else np.zeros(0, np.int64)


def request_columns_of(problem: Problem, cands: Candidates, bookings) -> np.ndarray:
    ridx, qidx = problem.resource_index(), problem.request_index()
    lookup = {(int(r), int(q)): k for k, (r, q) in enumerate(zip(cands.res, cands.req, strict=True))}
    return np.array([lookup.get((ridx[r], qidx[q]), -1) for r, q in bookings], dtype=np.int64)


def border_columns(
    cands: Candidates, arrays: Arrays, piece_of_vol: np.ndarray, piece_of_shift: np.ndarray, x: np.ndarray
) -> np.ndarray:
    """The pairs the border MIP may change: the plan's, those across a border, and those into a seat still open."""
    free = np.zeros(cands.n_pairs, dtype=bool)
    free[x] = True
    free |= piece_of_vol[cands.vol] != piece_of_shift[cands.shift]
    taken = np.bincount(cands.shift[x], minlength=arrays.s_seats.size)
    free |= (taken < arrays.s_seats)[cands.shift]
    return free


def restrict(cands: Candidates, keep: np.ndarray) -> Candidates:
    """The candidates with only the volunteer-shift pairs in `keep` (still sorted by shift); resource pairs all."""
    fields = ("vol", "shift", "dist_km", "keep", "fit", "closeness", "pref", "bonus")
    return replace(cands, **{f: getattr(cands, f)[keep] for f in fields})


# ---------------------------------------------------------------- the join's work, in a child on the clock


class _ToParent:
    """The border solve's messages as the parent of the join reads them: plans as pairs of ids with their score
    over the whole week, prices as the bound they give (the parent holds no candidates)."""

    def __init__(self, conn, problem: Problem, cands: Candidates, arrays: Arrays, keep: np.ndarray, whole: bool):
        self.conn, self.problem, self.cands, self.arrays = conn, problem, cands, arrays
        self.keep, self.whole = keep, whole
        self.scale = objective_scale(problem, cands)

    def send(self, message) -> None:
        from .metrics import score

        kind, payload = message
        if kind == "plan":
            x = self.keep[np.asarray(payload["x"], dtype=np.int64)]
            y = np.asarray(payload["y"], dtype=np.int64)
            plan = _plan(self.problem, self.cands, x, y)
            plan.update(score(self.problem, self.cands, self.arrays, self.scale, x, y), phase=payload.get("phase"))
            if self.whole and payload.get("bound") is not None:
                plan["bound"] = payload["bound"]  # the LP over every pair: a bound of the whole week
            self.conn.send(("plan", plan))
        elif kind == "prices":
            self.conn.send(
                (
                    "bound",
                    {"border LP's prices": lagrangian_bound(self.problem, self.cands, self.arrays, [payload])["bound"]},
                )
            )
        elif kind in ("info", "failed", "infeasible"):
            self.conn.send(message)


def _plan(problem: Problem, cands: Candidates, x: np.ndarray, y: np.ndarray) -> dict:
    vols, shifts, res, reqs = problem.volunteers, problem.shifts, problem.resources, problem.resource_requests
    return {
        "assignments": [[vols[cands.vol[j]].id, shifts[cands.shift[j]].id] for j in x],
        "bookings": [[res[cands.res[k]].id, reqs[cands.req[k]].id] for k in y],
    }


def join_worker(
    conn,
    problem: Problem,
    assignments: list,
    bookings: list,
    price_sets: list[dict],
    piece_of_vol: np.ndarray,
    piece_of_shift: np.ndarray,
    seconds: float,
    gap: float,
    whole_pairs: int,
) -> None:
    """The join's work on the whole week, in a child that the parent kills at the run's deadline: the week's
    candidates, the joined plan's score ("plan"), the bound over all pairs from the pieces' prices ("bound"),
    then, with `seconds` > 1, the border solve (the HiGHS strategy of a whole solve, started from the joined plan)
    over every pair (up to `whole_pairs`) or over those the borders can change, sending its plans and bounds."""
    from .candidates import build_candidates, problem_arrays
    from .highs_strategies import highs_worker
    from .metrics import score

    start = time.monotonic()
    cands, arrays = build_candidates(problem), problem_arrays(problem)
    x = columns_of(problem, cands, assignments)
    y = request_columns_of(problem, cands, bookings)
    if (x < 0).any() or (y < 0).any():  # the pieces' pairs are the week's: a miss is a bug, not a plan to lose
        raise RuntimeError("a piece's plan holds a pair that is no candidate of the whole week")
    scale = objective_scale(problem, cands)
    conn.send(("info", {"join_candidates_seconds": round(time.monotonic() - start, 3), "pairs": cands.n_pairs}))
    conn.send(("joined", score(problem, cands, arrays, scale, x, y)))
    conn.send(("bound", {"pieces' prices": lagrangian_bound(problem, cands, arrays, price_sets)["bound"]}))
    remaining = seconds - (time.monotonic() - start)
    if remaining <= 1.0:
        return
    whole = cands.n_pairs <= whole_pairs
    keep = (
        np.arange(cands.n_pairs)
        if whole
        else np.flatnonzero(border_columns(cands, arrays, piece_of_vol, piece_of_shift, x))
    )
    position = np.full(cands.n_pairs, -1)
    position[keep] = np.arange(keep.size)
    conn.send(
        (
            "info",
            {
                "border_columns": int(keep.size),
                "border_solve_seconds_limit": round(remaining, 3),
                "border_over": "every pair" if whole else "open seats, cross-border pairs and the plan",
            },
        )
    )
    highs_worker(
        _ToParent(conn, problem, cands, arrays, keep, whole),
        problem,
        restrict(cands, keep),
        arrays,
        position[x],
        remaining,
        gap,
        None,
        False,
        True,
    )
