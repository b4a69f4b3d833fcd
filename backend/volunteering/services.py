"""Writes of the volunteer's side: accept or decline a published assignment before its deadline, the backfill a
decline starts (the matching package's `repair` on the published plan, written back as rows), claims of what is
open (a seat of a published plan, first come first served under the run's lock; a micro-wish), and the calendar
token.

A backfill keeps every row: the decliner's assignment stays, marked declined; people repair moves stay on
their old shift's row, marked moved; the people it puts in get new SOLVER rows of the same run (planning's
Assignment.Source has no "backfill" value; the `Backfill` row records which rows a backfill made).
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

import matching
from accounts.models import User
from core.errors import ApplicationError, Conflict
from core.queue import send_or_log, task_named
from matching.repair import repair
from needs import services as needs_services
from needs.models import Need
from notifications.models import Notification
from notifications.services import (
    notification_seat_claimed,
    notification_send,
    notification_wish_claimed,
    shift_when,
)
from people.models import Volunteer
from planning import mapper
from planning.models import Assignment, MatchingRun, ResourceBooking, UnfilledSeat
from runs.review import unfilled_seat_taken
from shifts.models import Shift
from volunteering import eligibility, selectors
from volunteering.models import AssignmentResponse, Backfill, CalendarToken

log = logging.getLogger(__name__)
Status = AssignmentResponse.Status

KIND_BACKFILL = Notification.Kind.BACKFILL
KIND_BACKFILL_REPORT = Notification.Kind.BACKFILL_REPORT


class NotAVolunteer(ApplicationError):
    """Only volunteers answer posts; coordinators and unit representatives have none."""

    code = "permission_denied"
    status_code = 403


class AnswerTooLate(Conflict):
    """The answer deadline (a set time before the shift starts) has passed."""

    code = "deadline_passed"


class AlreadyDeclined(Conflict):
    """A declined post may have been given to someone else; it cannot be accepted again."""

    code = "already_declined"


class ShiftCancelled(Conflict):
    """The coordinator cancelled the shift: there is nothing left to accept or claim."""

    code = "shift_cancelled"


class ShiftStarted(Conflict):
    """A shift that has started takes no more claims."""

    code = "shift_started"


class SeatTaken(Conflict):
    """Claims are first come, first served: the shift's open seats were taken before this claim."""

    code = "seat_taken"


class AlreadyOnShift(Conflict):
    """The volunteer already has a seat on this shift."""

    code = "already_on_shift"


class NotEligible(Conflict):
    """The claim would break one of the plan's hard rules (the same rules the optimizer keeps)."""

    code = "not_eligible"


def answer_deadline(shift) -> dt.datetime:
    return shift.start - dt.timedelta(hours=settings.VOLUNTEERING_ANSWER_DEADLINE_HOURS)


def _volunteer(user: User) -> Volunteer:
    volunteer = selectors.volunteer_of(user)
    if volunteer is None or user.role != User.Role.VOLUNTEER:
        raise NotAVolunteer(_("Only volunteers answer their posts."))
    return volunteer


