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
