"""Writes of the unit's side: withdraw a resource for a day (and take it back while nothing was re-booked), and
the resource backfill a withdrawal starts: matching's `resource_backfill` on each published plan it touches,
written back in place (the booking's resource changes, or the booking goes when nothing else fits), with the
history in BookingChange and the people concerned told.

Races: every backfill locks the resource rows it may book, in id order, before it reads the bookings, and a
withdrawal locks its resource's row; so two backfills, or a backfill and a withdrawal, that could book the
same resource take turns, and the later one sees what the earlier one wrote.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import matching
from accounts.models import User
from core.errors import ApplicationError, Conflict
from core.queue import send_or_log, task_named
from lending import selectors
from lending.models import BookingChange, ResourceWithdrawal
from matching.problem import to_minutes
from matching.resource_repair import resource_backfill
from notifications.models import Notification
from notifications.selectors import unit_representatives
from notifications.services import notification_send, shift_when
from planning import mapper
from planning.models import Assignment, MatchingRun, ResourceBooking
from resources.models import Resource
from volunteering.models import AssignmentResponse

log = logging.getLogger(__name__)

# matching's reason codes, in words people read (the package itself never imports Django).
UNMET_REASONS = {
    "no_such_resource": gettext_lazy("no other resource of this kind has the capacity and features asked for"),
    "not_free": gettext_lazy("no other suitable resource is free for the whole shift"),
    "too_far": gettext_lazy("every suitable free resource is too far away"),
    "all_booked": gettext_lazy("every suitable resource nearby is already booked at that time"),
    "not_in_plan": gettext_lazy("the shift is no longer part of the week's plan"),
}


class WithdrawalInPast(ApplicationError):
    """A day that has passed cannot be withdrawn: its bookings were used or not."""

    code = "invalid"


class AlreadyWithdrawn(Conflict):
    """The resource is already withdrawn for that day."""

    code = "already_withdrawn"


class AlreadyReplaced(Conflict):
    """The backfill has already changed bookings of this withdrawal; taking it back would not undo them."""

    code = "already_backfilled"


# ---------------------------------------------------------------- withdraw and take back


@transaction.atomic
def resource_withdraw(
    *, user: User, resource_id: int, date: dt.date, reason: str, today: dt.date | None = None
) -> ResourceWithdrawal:
    """Withdraw a resource of the caller's unit for one day and start the backfill once committed."""
    resource = selectors.unit_resource_get(user=user, resource_id=resource_id, lock=True)
    if date < (today or timezone.localdate()):
        message = _("A day in the past cannot be withdrawn.")
        raise WithdrawalInPast(message, fields={"date": [message]})
    if ResourceWithdrawal.objects.filter(resource=resource, date=date).exists():
        raise AlreadyWithdrawn(
            _("%(resource)s is already withdrawn on %(date)s.") % {"resource": resource.name, "date": date.isoformat()}
        )
    withdrawal = ResourceWithdrawal.objects.create(resource=resource, date=date, reason=reason, created_by=user)
    transaction.on_commit(lambda: _enqueue_backfill(withdrawal.pk))
    return withdrawal


def _enqueue_backfill(withdrawal_id: int) -> None:
    send_or_log(task_named("lending.resource_backfill"), withdrawal_id)


