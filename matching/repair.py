"""Re-planning after declines: fill the freed seats, moving as few published people as possible.

Only a neighbourhood is re-solved: the shifts with freed seats plus the shifts of people who could take
them (so one person can move and be replaced). Everyone else stays exactly as published. Filling a seat
always outweighs any number of moves; a move always outweighs every soft-rule bonus.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import replace

import numpy as np

from .candidates import VolunteerTable, build_candidates, problem_arrays
from .errors import ProblemError
from .formulation import build_model
from .geo import distances_km
from .highs_strategies import mip_worker
from .problem import Problem
from .solution import Solution, Status
from .supervise import run_with_deadline

log = logging.getLogger(__name__)

MOVE_CANDIDATES = 25  # per short-handed shift, the nearest busy people whose own shifts may be re-planned


def load_declines(path: str, problem: Problem) -> list[tuple[str, str | None]]:
    """A JSON list of {"volunteer", "shift"}; without "shift" the volunteer withdraws from the whole week."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise ProblemError(f"{path}: no such file") from None
    except json.JSONDecodeError as exc:
        raise ProblemError(f"{path}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    return parse_declines(data, problem)


def parse_declines(data, problem: Problem) -> list[tuple[str, str | None]]:
    if not isinstance(data, list):
        raise ProblemError('declines: expected a list of {"volunteer", "shift"}')
    vids, sids = {v.id for v in problem.volunteers}, {s.id for s in problem.shifts}
    out = []
    for i, item in enumerate(data):
        if not isinstance(item, dict) or "volunteer" not in item:
            raise ProblemError(f"declines[{i}].volunteer: missing field")
        vid, sid = str(item["volunteer"]), item.get("shift")
        if vid not in vids:
            raise ProblemError(f"declines[{i}].volunteer: unknown volunteer id {vid!r}")
        if sid is not None and str(sid) not in sids:
            raise ProblemError(f"declines[{i}].shift: unknown shift id {sid!r}")
        out.append((vid, None if sid is None else str(sid)))
    return out


def _minus(spans, busy):
    """Availability spans minus busy intervals."""
    out = []
    for a, b in spans:
        pieces = [(a, b)]
        for c, d in busy:
            pieces = [p for x, y in pieces for p in ((x, min(y, c)), (max(x, d), y)) if p[1] > p[0]]
        out.extend(pieces)
    return tuple(out)


def repair(problem: Problem, published: Solution, declines, *, time_limit: float = 10.0) -> Solution:
    """The published plan with declined seats refilled; `moved` counts people moved off their shift."""
    t0 = time.monotonic()
    shifts = problem.shifts
    sidx, vidx = problem.shift_index(), problem.volunteer_index()
    withdrawn = {v for v, s in declines if s is None}
    declined = {(v, s) for v, s in declines if s is not None}
    plan = [(v, s) for v, s in published.assignments if v not in withdrawn and (v, s) not in declined]
    freed = {s for v, s in published.assignments if v in withdrawn or (v, s) in declined}
    booked = {q for _, q in published.resource_assignments}
    # candidates for the freed shifts, over all volunteers (vectorised masks, a few ms per shift)
    table = VolunteerTable(problem)
    holder_of: dict[str, list[str]] = {}
    for v, sid in plan:
        holder_of.setdefault(v, []).append(sid)
    neighbourhood = set(freed)
    busy_of: dict[int, list[tuple[int, int]]] = {}
    used = np.zeros(table.n)
    for v, sid in plan:
        s = shifts[sidx[sid]]
        busy_of.setdefault(vidx[v], []).append((s.start, s.end))
        used[vidx[v]] += s.minutes
    withdrawn_idx = {vidx[v] for v in withdrawn}
    missing = {sid: shifts[sidx[sid]].seats - sum(1 for _, x in plan if x == sid) for sid in freed}
    for sid in freed:
        s = shifts[sidx[sid]]
        mask = table.free(s.start, s.end) & table.skilled(s.required_skills) & (table.max_minutes >= s.minutes)
        idx = np.flatnonzero(mask)
        d = distances_km(table.lat[idx], table.lng[idx], s.location.lat, s.location.lng)
        keep = d <= table.limit[idx]
        idx, d = idx[keep], d[keep]
        able, blocked = 0, []
        for j, dist in zip(idx, d, strict=True):
            if int(j) in withdrawn_idx or (problem.volunteers[j].id, sid) in declined:
                continue
            clash = any(not (s.end <= a or b <= s.start) for a, b in busy_of.get(int(j), ()))
            if not clash and used[j] + s.minutes <= table.max_minutes[j]:
                able += 1
            else:
                blocked.append((dist, int(j)))
        if able >= missing[sid]:
            continue  # free people can fill it: nobody needs to move for this shift
        for _, k in sorted(blocked)[:MOVE_CANDIDATES]:
            neighbourhood.update(holder_of.get(problem.volunteers[k].id, ()))
    # the sub-problem: neighbourhood shifts; people's time and hours outside it are already spoken for
    outside_busy: dict[str, list[tuple[int, int]]] = {}
    for v, sid in plan:
        if sid not in neighbourhood:
            outside_busy.setdefault(v, []).append((shifts[sidx[sid]].start, shifts[sidx[sid]].end))
    sub_shifts = []
    for sid in sorted(neighbourhood, key=lambda x: sidx[x]):
        s = shifts[sidx[sid]]
        if s.resource_request and s.resource_request not in booked:
            continue  # its room was not booked: it cannot be staffed
        sub_shifts.append(replace(s, resource_request=None))
    sub_vols = []
    forbidden = set(problem.forbidden) | declined
    for vol in problem.volunteers:
        if vol.id in withdrawn:
            continue
        busy = outside_busy.get(vol.id, [])
        if busy:
            hours = sum(b - a for a, b in busy) / 60
            vol = replace(vol, availability=_minus(vol.availability, busy), max_hours=max(0.0, vol.max_hours - hours))
        sub_vols.append(vol)
    sub_sids = {s.id for s in sub_shifts}
    sub = replace(
        problem,
        volunteers=tuple(sub_vols),
        shifts=tuple(sub_shifts),
        resources=(),
        resource_requests=(),
        locks=tuple(p for p in problem.locks if p[1] in sub_sids and p[0] not in withdrawn and p not in declined),
        forbidden=tuple(p for p in forbidden if p[1] in sub_sids and p[0] not in withdrawn),
        # last week's posts only of the people still in the sub-problem (the others were withdrawn)
        previous_assignments=tuple(p for p in problem.previous_assignments if p[0] not in withdrawn),
    )
    sub_table = VolunteerTable(sub)
    cands = build_candidates(sub, sub_table)
    arrays = problem_arrays(sub)
    model = build_model(sub, cands, arrays)
    # staying put is worth more than every soft bonus together, less than any seat
    sub_vidx, sub_sidx = sub.volunteer_index(), sub.shift_index()
    current = {(sub_vidx[v], sub_sidx[s]) for v, s in plan if s in sub_sids and v in sub_vidx}
    stay = np.array([(int(v), int(s)) in current for v, s in zip(cands.vol, cands.shift, strict=True)], dtype=bool)
    stay_value = 1.0 + float(np.abs(model.cost[: model.n_x] % model.scale).sum())
    model.cost[: model.n_x][stay] += stay_value
    model.cost[: model.n_x] += (stay.sum() + 1) * stay_value * arrays.s_priority[cands.shift]
    model.scale = model.scale + (stay.sum() + 1) * stay_value
    messages, finished = run_with_deadline(mip_worker, (model, time_limit * 0.8), t0 + time_limit * 0.9)
    chosen, status = None, Status.TIME_LIMIT
    for kind, payload in messages:
        if kind == "plan":
            chosen = payload["x"]
            status = Status.OPTIMAL if payload.get("proven") else Status.FEASIBLE
    if chosen is None:  # deadline: keep everyone, refill greedily
        from .greedy import PlanState, greedy_fill

        state = PlanState(sub, cands, arrays)
        for j in np.flatnonzero(stay):
            if state.can_assign(int(j)):
                state.assign(int(j))
        greedy_fill(state)
        chosen = np.array(sorted(state.x), dtype=np.int64)
        status = Status.TIME_LIMIT if not finished else Status.FEASIBLE
    new_sub = {(sub.volunteers[cands.vol[j]].id, sub.shifts[cands.shift[j]].id) for j in chosen}
    kept_outside = [(v, s) for v, s in plan if s not in sub_sids]
    assignments = tuple(sorted(set(kept_outside) | new_sub))
    before = {(v, s) for v, s in plan if s in sub_sids}
    moved_people = {v for v, s in before - new_sub}
    filled: dict[str, int] = {}
    for _, sid in assignments:
        filled[sid] = filled.get(sid, 0) + 1
    weighted = sum(shifts[sidx[s]].priority for _, s in assignments)
    refilled = sum(1 for v, s in new_sub if s in freed and (v, s) not in before)
    # re-planned shifts are explained afresh (time spent outside the neighbourhood counts as busy)
    from .explain import explain

    sub_unfilled, _ = explain(sub, cands, arrays, sub_table, np.asarray(chosen, dtype=np.int64), np.zeros(0))
    unfilled = sub_unfilled + tuple(u for u in published.unfilled if u.shift not in sub_sids)
    metrics = {
        "filled_seats": len(assignments),
        "total_seats": problem.total_seats,
        "weighted_filled": weighted,
        "freed_seats": sum(1 for v, s in published.assignments if v in withdrawn or (v, s) in declined),
        "refilled_seats": refilled,
        "moved": len(moved_people),
        "neighbourhood_shifts": len(sub_sids),
        "neighbourhood_pairs": cands.n_pairs,
        "bound_scope": "objective = priority-weighted filled seats; optimal means optimal within the "
        "re-planned neighbourhood, not over the whole week",
    }
    return Solution(
        status=status,
        objective=float(weighted),
        bound=float(weighted),
        gap=0.0,
        seconds=time.monotonic() - t0,
        solver="repair",
        assignments=assignments,
        resource_assignments=published.resource_assignments,
        unfilled=unfilled,
        metrics=metrics,
        moved=len(moved_people),
    )
