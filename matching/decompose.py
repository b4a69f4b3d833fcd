"""City scale: split the week into sub-district pieces, solve them in parallel, then join them across the borders.

Each piece holds the shifts, requests and resources of one area and the volunteers who live there, and returns
its plan with the prices of its people's time (its LP's duals, `border.piece_prices`). The join offers the
still-open seats to anyone in range (the greedy border fill), then solves a MIP over the open seats and every
pair that crosses a border, started from that plan (`border.border_worker`), and bounds the whole week over all
pairs with the pieces' prices (`border.lagrangian_bound`), so the gap is against the whole week. Every step has
its share of the run's time limit. Progress is reported as pieces finish.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from .candidates import VolunteerTable
from .explain import recruitment_list
from .geo import distances_km
from .problem import Problem
from .sizing import estimate
from .solution import DEFAULT_GAP, Progress, Reason, Solution, Unfilled, progress_report, status_for
from .supervise import notify_progress, run_each

log = logging.getLogger(__name__)


def _area_key(area: str | None, loc, cell_km: float = 3.0) -> str:
    if area:
        return area
    return f"cell:{math.floor(loc.lat * 111 / cell_km)}:{math.floor(loc.lng * 91 / cell_km)}"


def _group_areas(problem: Problem, shift_area: dict[str, str], piece_shifts: int) -> dict[str, str]:
    """Whole sub-districts grouped into pieces of about `piece_shifts` shifts by k-means on their centres
    (deterministic seed), so that most travel stays inside a piece."""
    from scipy.cluster.vq import kmeans2

    areas = sorted(set(shift_area.values()))
    k = max(1, round(len(problem.shifts) / max(1, piece_shifts)))
    if k >= len(areas) or k == 1:
        return {a: (a if k > 1 else "all") for a in areas}
    pts: dict[str, list[tuple[float, float]]] = {a: [] for a in areas}
    for s in problem.shifts:
        pts[shift_area[s.id]].append((s.location.lat, s.location.lng * 0.82))
    centres = np.array([np.mean(pts[a], axis=0) for a in areas])
    _, label = kmeans2(centres, k, seed=np.random.default_rng(0), minit="++")
    return {a: f"piece{int(piece)}" for a, piece in zip(areas, label, strict=True)}


def split(problem: Problem, piece_shifts: int = 0) -> list[Problem]:
    """Pieces of whole sub-districts (`area`, or 3 km cells when absent); with piece_shifts > 0 neighbouring
    sub-districts are grouped into pieces of about that many shifts."""
    shift_area = {s.id: _area_key(s.area, s.location) for s in problem.shifts}
    if piece_shifts > 0:
        group = _group_areas(problem, shift_area, piece_shifts)
        shift_area = {sid: group[a] for sid, a in shift_area.items()}
    areas = sorted(set(shift_area.values()))
    centres = {}
    for a in areas:
        locs = [s.location for s in problem.shifts if shift_area[s.id] == a]
        centres[a] = (np.mean([loc.lat for loc in locs]), np.mean([loc.lng for loc in locs]))
    names = list(centres)
    clat = np.radians([centres[a][0] for a in names])
    clng = np.radians([centres[a][1] for a in names])

    def nearest(loc) -> str:
        return names[int(np.argmin(distances_km(clat, clng, loc.lat, loc.lng)))]

    lock_area = {v: shift_area[s] for v, s in problem.locks}
    # an entity's own area name -> its piece (identity without grouping)
    area_map = {s.area: shift_area[s.id] for s in problem.shifts if s.area}

    def piece_of(area: str | None, loc) -> str:
        piece = area_map.get(area) if area else None
        return piece if piece is not None and piece in centres else nearest(loc)

    vol_area = {v.id: lock_area.get(v.id) or piece_of(v.area, v.location) for v in problem.volunteers}
    req_area = {q.id: piece_of(q.area, q.location) for q in problem.resource_requests}
    for s in problem.shifts:  # a shift's request travels with the shift
        if s.resource_request:
            req_area[s.resource_request] = shift_area[s.id]
    res_area = {r.id: piece_of(r.area, r.location) for r in problem.resources}
    pieces = []
    for a in names:
        vols = tuple(v for v in problem.volunteers if vol_area[v.id] == a)
        shifts = tuple(s for s in problem.shifts if shift_area[s.id] == a)
        vids, sids = {v.id for v in vols}, {s.id for s in shifts}
        pieces.append(
            replace(
                problem,
                name=a,
                volunteers=vols,
                shifts=shifts,
                resources=tuple(r for r in problem.resources if res_area[r.id] == a),
                resource_requests=tuple(q for q in problem.resource_requests if req_area[q.id] == a),
                locks=tuple(p for p in problem.locks if p[0] in vids and p[1] in sids),
                forbidden=tuple(p for p in problem.forbidden if p[0] in vids and p[1] in sids),
                previous_assignments=tuple(p for p in problem.previous_assignments if p[0] in vids),
            )
        )
    return pieces


# The join keeps back JOIN_SHARE of the run's time limit (at least JOIN_RESERVE_MIN seconds) for the whole week's
# candidates, the bound and the border solve, of which PACKAGE_RESERVE is kept to package the plan.
JOIN_SHARE = 0.35
JOIN_RESERVE_MIN = 5.0
PACKAGE_RESERVE = 0.1
# Up to this many pairs the border solve takes every pair of the week (its LP prices them all, so its bound is the
# whole week's LP); above it, only the pairs a border can change (`border.border_columns`).
WHOLE_BORDER_PAIRS = 2_000_000


# The join builds the week's candidates (only those across borders, into open seats and of the plan for a week
# above twice WHOLE_BORDER_PAIRS) and bounds them before its border solve: about this long per pair of the whole week
# (city seed 1, 13.2M pairs: 63 s for the 2.0M it builds on a 2-core machine at load 10; the whole enumeration took
# 124 s there), so a large week keeps back at least that.
JOIN_SECONDS_PER_PAIR = 5e-6


def join_reserve(time_limit: float, pairs: int = 0) -> float:
    """What the join keeps back of the run's limit: its share, and for a large week at least the time to enumerate
    its `pairs` (estimated), with 10% of the limit for the border solve on top."""
    wanted = max(JOIN_RESERVE_MIN, JOIN_SHARE * time_limit, JOIN_SECONDS_PER_PAIR * pairs + 0.1 * time_limit)
    return min(0.8 * time_limit, wanted) if time_limit > JOIN_RESERVE_MIN else time_limit


def piece_time_limit(time_limit: float, pieces: int, workers: int, elapsed: float = 0.0, pairs: int = 0) -> float:
    """Each piece's share of the whole limit when `workers` processes solve the pieces side by side (in
    ceil(pieces / workers) waves), keeping back the join's share for a week of about `pairs` pairs."""
    waves = math.ceil(max(1, pieces) / max(1, workers))
    budget = time_limit - join_reserve(time_limit, pairs) - elapsed
    return max(0.5, budget / waves * 0.95)


