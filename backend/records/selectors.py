"""Reads of service records, always through the caller's scope, and recognition from them: totals of approved
minutes, star levels, points (by the district's table, records.PointsRule, in force on each day) and rankings.
Settings read: RECORDS_STAR_HOURS."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Min, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from attendance.models import Attendance
from core.scoping import Scope, scope_filter, scope_queryset
from geo.models import Community
from orgs.models import Unit
from people.models import Volunteer
from posts.models import PostHolding
from records.models import PointsRule, ServiceRecord

Role = User.Role
RECORD_SCOPE = Scope(community="community", volunteer="volunteer")
VOLUNTEER_SCOPE = Scope(community="home_community", volunteer="pk")
COMMUNITY_SCOPE = Scope(community="self")
UNIT_SCOPE = Scope(community="community", unit="pk")
FULFILLED_NEED = ("completed", "rated")
# A need served (an approved record of one of its shifts) that reached completed or rated by the end of its deadline
# day (the local date of `finished_at`, as the needs dashboard counts "closed in time"); a need closed without
# completion, without a deadline or finished later gives nothing. Each need counts once per volunteer.
_CLOSED_IN_TIME = Q(
    shift__need__status__in=FULFILLED_NEED,
    shift__need__deadline__isnull=False,
    shift__need__finished_at__date__lte=F("shift__need__deadline"),
)


# ---------------------------------------------------------------- records


def _unit_members_q(unit_id) -> Q:
    """A unit representative sees the records of its in-office members who agreed to share them."""
    return Q(
        volunteer__employer_unit_id=unit_id,
        volunteer__kind=Volunteer.Kind.IN_OFFICE,
        volunteer__consent_share_with_unit=True,
    )


def _rows() -> QuerySet[ServiceRecord]:
    return ServiceRecord.objects.select_related("volunteer", "community", "recorder", "reviewed_by").prefetch_related(
        "changes__changed_by"
    )


def record_list(
    *,
    user: User,
    volunteer: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    status: str | None = None,
    source: str | None = None,
) -> QuerySet[ServiceRecord]:
    if user.is_authenticated and user.role == Role.UNIT and not user.is_superuser:
        rows = _rows().filter(_unit_members_q(user.unit_id)) if user.unit_id else ServiceRecord.objects.none()
    else:
        rows = scope_queryset(_rows(), user, RECORD_SCOPE)
    if volunteer is not None:
        rows = rows.filter(volunteer_id=volunteer)
    if date_from is not None:
        rows = rows.filter(date__gte=date_from)
    if date_to is not None:
        rows = rows.filter(date__lte=date_to)
    if status is not None:
        rows = rows.filter(status=status)
    if source is not None:
        rows = rows.filter(source=source)
    return rows.order_by("-date", "-id")


def record_get_for_review(*, user: User, record_id: int) -> ServiceRecord:
    """The record, locked, or 404 when it does not exist or lies outside the coordinator's scope."""
    record = (
        scope_queryset(ServiceRecord.objects.select_for_update(), user, RECORD_SCOPE, write=True)
        .filter(pk=record_id)
        .first()
    )
    if record is None:
        raise Http404("No such record.")
    return record


def volunteer_in_scope(*, user: User, volunteer_id: int) -> Volunteer | None:
    """The volunteer a caller may file a record for: themselves, or one of their communities' volunteers."""
    rows = Volunteer.objects.select_related("home_community", "reported_community")
    condition = scope_filter(user, VOLUNTEER_SCOPE, write=user.role != Role.VOLUNTEER)
    if condition is not None and user.role in (Role.COMMUNITY, Role.SUBDISTRICT):
        # in-office members also count where they reported (报到)
        reported = scope_filter(user, Scope(community="reported_community"), write=True)
        if reported is not None:  # a coordinator's scope is a filter, never everything
            condition = condition | reported
    if condition is not None:
        rows = rows.filter(condition)
    return rows.filter(pk=volunteer_id).first()


# ---------------------------------------------------------------- stars


def star_thresholds() -> tuple[int, ...]:
    return tuple(settings.RECORDS_STAR_HOURS)


@dataclass(frozen=True)
class StarProgress:
    stars: int
    next_star: int | None
    hours_to_next: float | None


def star_progress(*, minutes: int) -> StarProgress:
    """Stars from cumulative minutes, compared in whole minutes so that 100 h is exactly one star."""
    thresholds = star_thresholds()
    stars = sum(1 for hours in thresholds if minutes >= hours * 60)
    if stars >= len(thresholds):
        return StarProgress(stars=stars, next_star=None, hours_to_next=None)
    return StarProgress(
        stars=stars, next_star=stars + 1, hours_to_next=round((thresholds[stars] * 60 - minutes) / 60, 2)
    )


