"""City scale: split the week into sub-district pieces, solve them in parallel, then repair the borders.

Each piece holds the shifts, requests and resources of one area and the volunteers who live there; pairs
that cross a border are left out of the pieces and used afterwards by a greedy border fill that offers the
still-open seats to anyone in range with time and hours left. The bound reported is the sum of the pieces'
proven bounds plus what the border fill added: a bound for the decomposed problem, not for the whole city.
Progress is reported as pieces finish.
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
from .solution import DEFAULT_GAP, Progress, Reason, Solution, Status, Unfilled, progress_report
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
    for s in problem.shifts:                 # a shift's request travels with the shift
        if s.resource_request:
            req_area[s.resource_request] = shift_area[s.id]
    res_area = {r.id: piece_of(r.area, r.location) for r in problem.resources}
    pieces = []
    for a in names:
        vols = tuple(v for v in problem.volunteers if vol_area[v.id] == a)
        shifts = tuple(s for s in problem.shifts if shift_area[s.id] == a)
        vids, sids = {v.id for v in vols}, {s.id for s in shifts}
        pieces.append(replace(
            problem, name=a, volunteers=vols, shifts=shifts,
            resources=tuple(r for r in problem.resources if res_area[r.id] == a),
            resource_requests=tuple(q for q in problem.resource_requests if req_area[q.id] == a),
            locks=tuple(p for p in problem.locks if p[0] in vids and p[1] in sids),
            forbidden=tuple(p for p in problem.forbidden if p[0] in vids and p[1] in sids),
            previous_assignments=tuple(p for p in problem.previous_assignments if p[0] in vids)))
    return pieces


def piece_time_limit(time_limit: float, pieces: int, workers: int, elapsed: float = 0.0) -> float:
    """Each piece's share of the whole limit when `workers` processes solve the pieces side by side, keeping
    back time for the border fill."""
    border_reserve = max(5.0, 0.12 * time_limit)
    budget = time_limit - border_reserve - elapsed
    return max(1.0, budget * workers / max(1, pieces) * 0.95)


def solve_piece(piece: Problem, *, time_limit: float, solver: str = "highs", gap: float = DEFAULT_GAP) -> dict:
    """One piece solved, as plain JSON-ready data (pieces travel between processes and machines)."""
    from .solve import solve
    sol = solve(piece, time_limit=time_limit, solver=solver, gap=gap)
    return {"status": sol.status.value, "objective": sol.objective, "bound": sol.bound,
            "assignments": [list(a) for a in sol.assignments],
            "resource_assignments": [list(b) for b in sol.resource_assignments],
            "unfilled": [[u.shift, u.missing, [{k: v for k, v in r.__dict__.items() if v is not None}
                                               for r in u.reasons], u.suggestion] for u in sol.unfilled],
            "seconds": sol.seconds, "message": sol.message}


def _piece_worker(conn, piece: Problem, time_limit: float, solver: str) -> None:
    """One piece solved in a child process of its own (`supervise.run_each`)."""
    conn.send(("result", solve_piece(piece, time_limit=time_limit, solver=solver)))


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


def solve_decomposed(problem: Problem, *, time_limit: float = 300.0, workers: int = 2,
                     solver: str = "highs", piece_shifts: int = 4000,
                     progress: Callable[[Progress], None] | None = None) -> Solution:
    """Pieces of about `piece_shifts` shifts (whole sub-districts; 0: one piece per sub-district).

    progress: called in this process as each piece finishes with a `Progress` dict plus `pieces_done` and
    `pieces_total`; its objective is the finished pieces' plans, its bound their bounds plus the trivial
    bound of the pieces still solving (both before the border fill).
    """
    t0 = time.monotonic()
    pieces = split(problem, piece_shifts)
    per_piece = piece_time_limit(time_limit, len(pieces), workers, time.monotonic() - t0)
    log.info("%d pieces, %.1f s each on %d workers", len(pieces), per_piece, workers)
    results: list[dict] = [{}] * len(pieces)
    open_bound = [_trivial_bound(p) for p in pieces] if progress is not None else []
    # each piece in a forked child, `workers` at a time (also from a daemonic caller: see `supervise`)
    jobs = [(piece, per_piece, solver) for piece in pieces]
    for done, (i, result) in enumerate(run_each(_piece_worker, jobs, workers=workers), start=1):
        results[i] = result
        if progress is not None:
            open_bound[i] = 0.0
            finished = [r for r in results if r]
            notify_progress(progress, progress_report(
                "solving", sum(r["objective"] for r in finished),
                sum(r["bound"] for r in finished) + sum(open_bound), time.monotonic() - t0,
                pieces_done=done, pieces_total=len(pieces)))
    return join(problem, results, piece_time_limit=per_piece, pieces_seconds=time.monotonic() - t0)


def join(problem: Problem, results: list[dict], *, piece_time_limit: float, pieces_seconds: float) -> Solution:
    """The pieces' plans (solve_piece's dicts, in piece order) made one, with the border fill; the seconds
    the pieces took are counted into the solution's."""
    t_pieces = time.monotonic()
    assignments = {tuple(a) for r in results for a in r["assignments"]}
    bookings = {tuple(b) for r in results for b in r["resource_assignments"]}
    added = border_fill(problem, assignments, {q for _, q in bookings})
    assignments |= set(added)
    sidx = problem.shift_index()
    prio_added = sum(problem.shifts[sidx[s]].priority for _, s in added)
    objective = sum(r["objective"] for r in results) + prio_added
    bound = sum(r["bound"] for r in results) + prio_added
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
    status = Status.TIME_LIMIT if "time_limit" in statuses else Status.FEASIBLE
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
    weighted = sum(problem.shifts[sidx[s]].priority for _, s in assignments) + \
        sum(q.priority for q in problem.resource_requests if q.id in {b[1] for b in bookings})
    metrics = {"filled_seats": len(assignments), "total_seats": problem.total_seats, "weighted_filled": weighted,
               "requests_met": len(bookings), "requests_total": len(problem.resource_requests),
               "pieces": len(results), "piece_seconds_each": round(piece_time_limit, 2),
               "piece_statuses": {k: statuses.count(k) for k in set(statuses)},
               "pieces_wall_seconds": round(pieces_seconds, 2), "border_filled_seats": len(added),
               "border_seconds": round(time.monotonic() - t_pieces, 2),
               "bound_scope": "sum of the pieces' bounds plus the border fill: cross-border pairs are not bounded",
               "volunteers_used": len(minutes),
               "by_priority": dict(sorted(by_priority.items())),
               "hours_histogram": {str(h): int(n) for h, n in enumerate(hours) if n},
               # over the joined plan: a seat the border fill took is wanted no more, and a piece's list would
               # miss it
               "recruitment": recruitment_list(
                   problem, [(i, sh.seats - filled.get(sh.id, 0)) for i, sh in enumerate(problem.shifts)
                             if sh.seats > filled.get(sh.id, 0)], {q for _, q in bookings})}
    gap = (bound - objective) / bound if bound > 0 else 0.0
    return Solution(status=status, objective=round(objective, 9), bound=round(bound, 9), gap=round(max(gap, 0.0), 9),
                    seconds=pieces_seconds + time.monotonic() - t_pieces, solver="decomposed",
                    assignments=tuple(sorted(assignments)), resource_assignments=tuple(sorted(bookings)),
                    unfilled=tuple(unfilled), metrics=metrics)
