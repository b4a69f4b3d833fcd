"""Writes of service records: the approved record of each attendance with minutes served (safe to repeat), the
manual entry with evidence, its review, and corrections. Every change of minutes or status writes a RecordChange.

Settings read: RECORDS_SYNC_LOOKBACK_DAYS (how far back the sweep looks for changed attendance).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from attendance.models import Attendance
from core.errors import ApplicationError, IllegalTransition
from core.scoping import COORDINATORS, Scope, scope_queryset
from geo.models import Community
from records import selectors
from records.models import PointsRule, RecordChange, ServiceRecord

log = logging.getLogger(__name__)
Status = ServiceRecord.Status


class NotReviewable(IllegalTransition):
    """Only a pending manual entry is approved or rejected, once."""

    code = "not_pending"


class NotCorrectable(ApplicationError):
    """Hours from attendance follow the attendance row; correct the check-in and check-out there."""

    code = "from_attendance"


def _refuse(field: str, message) -> ApplicationError:
    return ApplicationError(f"{field}: {message}", fields={field: [str(message)]})


def _trace(record: ServiceRecord, *, field: str, old, new, by: User | None, note: str = "") -> None:
    RecordChange.objects.create(
        record=record, field=field, old="" if old is None else str(old), new=str(new), changed_by=by, note=note
    )


# ---------------------------------------------------------------- from attendance


def _fields_from(attendance: Attendance) -> dict:
    """The regulation's fields as the shift knows them: activity or post, day, place, recipient, duties, leader."""
    shift = attendance.shift
    post, need = shift.post, shift.need
    team = post.team if post is not None else None
    leader = team.leader if team is not None else None
    return {
        "volunteer_id": attendance.volunteer_id,
        "community_id": shift.community_id,
        "shift": shift,
        "post": post,
        "title": post.name if post is not None else shift.title,
        "date": timezone.localdate(shift.start),
        "place": shift.address or shift.community.name,
        "recipient": need.requester_name if need is not None else "",
        "content": (post.duties if post is not None else "") or (need.title if need is not None else shift.title),
        "person_in_charge": leader.name if leader is not None else "",
        "recorder_id": attendance.recorded_by_id,
    }


def record_from_attendance(attendance: Attendance, *, note: str = "") -> ServiceRecord | None:
    """The approved record of an attendance row, created or brought in step with its minutes (a change of minutes
    leaves a trace, with `note`: the coordinator's reason); None while nothing was served and no record exists.
    A volunteer marked absent after all voids their record: its minutes go to 0 and it becomes rejected, both traced
    (a correction: the history shows what no longer counts, and why); present again, it is approved again.
    Running it again changes nothing."""
    with transaction.atomic():
        record = ServiceRecord.objects.select_for_update().filter(attendance_id=attendance.pk).first()
        if record is None:
            if attendance.minutes_served <= 0:
                return None
            try:
                with transaction.atomic():
                    return ServiceRecord.objects.create(
                        **_fields_from(attendance),
                        attendance=attendance,
                        minutes=attendance.minutes_served,
                        source=ServiceRecord.Source.ATTENDANCE,
                        status=Status.APPROVED,
                    )
            except IntegrityError:  # a racing sweep created it first
                record = ServiceRecord.objects.select_for_update().get(attendance_id=attendance.pk)
        if record.minutes != attendance.minutes_served:
            _trace(
                record,
                field=RecordChange.Field.MINUTES,
                old=record.minutes,
                new=attendance.minutes_served,
                by=attendance.recorded_by,
                note=note or str(_("The attendance was corrected.")),
            )
            record.minutes = attendance.minutes_served
            record.save(update_fields=["minutes", "updated_at"])
        _void_if_absent(record, attendance, note)
    return record


def _void_if_absent(record: ServiceRecord, attendance: Attendance, note: str) -> None:
    """Rejected while the attendance says absent, approved again once it says present (only totals' approved
    records count: hours, stars, points, micro-wishes and needs closed in time)."""
    absent = attendance.status == Attendance.Status.NO_SHOW
    if absent == (record.status == Status.REJECTED):
        return
    status = Status.REJECTED if absent else Status.APPROVED
    reason = _("The volunteer was marked absent.") if absent else _("The attendance was corrected.")
    _trace(
        record,
        field=RecordChange.Field.STATUS,
        old=record.status,
        new=status,
        by=attendance.recorded_by,
        note=note or str(reason),
    )
    record.status = status
    record.save(update_fields=["status", "updated_at"])


