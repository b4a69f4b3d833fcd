"""Writes of deliveries, the sends outside the app: rows for new notifications, direct SMS (`queue_sms`), the
send itself (claim, provider, outcome) run by the task `notifications.deliver`, and the sweeper.

Once per event, even when a worker dies: a worker claims a queued row with one UPDATE ... WHERE status='queued'
(committed: tasks run outside any transaction) before it calls the provider, so a second delivery of the same
task, or a racing one, finds it taken and sends nothing. A row a dead worker left `sending` may or may not have
reached the provider (the provider may have taken it just before the worker died), and sending again could
give a person two texts, or two login codes of which one no longer works. We choose at most once: after
DELIVERY_SENDING_TIMEOUT_MINUTES the sweeper marks it `unknown`, counts it (outcome "unknown" in /metrics) and
logs it, and the person can ask again (a new code) or read it in the app.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from core.queue import send_or_log, task_named
from notifications import metrics
from notifications.channels import Channel, SmsChannel, channel_get, configured_channels
from notifications.models import ChannelPreference, Delivery, Notification
from notifications.sms.base import SmsError, SmsPermanentError
from notifications.sms.templates import template_params

log = logging.getLogger(__name__)

# Kinds about a shift that has just changed, whose SMS may not wait for the morning: a seat given by a backfill,
# a booked resource withdrawn or replaced, a shift cancelled. Publication notices, reminders and reports wait out
# quiet hours.
URGENT_KINDS = {
    Notification.Kind.BACKFILL,
    Notification.Kind.RESOURCE_WITHDRAWN,
    Notification.Kind.RESOURCE_BACKFILL,
    Notification.Kind.SHIFT_CANCELLED,
}
# A queued row still queued this long after its message was sent is queued again (the broker was down, or the
# message was lost). Long enough that a district's notices waiting their turn in the queue are not doubled.
REQUEUE_AFTER = dt.timedelta(minutes=30)
MAX_BACKOFF_SECONDS = 3600.0


@dataclass(frozen=True)
class SendOutcome:
    status: str  # the row's status after this call ("taken": another worker has it; "missing": no such row)
    retry_in: float | None = None  # seconds: a temporary failure, the task is to run again then


# ---------------------------------------------------------------- when sms may be sent


def quiet_until(now: dt.datetime | None = None) -> dt.datetime | None:
    """The end of the quiet hours (SMS_QUIET_START to SMS_QUIET_END, district time) if `now` is inside them."""
    local = timezone.localtime(now or timezone.now())
    start, end = settings.SMS_QUIET_START, settings.SMS_QUIET_END
    if start == end:
        return None
    quiet = (local.hour >= start or local.hour < end) if start > end else (start <= local.hour < end)
    if not quiet:
        return None
    day = local.date() if local.hour < end else local.date() + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(end)), local.tzinfo)


def _backoff(attempts: int) -> float:
    return min(settings.DELIVERY_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS)


def _skip_reason(channel: Channel, user, preference: ChannelPreference | None) -> str:
    if user is None or not user.is_active:
        return "inactive"
    if preference is not None and not getattr(preference, channel.name, True):
        return "opt_out"
    if not channel.address(user):
        return "no_address"
    return ""


# ---------------------------------------------------------------- queueing


def _enqueue(delivery_ids: Iterable[int]) -> None:
    """Queue the send of each row (after commit: callers use on_commit); a broker that is down leaves them for
    the sweeper."""
    task = task_named("notifications.deliver")
    route = {"queue": settings.DELIVERY_QUEUE} if settings.DELIVERY_QUEUE else {}
    for delivery_id in delivery_ids:
        if not send_or_log(task, delivery_id, **route):
            break  # the broker is down: the sweeper queues the rest


def _count(counts: Counter) -> None:
    for (channel, outcome), n in counts.items():
        metrics.notices.labels(channel, outcome).inc(n)


def deliveries_create(*, notifications: list[Notification]) -> list[Delivery]:
    """One row per new notification and external channel, in the caller's transaction; after commit the rows to
    send now are queued. Rows nobody can receive are skipped at once, SMS at night deferred to the morning."""
    configured = configured_channels()
    channels = [c for c in configured if c.external]
    # The in-app channel's message is the stored row: delivered by the commit.
    counts = Counter({(c.name, "sent"): len(notifications) for c in configured if not c.external})
    preferences = ChannelPreference.objects.in_bulk([n.recipient_id for n in notifications])
    now, night = timezone.now(), quiet_until()
    rows = []
    for notification in notifications:
        user = notification.recipient
        urgent = notification.kind in URGENT_KINDS
        for channel in channels:
            row = Delivery(
                channel=channel.name,
                notification=notification,
                recipient=user,
                event_key=notification.event_key,
                urgent=urgent,
                created_at=now,
            )
            reason = _skip_reason(channel, user, preferences.get(notification.recipient_id))
            if reason:
                row.status, row.reason, row.finished_at = Delivery.Status.SKIPPED, reason, now
                counts[(channel.name, "skipped")] += 1
            elif channel.quiet_hours and not urgent and night:
                row.not_before, row.reason = night, "quiet_hours"
                counts[(channel.name, "deferred")] += 1
            rows.append(row)
    Delivery.objects.bulk_create(rows, batch_size=500)
    now_ids = [r.pk for r in rows if r.status == Delivery.Status.QUEUED and r.not_before is None]
    transaction.on_commit(partial(_count, counts))
    transaction.on_commit(partial(_enqueue, now_ids))
    return rows


def delivery_sms_queue(
    *, phone: str, template: str, params: dict, event_key: str, urgent: bool = True, recipient=None
) -> Delivery:
    """A direct SMS (not a notification): queued once per event_key, sent after commit (see sms.queue_sms).
    The person's opt-out does not apply: these are texts they asked for or need to get in (codes, invitations)."""
    params = template_params(template, params)
    if not (phone or "").strip():
        raise ValueError("an SMS needs a phone number")
    existing = Delivery.objects.filter(notification__isnull=True, channel=SmsChannel.name, event_key=event_key)
    if (found := existing.first()) is not None:
        return found
    night = None if urgent else quiet_until()
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                channel=SmsChannel.name,
                recipient=recipient,
                event_key=event_key,
                template=template,
                phone=phone.strip(),
                params=params,
                urgent=urgent,
                not_before=night,
                reason="quiet_hours" if night else "",
            )
    except IntegrityError:  # the same event queued at the same moment by another process: theirs is the one
        return existing.get()
    if night is None:
        transaction.on_commit(partial(_enqueue, [delivery.pk]))
    return delivery


