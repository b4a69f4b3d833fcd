"""The one bridge between rows and the optimizer: a run's scope and week -> a matching problem dict (the JSON
format of `matching/README.md`), and a matching Solution -> unsaved Assignment, ResourceBooking, UnfilledSeat rows.

Who is in a problem (documented choice): the run's scope decides everything. Volunteers are the active ones
whose home community is in the scope, with their skills as matching may use them (people.selectors: a skill
that requires verification counts only up to its verified level, any other as the volunteer claims it); shifts are
the scope's shifts of the week; resources are the listed
ones of communities in the scope, available in their slots of that week. A volunteer's stated preferences (kinds of
service, communities) become the week's preferred shifts: a shift is preferred if its kind (its post's category, or
its need's) or its community is among them, named by its post where it has one (the optimizer matches a post to all
of its shifts), so a preference costs one token per post rather than per shift. Times are local date-times in
settings.TIME_ZONE (Asia/Shanghai), to the minute. Ids are prefixed by kind ("v12", "s34", "r5", "q7", "p3")
so that explanations and logs say what an id is.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch

import matching
from geo.models import Community
from lending.selectors import withdrawn_days
from people import selectors as people_selectors
from people.models import Blackout, Volunteer
from planning.models import Assignment, MatchingRun, RemovedPair, ResourceBooking, UnfilledSeat
from posts.models import PostHolding
from resources.models import Resource, ResourceSlot
from shifts.models import Shift

TIME_FORMAT = "%Y-%m-%dT%H:%M"
_IDS = re.compile(r"\b[rq]\d+\b")  # resource and request ids in matching.check's messages


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def default_max_distance_km() -> float:
    return settings.PLANNING_MAX_DISTANCE_KM


def vid(pk: int) -> str:
    return f"v{pk}"


def sid(pk: int) -> str:
    return f"s{pk}"


def rid(pk: int) -> str:
    return f"r{pk}"


def qid(pk: int) -> str:
    return f"q{pk}"


def pid(pk: int) -> str:
    return f"p{pk}"


def area(sub_district_pk: int) -> str:
    """The sub-district as the problem's `area`: a district run is split along it to fan out (planning.fanout)."""
    return f"sd{sub_district_pk}"


def _pk(text: str, prefix: str) -> int:
    if not text.startswith(prefix) or not text[len(prefix) :].isdigit():
        raise ValueError(f"unexpected id {text!r} in the solution (expected {prefix}<number>)")
    return int(text[len(prefix) :])


# ---------------------------------------------------------------- time


def _local(value: dt.datetime) -> dt.datetime:
    """An aware datetime -> naive local time (the problem's clock)."""
    return value.astimezone(_zone()).replace(tzinfo=None)


def _floor_minute(value: dt.datetime) -> dt.datetime:
    return value.replace(second=0, microsecond=0)


def _ceil_minute(value: dt.datetime) -> dt.datetime:
    floored = _floor_minute(value)
    return floored if floored == value else floored + dt.timedelta(minutes=1)


def _fmt(value: dt.datetime) -> str:
    return value.strftime(TIME_FORMAT)


Span = tuple[dt.datetime, dt.datetime]


def subtract(windows: list[Span], holes: list[Span]) -> list[Span]:
    """The parts of windows not covered by any hole (all naive local times), sorted; empty parts dropped."""
    result = []
    for start, end in sorted(windows):
        pieces = [(start, end)]
        for hole_start, hole_end in holes:
            next_pieces = []
            for a, b in pieces:
                if hole_end <= a or hole_start >= b:
                    next_pieces.append((a, b))
                    continue
                if a < hole_start:
                    next_pieces.append((a, hole_start))
                if hole_end < b:
                    next_pieces.append((hole_end, b))
            pieces = next_pieces
        result.extend(pieces)
    return sorted(result)


def week_days(week: dt.date) -> list[dt.date]:
    return [week + dt.timedelta(days=i) for i in range(7)]


