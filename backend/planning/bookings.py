"""Review of a run's resource bookings before publishing: why each resource was chosen, which requests stayed
without one and why, the other resources that would do, and a coordinator's pin or swap.

Everything is derived from the run's problem as the data stands (mapper.build_problem, without keeping earlier
pins outside it) with the optimizer's own rules: `matching.resource_repair.resource_options` ranks what keeps
every hard rule for a request (kind, capacity, features, free for the whole time, within the distance limit, not
booked at an overlapping time in the plan), nearest first, which is the optimizer's only resource preference; a
swap is checked by `matching.check` on the plan with the new booking. A pinned booking is kept by the next run of
the same scope and week (the mapper books it outside the solver).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

import matching
from core.errors import Conflict
from matching.geo import distance_km
from matching.problem import Problem, from_minutes
from matching.resource_repair import resource_options
from planning import mapper
from planning.models import Assignment, MatchingRun, ResourceBooking
from planning.review import locked_for_review
from resources.models import Resource
from runs.errors import RuleBroken
from runs.review import pair_pin
from shifts.models import ResourceRequest, Shift


class ResourceHeld(Conflict):
    """Another booking of the plan holds the resource at an overlapping time."""

    code = "resource_booked"


def _reason_text(code: str) -> str:
    texts = {
        "no_such_resource": _("No resource of this kind with the capacity and features asked for."),
        "not_free": _("No suitable resource is free for the whole time."),
        "too_far": _("Every suitable free resource is beyond the distance limit."),
        "all_booked": _("Every suitable resource nearby is already booked at that time."),
        "not_used": _("Suitable resources were free but the plan did not book one (it is not proven optimal)."),
        "not_in_problem": _("The shift is cancelled or outside this run's week and scope."),
    }
    return texts.get(code, code)


@dataclass
class Why:
    """Why a booking's resource was chosen, from the figures the optimizer used."""

    code: str  # nearest | suitable | rule_broken
    message: str
    distance_km: float | None = None
    max_distance_km: float | None = None
    capacity: int = 0
    min_capacity: int = 0
    features: list[str] = field(default_factory=list)
    free_from: dt.datetime | None = None
    free_to: dt.datetime | None = None
    alternatives: int = 0
    broken: list[str] = field(default_factory=list)


@dataclass
class Unmet:
    request: ResourceRequest
    code: str
    message: str


@dataclass
class Option:
    resource: Resource
    distance_km: float


@dataclass
class _Context:
    run: MatchingRun
    data: dict
    problem: Problem
    bookings: list[ResourceBooking]

    @property
    def requests(self):
        return {q.id: q for q in self.problem.resource_requests}

    @property
    def resources(self):
        return {r.id: r for r in self.problem.resources}

    def occupied(self, *, but: ResourceBooking | None = None) -> dict[str, list[tuple[int, int]]]:
        """The windows each resource is booked in the plan, leaving out one booking."""
        requests, taken = self.requests, defaultdict(list)
        for booking in self.bookings:
            q = requests.get(mapper.qid(booking.request_id))
            if q is not None and (but is None or booking.pk != but.pk):
                taken[mapper.rid(booking.resource_id)].append((q.start, q.end))
        return taken

    def limit(self, q) -> float:
        return self.problem.max_distance_km if q.max_distance_km is None else q.max_distance_km


def _context(run: MatchingRun) -> _Context:
    data = mapper.build_problem(run, booking_pins=False, people=False).data
    bookings = list(
        ResourceBooking.objects.filter(run=run).select_related(
            "resource", "resource__unit", "request", "request__shift", "request__shift__community"
        )
    )
    return _Context(run=run, data=data, problem=matching.parse_problem(data), bookings=bookings)


def _aware(minutes: int) -> dt.datetime:
    return from_minutes(minutes).replace(tzinfo=mapper._zone())


def _check(context: _Context, pairs: list[tuple[int, int]], *, about: set[str]) -> list[str]:
    """matching.check's messages on the plan's bookings as `pairs`, those naming one of the ids `about`."""
    return [m for m in mapper.booking_check(context.problem, pairs) if mapper.ids_in(m) & about]


