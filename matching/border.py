"""What the fan-out does across piece borders: prices of people's time (an LP's duals) by the ids they are about,
a bound over every pair of the whole week from such prices, and the pairs a border solve may change (the plan's,
those across borders, those into seats still open).

The bound is Lagrangian: every priced row of a piece (a person's hours, number of shifts, hours' hull, one shift at a
time; a shift's room; a resource's one request at a time) is also a valid row of the whole week once it takes in that
person's (shift's, resource's) pairs across the border, so any prices >= 0 on them give
    sum(price x right-hand side) + per shift the best `seats` positive reduced costs + per request the best one,
which no plan of the whole week can exceed (weak duality).
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import replace
from operator import attrgetter

import numpy as np

from .candidates import Arrays, Candidates
from .formulation import caps_of, objective_scale, shift_caps
from .geo import EARTH_RADIUS_KM
from .problem import Problem

log = logging.getLogger(__name__)

# the soft rules' weights whose terms each count at most once a pair (formulation's bonus)
BONUS_WEIGHTS = ("keep", "distance", "skill", "preference")
PRICED_RULES = ("one_at_a_time", "max_hours", "max_shifts", "hours_hull", "needs_room", "resource_once")


# ---------------------------------------------------------------- prices by what they are about


def prices_by_id(problem: Problem, cands: Candidates, blocks, duals: np.ndarray) -> dict:
    """An LP's row duals (>= 0, seat units) by the ids they are about, JSON-ready: {"overlap": [[volunteer, instant,
    price]], "hours": {volunteer: price per minute}, "shifts": {volunteer: price}, "hull": [[volunteer, [[minutes,
    coefficient], ...], right-hand side, price]], "room": {shift: price}, "resource": [[resource, instant, price]]};
    only positive prices are kept. A hull row (`formulation.hours_hull`) stays valid for the whole week with a zero
    coefficient on the lengths it does not name: fewer minutes of those lengths never break it."""
    out: dict = {"overlap": [], "hours": {}, "shifts": {}, "hull": [], "room": {}, "resource": []}
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
        if b.rule == "hours_hull":
            out["hull"] += _hull_prices(problem, cands, b, y)
            continue
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


def _hull_prices(problem: Problem, cands: Candidates, block, y: np.ndarray) -> list:
    """The priced rows of an hours_hull block as [volunteer, [[minutes, coefficient], ...], right-hand side, price]."""
    order = np.argsort(block.rows, kind="stable")
    rows, cols, vals = block.rows[order], block.cols[order], block.vals[order]
    minutes = np.array([problem.shifts[s].minutes for s in range(len(problem.shifts))], dtype=np.int64)
    out = []
    for i in np.flatnonzero(y > 1e-9):
        lo, hi = np.searchsorted(rows, i, "left"), np.searchsorted(rows, i, "right")
        lengths, first = np.unique(minutes[cands.shift[cols[lo:hi]]], return_index=True)
        coefficients = vals[lo:hi][first]
        vid = problem.volunteers[cands.vol[cols[lo]]].id
        out.append(
            [
                vid,
                [[int(m), float(c)] for m, c in zip(lengths, coefficients, strict=True)],
                float(block.upper[i]),
                float(y[i]),
            ]
        )
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


class _Priced:
    """Prices of the whole week's rows by entity index (several pieces' prices summed: each prices its own)."""

    def __init__(self, problem: Problem, prices: list[dict]):
        vidx, sidx, ridx = problem.volunteer_index(), problem.shift_index(), problem.resource_index()
        self.hours, self.shifts = np.zeros(len(problem.volunteers)), np.zeros(len(problem.volunteers))
        self.room = np.zeros(len(problem.shifts))
        overlaps: list[tuple[int, int, float]] = []  # (person, minute, price) of each priced overlap row
        resources: list[tuple[int, int, float]] = []  # (resource, minute, price) of each priced resource row
        hull: list[tuple[int, int, float]] = []  # (person, shift length, price x coefficient) of each priced hull row
        self.hull_fixed = 0.0
        for p in prices:
            for vid, price in p.get("hours", {}).items():
                self.hours[vidx[vid]] += price
            for vid, price in p.get("shifts", {}).items():
                self.shifts[vidx[vid]] += price
            for sid, price in p.get("room", {}).items():
                self.room[sidx[sid]] += price
            overlaps += [(vidx[vid], t, price) for vid, t, price in p.get("overlap", [])]
            resources += [(ridx[rid], t, price) for rid, t, price in p.get("resource", [])]
            for vid, coefficients, rhs, price in p.get("hull", []):
                hull += [(vidx[vid], minutes, price * c) for minutes, c in coefficients]
                self.hull_fixed += price * rhs
        owner, length, charge = _columns(hull)
        width = int(max(length.max(initial=0), 0)) + 1
        # a pair's charge from the hull rows: the sum over its person's priced rows of price x its length's coefficient
        self.hull_key, at = np.unique(owner * width + length, return_inverse=True)
        self.hull_charge = np.bincount(at, weights=charge, minlength=self.hull_key.size)
        self.hull_width = width
        self.ov_owner, self.ov_at, self.ov_price = _columns(overlaps)
        self.rs_owner, self.rs_at, self.rs_price = _columns(resources)

    def reduced_costs(self, arrays: Arrays, v: np.ndarray, s: np.ndarray) -> np.ndarray:
        """Each (volunteer, shift) pair's priority less the prices of the rows it enters."""
        return (
            arrays.s_priority[s]
            - self.hours[v] * arrays.s_minutes[s]
            - self.shifts[v]
            - self.room[s]
            - _interval_sums(self.ov_owner, self.ov_at, self.ov_price, v, arrays.s_start[s], arrays.s_end[s])
            - self._hull_charges(v, arrays.s_minutes[s])
        )

    def _hull_charges(self, v: np.ndarray, minutes: np.ndarray) -> np.ndarray:
        if self.hull_key.size == 0 or v.size == 0:
            return np.zeros(v.size)
        key = v.astype(np.int64) * self.hull_width + minutes
        at = np.minimum(np.searchsorted(self.hull_key, key), self.hull_key.size - 1)
        # a length the rows do not name (longer than any they do, or between) has coefficient zero
        return np.where((self.hull_key[at] == key) & (minutes < self.hull_width), self.hull_charge[at], 0.0)

    def fixed(self, arrays: Arrays, caps: np.ndarray) -> float:
        """sum(price x right-hand side) over the priced rows, with these shift caps."""
        return float(
            self.hours @ arrays.v_max_minutes
            + self.shifts @ caps
            + self.ov_price.sum()
            + self.rs_price.sum()
            + self.hull_fixed
        )


