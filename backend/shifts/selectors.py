"""Reads of shifts: the volunteers a shift's published plan holds (what an edit or a cancellation would break)."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from planning.models import Assignment, ResourceBooking
from shifts.models import Shift
from volunteering.models import AssignmentResponse


def shift_published_assignment_list(*, shift: Shift) -> QuerySet[Assignment]:
    """The shift's assignments in published plans as they stand (less declines, moves and cancellations)."""
    return (
        Assignment.objects.filter(shift=shift, run__publication__isnull=False)
        .exclude(response__status__in=AssignmentResponse.OFF)
        .select_related("volunteer", "volunteer__user")
        .order_by("pk")
    )


def shift_request_booked(*, shift: Shift) -> bool:
    """Whether a published plan booked a resource for the shift's resource request."""
    return ResourceBooking.objects.filter(request__shift=shift, run__publication__isnull=False).exists()


def shift_list_with_published(queryset: QuerySet[Shift]) -> QuerySet[Shift]:
    """The shifts, each with `published_volunteers`: how many volunteers a published plan holds on it."""
    held = (
        Assignment.objects.filter(shift=OuterRef("pk"), run__publication__isnull=False)
        .exclude(response__status__in=AssignmentResponse.OFF)
        .order_by()
        .values("shift")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(published_volunteers=Coalesce(Subquery(held, output_field=IntegerField()), 0))