# ---------------------------------------------------------------- points


def points_rules() -> list[PointsRule]:
    """Every row of the district's points table (党员积分), each kind's newest first."""
    return list(PointsRule.objects.all())


def _approved(year: int | None) -> QuerySet[ServiceRecord]:
    rows = ServiceRecord.objects.filter(status=ServiceRecord.Status.APPROVED)
    return rows if year is None else rows.filter(date__year=year)


@dataclass
class Tally:
    """What one volunteer did in a year, dated, for the rules in force on each day: approved minutes by day, and the
    days of each post held, micro-wish served, need finished in time and no-show."""

    minutes: dict[dt.date, int] = field(default_factory=dict)
    days: dict[str, list[dt.date]] = field(default_factory=dict)

    @property
    def total_minutes(self) -> int:
        return sum(self.minutes.values())


def _tallies(*, year: int, records: QuerySet, holdings: QuerySet, no_shows: QuerySet) -> dict[int, Tally]:
    """{volunteer id: Tally} from approved records, active post holdings and no-shows. A need counts once per
    volunteer, on the first day they served it; a post from the day it was taken, or the year's first day."""
    tallies: dict[int, Tally] = {}
    Kind = PointsRule.Kind

    def add(volunteer_id: int, kind: str, day: dt.date) -> None:
        tallies.setdefault(volunteer_id, Tally()).days.setdefault(kind, []).append(day)

    for row in records.values("volunteer_id", "date").annotate(total=Sum("minutes")):
        tally = tallies.setdefault(row["volunteer_id"], Tally())
        tally.minutes[row["date"]] = row["total"] or 0
    needs = records.filter(shift__need__isnull=False).values("volunteer_id", "shift__need")
    wish = Q(shift__need__is_micro_wish=True, shift__need__status__in=FULFILLED_NEED)
    for kind, condition in ((Kind.MICRO_WISH, wish), (Kind.NEED_CLOSED_IN_TIME, _CLOSED_IN_TIME)):
        for row in needs.filter(condition).annotate(first=Min("date")):
            add(row["volunteer_id"], kind, row["first"])
    first_day, last_day = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for volunteer_id, created_at in holdings.values_list("volunteer_id", "created_at"):
        add(volunteer_id, Kind.POST_HELD, min(max(timezone.localdate(created_at), first_day), last_day))
    for volunteer_id, start in no_shows.values_list("volunteer_id", "shift__start"):
        add(volunteer_id, Kind.NO_SHOW, timezone.localdate(start))
    return tallies


def _no_shows(year: int) -> QuerySet[Attendance]:
    return Attendance.objects.filter(status=Attendance.Status.NO_SHOW, shift__start__year=year)


@dataclass(frozen=True)
class PointsLine:
    """How the points of one kind were earned: the units counted (hours, posts, wishes, needs, no-shows) and the
    points they gave after the yearly caps, negative for a deduction."""

    kind: str
    units: int
    points: int