def withdrawal_resume_pending(*, older_than_minutes: float = 2.0, now: dt.datetime | None = None) -> list[int]:
    """Beat's sweeper: withdrawals of today or later whose backfill never ran (the task could not be queued, or
    was lost) get it started again; the backfill runs once per withdrawal."""
    now = now or timezone.now()
    pending = list(
        ResourceWithdrawal.objects.filter(
            backfilled_at__isnull=True,
            created_at__lt=now - dt.timedelta(minutes=older_than_minutes),
            date__gte=timezone.localdate(now),
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for withdrawal_id in pending:
        _enqueue_backfill(withdrawal_id)
    if pending:
        log.warning("resource backfills started again for withdrawals %s", pending)
    return pending


@transaction.atomic
def withdrawal_cancel(*, user: User, resource_id: int, date: dt.date) -> None:
    """Take a withdrawal back while its backfill has changed no booking (it may not have run yet)."""
    withdrawal = selectors.withdrawal_get(user=user, resource_id=resource_id, date=date, lock=True)
    if withdrawal.changes.exists():
        raise AlreadyReplaced(_("Bookings of that day were already given to other resources; the withdrawal stays."))
    withdrawal.delete()


# ---------------------------------------------------------------- the backfill


def _minutes(value: dt.datetime, *, up: bool = False) -> int:
    """An aware datetime -> minutes of the problem's clock (naive local time), floored or ceiled."""
    seconds = (timezone.localtime(value).replace(tzinfo=None) - matching.problem.EPOCH).total_seconds()
    return int(math.ceil(seconds / 60) if up else seconds // 60)


def _day_window(day: dt.date) -> tuple[int, int]:
    start = to_minutes(dt.datetime.combine(day, dt.time(0)))
    return start, start + 24 * 60


def _freed(withdrawal: ResourceWithdrawal):
    """Published bookings of the withdrawn resource whose shift overlaps the withdrawn day."""
    start, end = selectors.day_bounds(withdrawal.date)
    return (
        selectors.published_bookings()
        .filter(resource_id=withdrawal.resource_id, request__shift__start__lt=end, request__shift__end__gt=start)
        .select_related("run", "request__shift__community__sub_district", "resource__unit")
        .order_by("run_id", "request_id")
    )


def _scope_resources(run: MatchingRun) -> set[int]:
    """The resources the run's problem may offer (listed, of the scope's communities): what a backfill may book."""
    lookups = {f"community__{key}": value for key, value in mapper.scope_filters(run).items()}
    return set(Resource.objects.filter(status=Resource.Status.LISTED, **lookups).values_list("pk", flat=True))


def withdrawal_backfill(*, withdrawal_id: int) -> ResourceWithdrawal | None:
    """Re-book what a withdrawal freed; safe to run twice (the withdrawal is marked backfilled once)."""
    try:
        return _backfill_write(withdrawal_id)
    except IntegrityError:  # another execution recorded the same change first and rolled this one back
        return ResourceWithdrawal.objects.filter(pk=withdrawal_id).first()


@transaction.atomic
def _backfill_write(withdrawal_id: int) -> ResourceWithdrawal | None:
    withdrawal = (
        ResourceWithdrawal.objects.select_for_update(of=("self",))
        .select_related("resource__unit")
        .filter(pk=withdrawal_id)
        .first()
    )
    if withdrawal is None or withdrawal.backfilled_at is not None:
        log.info("withdrawal %s is taken back or already backfilled: nothing to do", withdrawal_id)
        return withdrawal
    runs = sorted({b.run for b in _freed(withdrawal)}, key=lambda run: run.pk)
    bookable = sorted({withdrawal.resource_id}.union(*(_scope_resources(run) for run in runs)))
    list(Resource.objects.select_for_update().filter(pk__in=bookable).order_by("pk").values_list("pk", flat=True))
    freed = list(_freed(withdrawal))  # read again under the locks
    changes = []
    for run in sorted({b.run for b in freed}, key=lambda run: run.pk):
        changes += _backfill_run(withdrawal, run, [b for b in freed if b.run_id == run.pk])
    ResourceWithdrawal.objects.filter(pk=withdrawal.pk, backfilled_at__isnull=True).update(backfilled_at=timezone.now())
    for change in changes:
        _notify(change)
    log.info(
        "withdrawal %s: %d bookings freed, %d replaced",
        withdrawal.pk,
        len(changes),
        sum(c.new_resource_id is not None for c in changes),
    )
    return ResourceWithdrawal.objects.get(pk=withdrawal.pk)


def _backfill_run(
    withdrawal: ResourceWithdrawal, run: MatchingRun, freed: list[ResourceBooking]
) -> list[BookingChange]:
    """One published plan: matching's resource_backfill, its answer for this withdrawal's bookings written back."""
    mapped = mapper.build_problem(run)
    # Only resources matter here: no people, so nothing is locked to or forbidden for them.
    problem = matching.parse_problem(dict(mapped.data, volunteers=[], locks=[], forbidden=[], previous_assignments=[]))
    resource_ids = {int(r.id[1:]) for r in problem.resources} | {withdrawal.resource_id}
    pulled = selectors.withdrawn_days(
        resource_ids=resource_ids, start=run.week - dt.timedelta(days=1), end=run.week + dt.timedelta(days=7)
    )
    withdrawn = [(mapper.rid(pk), _day_window(day)) for pk, days in sorted(pulled.items()) for day in sorted(days)]
    bookings = [
        (mapper.rid(r), mapper.qid(q))
        for r, q in ResourceBooking.objects.filter(run=run).values_list("resource_id", "request_id")
    ]
    result = resource_backfill(problem, bookings, withdrawn, busy=_busy(run, resource_ids))
    # Bookings freed by other withdrawals still waiting for their backfill take part in the greedy (so that this
    # one does not grab a room a higher-priority request of theirs would get) but are written by their own task.
    old = mapper.rid(withdrawal.resource_id)
    chosen = {r.request: int(r.new_resource[1:]) for r in result.replacements if r.old_resource == old}
    unmet = {u.request: u.code for u in result.unmet if u.old_resource == old}
    changes = []
    for booking in freed:
        key = mapper.qid(booking.request_id)
        new = chosen.get(key)
        if new is not None:
            ResourceBooking.objects.filter(pk=booking.pk, resource_id=withdrawal.resource_id).update(resource_id=new)
        else:
            ResourceBooking.objects.filter(pk=booking.pk, resource_id=withdrawal.resource_id).delete()
        changes.append(
            BookingChange.objects.create(
                withdrawal=withdrawal,
                run=run,
                request=booking.request,
                old_resource_id=withdrawal.resource_id,
                new_resource_id=new,
                reason="" if new else unmet.get(key, "not_in_plan"),
            )
        )
    return changes


def _busy(run: MatchingRun, resource_ids: set[int]) -> dict[str, list[tuple[int, int]]]:
    """When the resources are booked by other published plans around the run's week."""
    start, _ = selectors.day_bounds(run.week - dt.timedelta(days=1))
    end, _ = selectors.day_bounds(run.week + dt.timedelta(days=8))
    busy = defaultdict(list)
    rows = (
        selectors.published_bookings()
        .exclude(run=run)
        .filter(resource_id__in=resource_ids, request__shift__start__lt=end, request__shift__end__gt=start)
        .values_list("resource_id", "request__shift__start", "request__shift__end")
    )
    for resource_id, shift_start, shift_end in rows:
        busy[mapper.rid(resource_id)].append((_minutes(shift_start), _minutes(shift_end, up=True)))
    return dict(busy)


# ---------------------------------------------------------------- who is told


def _coordinators(run: MatchingRun, shift) -> list[int]:
    """The coordinators of the shift's community and sub-district, the district's administrators for a district
    run, and whoever started the run."""
    scope = Q(role=User.Role.COMMUNITY, community_id=shift.community_id) | Q(
        role=User.Role.SUBDISTRICT, sub_district_id=shift.community.sub_district_id
    )
    if run.level == MatchingRun.Level.DISTRICT:
        scope |= Q(role=User.Role.ADMIN)
    ids = set(User.objects.filter(scope, is_active=True).values_list("pk", flat=True))
    if run.created_by_id:
        ids.add(run.created_by_id)
    return sorted(ids)


def _place(resource: Resource) -> str:
    return f"{resource.name}, {resource.address}" if resource.address else resource.name


def _notify(change: BookingChange) -> None:
    shift, old, new = change.request.shift, change.old_resource, change.new_resource
    facts = {"shift": shift.title, "when": shift_when(shift), "old": old.name}
    payload = {
        "withdrawal": change.withdrawal_id,
        "run": change.run_id,
        "shift": shift.pk,
        "request": change.request_id,
        "old_resource": old.pk,
        "new_resource": new.pk if new else None,
    }
    if new is None:
        title = _("No resource for %(shift)s") % facts
        body = _("%(old)s was withdrawn for %(when)s %(shift)s and nothing replaces it: %(reason)s.") % {
            **facts,
            "reason": UNMET_REASONS[change.reason],
        }
    else:
        title = _("Resource replaced for %(shift)s") % facts
        body = _("%(old)s was withdrawn for %(when)s %(shift)s; %(new)s is booked instead.") % {
            **facts,
            "new": new.name,
        }
    notification_send(
        recipients=_coordinators(change.run, shift),
        kind=Notification.Kind.RESOURCE_WITHDRAWN,
        event_key=f"lending:change:{change.pk}:coordinators",
        title=title,
        body=body,
        payload=payload,
    )
    if new is None:
        return
    representatives = unit_representatives(unit_id=new.unit_id) if new.unit_id else []
    notification_send(
        recipients=representatives,
        kind=Notification.Kind.RESOURCE_BACKFILL,
        event_key=f"lending:change:{change.pk}:unit",
        title=_("New booking of %(new)s") % {"new": new.name},
        body=_("%(new)s is booked for %(when)s %(shift)s (%(community)s) in place of a withdrawn resource.")
        % {**facts, "new": new.name, "community": shift.community.name},
        payload=payload,
    )
    if (old.address, old.lat, old.lng) != (new.address, new.lat, new.lng):
        volunteers = (
            Assignment.objects.filter(run_id=change.run_id, shift=shift)
            .exclude(response__status__in=AssignmentResponse.OFF)
            .values_list("volunteer__user_id", flat=True)
        )
        notification_send(
            recipients=[pk for pk in volunteers if pk],
            kind=Notification.Kind.RESOURCE_BACKFILL,
            event_key=f"lending:change:{change.pk}:volunteers",
            title=_("New place for %(shift)s") % facts,
            body=_("%(when)s %(shift)s now takes place at %(place)s.") % {**facts, "place": _place(new)},
            payload=payload,
        )
