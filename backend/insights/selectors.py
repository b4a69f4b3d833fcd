"""Reads behind the coordinators' trend charts: figures per ISO week (Monday, in settings.TIME_ZONE) over a period,
always inside the caller's communities. Every figure is aggregated in the database by a fixed number of grouped
queries, so the query count depends neither on the number of weeks nor on the number of communities.

Which plan counts for a community and week (documented choice): the most recently published plan whose scope
covers the community (its own, its sub-district's or the district's); for unfilled seats, when nothing is
published, the latest finished run covering it.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import TruncDate, TruncWeek
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.scoping import Scope, scope_queryset
from core.weeks import district_zone, monday_of
from geo.models import Community, District, SubDistrict
from lending.models import ResourceWithdrawal
from needs.models import Need
from people.models import Skill, Volunteer
from planning.models import Assignment, MatchingRun, Publication, ResourceBooking, UnfilledSeat
from records.models import ServiceRecord
from resources.models import Resource, ResourceSlot
from shifts.models import Shift
from volunteering.models import AssignmentResponse

Role = User.Role
COMMUNITIES = Scope(community="self")
WEEK = dt.timedelta(days=7)
MAX_WEEKS = 52
DEFAULT_WEEKS = 12
TOP_SHARE = 0.10  # "the top 10%" of the fairness figures


# ---------------------------------------------------------------- period and scope


@dataclass(frozen=True)
class Period:
    """Whole ISO weeks from the Monday `start` to the Monday `end` (both included)."""

    start: dt.date
    end: dt.date

    @property
    def weeks(self) -> list[dt.date]:
        return [self.start + i * WEEK for i in range((self.end - self.start).days // 7 + 1)]

    @property
    def last_day(self) -> dt.date:
        return self.end + dt.timedelta(days=6)


def period_get(
    *, weeks: int | None = None, start: dt.date | None = None, end: dt.date | None = None, today: dt.date | None = None
) -> Period:
    """The given Mondays, or the `weeks` latest weeks up to and including the current one (district time)."""
    if start is not None and end is not None:
        return Period(start=start, end=end)
    current = monday_of(today)
    return Period(start=current - ((weeks or DEFAULT_WEEKS) - 1) * WEEK, end=current)


@dataclass(frozen=True)
class InsightScope:
    """The communities the figures cover: a community, a sub-district's or the whole district's."""

    level: str
    id: int | None
    name: str
    communities: dict[int, Community] = field(default_factory=dict)

    @property
    def ids(self) -> list[int]:
        return sorted(self.communities)

    def q(self, path: str) -> Q:
        return Q(**{f"{path}__in": self.ids})


def insight_scope_get(*, user: User, community: int | None = None, sub_district: int | None = None) -> InsightScope:
    """The caller's communities, narrowed by an optional community or sub-district filter; 404 when the filter
    lies outside the caller's scope (or does not exist)."""
    rows = scope_queryset(Community.objects.select_related("sub_district__district"), user, COMMUNITIES)
    if community is not None:
        rows = rows.filter(pk=community)
    elif sub_district is not None:
        rows = rows.filter(sub_district_id=sub_district)
    found = {row.pk: row for row in rows.order_by("pk")}
    if community is not None or sub_district is not None:
        if not found:
            raise Http404(_("No such community or sub-district in your scope."))
    if community is None and user.role == Role.COMMUNITY and not user.is_superuser:
        community = user.community_id  # a sub-district filter cannot widen a community coordinator's scope
    if community is not None:
        only = found.get(community)
        return InsightScope(level="community", id=community, name=only.name if only else "", communities=found)
    narrowed_to = sub_district
    if narrowed_to is None and user.role == Role.SUBDISTRICT and not user.is_superuser:
        narrowed_to = user.sub_district_id
    if narrowed_to is not None:
        names = {row.sub_district_id: row.sub_district.name for row in found.values()}
        name = names.get(narrowed_to) or (
            SubDistrict.objects.filter(pk=narrowed_to).values_list("name", flat=True).first()
        )
        return InsightScope(level="sub_district", id=narrowed_to, name=name or "", communities=found)
    district = next((row.sub_district.district for row in found.values()), None) or District.objects.first()
    return InsightScope(
        level="district", id=getattr(district, "pk", None), name=getattr(district, "name", ""), communities=found
    )


# ---------------------------------------------------------------- small helpers


def ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def hours_of(minutes: float | None) -> float:
    return round((minutes or 0) / 60, 2)


