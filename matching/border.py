"""What the fan-out does across piece borders: each piece's prices of its people's time (the duals of its LP),
a bound over every pair of the whole week from those prices, and a MIP over the open seats and the pairs that
cross borders, started from the pieces' plans.

The bound is Lagrangian: every priced row of a piece (a person's hours, number of shifts, one shift at a time; a
shift's room; a resource's one request at a time) is also a valid row of the whole week once it takes in that
person's (shift's, resource's) pairs across the border, so any prices >= 0 on them give
    sum(price x right-hand side) + per shift the best `seats` positive reduced costs + per request the best one,
which no plan of the whole week can exceed (weak duality).
"""
from __future__ import annotations

import logging
import time

import numpy as np

from .candidates import Arrays, Candidates, build_candidates, problem_arrays
from .formulation import build_model, lock_columns, objective_scale, shift_caps
from .problem import Problem

log = logging.getLogger(__name__)

PRICED_RULES = ("one_at_a_time", "max_hours", "max_shifts", "needs_room", "resource_once")


# ---------------------------------------------------------------- a piece's prices

def piece_prices(piece: Problem, *, time_limit: float, threads: int | None = None) -> dict:
    """The duals of the piece's LP relaxation (seat level, as the pieces' bound), by the ids they are about.

    JSON-ready: {"overlap": [[volunteer, instant, price]], "hours": {volunteer: price per minute},
    "shifts": {volunteer: price}, "room": {shift: price}, "resource": [[resource, instant, price]],
    "rounds": pricing rounds, "seconds": ...}. Only positive prices are kept. `time_limit` bounds the LP (HiGHS's
    own limit, each pricing round within what is left); prices from an unfinished pricing are still valid.
    """
    from . import highs_backend as hb
    from .highs_strategies import primary_model

    t0 = time.monotonic()
    out: dict = {"overlap": [], "hours": {}, "shifts": {}, "room": {}, "resource": [], "rounds": 0}
    cands = build_candidates(piece)
    if cands.n_pairs == 0 and cands.res.size == 0:
        return {**out, "seconds": round(time.monotonic() - t0, 3)}
    arrays = problem_arrays(piece)
    prim = primary_model(build_model(piece, cands, arrays))
    # start from each shift's best candidates by bonus (two per seat) and every request pair
    order = np.lexsort((-cands.bonus, cands.shift))
    rank = np.empty(cands.n_pairs, dtype=np.int64)
    rank[order] = np.arange(cands.n_pairs) - np.searchsorted(cands.shift[order], cands.shift[order], "left")
    initial = np.concatenate([np.flatnonzero(rank < 2 * arrays.s_seats[cands.shift]),
                              prim.n_x + np.arange(prim.n_y)])
    remaining = time_limit - (time.monotonic() - t0)
    if remaining > 0.05:
        *_, rounds, duals = hb.column_generation(prim, initial, time_limit=remaining, threads=threads)
        out["rounds"] = int(rounds)
        _collect(out, piece, cands, arrays, prim.blocks, np.maximum(duals, 0.0))
    out["seconds"] = round(time.monotonic() - t0, 3)
    return out


def _collect(out: dict, piece: Problem, cands: Candidates, arrays: Arrays, blocks, duals: np.ndarray) -> None:
    vols, shifts, res = piece.volunteers, piece.shifts, piece.resources
    n_x = cands.n_pairs
    offset = 0
    for b in blocks:
        y = duals[offset:offset + b.size]
        offset += b.size
        if b.rule not in PRICED_RULES:
            continue
        first = np.full(b.size, -1, dtype=np.int64)       # one column of each row names what the row is about
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


# ---------------------------------------------------------------- the bound over all pairs

def _interval_sums(owner: np.ndarray, at: np.ndarray, price: np.ndarray, pair_owner: np.ndarray,
                   start: np.ndarray, end: np.ndarray) -> np.ndarray:
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