def _weekly_windows(week: dt.date, rows) -> list[Span]:
    """Recurring (weekday 1-7, from, to) rows -> the concrete windows of that week."""
    return [
        (
            dt.datetime.combine(week + dt.timedelta(days=row.weekday - 1), row.start_time),
            dt.datetime.combine(week + dt.timedelta(days=row.weekday - 1), row.end_time),
        )
        for row in rows
    ]


# ---------------------------------------------------------------- scope


def scope_filters(run: MatchingRun) -> dict:
    """The lookups, relative to a community, that select the communities of the run's scope."""
    if run.level == MatchingRun.Level.COMMUNITY:
        return {"pk": run.community_id}
    if run.level == MatchingRun.Level.SUB_DISTRICT:
        return {"sub_district_id": run.sub_district_id}
    return {"sub_district__district_id": run.district_id}


def _in_scope(run: MatchingRun, path: str) -> dict:
    return {f"{path}__{key}": value for key, value in scope_filters(run).items()}


# ---------------------------------------------------------------- rows -> problem


@dataclass
class MappedProblem:
    """The problem dict and what the mapper needs to read a solution back."""

    data: dict
    pinned: dict[tuple[int, int], str] = field(default_factory=dict)  # (volunteer pk, shift pk) -> source
    request_shift: dict[int, int] = field(default_factory=dict)  # request pk -> shift pk
    # Pinned bookings kept outside the solver: request pk -> (resource pk, source) (see _booking_pins).
    booked: dict[int, tuple[int, str]] = field(default_factory=dict)

    @property
    def counts(self) -> dict:
        return {key: len(self.data[key]) for key in ("volunteers", "shifts", "resources", "resource_requests")} | {
            "seats": sum(s["seats"] for s in self.data["shifts"]),
            "locks": len(self.data["locks"]),
            "forbidden": len(self.data.get("forbidden", ())),
        }


@dataclass
class ShiftTokens:
    """The preference tokens of the week's shifts (a post id, or the shift id of a shift without a post), by kind of
    service and by community, each in the order of the shifts."""

    by_kind: dict[str, dict[str, None]] = field(default_factory=lambda: defaultdict(dict))
    by_community: dict[int, dict[str, None]] = field(default_factory=lambda: defaultdict(dict))

    def preferred(self, *, kinds: list[str], communities: list[int]) -> list[str]:
        tokens: dict[str, None] = {}
        for kind in kinds:
            tokens.update(self.by_kind.get(kind, {}))
        for community in communities:
            tokens.update(self.by_community.get(community, {}))
        return sorted(tokens)


def shift_tokens(run: MatchingRun) -> ShiftTokens:
    rows = (
        Shift.objects.active()
        .filter(week=run.week, **_in_scope(run, "community"))
        .values_list("pk", "post_id", "post__category", "need__category", "community_id")
        .order_by("start", "pk")
    )
    tokens = ShiftTokens()
    for shift, post, post_kind, need_kind, community in rows:
        token = pid(post) if post is not None else sid(shift)
        kind = post_kind or need_kind
        if kind:
            tokens.by_kind[kind][token] = None
        tokens.by_community[community][token] = None
    return tokens


