"""Independent verification of every hard rule of a plan, straight from the problem (no shared code with the
solver's candidate generation, so a bug there cannot hide itself). Returns one message per violation."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise

from .geo import distance_km
from .problem import Problem, format_time
from .solution import Solution

EPS_KM = 1e-6


def check(problem: Problem, solution: Solution) -> list[str]:
    if solution.status.value == "infeasible":
        return []
    vols = {v.id: v for v in problem.volunteers}
    shifts = {s.id: s for s in problem.shifts}
    resources = {r.id: r for r in problem.resources}
    requests = {q.id: q for q in problem.resource_requests}
    out: list[str] = []
    by_vol: dict[str, list[str]] = defaultdict(list)
    pairs = Counter(solution.assignments)
    for (vid, sid), n in pairs.items():
        if n > 1:
            out.append(f"duplicate assignment: {vid} to {sid} appears {n} times")
    for vid, sid in pairs:
        if vid not in vols or sid not in shifts:
            out.append(f"unknown id in assignment: volunteer {vid}, shift {sid}")
            continue
        v, s = vols[vid], shifts[sid]
        by_vol[vid].append(sid)
        if not any(a <= s.start and s.end <= b for a, b in v.availability):
            out.append(
                f"availability: {vid} is not free for all of {sid} ({format_time(s.start)}-{format_time(s.end)})"
            )
        for skill, level in s.required_skills.items():
            if level > 0 and v.skills.get(skill, 0) < level:
                out.append(f"skill: {vid} has {skill} {v.skills.get(skill, 0)} < {level} required by {sid}")
        limit = problem.max_distance_km if v.max_distance_km is None else v.max_distance_km
        d = distance_km(v.location.lat, v.location.lng, s.location.lat, s.location.lng)
        if d > limit + EPS_KM:
            out.append(f"distance: {vid} is {d:.2f} km from {sid}, limit {limit:g} km")
    for vid, sids in by_vol.items():
        spans = sorted((shifts[s].start, shifts[s].end, s) for s in sids)
        for (_, b0, s0), (a1, _, s1) in pairwise(spans):
            if a1 < b0:
                out.append(f"overlap: {vid} has overlapping shifts {s0} and {s1}")
        minutes = sum(b - a for a, b, _ in spans)
        if minutes > round(vols[vid].max_hours * 60):
            out.append(f"max_hours: {vid} works {minutes / 60:g} h > {vols[vid].max_hours:g} h")
    seats = Counter(sid for _, sid in pairs)
    for sid, n in seats.items():
        if sid in shifts and n > shifts[sid].seats:
            out.append(f"seats: {sid} has {n} people for {shifts[sid].seats} seats")
    for vid, sid in problem.locks:
        if (vid, sid) not in pairs:
            out.append(f"lock: {vid} is locked to {sid} but not assigned")
    for vid, sid in problem.forbidden:
        if (vid, sid) in pairs:
            out.append(f"forbidden: {vid} is assigned to forbidden shift {sid}")

    served: dict[str, list[str]] = defaultdict(list)
    booked: dict[str, list[str]] = defaultdict(list)
    for rid, qid in solution.resource_assignments:
        if rid not in resources or qid not in requests:
            out.append(f"unknown id in resource assignment: resource {rid}, request {qid}")
            continue
        r, q = resources[rid], requests[qid]
        served[qid].append(rid)
        booked[rid].append(qid)
        if r.kind != q.kind:
            out.append(f"resource kind: {rid} is {r.kind}, {qid} needs {q.kind}")
        if r.capacity < q.min_capacity:
            out.append(f"resource capacity: {rid} holds {r.capacity} < {q.min_capacity} for {qid}")
        if not q.features <= r.features:
            out.append(f"resource features: {rid} lacks {sorted(q.features - r.features)} for {qid}")
        if not any(a <= q.start and q.end <= b for a, b in r.availability):
            out.append(f"resource availability: {rid} is not free for all of {qid}")
        limit = problem.max_distance_km if q.max_distance_km is None else q.max_distance_km
        d = distance_km(r.location.lat, r.location.lng, q.location.lat, q.location.lng)
        if d > limit + EPS_KM:
            out.append(f"resource distance: {rid} is {d:.2f} km from {qid}, limit {limit:g} km")
    for qid, rids in served.items():
        if len(rids) > 1:
            out.append(f"request served twice: {qid} by {sorted(rids)}")
    for rid, qids in booked.items():
        spans = sorted((requests[q].start, requests[q].end, q) for q in qids)
        for (_, b0, q0), (a1, _, q1) in pairwise(spans):
            if a1 < b0:
                out.append(f"resource overlap: {rid} serves overlapping requests {q0} and {q1}")
    for sid in seats:
        shift = shifts.get(sid)
        if shift is not None and shift.resource_request and shift.resource_request not in served:
            out.append(f"needs room: {sid} is staffed but its request {shift.resource_request} is not met")
    return out
