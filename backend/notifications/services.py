"""Writes of notifications: send (store once per recipient and event, with a delivery row per external channel
that a task sends after commit: notifications.deliveries), mark read, the message that tells volunteers
their shifts when a plan is published, and the notices of claims and released bookings."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from notifications.deliveries import deliveries_create
from notifications.models import ChannelPreference, Notification
from notifications.selectors import coordinators_responsible, unit_representatives
from planning.models import Assignment, MatchingRun, Publication
from planning.selectors import publication_assignment_list

if TYPE_CHECKING:
    from needs.models import Need
    from people.models import Volunteer
    from resources.models import Resource
    from shifts.models import Shift

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """One recipient's notification of an event."""

    recipient: User | int
    title: str
    body: str
    payload: dict = field(default_factory=dict)


def _user_id(recipient: User | int) -> int:
    return recipient.pk if isinstance(recipient, User) else recipient


def notification_send_each(*, kind: str, event_key: str, messages: Iterable[Message]) -> list[Notification]:
    """Store one notification per recipient of the event and deliver only the rows this call created.

    A recipient who already has this event's notification is skipped (the database's unique rule, so a
    task delivered twice, or two racing, send once). Their deliveries are stored with them and queued after
    the rows are committed.
    """
    batch, now, rows, seen = uuid.uuid4(), timezone.now(), [], set()
    for message in messages:
        user_id = _user_id(message.recipient)
        if user_id in seen:
            continue
        seen.add(user_id)
        rows.append(
            Notification(
                recipient_id=user_id,
                kind=kind,
                title=message.title[:200],
                body=message.body,
                payload=message.payload,
                event_key=event_key,
                batch=batch,
                created_at=now,
            )
        )
    if not rows:
        return []
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
        # Rows skipped as duplicates keep the batch of the call that made them: these are exactly ours.
        created = list(Notification.objects.filter(batch=batch).select_related("recipient").order_by("pk"))
        deliveries_create(notifications=created)
    log.info("event %s: %d new notifications of %d recipients", event_key, len(created), len(rows))
    return created


def notification_send(
    *,
    recipients: Iterable[User | int],
    kind: str,
    event_key: str,
    title: str,
    body: str,
    payload: dict | None = None,
) -> list[Notification]:
    """The same notification to every recipient, once per recipient and event."""
    return notification_send_each(
        kind=kind,
        event_key=event_key,
        messages=[Message(recipient=r, title=title, body=body, payload=payload or {}) for r in recipients],
    )


def notification_need_handed_over(*, need: Need, by: User, reason: str) -> list[Notification]:
    """Tell the need's new owner (in the app) that it is theirs now, with the reason and its deadline; once per
    hand-over (the event names the moment of the change), and not when they took it themselves."""
    owner_id = need.owner_id
    if owner_id is None or owner_id == by.pk:
        return []
    facts = {"need": need.title, "community": need.community.name}
    body = _("%(community)s: the need %(need)s is now yours to follow up.") % facts
    if need.deadline is not None:
        body = f"{body} {_('Deadline: %(deadline)s.') % {'deadline': need.deadline.isoformat()}}"
    if reason:
        body = f"{body} {_('Reason: %(reason)s') % {'reason': reason}}"
    return notification_send(
        recipients=[owner_id],
        kind=Notification.Kind.NEED_HANDED_OVER,
        event_key=f"need_handed_over:{need.pk}:{need.updated_at.isoformat()}",
        title=_("Need handed over to you: %(need)s") % facts,
        body=body,
        payload={"need": need.pk, "community": need.community_id, "by": by.pk, "reason": reason},
    )


def shift_when(shift: Shift) -> str:
    """A shift's day and hours as notices give them, in the district's time: "12-13 09:00–11:00"."""
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    return f"{start:%m-%d %H:%M}–{end:%H:%M}"


def notification_seat_claimed(*, assignment: Assignment, claimed_at: dt.datetime) -> list[Notification]:
    """Tell the coordinators responsible for a published plan (its run's creator, else the shift's community's
    coordinators) that a volunteer claimed one of its open seats; once per claim (a seat left and claimed again is
    a new claim: the event names the moment of the answer)."""
    shift, volunteer, run = assignment.shift, assignment.volunteer, assignment.run
    facts = {
        "shift": shift.title,
        "when": shift_when(shift),
        "community": shift.community.name,
        "volunteer": volunteer.name,
        "number": volunteer.number,
    }
    return notification_send(
        recipients=coordinators_responsible(owner_id=run.created_by_id, community_id=shift.community_id),
        kind=Notification.Kind.SEAT_CLAIMED,
        event_key=f"seat_claimed:{assignment.pk}:{claimed_at.isoformat()}",
        title=_("Open seat claimed: %(shift)s") % facts,
        body=_("%(volunteer)s (%(number)s) claimed an open seat of %(when)s %(shift)s (%(community)s).") % facts,
        payload={"run": run.pk, "shift": shift.pk, "assignment": assignment.pk, "volunteer": volunteer.pk},
    )


def notification_wish_claimed(*, need: Need, volunteer: Volunteer) -> list[Notification]:
    """Tell the coordinators responsible for a micro-wish (its owner, else its community's coordinators) that a
    volunteer took it; once per taking (a wish released and taken again is told again)."""
    facts = {
        "need": need.title,
        "community": need.community.name,
        "volunteer": volunteer.name,
        "number": volunteer.number,
    }
    assert need.taken_at is not None, "told of once taken (need_take sets the time)"
    return notification_send(
        recipients=coordinators_responsible(owner_id=need.owner_id, community_id=need.community_id),
        kind=Notification.Kind.WISH_CLAIMED,
        event_key=f"wish_claimed:{need.pk}:{need.taken_at.isoformat()}",
        title=_("Micro-wish claimed: %(need)s") % facts,
        body=_("%(volunteer)s (%(number)s) took the micro-wish %(need)s (%(community)s).") % facts,
        payload={"need": need.pk, "community": need.community_id, "volunteer": volunteer.pk},
    )


