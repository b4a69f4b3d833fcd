"""Candidate generation: every feasible volunteer-shift and resource-request pair, and nothing else.

A pair is feasible when the volunteer is free for the whole shift, has each required skill at the level,
lives within the travel limit, has the hours for it and is not forbidden. Checks run as numpy masks over all
volunteers per (time window, skill requirement) group, so a district week (~750k pairs) takes about a second.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .geo import distance_km, distances_km
from .problem import Problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidates:
    # volunteer-shift pairs, sorted by shift then volunteer
    vol: np.ndarray  # int32 volunteer index
    shift: np.ndarray  # int32 shift index
    dist_km: np.ndarray  # float64
    keep: np.ndarray  # bool: the post holder / last week's person for this post
    fit: np.ndarray  # float64 in [0, 1]: skill level above the minimum
    closeness: np.ndarray  # float64 in [0, 1]: 1 - distance / travel limit
    pref: np.ndarray  # bool: the volunteer prefers this shift or its post
    bonus: np.ndarray  # float64 weighted sum of the soft-rule bonuses
    # resource-request pairs
    res: np.ndarray  # int32 resource index
    req: np.ndarray  # int32 request index
    res_dist_km: np.ndarray
    res_bonus: np.ndarray

    @property
    def n_pairs(self) -> int:
        return int(self.vol.size)


@dataclass(frozen=True)
class Arrays:
    """Per-entity numeric arrays shared by the greedy, the formulation and the checks."""

    s_start: np.ndarray
    s_end: np.ndarray
    s_minutes: np.ndarray
    s_seats: np.ndarray
    s_priority: np.ndarray
    s_request: np.ndarray  # request index or -1
    v_max_minutes: np.ndarray
    q_start: np.ndarray
    q_end: np.ndarray
    q_priority: np.ndarray


def problem_arrays(problem: Problem) -> Arrays:
    qidx = problem.request_index()
    return Arrays(
        s_start=np.array([s.start for s in problem.shifts], dtype=np.int64),
        s_end=np.array([s.end for s in problem.shifts], dtype=np.int64),
        s_minutes=np.array([s.end - s.start for s in problem.shifts], dtype=np.int64),
        s_seats=np.array([s.seats for s in problem.shifts], dtype=np.int64),
        s_priority=np.array([s.priority for s in problem.shifts], dtype=np.int64),
        s_request=np.array(
            [qidx.get(s.resource_request, -1) if s.resource_request else -1 for s in problem.shifts], dtype=np.int64
        ),
        v_max_minutes=np.array([round(v.max_hours * 60) for v in problem.volunteers], dtype=np.int64),
        q_start=np.array([q.start for q in problem.resource_requests], dtype=np.int64),
        q_end=np.array([q.end for q in problem.resource_requests], dtype=np.int64),
        q_priority=np.array([q.priority for q in problem.resource_requests], dtype=np.int64),
    )


class VolunteerTable:
    """Column arrays over all volunteers, built once per problem."""

    def __init__(self, problem: Problem):
        vols = problem.volunteers
        self.n = len(vols)
        self.lat = np.radians(np.array([v.location.lat for v in vols], dtype=np.float64))
        self.lng = np.radians(np.array([v.location.lng for v in vols], dtype=np.float64))
        self.limit = np.array(
            [problem.max_distance_km if v.max_distance_km is None else v.max_distance_km for v in vols],
            dtype=np.float64,
        )
        self.max_minutes = np.array([round(v.max_hours * 60) for v in vols], dtype=np.int64)
        skills = sorted({k for v in vols for k in v.skills} | {k for s in problem.shifts for k in s.required_skills})
        self.skill_col = {k: j for j, k in enumerate(skills)}
        self.levels = np.zeros((self.n, max(1, len(skills))), dtype=np.int8)
        for i, v in enumerate(vols):
            for k, lvl in v.skills.items():
                self.levels[i, self.skill_col[k]] = lvl
        counts = [len(v.availability) for v in vols]
        self.av_vol = np.repeat(np.arange(self.n, dtype=np.int32), counts)
        self.av_start = np.array([a for v in vols for a, _ in v.availability], dtype=np.int64)
        self.av_end = np.array([b for v in vols for _, b in v.availability], dtype=np.int64)
        self._free: dict[tuple[int, int], np.ndarray] = {}
        self._skilled: dict[tuple, np.ndarray] = {}

    def free(self, start: int, end: int) -> np.ndarray:
        """Bool mask: free for the whole window (availability spans are merged, so one span must cover it)."""
        key = (start, end)
        if key not in self._free:
            mask = np.zeros(self.n, dtype=bool)
            mask[self.av_vol[(self.av_start <= start) & (self.av_end >= end)]] = True
            self._free[key] = mask
        return self._free[key]

    def skilled(self, required) -> np.ndarray:
        key = tuple(sorted((k, level) for k, level in required.items() if level > 0))
        if key not in self._skilled:
            mask = np.ones(self.n, dtype=bool)
            for k, lvl in key:
                mask &= self.levels[:, self.skill_col[k]] >= lvl
            self._skilled[key] = mask
        return self._skilled[key]

    def fit(self, idx: np.ndarray, required) -> np.ndarray:
        req = [(k, level) for k, level in required.items() if level > 0]
        if not req:
            return np.zeros(idx.size)
        total = np.zeros(idx.size)
        for k, lvl in req:
            spare = 5 - lvl
            have = self.levels[idx, self.skill_col[k]].astype(np.float64)
            total += 1.0 if spare == 0 else np.minimum(1.0, (have - lvl) / spare)
        return total / len(req)


def _keepers(problem: Problem, vindex: dict[str, int]) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """Post -> volunteers who hold it or served it last week; shift id -> last week's people on that id."""
    by_post: dict[str, set[int]] = {}
    by_shift: dict[str, set[int]] = {}
    for i, v in enumerate(problem.volunteers):
        for post in v.posts:
            by_post.setdefault(post, set()).add(i)
    for vid, sid in problem.previous_assignments:
        by_shift.setdefault(sid, set()).add(vindex[vid])
        previous_post = problem.previous_posts.get(sid)
        if previous_post:
            by_post.setdefault(previous_post, set()).add(vindex[vid])
    return by_post, by_shift


