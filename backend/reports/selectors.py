"""Reads of the reports: the caller's export jobs, the rows an export holds (always through the requester's own
scope: the records and ledgers selectors, then the filters on top, so an export never widens what they see), and
the quarter's service of a unit's consenting in-office members for the feedback reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.http import Http404

from accounts.models import User
from core.scoping import Scope, scope_queryset
from ledgers import selectors as ledgers
from ledgers.models import UnitLedger
from orgs.models import Unit
from people.models import Volunteer
from posts.models import PostHolding
from records import selectors as records
from records.models import ServiceRecord
from reports.models import ExportJob, FeedbackReport

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

FEEDBACK_SCOPE = Scope(community="unit__community", unit="unit")
UNIT_SCOPE = Scope(community="community", unit="pk")


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# ---------------------------------------------------------------- export jobs


def export_job_list(*, user: User) -> QuerySet[ExportJob]:
    return ExportJob.objects.filter(created_by=user).order_by("-created_at", "-id")


def export_job_get(*, user: User, job_id: int) -> ExportJob:
    """The job, to its requester or to staff; 404 for everyone else."""
    jobs = ExportJob.objects.all()
    if not (user.is_staff or user.is_superuser):
        jobs = jobs.filter(created_by=user)
    job = jobs.filter(pk=job_id).first()
    if job is None:
        raise Http404("No such export.")
    return job


def export_records(*, user: User, parameters: dict, approved_only: bool = False) -> QuerySet[ServiceRecord]:
    """The service records the requester may see (records.selectors.record_list), narrowed by the job's filters."""
    rows = records.record_list(
        user=user,
        volunteer=parameters.get("volunteer"),
        date_from=_day(parameters.get("date_from")),
        date_to=_day(parameters.get("date_to")),
        status=ServiceRecord.Status.APPROVED if approved_only else None,
    )
    if parameters.get("community"):
        rows = rows.filter(community_id=parameters["community"])
    if parameters.get("unit"):
        rows = rows.filter(volunteer__employer_unit_id=parameters["unit"])
    return rows.prefetch_related(None).select_related("volunteer__user", "shift").order_by("date", "id")


def export_ledgers(
    *,
    user: User,
    parameters: dict,
) -> QuerySet[WithAnnotations[UnitLedger, ledgers.LedgerCounts]]:
    """The unit ledgers the requester may see (ledgers.selectors.ledger_list), by month of the date range."""
    rows = ledgers.ledger_list(user=user, unit_id=parameters.get("unit"))
    date_from, date_to = _day(parameters.get("date_from")), _day(parameters.get("date_to"))
    if date_from is not None:
        rows = rows.filter(month__gte=date_from.replace(day=1))
    if date_to is not None:
        rows = rows.filter(month__lte=date_to)
    if parameters.get("community"):
        rows = rows.filter(unit__community_id=parameters["community"])
    return rows.prefetch_related("entries").order_by("month", "unit__name", "id")


# ---------------------------------------------------------------- quarters


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of the quarter."""
    first = dt.date(year, 3 * quarter - 2, 1)
    after = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, after - dt.timedelta(days=1)


def previous_quarter(today: dt.date) -> tuple[int, int]:
    quarter = (today.month - 1) // 3 + 1
    return (today.year - 1, 4) if quarter == 1 else (today.year, quarter - 1)


# ---------------------------------------------------------------- feedback to units


def feedback_report_list(
    *, user: User, year: int | None = None, quarter: int | None = None, unit_id: int | None = None
) -> QuerySet[FeedbackReport]:
    reports = scope_queryset(FeedbackReport.objects.select_related("unit"), user, FEEDBACK_SCOPE)
    if year is not None:
        reports = reports.filter(year=year)
    if quarter is not None:
        reports = reports.filter(quarter=quarter)
    if unit_id is not None:
        reports = reports.filter(unit_id=unit_id)
    return reports.order_by("-year", "-quarter", "unit__name", "id")


def feedback_report_get(*, user: User, report_id: int) -> FeedbackReport:
    report = (
        scope_queryset(FeedbackReport.objects.select_related("unit"), user, FEEDBACK_SCOPE).filter(pk=report_id).first()
    )
    if report is None:
        raise Http404("No such feedback report.")
    return report


def feedback_units(*, user: User | None = None) -> QuerySet[Unit]:
    """Units that employ in-office members (with a user: those of the coordinator's scope), by id."""
    units = Unit.objects.filter(members__kind=Volunteer.Kind.IN_OFFICE).distinct()
    if user is not None:
        units = scope_queryset(units, user, UNIT_SCOPE, write=True)
    return units.order_by("pk")


@dataclass
class MemberService:
    number: str
    name: str
    reported_community: str | None
    reported_at: dt.date | None
    posts: list[str] = field(default_factory=list)
    services: int = 0
    minutes: int = 0
    average_rating: float | None = None

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


def feedback_members(*, unit: Unit, year: int, quarter: int) -> list[MemberService]:
    """The unit's in-office members who consented to share their record, by volunteer number, each with the
    quarter's approved services, hours and average rating and the posts they hold that year. Three queries."""
    first, last = quarter_bounds(year, quarter)
    members = {
        person.pk: MemberService(
            number=person.number,
            name=person.name,
            reported_community=person.reported_community.name if person.reported_community else None,
            reported_at=person.reported_at,
        )
        for person in Volunteer.objects.filter(
            employer_unit=unit,
            kind=Volunteer.Kind.IN_OFFICE,
            consent_share_with_unit=True,
        )
        .select_related("reported_community")
        .order_by("number")
    }
    served = ServiceRecord.objects.filter(
        volunteer_id__in=list(members),
        status=ServiceRecord.Status.APPROVED,
        date__gte=first,
        date__lte=last,
    )
    for row in (
        served.values("volunteer_id")
        .annotate(
            services=Count("id"),
            minutes=Sum("minutes"),
            rating=Avg("rating", filter=Q(rating__isnull=False)),
        )
        .order_by()
    ):
        member = members[row["volunteer_id"]]
        member.services, member.minutes = row["services"], row["minutes"] or 0
        member.average_rating = round(row["rating"], 1) if row["rating"] is not None else None
    holdings = (
        PostHolding.objects.filter(
            volunteer_id__in=list(members),
            year=year,
            status=PostHolding.Status.ACTIVE,
        )
        .select_related("post")
        .order_by("post__name")
    )
    for holding in holdings:
        members[holding.volunteer_id].posts.append(holding.post.name)
    return list(members.values())