def _why(context: _Context, booking: ResourceBooking) -> Why:
    r_id, q_id = mapper.rid(booking.resource_id), mapper.qid(booking.request_id)
    q, r = context.requests.get(q_id), context.resources.get(r_id)
    if q is None or r is None:
        message = _("The resource or the request is no longer in this run's week and scope.")
        return Why(code="rule_broken", message=message, broken=[message])
    options, _code = resource_options(context.problem, q, occupied=context.occupied(but=booking))
    ranked = [option.id for option, _d in options]
    distance = distance_km(r.location.lat, r.location.lng, q.location.lat, q.location.lng)
    window = next(((a, b) for a, b in r.availability if a <= q.start and q.end <= b), None)
    why = Why(
        code="suitable",
        message="",
        distance_km=round(distance, 2),
        max_distance_km=context.limit(q),
        capacity=r.capacity,
        min_capacity=q.min_capacity,
        features=sorted(q.features),
        free_from=_aware(window[0]) if window else None,
        free_to=_aware(window[1]) if window else None,
        alternatives=len([i for i in ranked if i != r_id]),
    )
    figures = {
        "distance": f"{why.distance_km:g}",
        "limit": f"{why.max_distance_km:g}",
        "capacity": r.capacity,
        "wanted": q.min_capacity,
    }
    if r_id not in ranked:
        pairs = [(b.resource_id, b.request_id) for b in context.bookings]
        why.code, why.broken = "rule_broken", _check(context, pairs, about={r_id, q_id})
        why.message = _("It no longer keeps a hard rule (the data changed since the run): %(rule)s") % {
            "rule": "; ".join(why.broken) or _("not free at that time")
        }
    elif ranked[0] == r_id:
        why.code = "nearest"
        why.message = (
            _(
                "The nearest suitable one: %(distance)s km away (limit %(limit)s km), holds %(capacity)s "
                "(%(wanted)s wanted), free for the whole shift."
            )
            % figures
        )
    else:
        why.message = _(
            "Suitable: %(distance)s km away (limit %(limit)s km), holds %(capacity)s (%(wanted)s wanted), free for "
            "the whole shift; %(nearer)s nearer ones were free too (the plan is not proven optimal, or the data "
            "changed since the run)."
        ) % {**figures, "nearer": ranked.index(r_id)}
    return why


def booking_review(*, run: MatchingRun) -> tuple[list[tuple[ResourceBooking, Why]], list[Unmet]]:
    """The run's bookings with why each was chosen, and the requests of its shifts left without a resource, why."""
    context = _context(run)
    reviewed = [(booking, _why(context, booking)) for booking in context.bookings]
    booked = {booking.request_id for booking in context.bookings}
    requests = context.requests
    occupied = context.occupied()
    unmet = []
    for request in (
        ResourceRequest.objects.filter(shift__in=Shift.objects.filter(pk__in=_shift_pks(context)))
        .exclude(pk__in=booked)
        .select_related("shift", "shift__community")
        .order_by("shift__start", "pk")
    ):
        q = requests.get(mapper.qid(request.pk))
        options, code = resource_options(context.problem, q, occupied=occupied) if q else ([], "not_in_problem")
        code = "not_used" if options else code
        unmet.append(Unmet(request=request, code=code, message=_reason_text(code)))
    return reviewed, unmet


def _shift_pks(context: _Context) -> list[int]:
    return [int(s["id"][1:]) for s in context.data["shifts"]]


def booking_alternatives(*, run: MatchingRun, booking: ResourceBooking) -> list[Option]:
    """Other resources that keep every hard rule for the booking's request in this plan, nearest first."""
    context = _context(run)
    q = context.requests.get(mapper.qid(booking.request_id))
    if q is None:
        return []
    options, _code = resource_options(
        context.problem, q, exclude={mapper.rid(booking.resource_id)}, occupied=context.occupied(but=booking)
    )
    rows = Resource.objects.select_related("unit", "community").in_bulk([int(r.id[1:]) for r, _d in options])
    return [Option(resource=rows[int(r.id[1:])], distance_km=round(d, 2)) for r, d in options]


@transaction.atomic
def booking_pin(*, run: MatchingRun, booking: ResourceBooking, pinned: bool) -> ResourceBooking:
    """Pin (the next run of the scope and week keeps it) or unpin a booking."""
    locked_for_review(run)
    return pair_pin(booking, pinned=pinned)


@transaction.atomic
def booking_swap(*, run: MatchingRun, booking: ResourceBooking, resource: Resource) -> ResourceBooking:
    """Book another resource for the request, pinned, if every hard rule still holds: a rule broken is a 400
    naming it, the resource held by another booking of the plan at that time a 409."""
    run = locked_for_review(run)
    context = _context(run)
    r_id, q_id = mapper.rid(resource.pk), mapper.qid(booking.request_id)
    if r_id not in context.resources:
        raise RuleBroken(
            _("The resource is not among this run's resources (withdrawn, outside its scope, or not free this week)."),
            fields={"resource": [_("Not offered this week.")]},
        )
    pairs = [(b.resource_id, b.request_id) for b in context.bookings if b.pk != booking.pk]
    broken = _check(context, [*pairs, (resource.pk, booking.request_id)], about={r_id, q_id})
    held = [message for message in broken if message.startswith("resource overlap")]
    if held:
        raise ResourceHeld(_("Another booking of this plan holds the resource then: %s") % held[0])
    if broken:
        raise RuleBroken(_("This booking would break a rule: %s") % broken[0], fields={"resource": broken})
    booking.resource = resource
    booking.pinned, booking.source = True, Assignment.Source.MANUAL
    booking.save(update_fields=["resource", "pinned", "source"])
    return booking