def lagrangian_bound(
    problem: Problem,
    cands: Candidates,
    arrays: Arrays,
    prices: list[dict],
    inside: list[dict] | None = None,
    piece_of_vol: np.ndarray | None = None,
    piece_of_shift: np.ndarray | None = None,
) -> dict:
    """A bound on the whole week's objective (seat units) from the pieces' prices, over every pair.

    Without `inside`, `cands` must hold every pair of the week. With `inside` (each piece's `inside_summary`, in
    piece order; an empty dict for a piece that sent none), `cands` need hold only the pairs across borders (by
    `piece_of_vol` / `piece_of_shift`; the others it holds are ignored): the pieces' own pairs count through their
    best reduced costs, and a piece without a summary counts each of its seats at its full priority.

    Returns {"bound", "primary" (priority-weighted part), "fixed" (sum of price x right-hand side), "soft"}.
    """
    priced = _Priced(problem, prices)
    n_v = len(problem.volunteers)
    s, v = cands.shift.astype(np.int64), cands.vol.astype(np.int64)
    max_bonus = float(cands.bonus.max()) if cands.n_pairs else 0.0
    if inside is None:
        # the whole week's own right-hand sides (a person's shift cap over all their pairs)
        caps = shift_caps(problem, cands, arrays) if cands.n_pairs else np.zeros(n_v, np.int64)
        values, groups = priced.reduced_costs(arrays, v, s), s
    else:
        assert piece_of_vol is not None and piece_of_shift is not None
        across = piece_of_vol[v] != piece_of_shift[s]
        v, s = v[across], s[across]
        sidx, vidx = problem.shift_index(), problem.volunteer_index()
        value_parts, group_parts = [priced.reduced_costs(arrays, v, s)], [s]
        cap_vol, cap_minutes = [v], [arrays.s_minutes[s]]
        for piece, summary in enumerate(inside):
            if "best" not in summary:  # no prices: each seat at its priority, which no reduced cost exceeds
                own = np.flatnonzero(piece_of_shift == piece)
                value_parts.append(np.repeat(arrays.s_priority[own].astype(float), arrays.s_seats[own]))
                group_parts.append(np.repeat(own, arrays.s_seats[own]))
                max_bonus = max(max_bonus, sum(attrgetter(*BONUS_WEIGHTS)(problem.weights)))
                continue
            for sid, best in summary["best"].items():
                value_parts.append(np.asarray(best, float))
                group_parts.append(np.full(len(best), sidx[sid], np.int64))
            for vid, counts in summary["minutes"].items():
                minutes, count = np.asarray(counts, np.int64).reshape(-1, 2).T
                cap_vol.append(np.full(int(count.sum()), vidx[vid], np.int64))
                cap_minutes.append(np.repeat(minutes, count))
            max_bonus = max(max_bonus, summary["max_bonus"])
        values, groups = np.concatenate(value_parts), np.concatenate(group_parts)
        # the caps count only people with a price on theirs: their pairs across borders and inside their piece
        caps = caps_of(np.concatenate(cap_vol), np.concatenate(cap_minutes), arrays.v_max_minutes)
        caps = np.where(priced.shifts > 0, caps, 0)
    primary = priced.fixed(arrays, caps) + _best_per_group(values, groups, arrays.s_seats)
    if cands.res.size:
        # a request's pair leaves room for its shift's seats: -seats in that shift's needs_room row
        room_credit = np.zeros(len(problem.resource_requests))
        coupled = np.flatnonzero(arrays.s_request >= 0)
        np.add.at(room_credit, arrays.s_request[coupled], arrays.s_seats[coupled] * priced.room[coupled])
        q = cands.req
        rc_y = (
            arrays.q_priority[q]
            + room_credit[q]
            - _interval_sums(
                priced.rs_owner, priced.rs_at, priced.rs_price, cands.res, arrays.q_start[q], arrays.q_end[q]
            )
        )
        primary += _best_per_group(rc_y, q.astype(np.int64), np.ones(len(problem.resource_requests), np.int64))
    soft = soft_allowance(problem, cands, max_bonus)
    return {"bound": primary + soft, "primary": primary, "fixed": priced.fixed(arrays, caps), "soft": soft}