# ---------------------------------------------------------------- sending


def _finish(delivery_id: int, status: str, reason: str = "", *, from_status: str, **fields) -> bool:
    done = Delivery.objects.filter(pk=delivery_id, status=from_status).update(
        status=status, reason=reason[:300], params={}, finished_at=timezone.now(), **fields
    )
    return bool(done)


def delivery_send(*, delivery_id: int) -> SendOutcome:
    """Send one queued row through its channel, once. Safe to run twice: only the call that claims the row (queued
    → sending, committed) calls the provider. A temporary failure puts it back to queued with a back-off."""
    delivery = Delivery.objects.select_related("notification", "recipient").filter(pk=delivery_id).first()
    if delivery is None:
        return SendOutcome("missing")
    if delivery.status != Delivery.Status.QUEUED:
        return SendOutcome("taken" if delivery.status == Delivery.Status.SENDING else delivery.status)
    channel = channel_get(delivery.channel)
    if channel is None:
        _finish(delivery.pk, Delivery.Status.FAILED, "channel_not_configured", from_status=Delivery.Status.QUEUED)
        _count(Counter({(delivery.channel, "failed"): 1}))
        return SendOutcome(Delivery.Status.FAILED)
    if delivery.notification_id:  # the person may have opted out, or lost their address, since it was queued
        preference = (
            ChannelPreference.objects.filter(user_id=delivery.recipient_id).first()
            if delivery.recipient_id is not None
            else None
        )  # an account deleted since: no preference
        reason = _skip_reason(channel, delivery.recipient, preference)
        if reason:
            _finish(delivery.pk, Delivery.Status.SKIPPED, reason, from_status=Delivery.Status.QUEUED)
            _count(Counter({(channel.name, "skipped"): 1}))
            return SendOutcome(Delivery.Status.SKIPPED)
    if channel.quiet_hours and not delivery.urgent and (night := quiet_until()) is not None:
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.QUEUED).update(
            not_before=night, reason="quiet_hours"
        )
        return SendOutcome(Delivery.Status.QUEUED)

    claimed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1, reason=""
    )
    if not claimed:
        return SendOutcome("taken")
    attempt = delivery.attempts + 1
    try:
        provider_id = channel.send(delivery)
    except SmsPermanentError as exc:
        log.warning("delivery %s (%s) failed for good: %s", delivery.pk, channel.name, exc.code)
        _finish(delivery.pk, Delivery.Status.FAILED, f"{exc.code}: {exc.detail}", from_status=Delivery.Status.SENDING)
        _count(Counter({(channel.name, "failed"): 1}))
        return SendOutcome(Delivery.Status.FAILED)
    except Exception as exc:  # temporary: throttled, timed out, the server or the mail relay failed
        reason = f"{exc.code}: {exc.detail}" if isinstance(exc, SmsError) else type(exc).__name__
        # Our own errors carry a code safe to log; another exception is logged with its stack (no addresses in it).
        log.warning(
            "delivery %s (%s) attempt %d of %d failed: %s",
            delivery.pk,
            channel.name,
            attempt,
            settings.DELIVERY_MAX_ATTEMPTS,
            exc.code if isinstance(exc, SmsError) else type(exc).__name__,
            exc_info=not isinstance(exc, SmsError),
        )
        if attempt >= settings.DELIVERY_MAX_ATTEMPTS:
            _finish(delivery.pk, Delivery.Status.FAILED, reason, from_status=Delivery.Status.SENDING)
            _count(Counter({(channel.name, "failed"): 1}))
            return SendOutcome(Delivery.Status.FAILED)
        wait = _backoff(attempt)
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
            status=Delivery.Status.QUEUED, reason=reason[:300], not_before=timezone.now() + dt.timedelta(seconds=wait)
        )
        _count(Counter({(channel.name, "retried"): 1}))
        return SendOutcome(Delivery.Status.QUEUED, retry_in=wait)
    _finish(delivery.pk, Delivery.Status.SENT, from_status=Delivery.Status.SENDING, provider_id=provider_id or "")
    _count(Counter({(channel.name, "sent"): 1}))
    log.info("delivery %s (%s) sent", delivery.pk, channel.name)
    return SendOutcome(Delivery.Status.SENT)


