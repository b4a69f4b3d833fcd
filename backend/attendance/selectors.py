"""Reads of attendance, always through the caller's scope: coordinators see the rows of their communities'
shifts, a volunteer only their own; published assignments are the ones a volunteer was told about. The roster of a
shift puts the two side by side: who is expected and what attendance says of each."""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from attendance.models import Attendance
from core.scoping import Scope, scope_queryset
from people.models import Volunteer
from planning.models import Assignment
from shifts.models import Shift
from volunteering.models import AssignmentResponse

ATTENDANCE_SCOPE = Scope(community="shift__community", volunteer="volunteer")
SHIFT_SCOPE = Scope(community="community")


def published_assignment_list() -> QuerySet[Assignment]:
    """Assignments of published plans as they stand: what volunteers were told to do, less what they declined
    or a backfill moved them away from (volunteering's answers), and never a cancelled shift's (its cancellation
    ends its assignments; a row written to it by any other path is still no reason to remind or mark anybody)."""
    return (
        Assignment.objects.filter(run__publication__isnull=False)
        .exclude(response__status__in=AssignmentResponse.OFF)
        .exclude(shift__status=Shift.Status.CANCELLED)
    )


def published_assignment_get(*, shift_id: int, volunteer_id: int) -> Assignment | None:
    return (
        published_assignment_list()
        .filter(shift_id=shift_id, volunteer_id=volunteer_id)
        .order_by("-run__publication__published_at", "-pk")
        .first()
    )


def shift_get_for_coordinator(*, user: User, shift_id: int) -> Shift:
    """The shift, or 404 when it does not exist or its community is not the coordinator's."""
    shift = (
        scope_queryset(Shift.objects.select_related("community"), user, SHIFT_SCOPE, write=True)
        .filter(pk=shift_id)
        .first()
    )
    if shift is None:
        raise Http404("No such shift.")
    return shift


def _rows() -> QuerySet[Attendance]:
    return Attendance.objects.select_related("shift", "shift__community", "volunteer", "recorded_by")


def attendance_list(
    *,
    user: User,
    shift: int | None = None,
    community: int | None = None,
    date: dt.date | None = None,
    week: dt.date | None = None,
    status: str | None = None,
) -> QuerySet[Attendance]:
    """`week`: the Monday of the week the shifts belong to; `status` "no_show" lists the week's no-shows."""
    rows = scope_queryset(_rows(), user, ATTENDANCE_SCOPE)
    if shift is not None:
        rows = rows.filter(shift_id=shift)
    if community is not None:
        rows = rows.filter(shift__community_id=community)
    if date is not None:
        tz = timezone.get_current_timezone()
        day_start = timezone.make_aware(dt.datetime.combine(date, dt.time.min), tz)
        rows = rows.filter(shift__start__gte=day_start, shift__start__lt=day_start + dt.timedelta(days=1))
    if week is not None:
        rows = rows.filter(shift__week=week)
    if status is not None:
        rows = rows.filter(status=status)
    return rows.order_by("shift__start", "shift_id", "volunteer_id")


class RosterState(models.TextChoices):
    """What the roster says of a volunteer (from their attendance row, if any)."""

    EXPECTED = "expected", _("Expected")  # nothing recorded yet
    CHECKED_IN = "checked_in", _("Checked in")  # no check-out yet (open, or forgotten)
    CHECKED_OUT = "checked_out", _("Checked out")
    NO_SHOW = "no_show", _("No-show")


@dataclass(frozen=True)
class RosterEntry:
    """One volunteer on a shift's roster: expected (a published assignment) and what attendance says."""

    volunteer: Volunteer
    assignment_id: int | None
    attendance: Attendance | None

    @property
    def expected(self) -> bool:
        return self.assignment_id is not None

    @property
    def state(self) -> str:
        row = self.attendance
        if row is None:
            return RosterState.EXPECTED
        if row.status == Attendance.Status.NO_SHOW:
            return RosterState.NO_SHOW
        return RosterState.CHECKED_OUT if row.checked_out_at is not None else RosterState.CHECKED_IN


def shift_roster(*, shift: Shift) -> list[RosterEntry]:
    """Every volunteer the shift's published assignments expect, and anyone else with attendance on it (an
    assignment declined or moved after they checked in), by volunteer number. Scope: the caller found the shift
    through shift_get_for_coordinator."""
    assignments: dict[int, Assignment] = {}
    for assignment in (
        published_assignment_list()
        .filter(shift_id=shift.pk)
        .select_related("volunteer")
        .order_by("volunteer_id", "-run__publication__published_at", "-pk")
    ):
        assignments.setdefault(assignment.volunteer_id, assignment)
    rows = {row.volunteer_id: row for row in _rows().filter(shift_id=shift.pk)}
    volunteers = {a.volunteer_id: a.volunteer for a in assignments.values()}
    volunteers.update({row.volunteer_id: row.volunteer for row in rows.values()})
    entries = [
        RosterEntry(
            volunteer=volunteer,
            assignment_id=assignments[pk].pk if pk in assignments else None,
            attendance=rows.get(pk),
        )
        for pk, volunteer in volunteers.items()
    ]
    return sorted(entries, key=lambda entry: (entry.volunteer.number, entry.volunteer.pk))


def attendance_list_mine(*, user: User) -> QuerySet[Attendance]:
    """The volunteer's own rows, newest shift first."""
    volunteer_id = getattr(getattr(user, "volunteer", None), "pk", None)
    if volunteer_id is None:
        return Attendance.objects.none()
    return _rows().filter(volunteer_id=volunteer_id).order_by("-shift__start", "-shift_id")
