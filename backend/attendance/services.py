"""Writes of attendance: the shift's signed QR token, check-in and check-out by the volunteer, the
coordinator's record, no-shows after the shift, and reminders before it. Every write is safe to repeat.

Times default to now; tests and tasks pass `now` explicitly so that no clock needs freezing.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import status

from accounts.models import User
from attendance import selectors
from attendance.models import Attendance, served_minutes
from core.errors import ApplicationError, Conflict
from notifications.models import Notification
from notifications.services import notification_send
from people.models import Volunteer
from records.services import record_from_attendance
from shifts.models import Shift

log = logging.getLogger(__name__)

TOKEN_SALT = "attendance.qr-token"
# The QR code works from an hour before the shift until an hour after it (late check-outs).
TOKEN_LEAD = dt.timedelta(hours=1)
TOKEN_GRACE = dt.timedelta(hours=1)
NO_SHOW_AFTER = dt.timedelta(hours=2)
REMINDER_KIND = Notification.Kind.REMINDER
# (event key prefix, how long before the start); a shift inside the nearer window gets only the nearer one.
REMINDERS = (("reminder2", dt.timedelta(hours=2)), ("reminder24", dt.timedelta(hours=24)))


class InvalidToken(ApplicationError):
    """The QR code is forged, garbled, or not valid at this time."""

    code = "invalid_token"


class NotAssigned(ApplicationError):
    """Only a volunteer with a published assignment to the shift checks in to it."""

    code = "not_assigned"
    status_code = status.HTTP_403_FORBIDDEN


class NotAVolunteer(ApplicationError):
    """Checking in is for volunteers; the signed-in account has no volunteer profile."""

    code = "not_a_volunteer"
    status_code = status.HTTP_403_FORBIDDEN


class NotCheckedIn(Conflict):
    """A check-out needs a check-in first."""

    code = "not_checked_in"


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def no_show_lookback() -> dt.timedelta:
    # Shifts older than this are never marked, so a first run does not sweep the whole history.
    return dt.timedelta(days=settings.ATTENDANCE_NO_SHOW_LOOKBACK_DAYS)


# ---------------------------------------------------------------- QR token


@dataclass(frozen=True)
class QrToken:
    token: str
    shift: int
    valid_from: dt.datetime
    valid_until: dt.datetime


def qr_token_window(*, shift: Shift) -> tuple[dt.datetime, dt.datetime]:
    return shift.start - TOKEN_LEAD, shift.end + TOKEN_GRACE


def qr_token_create(*, shift: Shift) -> QrToken:
    """A signed token naming the shift; it says nothing secret, the signature only proves where it came from."""
    valid_from, valid_until = qr_token_window(shift=shift)
    token = signing.TimestampSigner(salt=TOKEN_SALT).sign_object({"shift": shift.pk, "until": valid_until.isoformat()})
    return QrToken(token=token, shift=shift.pk, valid_from=valid_from, valid_until=valid_until)


def _token_error(message) -> InvalidToken:
    return InvalidToken(str(message), fields={"token": [str(message)]})


def qr_token_read(*, token: str, now: dt.datetime | None = None) -> Shift:
    """The shift a token names, if the token is genuine and the shift's window holds `now`; else a 400 on `token`."""
    now = _now(now)
    try:
        data = signing.TimestampSigner(salt=TOKEN_SALT).unsign_object(token)
        shift_id = int(data["shift"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise _token_error(_("This QR code is not valid.")) from error
    shift = Shift.objects.select_related("community", "post").filter(pk=shift_id).first()
    if shift is None:
        raise _token_error(_("This QR code is not valid."))
    valid_from, valid_until = qr_token_window(shift=shift)
    if now < valid_from:
        raise _token_error(_("This QR code is not valid yet: check-in opens an hour before the shift."))
    if now > valid_until:
        raise _token_error(_("This QR code has expired."))
    return shift


# ---------------------------------------------------------------- check-in and check-out


def _volunteer(user: User) -> Volunteer:
    volunteer = Volunteer.objects.filter(user_id=user.pk).first() if user.is_authenticated else None
    if volunteer is None:
        raise NotAVolunteer(str(_("Only volunteers check in to shifts.")))
    return volunteer


def _locked_row(*, shift: Shift, volunteer: Volunteer, defaults: dict) -> tuple[Attendance, bool]:
    """The row of the shift and volunteer, locked; created with `defaults` when missing (racing callers: one wins)."""
    row = Attendance.objects.select_for_update().filter(shift=shift, volunteer=volunteer).first()
    if row is not None:
        return row, False
    try:
        with transaction.atomic():
            return Attendance.objects.create(shift=shift, volunteer=volunteer, **defaults), True
    except IntegrityError:
        return Attendance.objects.select_for_update().get(shift=shift, volunteer=volunteer), False


def attendance_check_in(*, user: User, token: str, now: dt.datetime | None = None) -> Attendance:
    """Check the volunteer in by the shift's QR code; checking in again changes nothing."""
    now = _now(now)
    volunteer = _volunteer(user)
    shift = qr_token_read(token=token, now=now)
    assignment = selectors.published_assignment_get(shift_id=shift.pk, volunteer_id=volunteer.pk)
    if assignment is None:
        raise NotAssigned(str(_("You have no published assignment on this shift.")))
    with transaction.atomic():
        row, created = _locked_row(
            shift=shift,
            volunteer=volunteer,
            defaults={
                "assignment": assignment,
                "status": Attendance.Status.PRESENT,
                "method": Attendance.Method.QR,
                "checked_in_at": now,
                "recorded_by": user,
            },
        )
        if not created and row.checked_in_at is None:  # marked a no-show before: they came after all
            row.status, row.method, row.checked_in_at, row.recorded_by = (
                Attendance.Status.PRESENT,
                Attendance.Method.QR,
                now,
                user,
            )
            row.save(update_fields=["status", "method", "checked_in_at", "recorded_by", "updated_at"])
    return row


def attendance_check_out(*, user: User, token: str, now: dt.datetime | None = None) -> Attendance:
    """Check the volunteer out and store the minutes served; checking out again changes nothing."""
    now = _now(now)
    volunteer = _volunteer(user)
    shift = qr_token_read(token=token, now=now)
    if selectors.published_assignment_get(shift_id=shift.pk, volunteer_id=volunteer.pk) is None:
        raise NotAssigned(str(_("You have no published assignment on this shift.")))
    with transaction.atomic():
        row = Attendance.objects.select_for_update().filter(shift=shift, volunteer=volunteer).first()
        if row is None or row.checked_in_at is None:
            raise NotCheckedIn(str(_("Check in before checking out.")))
        if row.checked_out_at is not None:
            return row
        if now <= row.checked_in_at:
            raise NotCheckedIn(str(_("The check-out must come after the check-in.")))
        row.checked_out_at = now
        row.minutes_served = row.served
        row.save(update_fields=["checked_out_at", "minutes_served", "updated_at"])
        record_from_attendance(row)  # the service record, in the same transaction
    return row


def _refused(errors: dict) -> ApplicationError:
    first = next(iter(errors.items()))
    return ApplicationError(f"{first[0]}: {first[1][0]}", fields=errors)


def attendance_record(
    *,
    user: User,
    shift: Shift,
    volunteer_id: int,
    reason: str,
    status: str = Attendance.Status.PRESENT,
    checked_in_at: dt.datetime | None = None,
    checked_out_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> Attendance:
    """The coordinator's record of a volunteer on a shift, with the reason: present with times (they replace what
    the QR code recorded; without a check-in the recorded one stays, which closes a forgotten check-out), or absent.

    The hours and the service record follow exactly as after a check-out by QR code (record_from_attendance).
    """
    now = _now(now)
    errors = {}
    reason = reason.strip()
    if not reason:
        errors["reason"] = [str(_("Say why the attendance is recorded by hand."))]
    if status == Attendance.Status.NO_SHOW:
        if checked_in_at is not None or checked_out_at is not None:
            errors["status"] = [str(_("An absent volunteer has no check-in or check-out times."))]
        elif shift.start > now:
            errors["status"] = [str(_("A volunteer is marked absent once the shift has begun."))]
    elif checked_in_at is not None and checked_in_at > now:
        errors["checked_in_at"] = [str(_("A check-in cannot lie in the future."))]
    assignment = selectors.published_assignment_get(shift_id=shift.pk, volunteer_id=volunteer_id)
    if assignment is None:
        errors["volunteer"] = [str(_("This volunteer has no published assignment on this shift."))]
    if errors or assignment is None:  # the second only says so to the type checker: errors holds "volunteer"
        raise _refused(errors)
    with transaction.atomic():
        row = Attendance.objects.select_for_update().filter(shift=shift, volunteer=assignment.volunteer).first()
        if status == Attendance.Status.PRESENT:
            checked_in_at = checked_in_at or (row.checked_in_at if row is not None else None)
            if checked_in_at is None:
                raise _refused({"checked_in_at": [str(_("Say when the volunteer checked in."))]})
            if checked_out_at is not None and checked_out_at <= checked_in_at:
                raise _refused({"checked_out_at": [str(_("The check-out must come after the check-in."))]})
            if checked_out_at is not None and checked_out_at > now:
                raise _refused({"checked_out_at": [str(_("A check-out cannot lie in the future."))]})
        fields = {
            "assignment": assignment,
            "status": status,
            "method": Attendance.Method.COORDINATOR,
            "checked_in_at": checked_in_at,
            "checked_out_at": checked_out_at,
            "minutes_served": served_minutes(
                checked_in_at=checked_in_at, checked_out_at=checked_out_at, start=shift.start, end=shift.end
            ),
            "recorded_by": user,
            "note": reason,
        }
        if row is None:
            row, created = _locked_row(shift=shift, volunteer=assignment.volunteer, defaults=fields)
        else:
            created = False
        if not created:
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()  # one save: the audit history has one entry with every field changed and the reason
        record_from_attendance(row, note=reason)  # the service record follows, as after a QR check-out
    return row


# ---------------------------------------------------------------- after and before the shift


def attendance_mark_no_shows(*, now: dt.datetime | None = None) -> int:
    """Mark every published assignment of a shift that ended over two hours ago, with no check-in, a no-show.

    Returns how many rows were written; a second run writes none (one row per shift and volunteer).
    """
    now = _now(now)
    cutoff = now - NO_SHOW_AFTER
    assignments = (
        selectors.published_assignment_list()
        .filter(shift__end__lt=cutoff, shift__end__gte=now - no_show_lookback())
        .filter(
            ~Exists(Attendance.objects.filter(shift_id=OuterRef("shift_id"), volunteer_id=OuterRef("volunteer_id")))
        )
        .order_by("shift_id", "volunteer_id", "-run__publication__published_at", "-pk")
        .values_list("pk", "shift_id", "volunteer_id")
    )
    rows, seen = [], set()
    for pk, shift_id, volunteer_id in assignments:
        if (shift_id, volunteer_id) in seen:
            continue
        seen.add((shift_id, volunteer_id))
        rows.append(
            Attendance(
                shift_id=shift_id,
                volunteer_id=volunteer_id,
                assignment_id=pk,
                status=Attendance.Status.NO_SHOW,
                method=Attendance.Method.AUTO,
            )
        )
    if not rows:
        return 0
    with transaction.atomic():
        before = Attendance.objects.filter(status=Attendance.Status.NO_SHOW).count()
        Attendance.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
        written = Attendance.objects.filter(status=Attendance.Status.NO_SHOW).count() - before
    log.info("marked %d no-shows", written)
    return written


PHONE = re.compile(
    r"(?:联系人?|咨询)?(?:电话|手机|热线|[Tt]el)?[:：\s]*"
    r"(?:(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d))"
)
EMPTY_BRACKETS = re.compile(r"（\s*）|\(\s*\)")
WEEKDAYS = "一二三四五六日"


def _without_phones(text: str) -> str:
    """Addresses are typed by people and sometimes carry a number; reminders never repeat one."""
    return EMPTY_BRACKETS.sub("", PHONE.sub("", text or "")).strip(" ，,；;")


def reminder_message(*, shift: Shift, lead: str) -> tuple[str, str]:
    """Title and body of a reminder, in Chinese: place, time, post and duties; no names, no phone numbers."""
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    day = f"{start.month}月{start.day}日（周{WEEKDAYS[start.weekday()]}）"
    time = f"{day} {start:%H:%M}–{end:%H:%M}"
    address = _without_phones(shift.address)
    place = shift.community.name + (f"，{address}" if address else "")
    post = shift.post.name if shift.post is not None else shift.title
    duties = _without_phones(shift.post.duties if shift.post is not None else "")
    title = f"志愿服务提醒：{lead}{start:%H:%M}「{_without_phones(post)}」"
    lines = [
        f"您好！您的志愿服务班次将于{lead}开始：",
        f"时间：{time}",
        f"地点：{place}",
        f"岗位：{_without_phones(post)}",
    ]
    if duties:
        lines.append(f"职责：{duties}")
    lines.append("请按时到岗，到达后扫描现场二维码签到，离开时签退。如不能参加，请在“我的岗位”中尽早说明。")
    return title, "\n".join(lines)


def _lead(prefix: str, start: dt.datetime, now: dt.datetime) -> str:
    if prefix == "reminder2":
        return "两小时内"
    local_start, local_now = timezone.localtime(start), timezone.localtime(now)
    return "明天" if local_start.date() > local_now.date() else "今天"


def attendance_send_reminders(*, now: dt.datetime | None = None) -> dict:
    """Remind volunteers of published assignments starting within 24 h, and again within 2 h; once each.

    A shift already inside the 2-hour window gets only that reminder (no two messages at once).
    """
    now = _now(now)
    sent = {}
    near = dict(REMINDERS)["reminder2"]
    for prefix, window in REMINDERS:
        lower = now if prefix == "reminder2" else now + near
        assignments = (
            selectors.published_assignment_list()
            .filter(shift__start__gt=lower, shift__start__lte=now + window)
            .select_related("shift", "shift__community", "shift__post", "volunteer")
            .order_by("shift__start", "pk")
        )
        count = 0
        for assignment in assignments:
            title, body = reminder_message(shift=assignment.shift, lead=_lead(prefix, assignment.shift.start, now))
            count += len(
                notification_send(
                    recipients=[assignment.volunteer.user_id],
                    kind=REMINDER_KIND,
                    event_key=f"{prefix}:{assignment.pk}",
                    title=title,
                    body=body,
                    payload={
                        "assignment": assignment.pk,
                        "shift": assignment.shift_id,
                        "start": assignment.shift.start.isoformat(),
                    },
                )
            )
        sent[prefix] = count
    return sent
