"""Reads of service records, always through the caller's scope, and recognition from them: totals of approved
minutes, star levels, points and rankings. Settings read: RECORDS_STAR_HOURS, RECORDS_POINTS."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet, Sum
from django.http import Http404

from accounts.models import User
from core.scoping import Scope, scope_filter, scope_queryset
from geo.models import Community
from orgs.models import Unit
from people.models import Volunteer
from posts.models import PostHolding
from records.models import ServiceRecord

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
EMPTY_TOTALS = {"minutes": 0, "posts": 0, "wishes": 0, "in_time": 0}


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


def points_rules() -> dict[str, int]:
    """Points per full hour of approved service, per active post holding in the year, per micro-wish served, and
    per need served that was finished on or before its deadline (限时办结; "need_closed_in_time")."""
    return dict(settings.RECORDS_POINTS)


def _approved(year: int | None) -> QuerySet[ServiceRecord]:
    rows = ServiceRecord.objects.filter(status=ServiceRecord.Status.APPROVED)
    return rows if year is None else rows.filter(date__year=year)


def _points_by_volunteer(*, records: QuerySet, holdings: QuerySet) -> dict[int, dict]:
    """{volunteer id: {"minutes", "posts", "wishes", "in_time"}} from approved records and active post holdings."""
    totals: dict[int, dict] = {}

    def entry(volunteer_id):
        return totals.setdefault(volunteer_id, dict(EMPTY_TOTALS))

    for row in records.values("volunteer_id").annotate(
        minutes=Sum("minutes"),
        wishes=Count(
            "shift__need",
            distinct=True,
            filter=Q(shift__need__is_micro_wish=True, shift__need__status__in=FULFILLED_NEED),
        ),
        in_time=Count("shift__need", distinct=True, filter=_CLOSED_IN_TIME),
    ):
        entry(row["volunteer_id"]).update(minutes=row["minutes"] or 0, wishes=row["wishes"], in_time=row["in_time"])
    for row in holdings.values("volunteer_id").annotate(posts=Count("id")):
        entry(row["volunteer_id"])["posts"] = row["posts"]
    return totals


def points_of(totals: dict) -> int:
    rules = points_rules()
    return (
        rules["shift_hour"] * (totals["minutes"] // 60)
        + rules["post_held"] * totals["posts"]
        + rules["micro_wish"] * totals["wishes"]
        + rules["need_closed_in_time"] * totals["in_time"]
    )


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
    pending: int


def record_summary(*, volunteer: Volunteer, year: int) -> Summary:
    """Cumulative approved hours and stars; the year's hours and points; how many entries await review."""
    minutes = _approved(None).filter(volunteer=volunteer).aggregate(total=Sum("minutes"))["total"] or 0
    totals = _points_by_volunteer(
        records=_approved(year).filter(volunteer=volunteer),
        holdings=PostHolding.objects.filter(volunteer=volunteer, year=year, status=PostHolding.Status.ACTIVE),
    ).get(volunteer.pk, EMPTY_TOTALS)
    progress = star_progress(minutes=minutes)
    pending = ServiceRecord.objects.filter(volunteer=volunteer, status=ServiceRecord.Status.PENDING).count()
    return Summary(
        year=year,
        minutes=minutes,
        hours=round(minutes / 60, 2),
        stars=progress.stars,
        next_star=progress.next_star,
        hours_to_next=progress.hours_to_next,
        year_hours=round(totals["minutes"] / 60, 2),
        points=points_of(totals),
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
    consenting = Q(volunteer__consent_rank_name=True)
    totals = _points_by_volunteer(
        records=records.filter(consenting),
        holdings=holdings.filter(consenting, year=year, status=PostHolding.Status.ACTIVE),
    )
    people = Volunteer.objects.in_bulk(list(totals))
    scored = sorted(
        ((points_of(t), t["minutes"], people[pk]) for pk, t in totals.items()),
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