def inside_summary(problem: Problem, cands: Candidates, arrays: Arrays, prices: dict) -> dict:
    """What a piece tells the join of its own pairs, so the join need not enumerate them to bound the whole week
    (`lagrangian_bound` with `inside`): per shift its best `seats` positive reduced costs under the piece's prices
    (rounded up), per person priced on their number of shifts the minutes of their pairs ([[minutes, count]]), and
    the largest soft-rule bonus. `cands` must hold every pair of the piece."""
    priced = _Priced(problem, [prices])
    v, s = cands.vol.astype(np.int64), cands.shift.astype(np.int64)
    rc = priced.reduced_costs(arrays, v, s)
    pos = np.flatnonzero(rc > 0)
    order = pos[np.lexsort((-rc[pos], s[pos]))]
    g = s[order]
    rank = np.arange(order.size) - np.searchsorted(g, g, "left")
    top = order[rank < arrays.s_seats[g]]
    best: dict[str, list[float]] = {}
    for j in top:
        best.setdefault(problem.shifts[s[j]].id, []).append(math.ceil(float(rc[j]) * 1e9) / 1e9)
    minutes: dict[str, list[int]] = {}
    sel = np.flatnonzero(priced.shifts[v] > 0)
    width = int(arrays.s_minutes.max(initial=0)) + 1
    keys, counts = np.unique(v[sel] * width + arrays.s_minutes[s[sel]], return_counts=True)
    for key, count in zip(keys.tolist(), counts.tolist(), strict=True):
        minutes.setdefault(problem.volunteers[key // width].id, []).extend((key % width, count))
    return {"best": best, "minutes": minutes, "max_bonus": float(cands.bonus.max()) if cands.n_pairs else 0.0}


def soft_allowance(problem: Problem, cands: Candidates, max_bonus: float | None = None) -> float:
    """The most the soft rules can add to any plan, in seat units (less than one seat by the model's K); `max_bonus`
    the largest bonus of a pair when `cands` do not hold every pair."""
    if max_bonus is None:
        max_bonus = float(cands.bonus.max()) if cands.n_pairs else 0.0
    most = max_bonus * problem.total_seats + (
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

    def __init__(
        self, conn, problem: Problem, cands: Candidates, arrays: Arrays, keep: np.ndarray, whole: bool, priced: bool
    ):
        self.conn, self.problem, self.cands, self.arrays = conn, problem, cands, arrays
        self.keep, self.whole, self.priced = keep, whole, priced
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
        elif kind == "prices" and self.priced:  # (a bound needs every pair of the week in `cands`)
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


def _near(table, lat: np.ndarray, lng: np.ndarray, outside: np.ndarray) -> np.ndarray:
    """Of the people `outside` (indices, sorted), those whose travel limit could reach a point of the box around
    these shift locations (radians): a lower bound of the great-circle distance to the box, so none is missed."""
    lo_lat, hi_lat, lo_lng, hi_lng = lat.min(), lat.max(), lng.min(), lng.max()
    p_lat, p_lng = table.lat[outside], table.lng[outside]
    d_lat = np.maximum(0.0, np.maximum(lo_lat - p_lat, p_lat - hi_lat))
    d_lng = np.maximum(0.0, np.maximum(lo_lng - p_lng, p_lng - hi_lng))
    widest = np.maximum(np.abs(p_lat), max(abs(lo_lat), abs(hi_lat)))
    # sin^2(d/2) = sin^2(dlat/2) + cos(lat1) cos(lat2) sin^2(dlng/2): each term alone bounds d from below
    by_lng = 2 * np.arcsin(
        np.minimum(1.0, np.cos(np.minimum(widest, np.pi / 2)) * np.sin(np.minimum(d_lng, np.pi) / 2))
    )
    least_km = EARTH_RADIUS_KM * np.maximum(d_lat, by_lng)
    return outside[least_km <= table.limit[outside] + 1e-6]


def join_candidates(
    problem: Problem, piece_of_vol: np.ndarray, piece_of_shift: np.ndarray, assignments: list
) -> Candidates:
    """The pairs the join needs of a week too large to enumerate whole: every pair across a border, every pair into a
    shift with a seat still open in the joined plan (`assignments`, pairs of ids), and the plan's own."""
    from .candidates import VolunteerTable, build_candidates

    table = VolunteerTable(problem)
    vidx, sidx = problem.volunteer_index(), problem.shift_index()
    planned: dict[int, list[int]] = {}
    for vid, sid in assignments:
        planned.setdefault(sidx[sid], []).append(vidx[vid])
    seats = np.array([sh.seats for sh in problem.shifts], dtype=np.int64)
    taken = np.array([len(planned.get(i, ())) for i in range(len(problem.shifts))], dtype=np.int64)
    s_lat = np.radians([sh.location.lat for sh in problem.shifts])
    s_lng = np.radians([sh.location.lng for sh in problem.shifts])
    reach: dict[int, np.ndarray] = {}  # piece -> people of other pieces in range of it, sorted
    with_own: dict[int, np.ndarray] = {}  # piece -> those and its own people, sorted
    for piece in np.unique(piece_of_shift).tolist():
        own = piece_of_shift == piece
        reach[piece] = _near(table, s_lat[own], s_lng[own], np.flatnonzero(piece_of_vol != piece))
        with_own[piece] = np.union1d(reach[piece], np.flatnonzero(piece_of_vol == piece))

    def among(s_i: int) -> np.ndarray:
        base = with_own[piece_of_shift[s_i]] if taken[s_i] < seats[s_i] else reach[piece_of_shift[s_i]]
        extra = np.unique(np.asarray(planned.get(s_i, ()), dtype=np.int64))
        if extra.size:
            at = np.minimum(np.searchsorted(base, extra), max(0, base.size - 1))
            extra = extra[base[at] != extra] if base.size else extra
            base = np.insert(base, np.searchsorted(base, extra), extra)
        return base

    return build_candidates(problem, table, among)


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
    inside: list[dict] | None = None,
) -> None:
    """The join's work on the whole week, in a child that the parent kills at the run's deadline: the week's
    candidates, the joined plan's score ("plan"), the bound over all pairs from the pieces' prices ("bound"),
    then, with `seconds` > 1, the border solve (the HiGHS strategy of a whole solve, started from the joined plan)
    over every pair (up to `whole_pairs`) or over those the borders can change, sending its plans and bounds.

    A week estimated above twice `whole_pairs` (and pieces that sent their `inside` summaries) is never enumerated
    whole: the join builds only the pairs across borders, into open seats and of the plan (`join_candidates`), and
    the bound counts the pieces' own pairs through their summaries."""
    from .candidates import build_candidates, problem_arrays
    from .highs_strategies import highs_worker
    from .metrics import score
    from .sizing import estimate

    start = time.monotonic()
    partial = inside is not None and estimate(problem).pairs > 2 * whole_pairs
    if partial:
        cands = join_candidates(problem, piece_of_vol, piece_of_shift, assignments)
    else:
        cands = build_candidates(problem)
    arrays = problem_arrays(problem)
    x = columns_of(problem, cands, assignments)
    y = request_columns_of(problem, cands, bookings)
    if (x < 0).any() or (y < 0).any():  # the pieces' pairs are the week's: a miss is a bug, not a plan to lose
        raise RuntimeError("a piece's plan holds a pair that is no candidate of the whole week")
    scale = objective_scale(problem, cands)
    conn.send(
        (
            "info",
            {
                "join_candidates_seconds": round(time.monotonic() - start, 3),
                "pairs": cands.n_pairs,
                "join_pairs": "across borders, into open seats and the plan" if partial else "every pair",
            },
        )
    )
    conn.send(("joined", score(problem, cands, arrays, scale, x, y)))
    bound = (
        lagrangian_bound(problem, cands, arrays, price_sets, inside, piece_of_vol, piece_of_shift)
        if partial
        else lagrangian_bound(problem, cands, arrays, price_sets)
    )
    conn.send(("bound", {"pieces' prices": bound["bound"]}))
    remaining = seconds - (time.monotonic() - start)
    if remaining <= 1.0:
        return
    whole = not partial and cands.n_pairs <= whole_pairs
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
        _ToParent(conn, problem, cands, arrays, keep, whole, priced=not partial),
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