def _volunteers(run: MatchingRun, only: set[int] | None = None) -> list[dict]:
    zone_start = dt.datetime.combine(run.week, dt.time(0), tzinfo=_zone())
    zone_end = zone_start + dt.timedelta(days=7)
    in_scope = Volunteer.objects.filter(active=True, **_in_scope(run, "home_community"))
    if only is not None:
        in_scope = in_scope.filter(pk__in=only)
    verified = people_selectors.verified_levels(volunteers=in_scope.values("pk"))
    requiring = people_selectors.skills_requiring_verification()
    volunteers = (
        in_scope.prefetch_related(
            "availability",
            Prefetch("blackouts", queryset=Blackout.objects.filter(start__lt=zone_end, end__gt=zone_start)),
            Prefetch(
                "post_holdings",
                queryset=PostHolding.objects.filter(status=PostHolding.Status.ACTIVE, year=run.week.year),
                to_attr="holdings_this_year",
            ),
            Prefetch("preferred_communities", queryset=Community.objects.only("pk")),
        )
        .select_related("home_community")
        .order_by("pk")
    )
    areas = run.level == MatchingRun.Level.DISTRICT
    tokens: ShiftTokens | None = None
    result = []
    for volunteer in volunteers:
        holes = [(_floor_minute(_local(b.start)), _ceil_minute(_local(b.end))) for b in volunteer.blackouts.all()]
        windows = subtract(_weekly_windows(run.week, volunteer.availability.all()), holes)
        item = {
            "id": vid(volunteer.pk),
            "location": {"lat": volunteer.lat, "lng": volunteer.lng},
            "skills": people_selectors.matching_levels(
                claimed=volunteer.skills, verified=verified.get(volunteer.pk, {}), requiring=requiring
            ),
            "availability": [[_fmt(a), _fmt(b)] for a, b in windows],
            "max_hours": volunteer.max_hours_per_week,
        }
        if volunteer.max_distance_km is not None:
            item["max_distance_km"] = volunteer.max_distance_km
        if areas:
            item["area"] = area(volunteer.home_community.sub_district_id)
        posts = sorted({h.post_id for h in volunteer.holdings_this_year})
        if posts:
            # 一编三定 holders are the solver's first choice for their post's shifts
            item["posts"] = [pid(pk) for pk in posts]
        communities = [c.pk for c in volunteer.preferred_communities.all()]
        if volunteer.preferred_kinds or communities:
            tokens = tokens or shift_tokens(run)
            preferred = tokens.preferred(kinds=volunteer.preferred_kinds, communities=communities)
            if preferred:
                item["preferences"] = preferred
        result.append(item)
    return result


def _shifts(run: MatchingRun, only: set[int] | None = None) -> tuple[list[dict], list[dict], dict[int, int]]:
    shifts = (
        Shift.objects.active()
        .filter(week=run.week, **_in_scope(run, "community"))
        .select_related("community", "resource_request")
        .order_by("start", "pk")
    )
    if only is not None:
        shifts = shifts.filter(pk__in=only)
    shift_items, request_items, request_shift = [], [], {}
    areas = run.level == MatchingRun.Level.DISTRICT
    for shift in shifts:
        start, end = _fmt(_local(shift.start)), _fmt(_local(shift.end))
        location = {"lat": shift.lat, "lng": shift.lng}
        item = {
            "id": sid(shift.pk),
            "location": location,
            "start": start,
            "end": end,
            "seats": shift.seats,
            "priority": shift.priority,
            "required_skills": dict(shift.required_skills),
            "place": shift.address or shift.community.name,
        }
        if shift.post_id is not None:
            item["post"] = pid(shift.post_id)
        if areas:
            item["area"] = area(shift.community.sub_district_id)
        request = getattr(shift, "resource_request", None)
        if request is not None:
            item["resource_request"] = qid(request.pk)
            request_item = {
                "id": qid(request.pk),
                "kind": request.kind,
                "min_capacity": request.min_capacity,
                "features": sorted(request.features),
                "start": start,
                "end": end,
                "location": location,
                "priority": shift.priority,
            }
            if request.max_distance_km is not None:
                request_item["max_distance_km"] = request.max_distance_km
            request_items.append(request_item)
            request_shift[request.pk] = shift.pk
        shift_items.append(item)
    return shift_items, request_items, request_shift


def _resources(run: MatchingRun) -> list[dict]:
    last_day = run.week + dt.timedelta(days=6)
    resources = list(
        Resource.objects.filter(status=Resource.Status.LISTED, **_in_scope(run, "community"))
        .select_related("community")
        .prefetch_related(Prefetch("slots", queryset=ResourceSlot.objects.order_by("pk")))
        .order_by("pk")
    )
    # A unit may withdraw a resource for a day (lending): that day's slots are not offered.
    withdrawn = withdrawn_days(resource_ids=[r.pk for r in resources], start=run.week, end=last_day)
    result = []
    for resource in resources:
        windows = []
        for slot in resource.slots.all():
            if slot.weekday is not None:
                day = run.week + dt.timedelta(days=slot.weekday - 1)
            elif slot.date is not None and run.week <= slot.date <= last_day:  # a slot has a weekday or a date
                day = slot.date
            else:
                continue
            if day in withdrawn.get(resource.pk, ()):
                continue
            windows.append((dt.datetime.combine(day, slot.start_time), dt.datetime.combine(day, slot.end_time)))
        if not windows:
            continue  # not free this week: nothing to offer the solver
        result.append(
            {
                "id": rid(resource.pk),
                "kind": resource.category,
                "capacity": resource.capacity,
                "features": sorted(resource.features),
                "location": {"lat": resource.lat, "lng": resource.lng},
                "availability": [[_fmt(a), _fmt(b)] for a, b in sorted(windows)],
                **(
                    {"area": area(resource.community.sub_district_id)}
                    if run.level == MatchingRun.Level.DISTRICT
                    else {}
                ),
            }
        )
    return result


