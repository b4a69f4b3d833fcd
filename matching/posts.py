"""Standing post allocation (定岗 under 一编三定): members to posts for a term.

Hard: every required skill at the level, at most the post's seats, at most `max_posts` posts per member (default
one), the travel limit when one is given, locked pairs kept and forbidden pairs never made. Objective, lexicographic
by weight scaling: seats by priority first, then nearness (方便就近), preference rank, members of a group on their
group's posts, and keeping current holders. It is a bipartite b-matching (totally unimodular), so HiGHS solves it as
fast as an LP.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .errors import ProblemError
from .formulation import Model, RowBlock, _safe
from .geo import distances_km
from .problem import Location, _location, _number, _require, _skill_map, _str, _str_list, read_json
from .problem import _pairs as _id_pairs


@dataclass(frozen=True)
class PostWeights:
    distance: float = 1.0
    preference: float = 2.0
    group: float = 2.0
    keep: float = 4.0


@dataclass(frozen=True)
class Post:
    id: str
    name: str
    category: str
    seats: int
    priority: int
    location: Location
    required_skills: Mapping[str, int]
    duties: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()  # 编: the party groups, grids or teams this post belongs to
    place: str | None = None


@dataclass(frozen=True)
class Member:
    id: str
    location: Location
    skills: Mapping[str, int]
    preferences: tuple[str, ...] = ()  # ranked post ids or categories, best first
    group: str | None = None
    max_posts: int = 1
    current_posts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostProblem:
    posts: tuple[Post, ...]
    members: tuple[Member, ...]
    max_distance_km: float | None = None
    weights: PostWeights = field(default_factory=PostWeights)
    name: str = ""
    locks: tuple[tuple[str, str], ...] = ()  # (member, post) pairs that must be in the plan
    forbidden: tuple[tuple[str, str], ...] = ()  # (member, post) pairs that must never be


@dataclass(frozen=True)
class PostAllocation:
    status: str
    objective: float
    bound: float
    gap: float
    seconds: float
    assignments: tuple[tuple[str, str], ...]  # (member, post)
    unfilled: tuple[dict, ...]
    metrics: Mapping[str, Any]

    @property
    def filled(self) -> int:
        return len(self.assignments)

    @property
    def total(self) -> int:
        return int(self.metrics.get("total_seats", 0))

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "seconds": round(self.seconds, 3),
            "solver": "highs",
            "assignments": [{"member": m, "post": p} for m, p in self.assignments],
            "unfilled": list(self.unfilled),
            "metrics": dict(self.metrics),
        }


# ---------------------------------------------------------------- parsing


def parse_post_problem(data: Any) -> PostProblem:
    if not isinstance(data, Mapping):
        raise ProblemError("problem: expected a JSON object at the top level")
    for key in ("posts", "members"):
        if not isinstance(data.get(key), list):
            raise ProblemError(f"{key}: missing field" if key not in data else f"{key}: expected a list")
    posts = []
    for i, obj in enumerate(data["posts"]):
        where = f"posts[{i}]"
        pid = _str(_require(obj, "id", where), f"{where}.id")
        where = f"posts[{i}] (id {pid})"
        prio = int(_number(obj.get("priority", 3), f"{where}.priority", integer=True))
        if not 1 <= prio <= 5:
            raise ProblemError(f"{where}.priority: must be between 1 and 5, got {prio}")
        posts.append(
            Post(
                id=pid,
                name=str(obj.get("name", pid)),
                category=str(obj.get("category", obj.get("name", pid))),
                seats=int(_number(_require(obj, "seats", where), f"{where}.seats", minimum=0, integer=True)),
                priority=prio,
                location=_location(_require(obj, "location", where), f"{where}.location"),
                required_skills=_skill_map(obj.get("required_skills", {}), f"{where}.required_skills", 0),
                duties=_str_list(obj.get("duties"), f"{where}.duties"),
                groups=_str_list(obj.get("groups"), f"{where}.groups"),
                place=None if obj.get("place") is None else str(obj["place"]),
            )
        )
    members = []
    for i, obj in enumerate(data["members"]):
        where = f"members[{i}]"
        mid = _str(_require(obj, "id", where), f"{where}.id")
        where = f"members[{i}] (id {mid})"
        members.append(
            Member(
                id=mid,
                location=_location(_require(obj, "location", where), f"{where}.location"),
                skills=_skill_map(obj.get("skills", {}), f"{where}.skills", 1),
                preferences=_str_list(obj.get("preferences"), f"{where}.preferences"),
                group=None if obj.get("group") is None else str(obj["group"]),
                max_posts=int(_number(obj.get("max_posts", 1), f"{where}.max_posts", minimum=0, integer=True)),
                current_posts=_str_list(obj.get("current_posts"), f"{where}.current_posts"),
            )
        )
    entities: tuple[tuple[str, Sequence[Any]], ...] = (("posts", posts), ("members", members))
    for kind, items in entities:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                raise ProblemError(f"{kind}[{i}].id: duplicate id {item.id!r}")
            seen.add(item.id)
    post_ids, member_ids = {p.id for p in posts}, {m.id for m in members}
    for i, m in enumerate(members):
        for j, pid in enumerate(m.current_posts):
            if pid not in post_ids:
                raise ProblemError(f"members[{i}] (id {m.id}).current_posts[{j}]: unknown post id {pid!r}")
    weights = data.get("weights") or {}
    if not isinstance(weights, Mapping):
        raise ProblemError("weights: expected an object")
    for key in weights:
        if key not in PostWeights.__dataclass_fields__:
            raise ProblemError(f"weights.{key}: unknown weight (known: {', '.join(PostWeights.__dataclass_fields__)})")
    limit = data.get("max_distance_km")
    problem = PostProblem(
        posts=tuple(posts),
        members=tuple(members),
        max_distance_km=None if limit is None else _number(limit, "max_distance_km", minimum=0),
        weights=PostWeights(**{k: _number(v, f"weights.{k}", minimum=0) for k, v in weights.items()}),
        name=str(data.get("name", "")),
        locks=_member_post_pairs(data, "locks", member_ids, post_ids),
        forbidden=_member_post_pairs(data, "forbidden", member_ids, post_ids),
    )
    _check_locks(problem)
    return problem


def _member_post_pairs(
    data: Mapping[str, Any], key: str, members: set[str], posts: set[str]
) -> tuple[tuple[str, str], ...]:
    """`locks` or `forbidden`: {"member", "post"} items -> (member, post) pairs; a pair listed twice counts once."""
    return tuple(dict.fromkeys(_id_pairs(data, key, members, posts, names=("member", "post"))))


def _check_locks(problem: PostProblem) -> None:
    """Every hard rule here concerns one pair or a count, so a lock that breaks one is bad input, refused up front
    (the weekly format, whose rules need the candidates, reports such locks as an `infeasible` plan instead)."""
    if not problem.locks:
        return
    post_of = {p.id: p for p in problem.posts}
    member_of = {m.id: m for m in problem.members}
    banned = set(problem.forbidden)
    per_post: dict[str, int] = {}
    per_member: dict[str, int] = {}
    for i, (mid, pid) in enumerate(problem.locks):
        where = f"locks[{i}] ({mid} -> {pid})"
        member, post = member_of[mid], post_of[pid]
        if (mid, pid) in banned:
            raise ProblemError(f"{where}: the pair is also forbidden")
        for skill, level in sorted(post.required_skills.items()):
            if member.skills.get(skill, 0) < level:
                raise ProblemError(
                    f"{where}: {mid} has {skill} at level {member.skills.get(skill, 0)}, {pid} requires {level}"
                )
        if problem.max_distance_km is not None:
            # the candidates' own distance function, so that a lock accepted here is always a candidate
            km = float(
                distances_km(
                    np.radians([member.location.lat]),
                    np.radians([member.location.lng]),
                    post.location.lat,
                    post.location.lng,
                )[0]
            )
            if km > problem.max_distance_km + 1e-9:
                raise ProblemError(
                    f"{where}: {mid} lives {km:.1f} km from {pid}, beyond the {problem.max_distance_km:g} km limit"
                )
        per_post[pid] = per_post.get(pid, 0) + 1
        per_member[mid] = per_member.get(mid, 0) + 1
        if per_post[pid] > post.seats:
            raise ProblemError(
                f"{where}: locks put {per_post[pid]} members on {pid}, which has {post.seats} "
                f"seat{'s' if post.seats != 1 else ''}"
            )
        if per_member[mid] > member.max_posts:
            raise ProblemError(
                f"{where}: locks give {mid} {per_member[mid]} posts, beyond its max_posts {member.max_posts}"
            )


def load_post_problem(path: str) -> PostProblem:
    data = read_json(path)
    return parse_post_problem(data)


# ---------------------------------------------------------------- candidates, model, solve


def _by_post(problem: PostProblem, pairs: tuple[tuple[str, str], ...]) -> dict[int, np.ndarray]:
    """(member, post) id pairs -> post index: the member indices paired with it."""
    m_index = {m.id: i for i, m in enumerate(problem.members)}
    p_index = {p.id: i for i, p in enumerate(problem.posts)}
    out: dict[int, list[int]] = {}
    for mid, pid in pairs:
        out.setdefault(p_index[pid], []).append(m_index[mid])
    return {p: np.array(sorted(ms), dtype=np.int64) for p, ms in out.items()}


def _pairs(problem: PostProblem):
    members, posts, w = problem.members, problem.posts, problem.weights
    banned = _by_post(problem, problem.forbidden)
    lat = np.radians([m.location.lat for m in members])
    lng = np.radians([m.location.lng for m in members])
    skills = sorted({k for m in members for k in m.skills} | {k for p in posts for k in p.required_skills})
    col = {k: j for j, k in enumerate(skills)}
    levels = np.zeros((len(members), max(1, len(skills))), dtype=np.int8)
    for i, m in enumerate(members):
        for k, level in m.skills.items():
            levels[i, col[k]] = level
    cap = np.array([m.max_posts for m in members])
    # token -> {rank bonus: member indices}, post -> holders, group -> members (vectorised look-ups per post)
    empty = np.zeros(0, dtype=np.int64)
    prefer_lists: dict[str, dict[float, list[int]]] = {}
    holders_lists: dict[str, list[int]] = {}
    group_lists: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        seen = set()
        for rank, token in enumerate(m.preferences):
            if token in seen:
                continue
            seen.add(token)
            value = 1.0 - rank / max(1, len(m.preferences))
            prefer_lists.setdefault(token, {}).setdefault(value, []).append(i)
        for pid in m.current_posts:
            holders_lists.setdefault(pid, []).append(i)
        if m.group is not None:
            group_lists.setdefault(m.group, []).append(i)
    prefer = {t: {v: np.array(ix) for v, ix in d.items()} for t, d in prefer_lists.items()}
    holders = {k: np.array(v) for k, v in holders_lists.items()}
    in_group = {k: np.array(v) for k, v in group_lists.items()}
    out: dict[str, list[Any]] = {k: [] for k in ("m", "p", "d", "bonus", "keep", "pref", "group")}
    for p_i, p in enumerate(posts):
        if p.seats <= 0:
            continue
        mask = cap > 0
        for k, level in p.required_skills.items():
            if level > 0:
                mask &= levels[:, col[k]] >= level
        mask[banned.get(p_i, empty)] = False  # a forbidden pair is never a candidate
        idx = np.flatnonzero(mask)
        d = distances_km(lat[idx], lng[idx], p.location.lat, p.location.lng)
        if problem.max_distance_km is not None:
            ok = d <= problem.max_distance_km + 1e-9
            idx, d = idx[ok], d[ok]
        scale = problem.max_distance_km or max(1.0, float(d.max()) if d.size else 1.0)
        close = np.clip(1.0 - d / scale, 0.0, 1.0)
        pref = np.zeros(idx.size)
        for token in (p.id, p.category):
            for rank_value, fans in prefer.get(token, {}).items():
                hit = np.isin(idx, fans)
                pref = np.where(hit, np.maximum(pref, rank_value), pref)
        keep = np.isin(idx, holders.get(p.id, empty))
        group = np.zeros(idx.size, dtype=bool)
        for g in p.groups:
            group |= np.isin(idx, in_group.get(g, empty))
        out["m"].append(idx)
        out["p"].append(np.full(idx.size, p_i))
        out["d"].append(d)
        out["keep"].append(keep)
        out["pref"].append(pref)
        out["group"].append(group)
        out["bonus"].append(w.distance * close + w.preference * pref + w.group * group + w.keep * keep)
    return {k: (np.concatenate(v) if v else np.zeros(0)) for k, v in out.items()}, levels, col, lat, lng


def _lock_columns(problem: PostProblem, m_idx: np.ndarray, p_idx: np.ndarray) -> np.ndarray:
    """Column of each lock. Candidates come post by post, members in order, so post * members + member is
    sorted; parsing checked every lock against the hard rules, so each one is a candidate."""
    size = max(1, len(problem.members))
    key = p_idx * size + m_idx
    wanted = np.array([p * size + m for p, ms in _by_post(problem, problem.locks).items() for m in ms], dtype=np.int64)
    cols = np.searchsorted(key, wanted)
    if wanted.size and (key.size == 0 or not np.array_equal(key[np.minimum(cols, key.size - 1)], wanted)):
        raise ProblemError("locks: a locked pair breaks a hard rule (parse_post_problem names it)")
    return cols


def _post_worker(conn, model: Model, seconds: float) -> None:
    import time as _time

    from . import highs_backend as hb

    # a bipartite b-matching is totally unimodular: the LP's vertex optimum is already integral
    start = _time.monotonic()
    status, obj, vals = hb.solve_lp(model, time_limit=seconds)
    if vals is not None and hb.fractional(vals, model).size == 0:
        conn.send(("plan", {"x": np.flatnonzero(vals[: model.n_x] > 0.5), "bound": obj, "proven": True}))
        return
    seconds -= _time.monotonic() - start
    status, obj, dual, vals = hb.solve_mip(model, time_limit=seconds, gap=0.0)
    if vals is not None:
        conn.send(
            ("plan", {"x": np.flatnonzero(vals[: model.n_x] > 0.5), "bound": dual, "proven": status == "kOptimal"})
        )


def allocate_posts(problem: PostProblem, *, time_limit: float = 60.0) -> PostAllocation:
    from .supervise import run_with_deadline

    t0 = time.monotonic()
    pairs, levels, col, lat, lng = _pairs(problem)
    n = int(pairs["m"].size)
    m_idx, p_idx = pairs["m"].astype(np.int64), pairs["p"].astype(np.int64)
    prio = np.array([p.priority for p in problem.posts], dtype=np.float64)
    seats = np.array([p.seats for p in problem.posts], dtype=np.float64)
    max_bonus = float(pairs["bonus"].max()) if n else 0.0
    scale = 1.0 + seats.sum() * max_bonus
    cost = scale * prio[p_idx] + pairs["bonus"] if n else np.zeros(0)
    locked = np.zeros(n, dtype=bool)
    locked[_lock_columns(problem, m_idx, p_idx)] = True
    model = Model(
        n_x=n,
        n_y=0,
        fair_vol=np.zeros(0, np.int32),
        fair_step=np.zeros(0, np.int32),
        cost=cost,
        lower=locked.astype(np.float64),
        upper=np.ones(n),
        integer=np.ones(n, dtype=bool),
        scale=scale,
    )
    posts_used, row_p = np.unique(p_idx, return_inverse=True)
    model.blocks.append(
        RowBlock(
            "post_seats",
            row_p,
            np.arange(n),
            np.ones(n),
            np.full(posts_used.size, -np.inf),
            seats[posts_used],
            lambda: [f"post_seats[{_safe(problem.posts[p].id)}]" for p in posts_used],
        )
    )
    mem_used, row_m = np.unique(m_idx, return_inverse=True)
    caps = np.array([problem.members[m].max_posts for m in mem_used], dtype=np.float64)
    model.blocks.append(
        RowBlock(
            "max_posts",
            row_m,
            np.arange(n),
            np.ones(n),
            np.full(mem_used.size, -np.inf),
            caps,
            lambda: [f"max_posts[{_safe(problem.members[m].id)}]" for m in mem_used],
        )
    )
    chosen, status, bound = np.zeros(0, dtype=np.int64), "time_limit", None
    if n:
        messages, finished = run_with_deadline(_post_worker, (model, time_limit * 0.9), t0 + time_limit * 0.95)
        for kind, payload in messages:
            if kind == "plan":
                chosen = payload["x"]
                bound = payload["bound"]
                status = "optimal" if payload["proven"] else "feasible"
        if not messages:  # deadline with no plan: the locks, then greedy by priority, then bonus
            taken_p, taken_m, pick = np.zeros(len(problem.posts)), np.zeros(len(problem.members)), []
            for j in np.lexsort((-pairs["bonus"], -prio[p_idx], ~locked)):
                if taken_p[p_idx[j]] < seats[p_idx[j]] and taken_m[m_idx[j]] < problem.members[m_idx[j]].max_posts:
                    taken_p[p_idx[j]] += 1
                    taken_m[m_idx[j]] += 1
                    pick.append(j)
            chosen = np.array(sorted(pick), dtype=np.int64)
    else:
        status = "optimal"
    objective = float(cost[chosen].sum() / scale) if n else 0.0
    bound = objective if bound is None or status != "optimal" and bound is None else max(objective, bound / scale)
    if status == "time_limit":
        bound = float((prio * seats).sum()) + 1.0
    filled = np.bincount(p_idx[chosen], minlength=len(problem.posts)) if n else np.zeros(len(problem.posts))
    used = np.bincount(m_idx[chosen], minlength=len(problem.members)) if n else np.zeros(len(problem.members))
    unfilled = []
    banned, empty = _by_post(problem, problem.forbidden), np.zeros(0, dtype=np.int64)
    caps_all = np.array([m.max_posts for m in problem.members])
    for p_i, p in enumerate(problem.posts):
        missing = int(p.seats - filled[p_i])
        if missing <= 0:
            continue
        qualified = np.ones(len(problem.members), dtype=bool)
        for k, level in p.required_skills.items():
            if level > 0:
                qualified &= levels[:, col[k]] >= level
        d = distances_km(lat, lng, p.location.lat, p.location.lng)
        if problem.max_distance_km is not None:
            qualified &= d <= problem.max_distance_km
        skills = (
            " and ".join(f"{k} ≥ {level}" for k, level in sorted(p.required_skills.items()) if level > 0)
            or "no particular skill"
        )
        allowed = qualified.copy()
        allowed[banned.get(p_i, empty)] = False
        removed = int(qualified.sum() - allowed.sum())
        reasons: list[dict[str, Any]] = []
        if not qualified.any():
            reasons.append({"code": "no_skill_in_range", "message": f"nobody with {skills} within range"})
        elif (allowed & (used < caps_all)).any():
            reasons.append({"code": "not_used", "message": "qualified members are free (plan not proven optimal)"})
        elif allowed.any():
            reasons.append(
                {
                    "code": "all_at_post_limit",
                    "message": f"all {int(allowed.sum())} qualified members already hold their maximum posts",
                }
            )
        if removed:  # a reason of its own: these members could take the post, but not this one
            reasons.append(
                {
                    "code": "forbidden",
                    "count": removed,
                    "message": f"{removed} qualified member{'s are' if removed > 1 else ' is'} forbidden on this post",
                }
            )
        where = p.place or p.name
        limit = f" within {problem.max_distance_km:g} km of {where}" if problem.max_distance_km else f" near {where}"
        unfilled.append(
            {
                "post": p.id,
                "missing": missing,
                "reasons": reasons,
                "suggestion": f"{missing} more member{'s' if missing > 1 else ''} with {skills}{limit}",
            }
        )
    assignments = tuple(sorted((problem.members[m_idx[j]].id, problem.posts[p_idx[j]].id) for j in chosen))
    metrics = {
        "filled_seats": int(len(chosen)),
        "total_seats": int(seats.sum()),
        "weighted_filled": float(prio[p_idx[chosen]].sum()) if n else 0.0,
        "pairs": n,
        "mean_distance_km": float(pairs["d"][chosen].mean()) if len(chosen) else 0.0,
        "preferences_honoured": int((pairs["pref"][chosen] > 0).sum()) if n else 0,
        "first_choices": int((pairs["pref"][chosen] == 1.0).sum()) if n else 0,
        "group_posts": int(pairs["group"][chosen].sum()) if n else 0,
        "holders_kept": int(pairs["keep"][chosen].sum()) if n else 0,
    }
    gap = (bound - objective) / bound if bound > 0 else 0.0
    return PostAllocation(
        status=status,
        objective=round(objective, 9),
        bound=round(bound, 9),
        gap=round(max(0.0, gap), 9),
        seconds=time.monotonic() - t0,
        assignments=assignments,
        unfilled=tuple(unfilled),
        metrics=metrics,
    )