def _seconds(value) -> float:
    """A summed duration: a timedelta (PostgreSQL, SQLite) or microseconds (some SQLite aggregates)."""
    if value is None:
        return 0.0
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value) / 1_000_000


def _as_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _governing_runs(runs: list[dict], communities, *, key) -> dict[tuple[int, dt.date], int]:
    """(community id, week) -> the id of the run that counts: the one with the highest `key` covering it."""
    everyone = list(communities)
    by_sub_district = defaultdict(list)
    for community in everyone:
        by_sub_district[community.sub_district_id].append(community.pk)
    known = {community.pk for community in everyone}
    covered = {
        MatchingRun.Level.DISTRICT: lambda run: known,
        MatchingRun.Level.SUB_DISTRICT: lambda run: by_sub_district.get(run["sub_district_id"], ()),
        MatchingRun.Level.COMMUNITY: lambda run: (run["community_id"],) if run["community_id"] in known else (),
    }
    chosen: dict[tuple[int, dt.date], dict] = {}
    for run in runs:
        for pk in covered[run["level"]](run):
            slot = (pk, run["week"])
            if slot not in chosen or key(run) > key(chosen[slot]):
                chosen[slot] = run
    return {slot: run["id"] for slot, run in chosen.items()}


RUN_FIELDS = ("id", "week", "level", "community_id", "sub_district_id")


def published_plans(*, period: Period, communities) -> dict[tuple[int, dt.date], int]:
    """(community id, week) -> the run of the latest publication covering that community in that week."""
    runs = list(
        Publication.objects.filter(week__range=(period.start, period.end)).values(
            "published_at", "run_id", *(f"run__{name}" for name in RUN_FIELDS[1:])
        )
    )
    runs = [
        {"id": r["run_id"], "published_at": r["published_at"], **{name: r[f"run__{name}"] for name in RUN_FIELDS[1:]}}
        for r in runs
    ]
    return _governing_runs(runs, communities, key=lambda run: (run["published_at"], run["id"]))


# ---------------------------------------------------------------- weeks


def weekly_seats_filled(*, scope: InsightScope, period: Period) -> dict[dt.date, dict]:
    """Per week: seats of the shifts in published plans and the seats filled there (assignments not declined or
    moved by a backfill), in total and per priority. Shifts of a community and week without a published plan
    are not counted. Filled never exceeds the seats: the solver and the review both hold the seats as a hard rule."""
    plans = published_plans(period=period, communities=scope.communities.values())
    seats = (
        Shift.objects.filter(scope.q("community_id"), week__range=(period.start, period.end))
        .values("community_id", "week", "priority")
        .annotate(seats=Sum("seats"))
    )
    filled = (
        Assignment.objects.filter(
            scope.q("shift__community_id"), run__publication__isnull=False, run__week__range=(period.start, period.end)
        )
        .exclude(response__status__in=AssignmentResponse.OFF)
        .values("run_id", "run__week", "shift__community_id", "shift__priority")
        .annotate(filled=Count("id"))
    )
    figures: dict[dt.date, dict] = {
        week: {"total": 0, "filled": 0, "by_priority": defaultdict(lambda: [0, 0])} for week in period.weeks
    }
    for row in seats:
        if (row["community_id"], row["week"]) in plans:
            week = figures[row["week"]]
            week["total"] += row["seats"]
            week["by_priority"][row["priority"]][0] += row["seats"]
    for taken in filled:
        if plans.get((taken["shift__community_id"], taken["run__week"])) == taken["run_id"]:
            week = figures[taken["run__week"]]
            week["filled"] += taken["filled"]
            week["by_priority"][taken["shift__priority"]][1] += taken["filled"]
    return {
        week: {
            "total": f["total"],
            "filled": f["filled"],
            "rate": ratio(f["filled"], f["total"]),
            "communities_published": sum(1 for (_c, w) in plans if w == week),
            "by_priority": [
                {"priority": p, "total": t, "filled": n, "rate": ratio(n, t)}
                for p, (t, n) in sorted(f["by_priority"].items())
            ],
        }
        for week, f in figures.items()
    }