def _previous_done(run: MatchingRun) -> MatchingRun | None:
    """The latest finished run of the same scope and week before this one: its pins are kept."""
    return (
        MatchingRun.objects.filter(
            scope_key=run.scope_key, week=run.week, status=MatchingRun.Status.DONE, version__lt=run.version
        )
        .order_by("-version")
        .first()
    )


def _pins(run: MatchingRun, volunteer_ids: set[str], shift_ids: set[str]) -> dict[tuple[int, int], str]:
    """Pinned assignments of the latest finished run of the same scope and week, still possible in this one."""
    previous = _previous_done(run)
    if previous is None:
        return {}
    pins = Assignment.objects.filter(run=previous, pinned=True).values_list("volunteer_id", "shift_id", "source")
    return {
        (volunteer, shift): source
        for volunteer, shift, source in pins
        if vid(volunteer) in volunteer_ids and sid(shift) in shift_ids
    }


def _booking_pins(run: MatchingRun, data: dict) -> dict[int, tuple[int, str]]:
    """Pinned bookings of the latest finished run of the same scope and week that still keep every hard rule for
    resources in this problem (matching.check): request pk -> (resource pk, source)."""
    previous = _previous_done(run)
    if previous is None:
        return {}
    resources, requests = {r["id"] for r in data["resources"]}, {q["id"] for q in data["resource_requests"]}
    pins = {
        request: (resource, source)
        for resource, request, source in ResourceBooking.objects.filter(run=previous, pinned=True).values_list(
            "resource_id", "request_id", "source"
        )
        if rid(resource) in resources and qid(request) in requests
    }
    if not pins:
        return {}
    pairs = [(resource, request) for request, (resource, _) in pins.items()]
    problem = matching.parse_problem(dict(data, locks=[], forbidden=[]))
    named = {rid(r) for r, _ in pairs} | {qid(q) for _, q in pairs}
    broken = {name for message in booking_check(problem, pairs) for name in ids_in(message)} & named
    return {request: pin for request, pin in pins.items() if not (broken & {rid(pin[0]), qid(request)})}


def booking_check(problem: matching.Problem, bookings: list[tuple[int, int]]) -> list[str]:
    """matching.check's messages on a plan of these (resource pk, request pk) bookings and nothing else: the hard
    rules for resources they break (alone or together)."""
    plan = matching.solution_from_dict(
        {
            "status": "feasible",
            "assignments": [],
            "resource_assignments": [{"resource": rid(r), "request": qid(q)} for r, q in bookings],
            "unfilled": [],
        }
    )
    return matching.check(problem, plan)


def ids_in(message: str) -> set[str]:
    """The resource and request ids a matching.check message names."""
    return set(_IDS.findall(message))


def _book_outside_solver(data: dict, booked: dict[int, tuple[int, str]]) -> None:
    """Pinned bookings are kept as they are: their requests leave the problem (their shifts need no room from the
    solver) and their resources' time is taken out of what the solver may book."""
    taken = {qid(request): rid(resource) for request, (resource, _) in booked.items()}
    windows: dict[str, list[Span]] = defaultdict(list)
    for request in data["resource_requests"]:
        if request["id"] in taken:
            span = (
                dt.datetime.strptime(request["start"], TIME_FORMAT),
                dt.datetime.strptime(request["end"], TIME_FORMAT),
            )
            windows[taken[request["id"]]].append(span)
    data["resource_requests"] = [q for q in data["resource_requests"] if q["id"] not in taken]
    for shift in data["shifts"]:
        if shift.get("resource_request") in taken:
            del shift["resource_request"]
    for resource in data["resources"]:
        if resource["id"] in windows:
            free = [
                (dt.datetime.strptime(a, TIME_FORMAT), dt.datetime.strptime(b, TIME_FORMAT))
                for a, b in resource["availability"]
            ]
            resource["availability"] = [[_fmt(a), _fmt(b)] for a, b in subtract(free, windows[resource["id"]])]


