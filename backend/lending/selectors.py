"""Reads of the unit's side: published bookings in the caller's scope, the unit's own resources, and the days
each resource is withdrawn (for the planning mapper, so that future runs never book them)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from core.scoping import COORDINATORS, Scope, scope_filter
from core.weeks import monday_of
from lending.models import BookingChange, ResourceWithdrawal
from planning.models import ResourceBooking
from resources.models import Resource

# A booking is in a coordinator's scope through its shift's community or its resource's community; a unit
# representative sees the bookings of their unit's resources.
BY_SHIFT = Scope(community="request__shift__community", unit="resource__unit")
BY_RESOURCE = Scope(community="resource__community", unit="resource__unit")
WITHDRAWALS = Scope(community="resource__community", unit="resource__unit")


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The local day as aware datetimes [start, end)."""
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
    return start, dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)


def published_bookings() -> QuerySet[ResourceBooking]:
    return ResourceBooking.objects.filter(run__publication__isnull=False)


def booking_list(
    *, user: User, week: dt.date, resource_id: int | None = None, date: dt.date | None = None
) -> QuerySet[ResourceBooking]:
    """Published bookings whose shift starts in the week of `week` (or on `date`), in the caller's scope."""
    week = monday_of(week)
    start, _ = day_bounds(week)
    end = start + dt.timedelta(days=7)
    # The run's week too: a run books only its week's requests, and so the plans of the other weeks (a year of
    # them) are not read to find their shifts outside the range.
    bookings = published_bookings().filter(
        run__week=week, request__shift__start__gte=start, request__shift__start__lt=end
    )
    if date is not None:
        first, after = day_bounds(date)
        bookings = bookings.filter(request__shift__start__gte=first, request__shift__start__lt=after)
    if resource_id is not None:
        bookings = bookings.filter(resource_id=resource_id)
    by_shift, by_resource = scope_filter(user, BY_SHIFT, write=False), scope_filter(user, BY_RESOURCE, write=False)
    if by_shift is not None and by_resource is not None:
        bookings = bookings.filter(by_shift | by_resource)
    return bookings.select_related(
        "run", "resource", "resource__unit", "request", "request__shift", "request__shift__community"
    ).order_by("request__shift__start", "request_id", "run_id")


def booking_states(*, bookings: Iterable[ResourceBooking]) -> dict[int, dict]:
    """booking id -> {"withdrawn": its resource is withdrawn on the shift's day, "replaces": the resource it
    replaced (id) or None}, in two queries for a page."""
    bookings = list(bookings)
    days = {b.pk: timezone.localdate(b.request.shift.start) for b in bookings}
    withdrawn = set(
        ResourceWithdrawal.objects.filter(
            resource_id__in={b.resource_id for b in bookings}, date__in=set(days.values())
        ).values_list("resource_id", "date")
    )
    replaced = {
        (run, request, new): old
        for run, request, new, old in BookingChange.objects.filter(
            run_id__in={b.run_id for b in bookings},
            request_id__in={b.request_id for b in bookings},
            new_resource__isnull=False,
        )
        .order_by("created_at", "pk")
        .values_list("run_id", "request_id", "new_resource_id", "old_resource_id")
    }
    return {
        b.pk: {
            "withdrawn": (b.resource_id, days[b.pk]) in withdrawn,
            "replaces": replaced.get((b.run_id, b.request_id, b.resource_id)),
        }
        for b in bookings
    }


def unit_resource_get(*, user: User, resource_id: int, lock: bool = False) -> Resource:
    """A resource of the caller's unit, or 404 (another unit's looks exactly like a missing one)."""
    resources = (
        Resource.objects.filter(pk=resource_id, unit_id=user.unit_id) if user.unit_id else Resource.objects.none()
    )
    if lock:
        resources = resources.select_for_update()
    found = resources.first()
    if found is None:
        raise Http404("No such resource of yours.")
    return found


def withdrawal_list(*, user: User, start: dt.date, resource_id: int | None = None) -> QuerySet[ResourceWithdrawal]:
    """Withdrawals from `start` on: of the caller unit's resources, or of the resources in a coordinator's scope."""
    withdrawals = ResourceWithdrawal.objects.filter(date__gte=start)
    if resource_id is not None:
        withdrawals = withdrawals.filter(resource_id=resource_id)
    scope = scope_filter(user, WITHDRAWALS, write=False)
    if scope is not None:
        withdrawals = withdrawals.filter(scope)
    changed = BookingChange.objects.filter(withdrawal=OuterRef("pk"))
    return (
        withdrawals.select_related("resource", "created_by")
        .annotate(changed=Exists(changed))
        .order_by("date", "resource_id")
    )


def withdrawal_get(*, user: User, resource_id: int, date: dt.date, lock: bool = False) -> ResourceWithdrawal:
    if not user.unit_id:
        raise Http404("No such withdrawal.")
    withdrawals = ResourceWithdrawal.objects.filter(resource_id=resource_id, date=date, resource__unit_id=user.unit_id)
    if lock:
        withdrawals = withdrawals.select_for_update()
    found = withdrawals.first()
    if found is None:
        raise Http404("No such withdrawal.")
    return found


def withdrawn_days(*, resource_ids: Iterable[int], start: dt.date, end: dt.date) -> dict[int, set[dt.date]]:
    """resource id -> the days from `start` to `end` (inclusive) it is withdrawn; resources without any are absent."""
    days: dict[int, set[dt.date]] = defaultdict(set)
    for resource_id, day in ResourceWithdrawal.objects.filter(
        resource_id__in=list(resource_ids), date__gte=start, date__lte=end
    ).values_list("resource_id", "date"):
        days[resource_id].add(day)
    return dict(days)


def may_see_bookings(user: User) -> bool:
    return bool(
        user
        and user.is_authenticated
        and (user.role in COORDINATORS or user.role == User.Role.UNIT or user.is_superuser)
    )