def solve_piece(piece: Problem, *, time_limit: float, solver: str = "highs", gap: float = DEFAULT_GAP) -> dict:
    """One piece solved, as plain JSON-ready data (pieces travel between processes and machines): its plan and the
    prices of its people's time."""
    from .solve import solve

    sol = solve(piece, time_limit=time_limit, solver=solver, gap=gap, prices=True)
    return {
        "status": sol.status.value,
        "objective": sol.objective,
        "bound": sol.bound,
        # the duals of the piece's LP: the join bounds the whole week with them
        "prices": sol.metrics.get("prices", {}),
        # its own pairs' best reduced costs under those prices: the join need not enumerate them for the bound
        "inside": sol.metrics.get("inside", {}),
        # what the piece holds: the join tells the pairs across its borders by it
        "volunteers": [v.id for v in piece.volunteers],
        "shifts": [s.id for s in piece.shifts],
        "assignments": [list(a) for a in sol.assignments],
        "resource_assignments": [list(b) for b in sol.resource_assignments],
        "unfilled": [
            [
                u.shift,
                u.missing,
                [{k: v for k, v in r.__dict__.items() if v is not None} for r in u.reasons],
                u.suggestion,
            ]
            for u in sol.unfilled
        ],
        "seconds": sol.seconds,
        "message": sol.message,
    }