def notification_booking_released(*, shift: Shift, resources: Iterable[Resource]) -> list[Notification]:
    """Tell the representatives of each unit whose resource a published plan had booked for a cancelled shift that
    it is free again; once per shift and resource. A community's own facility has no unit: nobody to tell."""
    created: list[Notification] = []
    for resource in resources:
        if resource.unit_id is None:
            continue
        facts = {
            "shift": shift.title,
            "when": shift_when(shift),
            "community": shift.community.name,
            "resource": resource.name,
        }
        body = _("%(when)s %(shift)s (%(community)s) was cancelled; %(resource)s is no longer booked for it.") % facts
        if shift.cancel_reason:
            body = f"{body} {_('Reason: %(reason)s') % {'reason': shift.cancel_reason}}"
        created += notification_send(
            recipients=unit_representatives(unit_id=resource.unit_id),
            kind=Notification.Kind.BOOKING_RELEASED,
            event_key=f"booking_released:{shift.pk}:{resource.pk}",
            title=_("Booking released: %(resource)s") % facts,
            body=body,
            payload={
                "shift": shift.pk,
                "resource": resource.pk,
                "start": timezone.localtime(shift.start).isoformat(),
                "end": timezone.localtime(shift.end).isoformat(),
            },
        )
    return created


def notification_read(*, user: User, notification: Notification) -> Notification:
    """Mark the caller's notification read (the first read time is kept)."""
    Notification.objects.filter(pk=notification.pk, recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    notification.refresh_from_db(fields=["read_at"])
    return notification


def notification_read_all(*, user: User) -> int:
    """Mark every unread notification of the caller read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def channel_preference_update(*, user: User, sms: bool | None = None, email: bool | None = None) -> ChannelPreference:
    """The caller turns SMS or e-mail on or off (None: unchanged). Sends already queued check it again first."""
    preference, _ = ChannelPreference.objects.get_or_create(user=user)
    changes = {name: value for name, value in (("sms", sms), ("email", email)) if value is not None}
    for name, value in changes.items():
        setattr(preference, name, value)
    if changes:
        preference.save(update_fields=[*changes, "updated_at"])
    return preference


# ---------------------------------------------------------------- a plan is published

WEEKDAYS = "一二三四五六日"


def _day(moment) -> str:
    local = timezone.localtime(moment)
    return f"{local.month}月{local.day}日（周{WEEKDAYS[local.weekday()]}）"


def _scope_name(run) -> str:
    if run.community_id:
        return run.community.name
    if run.sub_district_id:
        return run.sub_district.name
    return "全区"


def _shift_facts(assignment) -> dict:
    """What a volunteer needs to turn up: time, place, post and duties. No names or phone numbers of anyone."""
    shift = assignment.shift
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    place = shift.community.name + (f"，{shift.address}" if shift.address else "")
    return {
        "assignment": assignment.pk,
        "shift": shift.pk,
        "title": shift.title,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "time": f"{_day(start)} {start:%H:%M}–{end:%H:%M}",
        "place": place,
        "post": shift.post.name if shift.post_id else shift.title,
        "duties": (shift.post.duties if shift.post_id else "") or "",
    }


def _publication_message(run, week_label: str, facts: list[dict]) -> tuple[str, str]:
    scope = _scope_name(run)
    title = f"{scope}{week_label}的排班已发布"
    lines = [f"您好！{scope}{week_label}的排班已发布，您有 {len(facts)} 个班次：", ""]
    for number, fact in enumerate(facts, start=1):
        lines.append(f"{number}. {fact['time']} {fact['title']}")
        lines.append(f"   地点：{fact['place']}")
        lines.append(f"   岗位：{fact['post']}")
        if fact["duties"]:
            lines.append(f"   职责：{fact['duties']}")
    lines += ["", "请按时到岗。如不能参加，请在“我的岗位”中尽早说明原因。"]
    return title, "\n".join(lines)


def publication_notify(*, run_id: int) -> dict:
    """Tell every volunteer in a published run's plan their shifts of the week, once (safe to run twice)."""
    run = MatchingRun.objects.select_related("community", "sub_district").filter(pk=run_id).first()
    if run is None or not Publication.objects.filter(run_id=run_id).exists():
        log.warning("run %s is not published: nobody notified", run_id)
        return {"run": run_id, "volunteers": 0, "notified": 0}
    sunday = run.week + dt.timedelta(days=6)
    week_label = f" {run.week.month}月{run.week.day}日–{sunday.month}月{sunday.day}日 "
    by_user: dict[int, list] = {}
    for assignment in publication_assignment_list(run=run):
        by_user.setdefault(assignment.volunteer.user_id, []).append(assignment)
    messages = []
    for user_id, assignments in by_user.items():
        facts = [_shift_facts(a) for a in assignments]
        title, body = _publication_message(run, week_label, facts)
        payload = {
            "run": run.pk,
            "version": run.version,
            "scope_key": run.scope_key,
            "week": run.week.isoformat(),
            "shifts": facts,
        }
        messages.append(Message(recipient=user_id, title=title, body=body, payload=payload))
    created = notification_send_each(
        kind=Notification.Kind.PLAN_PUBLISHED,
        event_key=f"plan_published:run:{run.pk}",
        messages=messages,
    )
    Publication.objects.filter(run_id=run.pk, notified_at__isnull=True).update(notified_at=timezone.now())
    return {"run": run.pk, "volunteers": len(messages), "notified": len(created)}