class PointsTable:
    """The rules of each kind by the day they took effect, asked for the one in force on a day."""

    def __init__(self, rules: list[PointsRule]):
        self.by_kind: dict[str, list[PointsRule]] = {}
        for rule in sorted(rules, key=lambda r: r.effective_from):
            self.by_kind.setdefault(rule.kind, []).append(rule)

    def at(self, kind: str, day: dt.date) -> PointsRule | None:
        rules = self.by_kind.get(kind, [])
        index = bisect.bisect_right([r.effective_from for r in rules], day)
        return rules[index - 1] if index else None

    def lines(self, tally: Tally) -> list[PointsLine]:
        """One line per kind the table has, in the order of the kinds; their points sum to the total."""
        return [self._line(kind, tally) for kind in PointsRule.Kind.values if kind in self.by_kind]

    def _line(self, kind: str, tally: Tally) -> PointsLine:
        # (day, rule, units) in the order of the days: hours are whole hours of the minutes served under one rule
        chunks: list[tuple[dt.date, PointsRule | None, int]]
        if kind == PointsRule.Kind.SHIFT_HOUR:
            minutes: dict[int | None, list] = {}
            for day, served in sorted(tally.minutes.items()):
                rule = self.at(kind, day)
                minutes.setdefault(rule.pk if rule else None, [day, rule, 0])[2] += served
            chunks = [(day, rule, served // 60) for day, rule, served in minutes.values()]
        else:
            chunks = [(day, self.at(kind, day), 1) for day in sorted(tally.days.get(kind, []))]
        units = earned = 0
        for _day, rule, count in chunks:
            units += count
            if rule is None:
                continue
            points = rule.points * count
            if rule.yearly_cap is not None:  # the cap in force that day bounds the year's points so far
                points = max(0, min(points, rule.yearly_cap - earned))
            earned += points
        return PointsLine(kind=kind, units=units, points=-earned if kind in PointsRule.DEDUCTIONS else earned)


def points_of(lines: list[PointsLine]) -> int:
    return sum(line.points for line in lines)


@dataclass(frozen=True)
class Summary:
    year: int
    minutes: int
    hours: float
    stars: int
    next_star: int | None
    hours_to_next: float | None
    year_hours: float
    points: int
    breakdown: list[PointsLine]
    pending: int


def record_summary(*, volunteer: Volunteer, year: int) -> Summary:
    """Cumulative approved hours and stars; the year's hours and points; how many entries await review."""
    minutes = _approved(None).filter(volunteer=volunteer).aggregate(total=Sum("minutes"))["total"] or 0
    tally = _tallies(
        year=year,
        records=_approved(year).filter(volunteer=volunteer),
        holdings=PostHolding.objects.filter(volunteer=volunteer, year=year, status=PostHolding.Status.ACTIVE),
        no_shows=_no_shows(year).filter(volunteer=volunteer),
    ).get(volunteer.pk, Tally())
    lines = PointsTable(points_rules()).lines(tally)
    progress = star_progress(minutes=minutes)
    pending = ServiceRecord.objects.filter(volunteer=volunteer, status=ServiceRecord.Status.PENDING).count()
    return Summary(
        year=year,
        minutes=minutes,
        hours=round(minutes / 60, 2),
        stars=progress.stars,
        next_star=progress.next_star,
        hours_to_next=progress.hours_to_next,
        year_hours=round(tally.total_minutes / 60, 2),
        points=points_of(lines),
        breakdown=lines,
        pending=pending,
    )


# ---------------------------------------------------------------- rankings


@dataclass(frozen=True)
class RankingRow:
    rank: int
    volunteer: int
    number: str
    name: str
    hours: float
    points: int


def _readable(queryset: QuerySet, user: User, scope: Scope, pk: int | None, own: set) -> bool:
    """Volunteers and unit representatives read their own community's or unit's ranking; coordinators theirs."""
    if pk in own:
        return True
    if user.role in (Role.UNIT, Role.VOLUNTEER) and not user.is_superuser:
        return False
    return scope_queryset(queryset, user, scope).filter(pk=pk).exists()


def ranking_list(*, user: User, year: int, community: int | None = None, unit: int | None = None) -> list[RankingRow]:
    """Volunteers by points in a community or among a unit's in-office members, consenting ones only (to be named;
    in a unit's ranking also to share their record with it; 404 when the caller may not see that community or
    unit). Ties keep the same rank."""
    volunteer = getattr(user, "volunteer", None) if user.role == Role.VOLUNTEER else None
    if community is not None:
        own = {volunteer.home_community_id, volunteer.reported_community_id} if volunteer else set()
        if not _readable(Community.objects.all(), user, COMMUNITY_SCOPE, community, own):
            raise Http404("No such community.")
        records = _approved(year).filter(community_id=community)
        holdings = PostHolding.objects.filter(post__community_id=community)
        no_shows = _no_shows(year).filter(shift__community_id=community)
    else:
        own = {volunteer.employer_unit_id} if volunteer else set()
        if user.role == Role.UNIT:
            own = {user.unit_id}
        if not _readable(Unit.objects.all(), user, UNIT_SCOPE, unit, own):
            raise Http404("No such unit.")
        # A unit's ranking shows its members' hours to the unit: only those who share their record with it.
        members = Q(
            volunteer__employer_unit_id=unit,
            volunteer__kind=Volunteer.Kind.IN_OFFICE,
            volunteer__consent_share_with_unit=True,
        )
        records = _approved(year).filter(members)
        holdings = PostHolding.objects.filter(members)
        no_shows = _no_shows(year).filter(members)
    consenting = Q(volunteer__consent_rank_name=True)
    tallies = _tallies(
        year=year,
        records=records.filter(consenting),
        holdings=holdings.filter(consenting, year=year, status=PostHolding.Status.ACTIVE),
        no_shows=no_shows.filter(consenting),
    )
    table = PointsTable(points_rules())
    people = Volunteer.objects.in_bulk(list(tallies))
    scored = sorted(
        ((points_of(table.lines(t)), t.total_minutes, people[pk]) for pk, t in tallies.items()),
        key=lambda item: (-item[0], -item[1], item[2].number),
    )
    rows, rank, previous = [], 0, None
    for position, (points, minutes, person) in enumerate(scored, start=1):
        if (points, minutes) != previous:
            rank, previous = position, (points, minutes)
        rows.append(
            RankingRow(
                rank=rank,
                volunteer=person.pk,
                number=person.number,
                name=person.name,
                hours=round(minutes / 60, 2),
                points=points,
            )
        )
    return rows