def _piece_worker(conn, piece: Problem, time_limit: float, solver: str, gap: float) -> None:
    """One piece solved in a child process of its own (`supervise.run_each`)."""
    conn.send(("result", solve_piece(piece, time_limit=time_limit, solver=solver, gap=gap)))


def border_fill(problem: Problem, assignments: set[tuple[str, str]], met: set[str]) -> list[tuple[str, str]]:
    """Offer every open seat, by priority then start, to the nearest person in range with time and hours."""
    table = VolunteerTable(problem)
    vidx = problem.volunteer_index()
    busy: dict[int, list[tuple[int, int]]] = {}
    used = np.zeros(table.n)
    taken: dict[str, int] = {}
    sidx = problem.shift_index()
    for v, sid in assignments:
        sh = problem.shifts[sidx[sid]]
        busy.setdefault(vidx[v], []).append((sh.start, sh.end))
        used[vidx[v]] += sh.minutes
        taken[sid] = taken.get(sid, 0) + 1
    forbidden = set(problem.forbidden)
    added = []
    for s in sorted(problem.shifts, key=lambda s: (-s.priority, s.start)):
        need = s.seats - taken.get(s.id, 0)
        if need <= 0 or (s.resource_request and s.resource_request not in met):
            continue
        mask = table.free(s.start, s.end) & table.skilled(s.required_skills) & (table.max_minutes - used >= s.minutes)
        idx = np.flatnonzero(mask)
        d = distances_km(table.lat[idx], table.lng[idx], s.location.lat, s.location.lng)
        ok = d <= table.limit[idx]
        for column in idx[ok][np.argsort(d[ok])]:
            j = int(column)
            vid = problem.volunteers[j].id
            if (vid, s.id) in forbidden or any(not (s.end <= a or b <= s.start) for a, b in busy.get(j, ())):
                continue
            busy.setdefault(j, []).append((s.start, s.end))
            used[j] += s.minutes
            added.append((vid, s.id))
            need -= 1
            if need == 0:
                break
    return added


def _trivial_bound(piece: Problem) -> float:
    """What a piece could add at most before it is solved: every seat and request, plus the soft rules."""
    return (
        float(sum(s.seats * s.priority for s in piece.shifts) + sum(q.priority for q in piece.resource_requests)) + 1.0
    )


def solve_decomposed(
    problem: Problem,
    *,
    time_limit: float = 300.0,
    workers: int = 2,
    solver: str = "highs",
    piece_shifts: int = 4000,
    gap: float = DEFAULT_GAP,
    progress: Callable[[Progress], None] | None = None,
    border: bool = True,
) -> Solution:
    """Pieces of about `piece_shifts` shifts (whole sub-districts; 0: one piece per sub-district), joined across
    their borders, all within `time_limit`.

    progress: called in this process as each piece finishes with a `Progress` dict plus `pieces_done` and
    `pieces_total`; its objective is the finished pieces' plans, its bound their bounds plus the trivial
    bound of the pieces still solving (both before the join, and bounds of the pieces only).
    border: False joins with the greedy border fill only (the join before issue 17, kept for the benchmark).
    """
    t0 = time.monotonic()
    pieces = split(problem, piece_shifts)
    pairs = estimate(problem).pairs if border else 0
    per_piece = piece_time_limit(time_limit, len(pieces), workers, time.monotonic() - t0, pairs)
    log.info("%d pieces, %.1f s each on %d workers", len(pieces), per_piece, workers)
    results: list[dict] = [{}] * len(pieces)
    open_bound = [_trivial_bound(p) for p in pieces] if progress is not None else []
    # each piece in a forked child, `workers` at a time (also from a daemonic caller: see `supervise`)
    jobs = [(piece, per_piece, solver, gap) for piece in pieces]
    for done, (i, result) in enumerate(run_each(_piece_worker, jobs, workers=workers), start=1):
        results[i] = result
        if progress is not None:
            open_bound[i] = 0.0
            finished = [r for r in results if r]
            notify_progress(
                progress,
                progress_report(
                    "solving",
                    sum(r["objective"] for r in finished),
                    sum(r["bound"] for r in finished) + sum(open_bound),
                    time.monotonic() - t0,
                    pieces_done=done,
                    pieces_total=len(pieces),
                ),
            )
    return join(
        problem,
        results,
        piece_time_limit=per_piece,
        pieces_seconds=time.monotonic() - t0,
        time_limit=time_limit if border else None,
        solver=solver,
        gap=gap,
        workers=workers,
    )


