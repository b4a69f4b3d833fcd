"""Resource backfill: when a unit withdraws a booked resource for a window, book another resource for each freed
request of a published plan, under the optimizer's hard rules for resources, and say why a request stays unmet.

Greedy and exact, not optimal (documented choice): freed requests are taken by priority (highest first), then
start, then id, the order `greedy_book` uses; each gets the nearest resource (the optimizer's only resource
preference, `res_bonus`), ties by the problem's resource order. A handful of freed requests per withdrawal
makes a solver run pointless, and a replacement never moves another booking.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .geo import distance_km
from .problem import Problem, Resource, ResourceRequest

EPS_KM = 1e-9  # the same tolerance as candidate generation

Window = tuple[int, int]  # minutes since matching.problem.EPOCH, [start, end)

REASONS = {
    "no_such_resource": "no resource of this kind with the capacity and features asked for",
    "not_free": "no suitable resource is free for the whole time (or it was withdrawn too)",
    "too_far": "every suitable free resource is beyond the distance limit",
    "all_booked": "every suitable resource nearby is already booked at that time",
}


@dataclass(frozen=True)
class Replacement:
    request: str
    old_resource: str
    new_resource: str
    distance_km: float


@dataclass(frozen=True)
class Unmet:
    request: str
    old_resource: str
    code: str  # a key of REASONS
    message: str


@dataclass(frozen=True)
class ResourceRepair:
    replacements: tuple[Replacement, ...]
    unmet: tuple[Unmet, ...]
    # The plan's bookings after the repair: the untouched ones plus the replacements (for `check`).
    resource_assignments: tuple[tuple[str, str], ...]


def _overlaps(a: Window, b: Window) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _suits(r: Resource, q: ResourceRequest) -> bool:
    return r.kind == q.kind and r.capacity >= q.min_capacity and q.features <= r.features


def _free(r: Resource, q: ResourceRequest, withdrawn: list[Window]) -> bool:
    window = (q.start, q.end)
    return any(a <= q.start and q.end <= b for a, b in r.availability) and not any(
        _overlaps(window, w) for w in withdrawn
    )


def resource_backfill(
    problem: Problem,
    bookings: Iterable[tuple[str, str]],
    withdrawn: Iterable[tuple[str, Window]],
    *,
    busy: Mapping[str, Iterable[Window]] | None = None,
) -> ResourceRepair:
    """Replace the bookings on withdrawn resources.

    bookings: the published plan's (resource id, request id) pairs; pairs naming a request the problem does not
    know are left alone (their time is unknown). withdrawn: (resource id, window) pairs; a booking is freed when
    its request's window overlaps a window withdrawn from its resource, and no withdrawn window is ever booked.
    busy: windows each resource is booked outside this plan (other published plans), never double-booked.
    """
    requests = {q.id: q for q in problem.resource_requests}
    pulled: dict[str, list[Window]] = defaultdict(list)
    for rid, window in withdrawn:
        pulled[rid].append(window)
    occupied: dict[str, list[Window]] = defaultdict(list)
    for rid, windows in (busy or {}).items():
        occupied[rid].extend(windows)
    kept, freed = [], []
    for rid, qid in bookings:
        q = requests.get(qid)
        if q is not None and any(_overlaps((q.start, q.end), w) for w in pulled.get(rid, ())):
            freed.append((rid, q))
            continue
        kept.append((rid, qid))
        if q is not None:
            occupied[rid].append((q.start, q.end))

    replacements, unmet = [], []
    for old, q in sorted(freed, key=lambda item: (-item[1].priority, item[1].start, item[1].id)):
        new, code = _choose(problem, q, old, pulled, occupied)
        if new is None:
            unmet.append(Unmet(request=q.id, old_resource=old, code=code, message=REASONS[code]))
            continue
        resource, d = new
        occupied[resource.id].append((q.start, q.end))
        replacements.append(Replacement(request=q.id, old_resource=old, new_resource=resource.id, distance_km=d))
        kept.append((resource.id, q.id))
    return ResourceRepair(replacements=tuple(replacements), unmet=tuple(unmet), resource_assignments=tuple(kept))


def _choose(
    problem: Problem, q: ResourceRequest, old: str, pulled, occupied
) -> tuple[tuple[Resource, float] | None, str]:
    """The nearest resource that obeys every hard rule, or None and the first rule that ruled all others out
    (the withdrawn resource itself is never a candidate, so it does not blur the reason)."""
    options, code = resource_options(problem, q, exclude={old}, withdrawn=pulled, occupied=occupied)
    return (options[0] if options else None), code


def resource_options(
    problem: Problem,
    q: ResourceRequest,
    *,
    exclude: Iterable[str] = (),
    withdrawn: Mapping[str, Iterable[Window]] | None = None,
    occupied: Mapping[str, Iterable[Window]] | None = None,
) -> tuple[list[tuple[Resource, float]], str]:
    """Every resource that obeys every hard rule for the request (kind, capacity, features, free for the whole
    time, within the distance limit, not booked at an overlapping time), nearest first, ties by the problem's
    resource order (the optimizer's only resource preference); with none, the first rule that ruled all out (a
    key of REASONS). exclude: resources never offered; withdrawn / occupied: windows per resource id."""
    withdrawn, occupied = withdrawn or {}, occupied or {}
    limit = problem.max_distance_km if q.max_distance_km is None else q.max_distance_km
    skip = set(exclude)
    suitable = [r for r in problem.resources if r.id not in skip and _suits(r, q)]
    if not suitable:
        return [], "no_such_resource"
    free = [r for r in suitable if _free(r, q, list(withdrawn.get(r.id, ())))]
    if not free:
        return [], "not_free"
    near = [(r, distance_km(r.location.lat, r.location.lng, q.location.lat, q.location.lng)) for r in free]
    near = [(r, d) for r, d in near if d <= limit + EPS_KM]
    if not near:
        return [], "too_far"
    open_ = [(r, d) for r, d in near if not any(_overlaps((q.start, q.end), w) for w in occupied.get(r.id, ()))]
    if not open_:
        return [], "all_booked"
    order = {r.id: i for i, r in enumerate(problem.resources)}
    return sorted(open_, key=lambda item: (item[1], order[item[0].id])), ""