def _removed(run: MatchingRun, volunteer_ids: set[str], shift_ids: set[str]) -> list[tuple[int, int]]:
    """Pairs a coordinator removed in review of an earlier run of the same scope and week, unless added back
    by hand in a later one: the solver must not offer them again."""
    earlier = MatchingRun.objects.filter(scope_key=run.scope_key, week=run.week, version__lt=run.version)
    removed = {
        (volunteer, shift): version
        for volunteer, shift, version in RemovedPair.objects.filter(run__in=earlier)
        .values_list("volunteer_id", "shift_id", "run__version")
        .order_by("run__version")
    }
    added_back = {
        (volunteer, shift): version
        for volunteer, shift, version in Assignment.objects.filter(run__in=earlier, source=Assignment.Source.MANUAL)
        .values_list("volunteer_id", "shift_id", "run__version")
        .order_by("run__version")
    }
    return sorted(
        pair
        for pair, version in removed.items()
        if added_back.get(pair, 0) <= version and vid(pair[0]) in volunteer_ids and sid(pair[1]) in shift_ids
    )


def _previous_week(run: MatchingRun, volunteer_ids: set[str]) -> list[dict]:
    """Last week's published assignments of this problem's volunteers, with their posts: the solver prefers to
    keep a person on the post they held (a soft rule; see matching/README.md)."""
    rows = (
        Assignment.objects.filter(run__publication__isnull=False, run__week=run.week - dt.timedelta(days=7))
        .values_list("volunteer_id", "shift_id", "shift__post_id")
        .order_by("volunteer_id", "shift_id")
        .distinct()
    )
    result = []
    for volunteer, shift, post in rows:
        if vid(volunteer) in volunteer_ids:
            item = {"volunteer": vid(volunteer), "shift": sid(shift)}
            if post is not None:
                item["post"] = pid(post)
            result.append(item)
    return result


def build_problem(
    run: MatchingRun,
    *,
    only_volunteers: set[int] | None = None,
    only_shifts: set[int] | None = None,
    booking_pins: bool = True,
    people: bool = True,
) -> MappedProblem:
    """The run's problem. `only_volunteers` and `only_shifts` (pks) narrow it to those rows of its scope (a
    volunteer's claim of an open seat is checked on their own problem, not on the whole scope's). With booking_pins,
    the pinned bookings of the previous version are kept outside the solver (`booked`); without, every request and
    resource is in it as the data stands (the review's checks). Without people, no volunteers: what the resource
    rules need, at a fraction of the cost for a whole district."""
    volunteers = _volunteers(run, only_volunteers) if people else []
    shifts, requests, request_shift = _shifts(run, only_shifts)
    volunteer_ids, shift_ids = {v["id"] for v in volunteers}, {s["id"] for s in shifts}
    pinned = _pins(run, volunteer_ids, shift_ids)
    # A pin wins over an earlier removal only if it came later; a pair both pinned and forbidden is impossible.
    removed = [pair for pair in _removed(run, volunteer_ids, shift_ids) if pair not in pinned]
    data = {
        "name": f"run {run.pk}: {run.scope_key} week {run.week.isoformat()} v{run.version}",
        "max_distance_km": default_max_distance_km(),
        "volunteers": volunteers,
        "shifts": shifts,
        "resources": _resources(run),
        "resource_requests": requests,
        "locks": [{"volunteer": vid(v), "shift": sid(s)} for v, s in sorted(pinned)],
        "forbidden": [{"volunteer": vid(v), "shift": sid(s)} for v, s in removed],
        "previous_assignments": _previous_week(run, volunteer_ids),
    }
    booked = _booking_pins(run, data) if booking_pins else {}
    _book_outside_solver(data, booked)
    return MappedProblem(data=data, pinned=pinned, request_shift=request_shift, booked=booked)