def weekly_needs_due(*, scope: InsightScope, period: Period) -> dict[dt.date, dict]:
    """Per week of the deadline: needs due, finished in time (on or before the deadline day, local time), finished
    late, and still open (whatever today's date: an open need due in a past week is overdue)."""
    finished = Q(finished_at__isnull=False) & ~Q(status__in=Need.OPEN)
    rows = (
        Need.objects.filter(scope.q("community_id"), deadline__range=(period.start, period.last_day))
        .annotate(week=TruncWeek("deadline"), finished_on=TruncDate("finished_at", tzinfo=district_zone()))
        .values("week")
        .annotate(
            due=Count("pk"),
            closed_in_time=Count("pk", filter=finished & Q(finished_on__lte=F("deadline"))),
            closed_late=Count("pk", filter=finished & Q(finished_on__gt=F("deadline"))),
            open=Count("pk", filter=Q(status__in=Need.OPEN)),
        )
    )
    empty = {"due": 0, "closed_in_time": 0, "closed_late": 0, "open": 0}
    figures: dict[dt.date, dict] = {week: dict(empty) for week in period.weeks}
    for row in rows:
        counts = dict(row)
        figures[_as_date(counts.pop("week"))] = counts
    return figures


def _approved_records(scope: InsightScope, period: Period):
    return ServiceRecord.objects.filter(
        scope.q("community_id"), status=ServiceRecord.Status.APPROVED, date__range=(period.start, period.last_day)
    )


def weekly_service(*, scope: InsightScope, period: Period) -> dict[dt.date, dict]:
    """Per week: approved service hours (where the service counts) and distinct volunteers who served."""
    rows = (
        _approved_records(scope, period)
        .annotate(week=TruncWeek("date"))
        .values("week")
        .annotate(minutes=Sum("minutes"), volunteers=Count("volunteer_id", distinct=True))
    )
    figures = {week: {"hours": 0.0, "volunteers_served": 0} for week in period.weeks}
    for row in rows:
        figures[_as_date(row["week"])] = {"hours": hours_of(row["minutes"]), "volunteers_served": row["volunteers"]}
    return figures


def week_list(*, scope: InsightScope, period: Period) -> list[dict]:
    """One row per week of the period with the seats, needs and service figures."""
    seats = weekly_seats_filled(scope=scope, period=period)
    needs = weekly_needs_due(scope=scope, period=period)
    service = weekly_service(scope=scope, period=period)
    return [{"week": week, "seats": seats[week], "needs": needs[week], **service[week]} for week in period.weeks]


# ---------------------------------------------------------------- hours per community


def hours_by_community(*, scope: InsightScope, period: Period) -> dict:
    """Approved hours per community per week (one series per community, aligned with `weeks`), and the totals."""
    rows = (
        _approved_records(scope, period)
        .annotate(week=TruncWeek("date"))
        .values("community_id", "week")
        .annotate(minutes=Sum("minutes"))
    )
    weeks = period.weeks
    position = {week: i for i, week in enumerate(weeks)}
    minutes = {pk: [0] * len(weeks) for pk in scope.ids}
    for row in rows:
        minutes[row["community_id"]][position[_as_date(row["week"])]] += row["minutes"]
    series = [
        {
            "community": pk,
            "name": scope.communities[pk].name,
            "hours": [hours_of(m) for m in minutes[pk]],
            "total": hours_of(sum(minutes[pk])),
        }
        for pk in scope.ids
    ]
    by_week = [sum(minutes[pk][i] for pk in scope.ids) for i in range(len(weeks))]
    return {
        "weeks": weeks,
        "communities": series,
        "totals": [hours_of(m) for m in by_week],
        "total": hours_of(sum(by_week)),
    }


# ---------------------------------------------------------------- fairness


def gini(values: list[float]) -> float:
    """Gini coefficient of non-negative values: G = Σ_i (2i − n − 1)·x_(i) / (n · Σ x), x sorted ascending, i = 1..n.

    0 when everybody has the same hours, (n − 1)/n when one person has them all; 0 when nobody has any.
    Example: [0, 0, 10, 30] → (−3·0 − 1·0 + 1·10 + 3·30) / (4·40) = 0.625.
    """
    ordered = sorted(values)
    n, total = len(ordered), sum(ordered)
    if not n or not total:
        return 0.0
    return sum((2 * i - n - 1) * x for i, x in enumerate(ordered, start=1)) / (n * total)


def top_share(values: list[float], share: float = TOP_SHARE) -> float | None:
    """The part of all hours done by the top `share` of people (at least one person: ⌈share·n⌉)."""
    total = sum(values)
    if not total:
        return None
    top = sorted(values, reverse=True)[: max(1, math.ceil(share * len(values)))]
    return sum(top) / total