def _open(assignment: Assignment, now: dt.datetime) -> None:
    deadline = answer_deadline(assignment.shift)
    if now >= deadline:
        raise AnswerTooLate(
            _("Answers for this post closed at %(deadline)s.")
            % {"deadline": timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M")}
        )


def _current(assignment: Assignment) -> AssignmentResponse | None:
    return AssignmentResponse.objects.filter(assignment=assignment).first()


@transaction.atomic
def assignment_accept(*, user: User, assignment_id: int, now: dt.datetime | None = None) -> AssignmentResponse:
    """Accept one's own published post before its deadline; accepting again changes nothing."""
    assignment = selectors.my_post_get(volunteer=_volunteer(user), assignment_id=assignment_id, lock=True)
    answer = _current(assignment)
    if answer is not None and answer.status == Status.ACCEPTED:
        return answer
    if answer is not None and answer.status == Status.MOVED:
        raise AlreadyDeclined(_("You were moved to another post to fill a gap; answer that one instead."))
    if answer is not None and answer.status == Status.CANCELLED:
        raise ShiftCancelled(_("This shift was cancelled by the coordinator; there is nothing to accept."))
    if answer is not None:
        raise AlreadyDeclined(_("You declined this post; it may already be someone else's."))
    _open(assignment, now or timezone.now())
    return AssignmentResponse.objects.create(
        assignment=assignment, status=Status.ACCEPTED, answered_at=now or timezone.now()
    )


@transaction.atomic
def assignment_decline(
    *, user: User, assignment_id: int, reason: str = "", now: dt.datetime | None = None
) -> AssignmentResponse:
    """Decline one's own published post (also after accepting it) before its deadline, and start a backfill
    once committed. Declining again changes nothing."""
    assignment = selectors.my_post_get(volunteer=_volunteer(user), assignment_id=assignment_id, lock=True)
    answer = _current(assignment)
    if answer is not None and answer.status in AssignmentResponse.OFF:
        return answer
    now = now or timezone.now()
    _open(assignment, now)
    if answer is None:
        answer = AssignmentResponse(assignment=assignment)
    answer.status, answer.reason, answer.answered_at = Status.DECLINED, reason, now
    answer.save()
    transaction.on_commit(lambda: _enqueue_backfill(assignment.pk))
    return answer


def _enqueue_backfill(assignment_id: int) -> None:
    """Called once committed; if the broker is down, backfill_resume_pending sends it again later."""
    send_or_log(task_named("volunteering.backfill"), assignment_id)


def backfill_resume_pending(*, older_than_minutes: float = 2.0, now: dt.datetime | None = None) -> list[int]:
    """Beat's sweeper: declines of published posts still to come that have no backfill yet (the task could not
    be queued, or was lost) get their backfill started again; the backfill runs once per decline."""
    now = now or timezone.now()
    pending = list(
        AssignmentResponse.objects.filter(
            status=Status.DECLINED,
            answered_at__lt=now - dt.timedelta(minutes=older_than_minutes),
            assignment__run__publication__isnull=False,
            assignment__backfill__isnull=True,
            assignment__shift__start__gt=now,
        )
        .order_by("pk")
        .values_list("assignment_id", flat=True)
    )
    for assignment_id in pending:
        _enqueue_backfill(assignment_id)
    if pending:
        log.warning("backfills started again for declined assignments %s", pending)
    return pending


# ---------------------------------------------------------------- backfill


def _coordinators(run: MatchingRun) -> list[int]:
    """Who hears about a backfill: the run's creator and the coordinators of its community or sub-district."""
    scope = Q(role=User.Role.ADMIN) if run.level == MatchingRun.Level.DISTRICT else Q(pk__in=[])
    if run.community_id:
        scope |= Q(role=User.Role.COMMUNITY, community_id=run.community_id)
    if run.sub_district_id and run.level == MatchingRun.Level.SUB_DISTRICT:
        scope |= Q(role=User.Role.SUBDISTRICT, sub_district_id=run.sub_district_id)
    ids = set(User.objects.filter(scope, is_active=True).values_list("pk", flat=True))
    if run.created_by_id:
        ids.add(run.created_by_id)
    return sorted(ids)


def _time_limit() -> float:
    return settings.VOLUNTEERING_BACKFILL_TIME_LIMIT


def _repair(run: MatchingRun, declined: Assignment):
    """(plan as it stood, repaired plan) as sets of (volunteer pk, shift pk). When the declined pair is unknown
    to the problem (the volunteer left, the shift moved out of the week) nobody is looked for: the seat stays open."""
    mapped = mapper.build_problem(run)
    off = list(
        Assignment.objects.filter(run=run, response__status__in=AssignmentResponse.OFF)
        .exclude(pk=declined.pk)
        .values_list("volunteer_id", "shift_id")
    )
    volunteers = {v["id"] for v in mapped.data["volunteers"]}
    shifts = {s["id"] for s in mapped.data["shifts"]}
    standing = {
        pair
        for pair in Assignment.objects.filter(run=run)
        .exclude(response__status__in=AssignmentResponse.OFF)
        .values_list("volunteer_id", "shift_id")
    } | {(declined.volunteer_id, declined.shift_id)}
    known = {(v, s) for v, s in standing if mapper.vid(v) in volunteers and mapper.sid(s) in shifts}
    if (declined.volunteer_id, declined.shift_id) not in known:
        return standing, standing - {(declined.volunteer_id, declined.shift_id)}
    # Nobody is put back on a shift they left, the decliner is not put on another shift at the time they said
    # no to, and the plan is repaired as published, without earlier pins.
    span = next((s["start"], s["end"]) for s in mapped.data["shifts"] if s["id"] == mapper.sid(declined.shift_id))
    same_time = [int(s["id"][1:]) for s in mapped.data["shifts"] if s["start"] < span[1] and span[0] < s["end"]]
    pairs = set(off) | {(declined.volunteer_id, shift_id) for shift_id in same_time}
    forbidden = [
        {"volunteer": mapper.vid(v), "shift": mapper.sid(s)}
        for v, s in sorted(pairs)
        if mapper.vid(v) in volunteers and mapper.sid(s) in shifts
    ]
    problem = matching.parse_problem(dict(mapped.data, locks=[], forbidden=forbidden))
    bookings = [
        {"resource": mapper.rid(r), "request": mapper.qid(q)}
        for r, q in ResourceBooking.objects.filter(run=run).values_list("resource_id", "request_id")
        if q in mapped.request_shift
    ]
    published = matching.solution_from_dict(
        {
            "status": "feasible",
            "resource_assignments": bookings,
            "unfilled": [],
            "assignments": [{"volunteer": mapper.vid(v), "shift": mapper.sid(s)} for v, s in sorted(known)],
        }
    )
    solution = repair(
        problem,
        published,
        [(mapper.vid(declined.volunteer_id), mapper.sid(declined.shift_id))],
        time_limit=_time_limit(),
    )
    repaired = {(int(v[1:]), int(s[1:])) for v, s in solution.assignments}
    return standing, repaired | (standing - known)


def assignment_backfill(*, assignment_id: int) -> Backfill | None:
    """Refill the seat of a declined published assignment; safe to run twice (one Backfill per decline)."""
    declined = (
        Assignment.objects.select_related("run", "shift", "shift__community", "volunteer", "response")
        .filter(pk=assignment_id, run__publication__isnull=False)
        .first()
    )
    answer = getattr(declined, "response", None) if declined is not None else None
    if declined is None or answer is None or answer.status != Status.DECLINED:
        log.info("assignment %s is not a declined published one: no backfill", assignment_id)
        return None
    existing = Backfill.objects.filter(declined=declined).first()
    if existing is not None:
        return existing
    run = declined.run
    try:
        backfill = _backfill_write(run, declined)
    except IntegrityError:
        return Backfill.objects.filter(declined=declined).first()
    log.info(
        "backfill of %s: %d in, %d moved, %d unfilled",
        declined.pk,
        len(backfill.new_assignments),
        backfill.moved,
        backfill.unfilled,
    )
    return backfill


@transaction.atomic
def _backfill_write(run: MatchingRun, declined: Assignment) -> Backfill:
    """The backfill's rows and notifications, in one transaction under the run's lock."""
    # One backfill of a run at a time, and the plan read under the lock: two declines of the same run
    # repaired side by side could otherwise give one free person two overlapping seats.
    MatchingRun.objects.select_for_update().filter(pk=run.pk).first()
    if Backfill.objects.filter(declined=declined).exists():
        return Backfill.objects.get(declined=declined)
    standing, repaired = _repair(run, declined)
    added, removed = (
        sorted(repaired - standing),
        sorted(standing - repaired - {(declined.volunteer_id, declined.shift_id)}),
    )
    now = timezone.now()
    moved_rows = list(Assignment.objects.filter(run=run, volunteer_id__in={v for v, _ in removed}))
    for row in moved_rows:
        if (row.volunteer_id, row.shift_id) in removed:
            AssignmentResponse.objects.update_or_create(
                assignment=row,
                defaults={"status": Status.MOVED, "answered_at": now, "reason": _("Moved to fill a declined seat.")},
            )
    # One by one: a backfill adds a handful of rows, and each needs its id for the notification key.
    new_rows = [
        Assignment.objects.select_related("shift", "shift__community", "volunteer").get(
            pk=Assignment.objects.create(run=run, volunteer_id=v, shift_id=s, source=Assignment.Source.SOLVER).pk
        )
        for v, s in added
    ]
    before, after = Counter(s for _, s in standing), Counter(s for _, s in repaired)
    short = {shift: before[shift] - after[shift] for shift in before if before[shift] > after[shift]}
    for shift_id, missing in short.items():
        seat, created = UnfilledSeat.objects.get_or_create(
            run=run,
            shift_id=shift_id,
            defaults={
                "missing": missing,
                "reasons": [{"code": "declined", "message": _("Declined; nobody free to take it.")}],
            },
        )
        if not created:
            UnfilledSeat.objects.filter(pk=seat.pk).update(missing=F("missing") + missing)
    # The one-per-decline rule: if another execution got here first, this IntegrityError undoes all of the above.
    backfill = Backfill.objects.create(
        run=run,
        declined=declined,
        new_assignments=[r.pk for r in new_rows],
        moved=len(removed),
        unfilled=sum(short.values()),
    )
    _notify(
        run,
        declined,
        new_rows,
        moved_rows=[r for r in moved_rows if (r.volunteer_id, r.shift_id) in removed],
        unfilled=sum(short.values()),
    )
    return backfill


def _notify(run: MatchingRun, declined: Assignment, new_rows: list[Assignment], *, moved_rows, unfilled: int) -> None:
    for row in new_rows:
        shift = row.shift
        notification_send(
            recipients=[row.volunteer.user_id],
            kind=KIND_BACKFILL,
            event_key=f"backfill:{row.pk}",
            title=f"新的岗位：{shift.title}",
            body=f"有志愿者无法参加，您被安排补位：{shift_when(shift)} {shift.title}，地点：{shift.community.name}"
            f"{'，' + shift.address if shift.address else ''}。请在“我的岗位”中确认。",
            payload={"assignment": row.pk, "shift": shift.pk, "run": run.pk},
        )
    for row in moved_rows:
        notification_send(
            recipients=[row.volunteer.user_id],
            kind=KIND_BACKFILL,
            event_key=f"backfill:moved:{row.pk}",
            title="您的岗位有调整",
            body="为填补空缺，您原来的一个班次已调整，请在“我的岗位”中查看新的安排。",
            payload={"assignment": row.pk, "run": run.pk},
        )
    shift = declined.shift
    if unfilled:
        title, body = (
            f"补位未成功：{shift.title}",
            f"{shift_when(shift)} {shift.title} 有志愿者请辞，暂无合适人选补位，空缺 {unfilled} 个。",
        )
    else:
        title, body = (
            f"已自动补位：{shift.title}",
            f"{shift_when(shift)} {shift.title} 有志愿者请辞，已安排 {len(new_rows)} 人补位。",
        )
    notification_send(
        recipients=_coordinators(run),
        kind=KIND_BACKFILL_REPORT,
        event_key=f"backfill:declined:{declined.pk}",
        title=title,
        body=body,
        payload={
            "run": run.pk,
            "shift": shift.pk,
            "declined": declined.pk,
            "new_assignments": [r.pk for r in new_rows],
            "moved": len(moved_rows),
            "unfilled": unfilled,
        },
    )


# ---------------------------------------------------------------- claims of what is open


def _claimable_shift(shift_id: int, volunteer: Volunteer) -> tuple[MatchingRun, Shift]:
    shift = Shift.objects.select_related("community__sub_district").filter(pk=shift_id).first()
    run = selectors.claimable_run_of(volunteer=volunteer, shift=shift) if shift is not None else None
    if run is None or shift is None:
        raise Http404("No such open seat for you.")
    return run, shift


@transaction.atomic
def seat_claim(*, user: User, shift_id: int, now: dt.datetime | None = None) -> Assignment:
    """Take an open seat of a published plan (accepted at once), if every hard rule still holds for the volunteer.

    First come, first served: the run's row lock orders claims of one plan (and backfills, which take the same
    lock), so the last seat goes to one claim and the other is told it is taken.
    """
    volunteer = _volunteer(user)
    now = now or timezone.now()
    run, shift = _claimable_shift(shift_id, volunteer)
    MatchingRun.objects.select_for_update().filter(pk=run.pk).first()
    shift = Shift.objects.select_for_update(of=("self",)).select_related("community").get(pk=shift.pk)
    if shift.status == Shift.Status.CANCELLED:
        raise ShiftCancelled(_("This shift was cancelled by the coordinator."))
    if shift.start <= now:
        raise ShiftStarted(_("This shift has already started."))
    row = Assignment.objects.filter(run=run, shift=shift, volunteer=volunteer).select_related("response").first()
    answer = getattr(row, "response", None) if row is not None else None
    if row is not None and (answer is None or answer.status not in AssignmentResponse.OFF):
        raise AlreadyOnShift(_("You already have a seat on this shift."))
    seat = UnfilledSeat.objects.filter(run=run, shift=shift).select_related("shift").first()
    standing = selectors.standing_counts(run_ids={run.pk}, shift_ids={shift.pk}).get((run.pk, shift.pk), 0)
    if seat is None or selectors.open_seats(seat, standing) <= 0:
        raise SeatTaken(_("Someone else took the last open seat of this shift."))
    broken = eligibility.seat_violations(run=run, volunteer=volunteer, shift_ids={shift.pk})[shift.pk]
    if broken:
        raise NotEligible(
            _("You cannot take this seat: %(reason)s") % {"reason": broken[0].message},
            fields={"rule": [b.rule for b in broken], "shift": [b.message for b in broken]},
        )
    if row is None:
        row = Assignment.objects.create(run=run, shift=shift, volunteer=volunteer, source=Assignment.Source.CLAIM)
    else:  # they left this shift before (declined, or moved by a backfill) and take its open seat back
        row.source = Assignment.Source.CLAIM
        row.save(update_fields=["source"])
    AssignmentResponse.objects.update_or_create(
        assignment=row, defaults={"status": Status.ACCEPTED, "reason": "", "answered_at": now}
    )
    unfilled_seat_taken(UnfilledSeat, run=run, shift=shift)
    row.run, row.shift, row.volunteer = run, shift, volunteer
    notification_seat_claimed(assignment=row, claimed_at=now)
    log.info("volunteer %s claimed a seat of shift %s in run %s", volunteer.pk, shift.pk, run.pk)
    return row


@transaction.atomic
def wish_claim(*, user: User, need_id: int) -> Need:
    """Take a published micro-wish (接单): the need becomes claimed, with the volunteer as its taker, and the
    coordinators responsible for it are told; the need's row lock gives a wish to the first of two volunteers at
    once."""
    volunteer = _volunteer(user)
    need = Need.objects.filter(pk=need_id, is_micro_wish=True).first()
    if need is None or need.status not in (Need.Status.PUBLISHED, Need.Status.CLAIMED):
        raise Http404("No such open micro-wish.")
    if need.status != Need.Status.PUBLISHED:
        raise needs_services.AlreadyTaken(_("This micro-wish has already been taken."))
    taken = needs_services.need_take(need=need, user=user, volunteer=volunteer)
    notification_wish_claimed(need=taken, volunteer=volunteer)
    return taken


# ---------------------------------------------------------------- calendar token


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def calendar_token_get_or_create(*, user: User) -> CalendarToken:
    volunteer = _volunteer(user)
    token, _created = CalendarToken.objects.get_or_create(
        volunteer=volunteer, defaults={"token": _new_token(), "credentials_version": user.credentials_version}
    )
    if token.credentials_version != user.credentials_version:
        return calendar_token_rotate(user=user)  # its URL died with the account's credentials
    return token


def calendar_token_rotate(*, user: User) -> CalendarToken:
    """A new secret for the feed; the old URL answers 404 from now on."""
    volunteer = _volunteer(user)
    with transaction.atomic():
        token, created = CalendarToken.objects.select_for_update().get_or_create(
            volunteer=volunteer, defaults={"token": _new_token(), "credentials_version": user.credentials_version}
        )
        if not created:
            token.token, token.rotated_at = _new_token(), timezone.now()
            token.credentials_version = user.credentials_version
            token.save(update_fields=["token", "rotated_at", "credentials_version"])
    return token