def records_sync_attendance(*, now: dt.datetime | None = None) -> int:
    """Bring the records in step with attendance changed recently (check-outs, coordinators' corrections).

    Returns how many attendance rows have a record; a second run writes nothing new.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.RECORDS_SYNC_LOOKBACK_DAYS)
    rows = (
        Attendance.objects.filter(updated_at__gte=cutoff, status=Attendance.Status.PRESENT)
        .select_related(
            "shift", "shift__community", "shift__post", "shift__post__team__leader", "shift__need", "recorded_by"
        )
        .order_by("pk")
    )
    synced = sum(1 for row in rows.iterator(chunk_size=500) if record_from_attendance(row) is not None)
    log.info("service records in step with %d attendance rows", synced)
    return synced


# ---------------------------------------------------------------- manual entries


def _community_for(*, user: User, volunteer) -> Community:
    """Where a manual entry counts: where the volunteer reported (报到), else their home; for a coordinator the
    first of the two in their scope, so that they can review what they filed."""
    candidates = [c for c in (volunteer.reported_community, volunteer.home_community) if c is not None]
    if user.role in COORDINATORS and not user.is_superuser:
        ids = set(
            scope_queryset(
                Community.objects.filter(pk__in=[c.pk for c in candidates]), user, Scope(community="self"), write=True
            ).values_list("pk", flat=True)
        )
        candidates = [c for c in candidates if c.pk in ids] or candidates
    return candidates[0]


def record_create_manual(
    *,
    user: User,
    volunteer_id: int,
    date: dt.date,
    title: str,
    minutes: int,
    evidence: str,
    place: str = "",
    recipient: str = "",
    content: str = "",
    rating: int | None = None,
    person_in_charge: str = "",
    today: dt.date | None = None,
) -> ServiceRecord:
    """A manual entry with its evidence, pending a coordinator's review."""
    volunteer = selectors.volunteer_in_scope(user=user, volunteer_id=volunteer_id)
    if volunteer is None:
        raise _refuse("volunteer", _("You may not file a record for this volunteer."))
    if date > (today or timezone.localdate()):
        raise _refuse("date", _("A service cannot lie in the future."))
    return ServiceRecord.objects.create(
        volunteer=volunteer,
        community=_community_for(user=user, volunteer=volunteer),
        title=title,
        date=date,
        place=place,
        recipient=recipient,
        content=content,
        minutes=minutes,
        rating=rating,
        person_in_charge=person_in_charge,
        recorder=user,
        source=ServiceRecord.Source.MANUAL,
        status=Status.PENDING,
        evidence=evidence,
    )


def _review(*, user: User, record_id: int, status: str, note: str) -> ServiceRecord:
    with transaction.atomic():
        record = selectors.record_get_for_review(user=user, record_id=record_id)
        if record.status != Status.PENDING:
            raise NotReviewable(str(_("Only a pending entry can be approved or rejected.")))
        _trace(record, field=RecordChange.Field.STATUS, old=record.status, new=status, by=user, note=note)
        record.status, record.review_note, record.reviewed_by, record.reviewed_at = status, note, user, timezone.now()
        record.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at", "updated_at"])
    return record


def record_approve(*, user: User, record_id: int, note: str = "") -> ServiceRecord:
    return _review(user=user, record_id=record_id, status=Status.APPROVED, note=note)


def record_reject(*, user: User, record_id: int, note: str) -> ServiceRecord:
    if not note.strip():
        raise _refuse("note", _("Say why the entry is rejected."))
    return _review(user=user, record_id=record_id, status=Status.REJECTED, note=note)


def record_correct(*, user: User, record_id: int, minutes: int, note: str) -> ServiceRecord:
    """A coordinator corrects the minutes of a manual entry; the old and new value stay in the history."""
    if not note.strip():
        raise _refuse("note", _("Say why the hours are corrected."))
    with transaction.atomic():
        record = selectors.record_get_for_review(user=user, record_id=record_id)
        if record.source == ServiceRecord.Source.ATTENDANCE:
            raise NotCorrectable(str(_("Hours from attendance follow the check-in and check-out; correct those.")))
        if record.minutes != minutes:
            _trace(record, field=RecordChange.Field.MINUTES, old=record.minutes, new=minutes, by=user, note=note)
            record.minutes = minutes
            record.save(update_fields=["minutes", "updated_at"])
    return record


# ---------------------------------------------------------------- points rules


class PointsRuleBackdated(ApplicationError):
    """A points rule applies from today or a later day: records already made keep the rules of their dates."""

    code = "points_rule_backdated"


@transaction.atomic
def points_rules_set(*, rules: list[dict], user: User) -> None:
    """Set the points, yearly cap and first day of the kinds given (党员积分; the district's administrators). A rule
    takes effect on its day (today when none is given), so records before it keep their points; a second change on
    the same day replaces that day's row. Each row's save is in the audit history."""
    today = timezone.localdate()
    for row in rules:
        effective_from = row.get("effective_from") or today
        if effective_from < today:
            raise PointsRuleBackdated(
                str(_("A points rule applies from today or a later day.")),
                fields={"effective_from": [str(_("Give today or a later day."))]},
            )
        PointsRule.objects.update_or_create(
            kind=row["kind"],
            effective_from=effective_from,
            defaults={"points": row["points"], "yearly_cap": row.get("yearly_cap")},
        )
    log.info("user %s set %d points rules", user.pk, len(rules))