def _pieces_of(problem: Problem, results: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """The piece index of each volunteer and shift (-1: in no piece)."""
    vidx, sidx = problem.volunteer_index(), problem.shift_index()
    of_vol, of_shift = np.full(len(problem.volunteers), -1), np.full(len(problem.shifts), -1)
    for i, r in enumerate(results):
        of_vol[[vidx[v] for v in r.get("volunteers", [])]] = i
        of_shift[[sidx[s] for s in r.get("shifts", [])]] = i
    return of_vol, of_shift


def join(
    problem: Problem,
    results: list[dict],
    *,
    piece_time_limit: float,
    pieces_seconds: float,
    time_limit: float | None = None,
    solver: str = "highs",
    gap: float = DEFAULT_GAP,
    workers: int = 1,
) -> Solution:
    """The pieces' plans (solve_piece's dicts, in piece order) made one: the greedy border fill, then the border
    solve started from that plan, and the bound over all pairs, within what is left of `time_limit` after the
    `pieces_seconds` the pieces took (None: no limit and no border solve).

    The work on the whole week runs in a child killed at the deadline (`border.join_worker`): what it has sent by
    then counts, and without its score the plan's objective is the pieces' plus the border fill's seats.
    """
    from .border import join_worker
    from .supervise import run_with_deadline

    t_join = time.monotonic()
    assignments = {tuple(a) for r in results for a in r["assignments"]}
    bookings = {tuple(b) for r in results for b in r["resource_assignments"]}
    added = border_fill(problem, assignments, {q for _, q in bookings})
    assignments |= set(added)
    sidx = problem.shift_index()
    seats_added = sum(problem.shifts[sidx[s]].priority for _, s in added)
    budget = 3600.0 if time_limit is None else time_limit - pieces_seconds - (time.monotonic() - t_join)
    border_seconds = 0.0 if time_limit is None or solver != "highs" else budget * (1 - PACKAGE_RESERVE)
    price_sets = [r.get("prices") or {} for r in results]
    messages, done = run_with_deadline(
        join_worker,
        (
            problem,
            sorted(assignments),
            sorted(bookings),
            price_sets,
            *_pieces_of(problem, results),
            border_seconds,
            gap,
            WHOLE_BORDER_PAIRS,
            [r.get("inside") or {} for r in results],
        ),
        time.monotonic() + max(0.0, budget * (1 - PACKAGE_RESERVE)),
    )
    bounds = {
        "every seat and request": 1.0
        + float(sum(s.seats * s.priority for s in problem.shifts) + sum(q.priority for q in problem.resource_requests))
    }
    # without the whole week's score: the pieces' objectives and the border fill's seats (as the join before)
    current = {"objective": sum(r["objective"] for r in results) + seats_added, "primary": None, "scored": False}
    pieces_primary = None
    border: dict = {
        "border_solve": "not run"
        if border_seconds <= 1.0
        else ("finished" if done else "stopped at the run's deadline")
    }
    pinned = set(problem.locks)
    for kind, payload in messages:
        if kind == "info":
            border.update(payload)
        elif kind == "joined":
            current = {**payload, "scored": True}
            pieces_primary = payload["primary"] - seats_added
        elif kind == "bound":
            bounds.update(payload)
        elif kind == "plan":
            if payload.get("bound") is not None:
                bounds["border LP over every pair"] = payload["bound"]
            plan = {tuple(a) for a in payload["assignments"]}
            if current["scored"] and pinned <= plan and payload["objective"] > current["objective"] + 1e-9:
                assignments, bookings = plan, {tuple(b) for b in payload["bookings"]}
                current = {**payload, "scored": True}
                border["border_phase"] = payload.get("phase")
        elif kind == "failed":
            border["border_solve"] = f"failed: {payload}"
    # the plan is the border solve's when it ran to its end (the pieces' clocks no longer matter), else the pieces'
    ran = border_seconds > 1.0 and "border_solve_seconds_limit" in border
    finished = done and (
        ran or (all(r["status"] != "time_limit" for r in results) and (solver != "highs" or time_limit is None))
    )
    objective = current["objective"]
    bound = max(min(bounds.values()), objective)
    gap_value = (bound - objective) / bound if bound > 0 else 0.0
    status = status_for(gap_value, requested=gap, finished=finished)
    border_gain = None if pieces_primary is None else current["primary"] - pieces_primary
    filled: dict[str, int] = {}
    for _, s in assignments:
        filled[s] = filled.get(s, 0) + 1
    unfilled = []
    for r in results:
        for sid, _missing, reasons, suggestion in r["unfilled"]:
            left = problem.shifts[sidx[sid]].seats - filled.get(sid, 0)
            if left > 0:
                unfilled.append(Unfilled(sid, left, tuple(Reason(**reason) for reason in reasons), suggestion))
    statuses = [r["status"] for r in results]
    # the dashboard figures of a whole plan (as matching.metrics gives one solve's)
    by_priority: dict[str, dict[str, int]] = {}
    for sh in problem.shifts:
        row = by_priority.setdefault(str(sh.priority), {"seats": 0, "filled": 0})
        row["seats"] += sh.seats
        row["filled"] += min(filled.get(sh.id, 0), sh.seats)
    minutes: dict[str, int] = {}
    for v, s in assignments:
        minutes[v] = minutes.get(v, 0) + problem.shifts[sidx[s]].minutes
    hours = np.bincount([m // 60 for m in minutes.values()]) if minutes else np.zeros(0, dtype=np.int64)
    waves = math.ceil(len(results) / max(1, workers))
    metrics = {
        "filled_seats": len(assignments),
        "total_seats": problem.total_seats,
        "weighted_filled": current["primary"] if current["scored"] else None,
        "requests_met": len(bookings),
        "requests_total": len(problem.resource_requests),
        "pieces": len(results),
        "piece_seconds_each": round(piece_time_limit, 2),
        "piece_statuses": {k: statuses.count(k) for k in set(statuses)},
        "pieces_wall_seconds": round(pieces_seconds, 2),
        "border_filled_seats": len(added),
        "border_gain_weighted": border_gain,
        "border_seconds": round(time.monotonic() - t_join, 2),
        # each solver call's own limit, for checking that the steps fit the run's limit
        "time_shares": {
            "time_limit": time_limit,
            "piece_waves": waves,
            "piece": round(piece_time_limit, 3),
            "pieces_seconds": round(pieces_seconds, 3),
            "join": round(max(budget, 0.0), 3),
            "border": border.get("border_solve_seconds_limit", 0.0),
        },
        **border,
        "bound_scope": "all pairs of the week",
        "bounds": {k: round(v, 3) for k, v in bounds.items()},
        "pieces_bound_sum": round(sum(r["bound"] for r in results), 3),
        "volunteers_used": len(minutes),
        "by_priority": dict(sorted(by_priority.items())),
        "hours_histogram": {str(h): int(n) for h, n in enumerate(hours) if n},
        # over the joined plan: a seat the border took is wanted no more, and a piece's list would miss it
        "recruitment": recruitment_list(
            problem,
            [
                (i, sh.seats - filled.get(sh.id, 0))
                for i, sh in enumerate(problem.shifts)
                if sh.seats > filled.get(sh.id, 0)
            ],
            {q for _, q in bookings},
        ),
    }
    return Solution(
        status=status,
        objective=round(objective, 9),
        bound=round(bound, 9),
        gap=round(max(gap_value, 0.0), 9),
        seconds=pieces_seconds + time.monotonic() - t_join,
        solver="decomposed",
        assignments=tuple(sorted(assignments)),
        resource_assignments=tuple(sorted(bookings)),
        unfilled=tuple(unfilled),
        metrics=metrics,
    )
