"""The input of the weekly matching: frozen dataclasses, parsed from the documented JSON and validated up front.

Every error names the offending field path or id, so the CLI can print one line and exit with status 2.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from .errors import ProblemError

# Minutes since this instant are the package's internal time unit (integers: exact overlap tests).
EPOCH = datetime(2000, 1, 1)

DEFAULT_MAX_DISTANCE_KM = 5.0


def to_minutes(value: datetime) -> int:
    return int((value - EPOCH).total_seconds() // 60)


def from_minutes(minutes: int) -> datetime:
    from datetime import timedelta

    return EPOCH + timedelta(minutes=int(minutes))


def format_time(minutes: int) -> str:
    return from_minutes(minutes).strftime("%Y-%m-%dT%H:%M")


@dataclass(frozen=True)
class Location:
    lat: float
    lng: float


@dataclass(frozen=True)
class Weights:
    """Weights of the soft rules; all of them together can never outweigh one filled seat (see formulation)."""

    keep: float = 4.0  # keep post holders and last week's people in their posts
    distance: float = 1.0  # prefer closer volunteers (linear in distance / travel limit)
    skill: float = 1.0  # prefer a better skill fit (level above the minimum)
    fairness: float = 1.0  # rising cost per extra shift of one person in the week
    preference: float = 2.0  # honour a volunteer's stated preferences (shift ids, posts)


@dataclass(frozen=True)
class Volunteer:
    id: str
    location: Location
    skills: Mapping[str, int]
    availability: tuple[tuple[int, int], ...]  # minutes since EPOCH, sorted and merged
    max_hours: float
    max_distance_km: float | None = None
    posts: tuple[str, ...] = ()  # 一编三定 posts this person holds
    preferences: tuple[str, ...] = ()  # preferred shift ids or post names
    area: str | None = None  # sub-district, for decomposition and reports


@dataclass(frozen=True)
class Shift:
    id: str
    location: Location
    start: int
    end: int
    seats: int
    priority: int
    required_skills: Mapping[str, int]
    post: str | None = None
    resource_request: str | None = None
    area: str | None = None
    place: str | None = None  # a human name of the place, for explanations

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Resource:
    id: str
    kind: str
    capacity: int
    features: frozenset[str]
    location: Location
    availability: tuple[tuple[int, int], ...]
    area: str | None = None


@dataclass(frozen=True)
class ResourceRequest:
    id: str
    kind: str
    min_capacity: int
    features: frozenset[str]
    start: int
    end: int
    location: Location
    priority: int
    max_distance_km: float | None = None
    area: str | None = None


@dataclass(frozen=True)
class Problem:
    volunteers: tuple[Volunteer, ...]
    shifts: tuple[Shift, ...]
    resources: tuple[Resource, ...] = ()
    resource_requests: tuple[ResourceRequest, ...] = ()
    max_distance_km: float = DEFAULT_MAX_DISTANCE_KM
    locks: tuple[tuple[str, str], ...] = ()
    forbidden: tuple[tuple[str, str], ...] = ()
    weights: Weights = field(default_factory=Weights)
    previous_assignments: tuple[tuple[str, str], ...] = ()
    previous_posts: Mapping[str, str] = field(default_factory=dict)  # last week's shift id -> its post
    name: str = ""

    def volunteer_index(self) -> dict[str, int]:
        return {v.id: i for i, v in enumerate(self.volunteers)}

    def shift_index(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.shifts)}

    def resource_index(self) -> dict[str, int]:
        return {r.id: i for i, r in enumerate(self.resources)}

    def request_index(self) -> dict[str, int]:
        return {q.id: i for i, q in enumerate(self.resource_requests)}

    @property
    def total_seats(self) -> int:
        return sum(s.seats for s in self.shifts)


# ---------------------------------------------------------------- parsing helpers


def _require(obj: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(obj, Mapping):
        raise ProblemError(f"{where}: expected an object")
    if key not in obj or obj[key] is None:
        raise ProblemError(f"{where}.{key}: missing field")
    return obj[key]


def _str(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ProblemError(f"{where}: expected a string id, got {value!r}")
    text = str(value)
    if not text:
        raise ProblemError(f"{where}: empty id")
    return text


def _number(value: Any, where: str, *, minimum: float | None = None, integer: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ProblemError(f"{where}: expected a number, got {value!r}")
    if integer and int(value) != value:
        raise ProblemError(f"{where}: expected an integer, got {value!r}")
    if minimum is not None and value < minimum:
        raise ProblemError(f"{where}: must be at least {minimum:g}, got {value!r}")
    return int(value) if integer else float(value)


def _level(value: Any, where: str, low: int = 1) -> int:
    level = _number(value, where, integer=True)
    if not low <= level <= 5:
        raise ProblemError(f"{where}: level must be between {low} and 5, got {value!r}")
    return int(level)


def _time(value: Any, where: str) -> int:
    if not isinstance(value, str):
        raise ProblemError(f"{where}: expected an ISO 8601 date-time string, got {value!r}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ProblemError(f"{where}: not an ISO 8601 date-time: {value!r}") from None
    if parsed.tzinfo is not None:
        parsed = parsed.replace(tzinfo=None)  # times are local; an offset is accepted and dropped
    return to_minutes(parsed)


def _interval(value: Any, where: str) -> tuple[int, int]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ProblemError(f"{where}: expected [start, end]")
    start, end = _time(value[0], f"{where}[0]"), _time(value[1], f"{where}[1]")
    if end <= start:
        raise ProblemError(f"{where}: end {value[1]} is not after start {value[0]}")
    return start, end


def _intervals(value: Any, where: str) -> tuple[tuple[int, int], ...]:
    if not isinstance(value, (list, tuple)):
        raise ProblemError(f"{where}: expected a list of [start, end]")
    spans = sorted(_interval(item, f"{where}[{i}]") for i, item in enumerate(value))
    merged: list[list[int]] = []
    for start, end in spans:  # touching or overlapping spans are one span: a shift may straddle them
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged)


def _location(value: Any, where: str) -> Location:
    if not isinstance(value, Mapping):
        raise ProblemError(f'{where}: expected {{"lat", "lng"}}')
    lat = _number(_require(value, "lat", where), f"{where}.lat")
    lng = _number(_require(value, "lng", where), f"{where}.lng")
    if not -90 <= lat <= 90:
        raise ProblemError(f"{where}.lat: out of range: {lat}")
    if not -180 <= lng <= 180:
        raise ProblemError(f"{where}.lng: out of range: {lng}")
    return Location(lat, lng)


def _skill_map(value: Any, where: str, low: int) -> Mapping[str, int]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise ProblemError(f"{where}: expected an object {{skill: level}}")
    return MappingProxyType({_str(k, f"{where} key"): _level(v, f"{where}.{k}", low) for k, v in value.items()})


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise ProblemError(f"{where}: expected a list of strings")
    return tuple(_str(v, f"{where}[{i}]") for i, v in enumerate(value))


def _optional_distance(obj: Mapping[str, Any], where: str) -> float | None:
    value = obj.get("max_distance_km")
    return None if value is None else _number(value, f"{where}.max_distance_km", minimum=0)


def _unique(items, kind: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            raise ProblemError(f"{kind}[{i}].id: duplicate id {item.id!r}")
        seen.add(item.id)


def _list(data: Mapping[str, Any], key: str, required: bool = True) -> list:
    if key not in data or data[key] is None:
        if required:
            raise ProblemError(f"{key}: missing field")
        return []
    if not isinstance(data[key], list):
        raise ProblemError(f"{key}: expected a list")
    return data[key]


# ---------------------------------------------------------------- the entities


def _volunteer(obj: Any, i: int) -> Volunteer:
    where = f"volunteers[{i}]"
    vid = _str(_require(obj, "id", where), f"{where}.id")
    where = f"volunteers[{i}] (id {vid})"
    return Volunteer(
        id=vid,
        location=_location(_require(obj, "location", where), f"{where}.location"),
        skills=_skill_map(obj.get("skills", {}), f"{where}.skills", 1),
        availability=_intervals(_require(obj, "availability", where), f"{where}.availability"),
        max_hours=_number(_require(obj, "max_hours", where), f"{where}.max_hours", minimum=0),
        max_distance_km=_optional_distance(obj, where),
        posts=_str_list(obj.get("posts"), f"{where}.posts"),
        preferences=_str_list(obj.get("preferences"), f"{where}.preferences"),
        area=None if obj.get("area") is None else str(obj["area"]),
    )


def _timed(obj: Any, where: str) -> tuple[int, int, int]:
    """start, end (after start) and priority 1-5 of a shift or a resource request."""
    start = _time(_require(obj, "start", where), f"{where}.start")
    end = _time(_require(obj, "end", where), f"{where}.end")
    if end <= start:
        raise ProblemError(f"{where}.end: {obj['end']} is not after start {obj['start']}")
    priority = _number(_require(obj, "priority", where), f"{where}.priority", integer=True)
    if not 1 <= priority <= 5:
        raise ProblemError(f"{where}.priority: must be between 1 and 5, got {priority}")
    return start, end, int(priority)


def _shift(obj: Any, i: int) -> Shift:
    where = f"shifts[{i}]"
    sid = _str(_require(obj, "id", where), f"{where}.id")
    where = f"shifts[{i}] (id {sid})"
    start, end, priority = _timed(obj, where)
    request = obj.get("resource_request")
    return Shift(
        id=sid,
        location=_location(_require(obj, "location", where), f"{where}.location"),
        start=start,
        end=end,
        seats=int(_number(_require(obj, "seats", where), f"{where}.seats", minimum=0, integer=True)),
        priority=int(priority),
        required_skills=_skill_map(obj.get("required_skills", {}), f"{where}.required_skills", 0),
        post=None if obj.get("post") is None else _str(obj["post"], f"{where}.post"),
        resource_request=None if request is None else _str(request, f"{where}.resource_request"),
        area=None if obj.get("area") is None else str(obj["area"]),
        place=None if obj.get("place") is None else str(obj["place"]),
    )


def _resource(obj: Any, i: int) -> Resource:
    where = f"resources[{i}]"
    rid = _str(_require(obj, "id", where), f"{where}.id")
    where = f"resources[{i}] (id {rid})"
    return Resource(
        id=rid,
        kind=_str(_require(obj, "kind", where), f"{where}.kind"),
        capacity=int(_number(_require(obj, "capacity", where), f"{where}.capacity", minimum=0, integer=True)),
        features=frozenset(_str_list(obj.get("features"), f"{where}.features")),
        location=_location(_require(obj, "location", where), f"{where}.location"),
        availability=_intervals(_require(obj, "availability", where), f"{where}.availability"),
        area=None if obj.get("area") is None else str(obj["area"]),
    )


def _request(obj: Any, i: int) -> ResourceRequest:
    where = f"resource_requests[{i}]"
    qid = _str(_require(obj, "id", where), f"{where}.id")
    where = f"resource_requests[{i}] (id {qid})"
    start, end, priority = _timed(obj, where)
    return ResourceRequest(
        id=qid,
        kind=_str(_require(obj, "kind", where), f"{where}.kind"),
        min_capacity=int(
            _number(_require(obj, "min_capacity", where), f"{where}.min_capacity", minimum=0, integer=True)
        ),
        features=frozenset(_str_list(obj.get("features"), f"{where}.features")),
        start=start,
        end=end,
        location=_location(_require(obj, "location", where), f"{where}.location"),
        priority=int(priority),
        max_distance_km=_optional_distance(obj, where),
        area=None if obj.get("area") is None else str(obj["area"]),
    )


def _pairs(
    data: Mapping[str, Any],
    key: str,
    volunteers: set[str],
    shifts: set[str],
    check_shift: bool = True,
    names: tuple[str, str] = ("volunteer", "shift"),
) -> tuple[tuple[str, str], ...]:
    """A list of id pairs (`locks`, `forbidden`, ...), each id checked; `names` are the items' two fields
    (the post format's pairs are {"member", "post"})."""
    first, second = names
    out = []
    for i, item in enumerate(_list(data, key, required=False)):
        where = f"{key}[{i}]"
        vid = _str(_require(item, first, where), f"{where}.{first}")
        sid = _str(_require(item, second, where), f"{where}.{second}")
        if vid not in volunteers:
            raise ProblemError(f"{where}.{first}: unknown {first} id {vid!r}")
        if check_shift and sid not in shifts:
            raise ProblemError(f"{where}.{second}: unknown {second} id {sid!r}")
        out.append((vid, sid))
    return tuple(out)


def _weights(value: Any) -> Weights:
    if value is None:
        return Weights()
    if not isinstance(value, Mapping):
        raise ProblemError("weights: expected an object")
    known = Weights.__dataclass_fields__
    kwargs = {}
    for key, raw in value.items():
        if key not in known:
            raise ProblemError(f"weights.{key}: unknown weight (known: {', '.join(known)})")
        kwargs[key] = _number(raw, f"weights.{key}", minimum=0)
    return Weights(**kwargs)


def parse_problem(data: Any) -> Problem:
    """Turn the documented JSON structure (already decoded) into a validated Problem."""
    if not isinstance(data, Mapping):
        raise ProblemError("problem: expected a JSON object at the top level")
    volunteers = tuple(_volunteer(v, i) for i, v in enumerate(_list(data, "volunteers")))
    shifts = tuple(_shift(s, i) for i, s in enumerate(_list(data, "shifts")))
    resources = tuple(_resource(r, i) for i, r in enumerate(_list(data, "resources", required=False)))
    requests = tuple(_request(q, i) for i, q in enumerate(_list(data, "resource_requests", required=False)))
    _unique(volunteers, "volunteers")
    _unique(shifts, "shifts")
    _unique(resources, "resources")
    _unique(requests, "resource_requests")
    request_ids = {q.id for q in requests}
    for i, s in enumerate(shifts):
        if s.resource_request is not None and s.resource_request not in request_ids:
            raise ProblemError(
                f"shifts[{i}] (id {s.id}).resource_request: unknown resource request id {s.resource_request!r}"
            )
    vids, sids = {v.id for v in volunteers}, {s.id for s in shifts}
    previous_posts: dict[str, str] = {}
    for item in _list(data, "previous_assignments", required=False):
        if isinstance(item, Mapping) and item.get("post") is not None and item.get("shift") is not None:
            previous_posts[str(item["shift"])] = str(item["post"])
    max_distance = data.get("max_distance_km", DEFAULT_MAX_DISTANCE_KM)
    return Problem(
        volunteers=volunteers,
        shifts=shifts,
        resources=resources,
        resource_requests=requests,
        max_distance_km=_number(max_distance, "max_distance_km", minimum=0),
        locks=_pairs(data, "locks", vids, sids),
        forbidden=_pairs(data, "forbidden", vids, sids),
        weights=_weights(data.get("weights")),
        # last week's shifts are not in this week's problem: only the volunteer id is checked
        previous_assignments=_pairs(data, "previous_assignments", vids, sids, check_shift=False),
        previous_posts=MappingProxyType(previous_posts),
        name=str(data.get("name", "")),
    )


def read_json(path: str) -> Any:
    """A JSON file's content; a missing, malformed or non-UTF-8 file is a one-line ProblemError."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise ProblemError(f"{path}: no such file") from None
    except json.JSONDecodeError as exc:
        raise ProblemError(f"{path}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except UnicodeDecodeError:
        raise ProblemError(f"{path}: not UTF-8 text") from None


def load_problem(path: str) -> Problem:
    """Read and validate a problem file; raises ProblemError with a one-line message."""
    data = read_json(path)
    return parse_problem(data)


# ---------------------------------------------------------------- writing back


def _loc(loc: Location) -> dict:
    return {"lat": round(loc.lat, 6), "lng": round(loc.lng, 6)}


def _span(span: tuple[int, int]) -> list[str]:
    return [format_time(span[0]), format_time(span[1])]


def problem_to_dict(problem: Problem) -> dict:
    """The documented JSON structure of a problem (inverse of parse_problem)."""

    def opt(d: dict, key: str, value: Any) -> dict:
        if value not in (None, (), [], {}):
            d[key] = value
        return d

    volunteers = []
    for v in problem.volunteers:
        d = {
            "id": v.id,
            "location": _loc(v.location),
            "skills": dict(v.skills),
            "availability": [_span(a) for a in v.availability],
            "max_hours": v.max_hours,
        }
        opt(d, "max_distance_km", v.max_distance_km)
        opt(d, "posts", list(v.posts))
        opt(d, "preferences", list(v.preferences))
        opt(d, "area", v.area)
        volunteers.append(d)
    shifts = []
    for s in problem.shifts:
        d = {
            "id": s.id,
            "location": _loc(s.location),
            "start": format_time(s.start),
            "end": format_time(s.end),
            "seats": s.seats,
            "priority": s.priority,
            "required_skills": dict(s.required_skills),
        }
        for key in ("post", "resource_request", "area", "place"):
            opt(d, key, getattr(s, key))
        shifts.append(d)
    resources = []
    for r in problem.resources:
        d = {
            "id": r.id,
            "kind": r.kind,
            "capacity": r.capacity,
            "features": sorted(r.features),
            "location": _loc(r.location),
            "availability": [_span(a) for a in r.availability],
        }
        opt(d, "area", r.area)
        resources.append(d)
    requests = []
    for q in problem.resource_requests:
        d = {
            "id": q.id,
            "kind": q.kind,
            "min_capacity": q.min_capacity,
            "features": sorted(q.features),
            "start": format_time(q.start),
            "end": format_time(q.end),
            "location": _loc(q.location),
            "priority": q.priority,
        }
        opt(d, "max_distance_km", q.max_distance_km)
        opt(d, "area", q.area)
        requests.append(d)
    previous = []
    for vid, sid in problem.previous_assignments:
        item = {"volunteer": vid, "shift": sid}
        opt(item, "post", problem.previous_posts.get(sid))
        previous.append(item)
    out = {
        "name": problem.name,
        "max_distance_km": problem.max_distance_km,
        "weights": dict(problem.weights.__dict__),
        "volunteers": volunteers,
        "shifts": shifts,
        "resources": resources,
        "resource_requests": requests,
        "locks": [{"volunteer": v, "shift": s} for v, s in problem.locks],
        "forbidden": [{"volunteer": v, "shift": s} for v, s in problem.forbidden],
        "previous_assignments": previous,
    }
    return out
