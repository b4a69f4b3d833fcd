"""Notifications: one row per recipient and event, the in-app inbox and the record of what was sent.

The (recipient, event_key) rule makes sending idempotent: a task that runs twice finds its rows there.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        PLAN_PUBLISHED = "plan_published", _("Plan published")
        BACKFILL = "backfill", _("A post given or changed by a backfill")
        BACKFILL_REPORT = "backfill_report", _("Backfill report to coordinators")
        REMINDER = "reminder", _("Shift reminder")
        POST_ALLOCATED = "post_allocated", _("Standing post allocated")
        RESOURCE_WITHDRAWN = "resource_withdrawn", _("A booked resource withdrawn")
        RESOURCE_BACKFILL = "resource_backfill", _("A resource booked in place of a withdrawn one")
        NEED_OVERDUE = "need_overdue", _("A need past its deadline")
        SHIFT_CANCELLED = "shift_cancelled", _("A published shift cancelled")
        NEED_HANDED_OVER = "need_handed_over", _("A need handed over to you")
        SEAT_CLAIMED = "seat_claimed", _("An open seat claimed by a volunteer")
        WISH_CLAIMED = "wish_claimed", _("A micro-wish claimed by a volunteer")
        BOOKING_RELEASED = "booking_released", _("A booking released by a cancelled shift")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    # What happened, e.g. "plan_published:run:12": a recipient hears of one event once.
    event_key = models.CharField(_("event key"), max_length=120)
    # The call that inserted the row: lets that call, and only it, dispatch the rows it created.
    batch = models.UUIDField(_("batch"), default=uuid.uuid4, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event_key"], name="notification_once_per_event"),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Delivery(models.Model):
    """One external send (an SMS or an e-mail) of a notification, or a direct SMS (a login code, an invitation),
    with its outcome. A worker claims a queued row (queued → sending) in one UPDATE before it calls the provider,
    so a task delivered twice sends once; a row left `sending` by a worker that died is never sent again: the
    sweeper marks it `unknown` (notifications.deliveries explains why).

    queued → sending → sent | failed | queued (a temporary error, retried with back-off) ; queued → skipped;
    sending → unknown.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")
        UNKNOWN = "unknown", _("Unknown (the worker stopped during the send)")

    FINAL = (Status.SENT, Status.FAILED, Status.SKIPPED, Status.UNKNOWN)

    # "sms", "email", or the name of another channel of NOTIFICATION_CHANNELS: channels are pluggable.
    channel = models.CharField(_("channel"), max_length=32)
    notification = models.ForeignKey(
        Notification,
        verbose_name=_("notification"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    # The notification's event, or a direct SMS's own (e.g. "login_code:42"): one send per event and channel.
    event_key = models.CharField(_("event key"), max_length=160)
    # A direct SMS: the logical template, its number and parameters. A notification's SMS is built at send time.
    template = models.CharField(_("template"), max_length=32, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    # May hold a one-time code: emptied once the row is final (sent, failed, skipped or unknown).
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    urgent = models.BooleanField(_("urgent"), default=False, help_text=_("Sent during quiet hours too."))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    provider_id = models.CharField(_("provider message id"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Not to be sent before (quiet hours, a retry's back-off): the sweeper queues the row again from then on.
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-id"]
        constraints = [
            # Once per notification and channel; a direct SMS (no notification) once per event and channel.
            models.UniqueConstraint(
                fields=["notification", "channel"],
                condition=models.Q(notification__isnull=False),
                name="delivery_once_per_notification",
            ),
            models.UniqueConstraint(
                fields=["event_key", "channel"],
                condition=models.Q(notification__isnull=True),
                name="delivery_once_per_direct_event",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "sending", "sent", "failed", "skipped", "unknown"]),
                name="delivery_status_known",
            ),
            # A row is finished exactly when its status is final.
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "sending"], finished_at__isnull=True)
                | models.Q(status__in=["sent", "failed", "skipped", "unknown"], finished_at__isnull=False),
                name="delivery_finished_when_final",
            ),
            # A direct SMS carries its own number and template; a notice's are its recipient's and its kind's.
            models.CheckConstraint(
                condition=models.Q(notification__isnull=False) | (~models.Q(phone="") & ~models.Q(template="")),
                name="delivery_direct_has_phone_and_template",
            ),
        ]
        indexes = [models.Index(fields=["status", "not_before"], name="delivery_status_idx")]

    def __str__(self) -> str:
        return f"{self.channel} {self.event_key}: {self.status}"


class ChannelPreference(models.Model):
    """A person's choice of the channels that reach them outside the app. Without a row: every channel there is
    an address for (SMS where a phone is known, e-mail where an address is). The inbox cannot be turned off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="channel_preference",
    )
    sms = models.BooleanField(_("SMS"), default=True)
    email = models.BooleanField(_("e-mail"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("channel preference")
        verbose_name_plural = _("channel preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: sms={self.sms} email={self.email}"