# ---------------------------------------------------------------- solution -> rows


def _plain(value):
    """JSON-safe copy of solver output (numpy numbers, NaN) for a JSONField."""

    def default(obj):
        if hasattr(obj, "item"):
            return obj.item()
        if hasattr(obj, "tolist"):
            return obj.tolist()
        return str(obj)

    def clean(obj):
        if isinstance(obj, float) and not math.isfinite(obj):
            return None
        if isinstance(obj, dict):
            return {str(k): clean(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [clean(v) for v in obj]
        return obj

    return clean(json.loads(json.dumps(value, default=default)))


@dataclass
class _Unfilled:
    """A shift's unfilled seats as the solution's items add up."""

    missing: int = 0
    reasons: list[dict] = field(default_factory=list)
    suggestion: str = ""


@dataclass
class PlanRows:
    assignments: list[Assignment]
    bookings: list[ResourceBooking]
    unfilled: list[UnfilledSeat]
    stats: dict
    metrics: dict


def solution_rows(run: MatchingRun, mapped: MappedProblem, solution) -> PlanRows:
    """Unsaved rows of the run's plan, read from a matching Solution (only its public fields)."""
    assignments = []
    for volunteer, shift in solution.assignments:
        key = (_pk(volunteer, "v"), _pk(shift, "s"))
        source = mapped.pinned.get(key, Assignment.Source.SOLVER)
        assignments.append(
            Assignment(run=run, volunteer_id=key[0], shift_id=key[1], pinned=key in mapped.pinned, source=source)
        )
    bookings = [
        ResourceBooking(run=run, resource_id=_pk(resource, "r"), request_id=_pk(request, "q"))
        for resource, request in solution.resource_assignments
    ] + [
        ResourceBooking(run=run, resource_id=resource, request_id=request, pinned=True, source=source)
        for request, (resource, source) in sorted(mapped.booked.items())
    ]
    unfilled: defaultdict[int, _Unfilled] = defaultdict(_Unfilled)
    for item in solution.unfilled:
        row = unfilled[_pk(item.shift, "s")]
        row.missing += item.missing
        row.reasons.extend(
            {key: value for key, value in vars(reason).items() if value is not None} for reason in item.reasons
        )
        row.suggestion = "\n".join(filter(None, [row.suggestion, item.suggestion]))
    unfilled_rows = [
        UnfilledSeat(
            run=run, shift_id=shift, missing=row.missing, reasons=_plain(row.reasons), suggestion=row.suggestion
        )
        for shift, row in sorted(unfilled.items())
    ]
    stats = _plain(
        {
            "status": getattr(solution.status, "value", str(solution.status)),
            "objective": solution.objective,
            "bound": solution.bound,
            "gap": solution.gap,
            "seconds": round(solution.seconds, 3),
            "solver": solution.solver,
            "problem": mapped.counts,
        }
    )
    metrics = _plain(dict(solution.metrics)) | preferences_matched(mapped.data, solution.assignments)
    for figure in ("requests_met", "requests_total"):  # the pinned bookings were met outside the solver
        if mapped.booked and figure in metrics:
            metrics[figure] += len(mapped.booked)
    return PlanRows(assignments=assignments, bookings=bookings, unfilled=unfilled_rows, stats=stats, metrics=metrics)


def preferences_matched(data: dict, assignments) -> dict:
    """How many of the plan's assignments gave a volunteer a shift they prefer (the shift or its post among their
    preferences), and how many volunteers stated a preference this week."""
    preferences = {v["id"]: set(v["preferences"]) for v in data["volunteers"] if v.get("preferences")}
    post = {s["id"]: s.get("post") for s in data["shifts"]}
    matched = sum(
        1
        for volunteer, shift in assignments
        if shift in preferences.get(volunteer, ()) or post.get(shift) in preferences.get(volunteer, ())
    )
    return {"preferences_matched": matched, "preferences_stated": len(preferences)}
