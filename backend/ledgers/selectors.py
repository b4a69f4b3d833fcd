"""Reads of unit ledgers: the caller's ledgers (a unit representative: their unit; coordinators: the units
located in their communities), and the month's facts per unit that the monthly task writes down."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from attendance.models import Attendance
from core.scoping import Scope, scope_queryset
from ledgers.models import UnitLedger
from lending.selectors import published_bookings
from projects.models import Project

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

LEDGERS = Scope(community="unit__community", unit="unit")


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The local month of `month` as aware datetimes [first day, first day of the next month)."""
    zone = timezone.get_current_timezone()
    first = month.replace(day=1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    return dt.datetime.combine(first, dt.time(0), tzinfo=zone), dt.datetime.combine(after, dt.time(0), tzinfo=zone)


def previous_month(today: dt.date) -> dt.date:
    return (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


class LedgerCounts(TypedDict):
    """What ledger_list counts on each ledger."""

    entry_count: int


def ledger_list(
    *,
    user: User,
    unit_id: int | None = None,
    month: dt.date | None = None,
) -> QuerySet[WithAnnotations[UnitLedger, LedgerCounts]]:
    ledgers = scope_queryset(UnitLedger.objects.all(), user, LEDGERS)
    if unit_id is not None:
        ledgers = ledgers.filter(unit_id=unit_id)
    if month is not None:
        ledgers = ledgers.filter(month=month.replace(day=1))
    return ledgers.select_related("unit").annotate(entry_count=Count("entries")).order_by("-month", "unit_id")


def ledger_get(*, user: User, ledger_id: int, write: bool = False) -> UnitLedger:
    ledger = (
        scope_queryset(UnitLedger.objects.all(), user, LEDGERS, write=write)
        .select_related("unit")
        .prefetch_related("entries__created_by")
        .filter(pk=ledger_id)
        .first()
    )
    if ledger is None:
        raise Http404
    return ledger


def unit_month_facts(*, month: dt.date) -> dict[int, dict]:
    """Per unit id, what it did in the month, from four grouped queries for the whole district:

    - projects it joined: those it undertook that ran in the month, and those whose shifts in the month used its
      resources or its members; each with its roles and its sessions (shifts) in the month;
    - its resources' published bookings, with the minutes of the shifts they served;
    - the minutes served by its in-office members who share their record with the unit (consent; the others
      are not counted).
    """
    start, end = month_bounds(month)
    first, last = start.date(), end.date() - dt.timedelta(days=1)
    facts: dict[int, dict] = defaultdict(
        lambda: {
            "projects": {},
            "resources": {},
            "booking_count": 0,
            "resource_minutes": 0,
            "member_count": 0,
            "member_minutes": 0,
        }
    )
    roles: dict[int, dict[int, set]] = defaultdict(lambda: defaultdict(set))  # unit -> project -> roles

    for project_id, unit_id in Project.objects.filter(
        unit__isnull=False,
        start_date__lte=last,
        end_date__gte=first,
    ).values_list("pk", "unit_id"):
        roles[unit_id][project_id].add("undertook")

    bookings = (
        published_bookings()
        .filter(
            resource__unit__isnull=False,
            request__shift__start__gte=start,
            request__shift__start__lt=end,
        )
        .values(
            "resource_id",
            "resource__name",
            "resource__unit_id",
            "request__shift__start",
            "request__shift__end",
            "request__shift__project_id",
        )
    )
    for row in bookings.order_by("resource_id", "request__shift__start"):
        minutes = int((row["request__shift__end"] - row["request__shift__start"]) // dt.timedelta(minutes=1))
        unit = facts[row["resource__unit_id"]]
        resource = unit["resources"].setdefault(
            row["resource_id"], {"id": row["resource_id"], "name": row["resource__name"], "bookings": 0, "minutes": 0}
        )
        resource["bookings"] += 1
        resource["minutes"] += minutes
        unit["booking_count"] += 1
        unit["resource_minutes"] += minutes
        if row["request__shift__project_id"]:
            roles[row["resource__unit_id"]][row["request__shift__project_id"]].add("resources")

    served = Attendance.objects.filter(
        status=Attendance.Status.PRESENT,
        minutes_served__gt=0,
        shift__start__gte=start,
        shift__start__lt=end,
        volunteer__employer_unit__isnull=False,
        volunteer__consent_share_with_unit=True,
    )
    for members in (
        served.values("volunteer__employer_unit_id")
        .annotate(
            minutes=Sum("minutes_served"),
            members=Count("volunteer_id", distinct=True),
        )
        .order_by()
    ):
        unit = facts[members["volunteer__employer_unit_id"]]
        unit["member_minutes"] = members["minutes"] or 0
        unit["member_count"] = members["members"]
    for unit_id, project_id in (
        served.filter(shift__project__isnull=False)
        .values_list(
            "volunteer__employer_unit_id",
            "shift__project_id",
        )
        .distinct()
    ):
        roles[unit_id][project_id].add("members")

    project_ids = {pk for by_project in roles.values() for pk in by_project}
    projects = (
        Project.objects.filter(pk__in=project_ids)
        .select_related("community")
        .annotate(
            sessions=Count("shifts", filter=Q(shifts__start__gte=start, shifts__start__lt=end)),
        )
    )
    by_id = {project.pk: project for project in projects}
    for unit_id, by_project in roles.items():
        facts[unit_id]["projects"] = {
            pk: {
                "id": pk,
                "name": by_id[pk].name,
                "community": by_id[pk].community.name,
                "roles": sorted(by_project[pk]),
                "sessions": by_id[pk].sessions,
            }
            for pk in sorted(by_project)
        }
    return facts