# ---------------------------------------------------------------- the sweeper


def deliveries_sweep(*, now: dt.datetime | None = None, limit: int = 5000) -> dict:
    """Queue the rows due again (quiet hours over, a back-off passed whose message was lost, the broker down
    when they were queued), and mark `unknown` the rows a dead worker left `sending` (at most once: see above)."""
    now = now or timezone.now()
    stale = now - dt.timedelta(minutes=settings.DELIVERY_SENDING_TIMEOUT_MINUTES)
    lost = list(
        Delivery.objects.filter(status=Delivery.Status.SENDING, claimed_at__lte=stale).values_list("pk", "channel")
    )
    unknown: Counter[tuple[str, str]] = Counter()
    for pk, channel in lost:
        if _finish(
            pk,
            Delivery.Status.UNKNOWN,
            "worker_lost: the provider may or may not have sent it; not sent again",
            from_status=Delivery.Status.SENDING,
        ):
            unknown[(channel, "unknown")] += 1
            log.warning(
                "delivery %s (%s): its worker stopped during the send; marked unknown, not sent again", pk, channel
            )
    _count(unknown)
    # A back-off's own retry message arrives at not_before: a minute's grace keeps the sweeper from doubling it.
    due = list(
        Delivery.objects.filter(status=Delivery.Status.QUEUED)
        .filter(
            Q(not_before__lte=now - dt.timedelta(minutes=1))
            | Q(not_before__lte=now, reason="quiet_hours")
            | Q(not_before__isnull=True, updated_at__lte=now - REQUEUE_AFTER),
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    if due:
        # Touched, so that the next sweep waits REQUEUE_AFTER for these messages before queueing them again.
        Delivery.objects.filter(pk__in=due, status=Delivery.Status.QUEUED).update(
            not_before=None, updated_at=timezone.now()
        )
        _enqueue(due)
    return {"queued": len(due), "unknown": sum(unknown.values())}
