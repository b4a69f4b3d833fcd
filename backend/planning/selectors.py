"""Reads of the weekly planning, always through the caller's scope (runs.selectors.run_scope: a community
coordinator sees their community's runs, a sub-district coordinator the runs of their sub-district and of its
communities, the administrator every run; volunteers and unit representatives see none)."""

from django.db.models import QuerySet

from accounts.models import User
from planning.models import Assignment, MatchingRun, ResourceBooking, UnfilledSeat
from runs.selectors import run_get, run_list
from shifts.models import Shift


def matching_run_list(*, user: User) -> QuerySet[MatchingRun]:
    return run_list(MatchingRun, user=user)


def matching_run_get(*, user: User, run_id: int) -> MatchingRun:
    """The run, or 404 when it does not exist or lies outside the caller's scope."""
    return run_get(MatchingRun, user=user, run_id=run_id)


def assignment_list(*, run: MatchingRun) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(run=run)
        .select_related("shift", "shift__community", "volunteer")
        .order_by("shift__start", "shift_id", "volunteer_id")
    )


def booking_list(*, run: MatchingRun) -> QuerySet[ResourceBooking]:
    return (
        ResourceBooking.objects.filter(run=run)
        .select_related("resource", "resource__unit", "request", "request__shift", "request__shift__community")
        .order_by("request__shift__start", "request_id")
    )


def unfilled_seat_list(*, run: MatchingRun) -> QuerySet[UnfilledSeat]:
    return (
        UnfilledSeat.objects.filter(run=run)
        .select_related("shift", "shift__community", "shift__resource_request")
        .order_by("-shift__priority", "shift__start", "shift_id")
    )


def publication_assignment_list(*, run: MatchingRun) -> QuerySet[Assignment]:
    """The run's assignments with what a volunteer is told about them (shift, place, post), by volunteer and time;
    a cancelled shift is not told about."""
    return (
        Assignment.objects.filter(run=run, shift__in=Shift.objects.active())
        .select_related("shift", "shift__community", "shift__post", "volunteer", "volunteer__user")
        .order_by("volunteer_id", "shift__start", "shift_id")
    )


COMPARED_METRICS = (
    "filled_seats",
    "total_seats",
    "weighted_filled",
    "weighted_total",
    "requests_met",
    "volunteers_used",
)


def matching_run_compare(*, base: MatchingRun, other: MatchingRun, limit: int = 200) -> dict:
    """Two versions of one scope and week side by side: their figures, and who the second plan adds and drops."""
    base_pairs = set(Assignment.objects.filter(run=base).values_list("shift_id", "volunteer_id"))
    other_pairs = set(Assignment.objects.filter(run=other).values_list("shift_id", "volunteer_id"))
    added, removed = sorted(other_pairs - base_pairs), sorted(base_pairs - other_pairs)

    def rows(pairs):
        return [{"shift": shift, "volunteer": volunteer} for shift, volunteer in pairs[:limit]]

    return {
        "base": base.pk,
        "other": other.pk,
        "versions": [base.version, other.version],
        "metrics": {key: [base.metrics.get(key), other.metrics.get(key)] for key in COMPARED_METRICS},
        "gap": [base.gap, other.gap],
        "unfilled_seats": [
            sum(UnfilledSeat.objects.filter(run=run).values_list("missing", flat=True)) for run in (base, other)
        ],
        "assignments": {"kept": len(base_pairs & other_pairs), "added": len(added), "removed": len(removed)},
        "added": rows(added),
        "removed": rows(removed),
    }