def lagrangian_bound(problem: Problem, cands: Candidates, arrays: Arrays, prices: list[dict]) -> dict:
    """A bound on the whole week's objective (seat units) from the pieces' prices, over every pair.

    Returns {"bound", "primary" (priority-weighted part), "fixed" (sum of price x right-hand side), "soft"}.
    """
    vidx, sidx, ridx = problem.volunteer_index(), problem.shift_index(), problem.resource_index()
    n_v, n_s = len(problem.volunteers), len(problem.shifts)
    hours, shifts_price, room = np.zeros(n_v), np.zeros(n_v), np.zeros(n_s)
    ov_owner, ov_at, ov_price, rs_owner, rs_at, rs_price = [], [], [], [], [], []
    for p in prices:
        for vid, price in p.get("hours", {}).items():
            hours[vidx[vid]] += price
        for vid, price in p.get("shifts", {}).items():
            shifts_price[vidx[vid]] += price
        for sid, price in p.get("room", {}).items():
            room[sidx[sid]] += price
        for vid, t, price in p.get("overlap", []):
            ov_owner.append(vidx[vid]), ov_at.append(t), ov_price.append(price)
        for rid, t, price in p.get("resource", []):
            rs_owner.append(ridx[rid]), rs_at.append(t), rs_price.append(price)
    ov_owner, ov_at, ov_price = np.array(ov_owner, np.int64), np.array(ov_at, np.int64), np.array(ov_price)
    rs_owner, rs_at, rs_price = np.array(rs_owner, np.int64), np.array(rs_at, np.int64), np.array(rs_price)
    # sum(price x right-hand side): every priced row of the whole week, with the whole week's own right-hand sides
    # (a person's shift cap counted over all their pairs, which may be more than the piece saw)
    caps = shift_caps(problem, cands, arrays) if cands.n_pairs else np.zeros(n_v, np.int64)
    fixed = float(hours @ arrays.v_max_minutes + shifts_price @ caps + ov_price.sum() + rs_price.sum())
    s, v = cands.shift, cands.vol
    rc_x = (arrays.s_priority[s] - hours[v] * arrays.s_minutes[s] - shifts_price[v] - room[s]
            - _interval_sums(ov_owner, ov_at, ov_price, v, arrays.s_start[s], arrays.s_end[s]))
    primary = fixed + _best_per_group(rc_x, s.astype(np.int64), arrays.s_seats)
    if cands.res.size:
        # a request's pair leaves room for its shift's seats: -seats in that shift's needs_room row
        room_credit = np.zeros(len(problem.resource_requests))
        coupled = np.flatnonzero(arrays.s_request >= 0)
        np.add.at(room_credit, arrays.s_request[coupled], arrays.s_seats[coupled] * room[coupled])
        q = cands.req
        rc_y = (arrays.q_priority[q] + room_credit[q]
                - _interval_sums(rs_owner, rs_at, rs_price, cands.res, arrays.q_start[q], arrays.q_end[q]))
        primary += _best_per_group(rc_y, q.astype(np.int64), np.ones(len(problem.resource_requests), np.int64))
    soft = soft_allowance(problem, cands)
    return {"bound": primary + soft, "primary": primary, "fixed": fixed, "soft": soft}


def soft_allowance(problem: Problem, cands: Candidates) -> float:
    """The most the soft rules can add to any plan, in seat units (less than one seat by the model's K)."""
    most = (float(cands.bonus.max()) * problem.total_seats if cands.n_pairs else 0.0) + \
        (float(cands.res_bonus.max()) * len(problem.resource_requests) if cands.res.size else 0.0)
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


def border_columns(cands: Candidates, arrays: Arrays, piece_of_vol: np.ndarray, piece_of_shift: np.ndarray,
                   x: np.ndarray) -> np.ndarray:
    """The pairs the border MIP may change: the plan's, those across a border, and those into a seat still open."""
    free = np.zeros(cands.n_pairs, dtype=bool)
    free[x] = True
    free |= piece_of_vol[cands.vol] != piece_of_shift[cands.shift]
    taken = np.bincount(cands.shift[x], minlength=arrays.s_seats.size)
    free |= (taken < arrays.s_seats)[cands.shift]
    return free


def border_worker(conn, problem: Problem, cands: Candidates, arrays: Arrays, free: np.ndarray, x: np.ndarray,
                  y: np.ndarray, seconds: float, gap: float, threads) -> None:
    """In a child (`supervise`): the whole week's model with every pair outside `free` closed, as a MIP (HiGHS
    solves its LP relaxation first) started from the joined plan; sends ("plan", {x, y, status}) if it has one."""
    from . import highs_backend as hb
    from .highs_strategies import primary_model

    start = time.monotonic()
    model = build_model(problem, cands, arrays)
    prim = primary_model(model)
    # priorities first, the soft bonuses below one seat (as the whole model's K), fairness left to the score
    n_x, n_y = prim.n_x, prim.n_y
    prim.cost = model.cost[:n_x + n_y] / model.scale
    upper = prim.upper.copy()
    upper[:n_x][~free] = 0.0
    locks = np.array([j for j in lock_columns(problem, cands) if j >= 0], dtype=np.int64)
    upper[locks] = 1.0           # a pinned pair stays open (and its lower bound of 1 keeps it)
    point = np.zeros(prim.n_cols)
    point[x] = 1.0
    point[n_x + y] = 1.0
    remaining = seconds - (time.monotonic() - start)
    conn.send(("info", {"border_columns": int(free.sum()), "border_build_seconds": round(seconds - remaining, 3)}))
    if remaining <= 0.2:
        return
    status, _, _, vals = hb.solve_mip(prim, time_limit=remaining, gap=gap, upper=upper, threads=threads,
                                      start=point)
    if vals is not None:
        conn.send(("plan", {"x": np.flatnonzero(vals[:n_x] > 0.5), "y": np.flatnonzero(vals[n_x:n_x + n_y] > 0.5),
                            "status": status}))
