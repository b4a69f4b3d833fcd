"""Why each unfilled seat stays empty, the smallest change that would fill it, and the week's recruitment list.

Reasons, checked in order for the people who could ever take the shift:
no_room (its resource request is not met), no_skill_in_range (nobody with skill X at level L lives within
range), no_one_free (such people exist but none is free for the whole shift), all_busy (the free ones are on
overlapping shifts), all_at_hour_limit (the free ones have used their hours).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from .candidates import Arrays, Candidates, VolunteerTable
from .geo import distances_km
from .problem import Problem, from_minutes
from .solution import Reason, Unfilled

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def when(start: int, end: int) -> str:
    a, b = from_minutes(start), from_minutes(end)
    return f"{DAYS[a.weekday()]} {a:%m-%d} {a:%H:%M}-{b:%H:%M}"


def _skills_text(required) -> str:
    req = [(k, level) for k, level in sorted(required.items()) if level > 0]
    return " and ".join(f"{k} ≥ {level}" for k, level in req) if req else "no particular skill"


def _place(shift) -> str:
    return shift.place or shift.area or f"({shift.location.lat:.4f}, {shift.location.lng:.4f})"


def _room_wanted(request, slot: str, place: str) -> str:
    feats = f" with {', '.join(sorted(request.features))}" if request.features else ""
    return f"one {request.kind} for ≥ {request.min_capacity}{feats} free {slot} near {place}"


def recruitment_list(problem: Problem, short: Iterable[tuple[int, int]], met: set[str]) -> list[dict]:
    """The week's recruitment list, largest first: one line per kind of room wanted (a short shift whose request
    is not met) and per skills, slot and place of the people wanted. short: (shift index, seats missing) in
    shift order; met: the ids of the requests met. Needs no candidates, so a joined city plan has one too."""
    requests = {q.id: q for q in problem.resource_requests}
    recruit: dict[tuple, dict] = {}
    for s_i, missing in short:
        s = problem.shifts[s_i]
        place, slot = _place(s), when(s.start, s.end)
        if s.resource_request is not None and s.resource_request not in met:
            q = requests[s.resource_request]
            key: tuple[Any, ...] = ("room", q.kind, q.min_capacity, tuple(sorted(q.features)), slot, place)
            recruit.setdefault(
                key,
                {
                    "kind": "resource",
                    "what": _room_wanted(q, slot, place),
                    "count": 0,
                    "resource_kind": q.kind,
                    "min_capacity": q.min_capacity,
                    "features": sorted(q.features),
                    "when": slot,
                    "near": place,
                },
            )["count"] += 1
            continue
        key = ("people", tuple(sorted(s.required_skills.items())), slot, place)
        entry = recruit.setdefault(
            key, {"kind": "volunteers", "skills": dict(s.required_skills), "when": slot, "near": place, "count": 0}
        )
        entry["count"] += missing
    recruitment = []
    for entry in recruit.values():
        if entry["kind"] == "volunteers":
            n = entry["count"]
            entry["what"] = (
                f"{n} more volunteer{'s' if n > 1 else ''} with {_skills_text(entry['skills'])} "
                f"free {entry['when']} within {problem.max_distance_km:g} km of {entry['near']}"
            )
        recruitment.append(entry)
    recruitment.sort(key=lambda e: -e["count"])
    return recruitment


def explain(
    problem: Problem, cands: Candidates, arrays: Arrays, table: VolunteerTable, x: np.ndarray, y: np.ndarray
) -> tuple[tuple[Unfilled, ...], list[dict]]:
    x = np.asarray(list(x), dtype=np.int64)
    y = np.asarray(list(y), dtype=np.int64)
    filled = (
        np.bincount(cands.shift[x], minlength=len(problem.shifts))
        if x.size
        else np.zeros(len(problem.shifts), dtype=np.int64)
    )
    met = np.zeros(len(problem.resource_requests), dtype=bool)
    if y.size:
        met[cands.req[y]] = True
    used = (
        np.bincount(cands.vol[x], weights=arrays.s_minutes[cands.shift[x]], minlength=table.n)
        if x.size
        else np.zeros(table.n)
    )
    busy: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for j in x:
        s = cands.shift[j]
        busy[int(cands.vol[j])].append((int(arrays.s_start[s]), int(arrays.s_end[s])))
    requests = problem.resource_requests
    unfilled: list[Unfilled] = []
    short: list[tuple[int, int]] = []
    for s_i in np.flatnonzero(filled < arrays.s_seats):
        s = problem.shifts[s_i]
        missing = int(arrays.s_seats[s_i] - filled[s_i])
        short.append((int(s_i), missing))
        place = _place(s)
        reasons: list[Reason] = []
        slot = when(s.start, s.end)
        q_i = int(arrays.s_request[s_i])
        if q_i >= 0 and not met[q_i]:
            q = requests[q_i]
            feats = f" with {', '.join(sorted(q.features))}" if q.features else ""
            text = (
                f"no {q.kind} for ≥ {q.min_capacity}{feats} free {when(q.start, q.end)} within "
                f"{problem.max_distance_km if q.max_distance_km is None else q.max_distance_km:g} km"
            )
            reasons.append(Reason("no_room", text))
            unfilled.append(Unfilled(s.id, missing, tuple(reasons), _room_wanted(q, slot, place)))
            continue
        d = distances_km(table.lat, table.lng, s.location.lat, s.location.lng)
        in_range = d <= table.limit + 1e-9
        for k, lvl in sorted(s.required_skills.items()):
            if lvl <= 0:
                continue
            col = table.skill_col[k]
            if not (in_range & (table.levels[:, col] >= lvl)).any():
                reasons.append(
                    Reason(
                        "no_skill_in_range",
                        f"nobody with {k} ≥ {lvl} lives within range of {place}",
                        skill=k,
                        level=lvl,
                    )
                )
        skilled = in_range & table.skilled(s.required_skills)
        if not reasons and not skilled.any():
            reasons.append(
                Reason(
                    "no_skill_in_range", f"nobody with {_skills_text(s.required_skills)} together lives within range"
                )
            )
        free = skilled & table.free(s.start, s.end)
        if not reasons and not free.any():
            reasons.append(
                Reason(
                    "no_one_free",
                    f"{int(skilled.sum())} people with "
                    f"{_skills_text(s.required_skills)} live within range, none is free {slot}",
                    count=int(skilled.sum()),
                )
            )
        if not reasons:
            idx = np.flatnonzero(free)
            n_busy = n_hours = n_other = 0
            for v in idx:
                if any(not (s.end <= a or b <= s.start) for a, b in busy.get(int(v), ())):
                    n_busy += 1
                elif used[v] + s.minutes > table.max_minutes[v]:
                    n_hours += 1
                else:
                    n_other += 1
            if n_busy:
                reasons.append(
                    Reason("all_busy", f"{n_busy} qualified people free {slot} are on overlapping shifts", count=n_busy)
                )
            if n_hours:
                reasons.append(
                    Reason(
                        "all_at_hour_limit",
                        f"{n_hours} qualified people free {slot} have used their weekly hours",
                        count=n_hours,
                    )
                )
            if n_other:
                reasons.append(
                    Reason(
                        "not_used",
                        f"{n_other} qualified people are free but were not assigned "
                        "(the plan is not proven optimal or the pair is forbidden)",
                        count=n_other,
                    )
                )
        limit = problem.max_distance_km
        who = f"{missing} more volunteer{'s' if missing > 1 else ''} with {_skills_text(s.required_skills)}"
        suggestion = f"{who} free {slot} within {limit:g} km of {place}"
        if reasons and all(r.code == "all_at_hour_limit" for r in reasons):
            suggestion += f" (or {missing} of the qualified people at their limit giving {s.minutes / 60:g} h more)"
        unfilled.append(Unfilled(s.id, missing, tuple(reasons), suggestion))
    return tuple(unfilled), recruitment_list(problem, short, {requests[i].id for i in np.flatnonzero(met)})