def spread_of(values: list[float]) -> dict:
    top_10 = top_share(values)
    return {
        "volunteers": len(values),
        "volunteers_with_hours": sum(1 for v in values if v > 0),
        "hours": round(sum(values), 2),
        "gini": round(gini(values), 4),
        "top_10_share": None if top_10 is None else round(top_10, 4),
        "mean": round(statistics.fmean(values), 2) if values else 0.0,
        "median": round(statistics.median(values), 2) if values else 0.0,
        "max": round(max(values), 2) if values else 0.0,
    }


def fairness_by_community(*, scope: InsightScope, period: Period) -> dict:
    """Per community, how evenly approved hours of the period spread over its active volunteers (home community;
    hours wherever they served, those with none count as 0), and the same over the whole scope."""
    served = Q(
        service_records__status=ServiceRecord.Status.APPROVED,
        service_records__date__range=(period.start, period.last_day),
    )
    rows = (
        Volunteer.objects.filter(scope.q("home_community_id"), active=True)
        .values("pk", "home_community_id")
        .annotate(minutes=Sum("service_records__minutes", filter=served))
    )
    hours = defaultdict(list)
    for row in rows:
        hours[row["home_community_id"]].append((row["minutes"] or 0) / 60)
    communities = [{"community": pk, "name": scope.communities[pk].name, **spread_of(hours[pk])} for pk in scope.ids]
    return {"communities": communities, "overall": spread_of([h for pk in scope.ids for h in hours[pk]])}


# ---------------------------------------------------------------- resources


def _duration(start: str, end: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(end) - F(start), output_field=DurationField())


def resource_use(*, scope: InsightScope, period: Period) -> dict:
    """Idle resources of the scope's communities, per unit and category: slot-hours offered in the period (weekly
    slots once per week, dated slots inside it; listed resources only), hours booked in the published plans that
    count (the booked shift's length), the use rate, and how many days were withdrawn."""
    days = (period.start, period.last_day)
    group = ("resource__unit_id", "resource__unit__name", "resource__category")
    offered = (
        ResourceSlot.objects.filter(scope.q("resource__community_id"), resource__status=Resource.Status.LISTED)
        .values(*group)
        .annotate(
            weekly=Sum(_duration("start_time", "end_time"), filter=Q(weekday__isnull=False)),
            dated=Sum(_duration("start_time", "end_time"), filter=Q(date__range=days)),
        )
    )
    every_community = list(Community.objects.only("pk", "sub_district_id"))
    plans = published_plans(period=period, communities=every_community)
    booked = (
        ResourceBooking.objects.filter(
            scope.q("resource__community_id"),
            run__publication__isnull=False,
            run__week__range=(period.start, period.end),
        )
        .values("run_id", "run__week", "request__shift__community_id", *group)
        .annotate(seconds=Sum(_duration("request__shift__start", "request__shift__end")), bookings=Count("id"))
    )
    withdrawn = (
        ResourceWithdrawal.objects.filter(scope.q("resource__community_id"), date__range=days)
        .values(*group)
        .annotate(withdrawals=Count("id"))
    )
    table: dict[tuple, dict] = {}

    def entry(row) -> dict:
        key = (row["resource__unit_id"], row["resource__category"])
        return table.setdefault(
            key,
            {
                "unit": key[0],
                "unit_name": row["resource__unit__name"] or "",
                "category": key[1],
                "offered": 0.0,
                "booked": 0.0,
                "bookings": 0,
                "withdrawals": 0,
            },
        )

    weeks = len(period.weeks)
    for row in offered:
        entry(row)["offered"] += _seconds(row["weekly"]) * weeks + _seconds(row["dated"])
    for row in booked:
        if plans.get((row["request__shift__community_id"], row["run__week"])) == row["run_id"]:
            figures = entry(row)
            figures["booked"] += _seconds(row["seconds"])
            figures["bookings"] += row["bookings"]
    for row in withdrawn:
        entry(row)["withdrawals"] += row["withdrawals"]
    rows = sorted(table.values(), key=lambda r: (r["unit"] is None, r["unit"] or 0, r["category"]))
    return {
        "rows": [_use_row(r, unit=r["unit"], unit_name=r["unit_name"], category=r["category"]) for r in rows],
        "by_unit": _use_totals(
            rows,
            lambda r: (r["unit"] is None, r["unit"] or 0),
            lambda r: {"unit": r["unit"], "unit_name": r["unit_name"]},
        ),
        "by_category": _use_totals(rows, lambda r: r["category"], lambda r: {"category": r["category"]}),
        "total": _use_row(_summed(rows)),
    }