def _preferrers(problem: Problem) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for i, v in enumerate(problem.volunteers):
        for token in v.preferences:
            out.setdefault(token, set()).add(i)
    return out


def build_candidates(
    problem: Problem, table: VolunteerTable | None = None, among: Callable[[int], np.ndarray] | None = None
) -> Candidates:
    """Every feasible pair, or with `among` only those of each shift (by index) with the volunteers (sorted indices)
    it returns: the fan-out's join looks at the pairs across borders without building the whole week's."""
    table = table or VolunteerTable(problem)
    w = problem.weights
    vindex = problem.volunteer_index()
    keep_post, keep_shift = _keepers(problem, vindex)
    prefer = _preferrers(problem)
    sindex = problem.shift_index()
    forbidden: dict[int, set[int]] = {}
    for vid, sid in problem.forbidden:
        forbidden.setdefault(sindex[sid], set()).add(vindex[vid])

    parts: dict[str, list[Any]] = {k: [] for k in ("vol", "shift", "dist", "keep", "fit", "close", "pref")}
    for s_i, s in enumerate(problem.shifts):
        if s.seats <= 0:
            continue
        if among is None:
            mask = table.free(s.start, s.end) & table.skilled(s.required_skills) & (table.max_minutes >= s.minutes)
            idx = np.flatnonzero(mask)
        else:
            sub = among(s_i)
            idx = sub[
                table.free(s.start, s.end)[sub]
                & table.skilled(s.required_skills)[sub]
                & (table.max_minutes[sub] >= s.minutes)
            ]
        if idx.size == 0:
            continue
        d = distances_km(table.lat[idx], table.lng[idx], s.location.lat, s.location.lng)
        ok = d <= table.limit[idx] + 1e-9
        if s_i in forbidden:
            ok &= ~np.isin(idx, np.fromiter(forbidden[s_i], dtype=np.int64))
        idx, d = idx[ok], d[ok]
        if idx.size == 0:
            continue
        keepers = set(keep_shift.get(s.id, ()))
        if s.post:
            keepers |= keep_post.get(s.post, set())
        keep = np.isin(idx, np.fromiter(keepers, dtype=np.int64)) if keepers else np.zeros(idx.size, bool)
        fans = set(prefer.get(s.id, ()))
        if s.post:
            fans |= prefer.get(s.post, set())
        pref = np.isin(idx, np.fromiter(fans, dtype=np.int64)) if fans else np.zeros(idx.size, bool)
        limit = table.limit[idx]
        close = np.where(limit > 0, 1.0 - d / np.maximum(limit, 1e-9), 1.0)
        parts["vol"].append(idx.astype(np.int32))
        parts["shift"].append(np.full(idx.size, s_i, dtype=np.int32))
        parts["dist"].append(d)
        parts["keep"].append(keep)
        parts["fit"].append(table.fit(idx, s.required_skills))
        parts["close"].append(np.clip(close, 0.0, 1.0))
        parts["pref"].append(pref)

    def cat(key, dtype):
        return np.concatenate(parts[key]).astype(dtype) if parts[key] else np.zeros(0, dtype=dtype)

    keep, fit, close, pref = cat("keep", bool), cat("fit", np.float64), cat("close", np.float64), cat("pref", bool)
    bonus = w.keep * keep + w.distance * close + w.skill * fit + w.preference * pref

    res, req, rdist, rbonus = [], [], [], []
    for q_i, q in enumerate(problem.resource_requests):
        max_km = problem.max_distance_km if q.max_distance_km is None else q.max_distance_km
        for r_i, r in enumerate(problem.resources):
            if r.kind != q.kind or r.capacity < q.min_capacity or not q.features <= r.features:
                continue
            if not any(a <= q.start and q.end <= b for a, b in r.availability):
                continue
            km = distance_km(r.location.lat, r.location.lng, q.location.lat, q.location.lng)
            if km > max_km + 1e-9:
                continue
            res.append(r_i)
            req.append(q_i)
            rdist.append(km)
            rbonus.append(w.distance * (1.0 - km / max_km if max_km > 0 else 1.0))
    cands = Candidates(
        vol=cat("vol", np.int32),
        shift=cat("shift", np.int32),
        dist_km=cat("dist", np.float64),
        keep=keep,
        fit=fit,
        closeness=close,
        pref=pref,
        bonus=bonus,
        res=np.array(res, dtype=np.int32),
        req=np.array(req, dtype=np.int32),
        res_dist_km=np.array(rdist, dtype=np.float64),
        res_bonus=np.array(rbonus, dtype=np.float64),
    )
    log.info("candidates: %d volunteer-shift pairs, %d resource-request pairs", cands.n_pairs, cands.res.size)
    return cands