def _summed(rows: list[dict]) -> dict:
    return {name: sum(r[name] for r in rows) for name in ("offered", "booked", "bookings", "withdrawals")}


def _use_row(figures: dict, **labels) -> dict:
    offered, booked = figures["offered"] / 3600, figures["booked"] / 3600
    return {
        **labels,
        "offered_hours": round(offered, 2),
        "booked_hours": round(booked, 2),
        "use_rate": ratio(booked, offered),
        "bookings": figures["bookings"],
        "withdrawals": figures["withdrawals"],
    }


def _use_totals(rows: list[dict], key, labels) -> list[dict]:
    groups: dict = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return [_use_row(_summed(members), **labels(members[0])) for _k, members in sorted(groups.items())]


# ---------------------------------------------------------------- missing skills


def _latest_runs(*, period: Period, communities) -> dict[tuple[int, dt.date], int]:
    """(community id, week) -> the published run that counts, else the latest finished run covering it."""
    runs = list(
        MatchingRun.objects.filter(status=MatchingRun.Status.DONE, week__range=(period.start, period.end)).values(
            *RUN_FIELDS, "publication__published_at", "created_at"
        )
    )
    never = timezone.make_aware(dt.datetime(1970, 1, 1), dt.UTC)

    def key(run):  # published before unpublished, then the latest publication or run
        published = run["publication__published_at"]
        return (published is not None, published or never, run["created_at"], run["id"])

    return _governing_runs(runs, communities, key=key)


def missing_skill_list(*, scope: InsightScope, period: Period) -> dict:
    """The skills most often missing: over the unfilled seats of the runs that count, each skill a shift required
    (level above 0) adds that shift's missing seats, except seats missing only a room. Ranked by seats affected,
    then by weeks in which it occurred. `seats_nobody_in_range` counts seats whose reason is that nobody within
    range has the skill at that level at all: what to recruit first."""
    runs = _latest_runs(period=period, communities=scope.communities.values())
    seats = UnfilledSeat.objects.filter(scope.q("shift__community_id"), run_id__in=sorted(set(runs.values()))).values(
        "run_id", "shift_id", "shift__community_id", "shift__week", "shift__required_skills", "missing", "reasons"
    )
    skills: dict[str, dict] = {}
    no_skill = only_room = 0
    for seat in seats:
        if runs.get((seat["shift__community_id"], seat["shift__week"])) != seat["run_id"]:
            continue
        reasons = seat["reasons"] or []
        if reasons and all(r.get("code") == "no_room" for r in reasons):
            only_room += seat["missing"]
            continue
        wanted = {code: level for code, level in (seat["shift__required_skills"] or {}).items() if level > 0}
        if not wanted:
            no_skill += seat["missing"]
        nobody = {r.get("skill") for r in reasons if r.get("code") == "no_skill_in_range"}
        for code, level in wanted.items():
            row = skills.setdefault(
                code,
                {
                    "seats": 0,
                    "seats_nobody_in_range": 0,
                    "shifts": set(),
                    "weeks": set(),
                    "communities": set(),
                    "max_level": 0,
                },
            )
            row["seats"] += seat["missing"]
            row["seats_nobody_in_range"] += seat["missing"] if code in nobody else 0
            row["shifts"].add(seat["shift_id"])
            row["weeks"].add(seat["shift__week"])
            row["communities"].add(seat["shift__community_id"])
            row["max_level"] = max(row["max_level"], level)
    names = {s.code: s for s in Skill.objects.filter(code__in=list(skills))}
    ranked = sorted(skills.items(), key=lambda item: (-item[1]["seats"], -len(item[1]["weeks"]), item[0]))
    return {
        "skills": [
            {
                "rank": rank,
                "skill": code,
                "name": names[code].name if code in names else code,
                "name_en": (names[code].name_en if code in names else "") or "",
                "seats": row["seats"],
                "seats_nobody_in_range": row["seats_nobody_in_range"],
                "shifts": len(row["shifts"]),
                "communities": len(row["communities"]),
                "max_level": row["max_level"],
                "weeks": sorted(row["weeks"]),
            }
            for rank, (code, row) in enumerate(ranked, start=1)
        ],
        "seats_needing_no_skill": no_skill,
        "seats_missing_a_room": only_room,
    }
