"""写实性档案: each unit's monthly ledger of what it actually did, written by a beat task, plus the entries and
notes coordinators add (meetings attended, other activities). One ledger per unit and month (a database rule)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped


class UnitLedger(TimeStamped):
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="ledgers")
    # The first day of the month the ledger covers.
    month = models.DateField(_("month"))
    # Written by the task from the month's data; a rewrite replaces these and keeps the entries.
    projects = models.JSONField(_("projects"), default=list, blank=True)
    resources = models.JSONField(_("resources lent"), default=list, blank=True)
    project_count = models.PositiveIntegerField(_("projects"), default=0)
    booking_count = models.PositiveIntegerField(_("resource bookings"), default=0)
    resource_minutes = models.PositiveIntegerField(_("minutes of resource use"), default=0)
    member_count = models.PositiveIntegerField(_("members who served"), default=0)
    member_minutes = models.PositiveIntegerField(_("minutes served by members"), default=0)
    written_at = models.DateTimeField(_("written at"), null=True, blank=True)

    class Meta:
        verbose_name = _("unit ledger")
        verbose_name_plural = _("unit ledgers")
        ordering = ["-month", "unit_id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="ledger_one_per_unit_month"),
            models.CheckConstraint(name="ledger_month_is_first_day", condition=Q(month__day=1)),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m}"


class LedgerEntry(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting attended")
        ACTIVITY = "activity", _("Activity")
        NOTE = "note", _("Note")

    ledger = models.ForeignKey(UnitLedger, verbose_name=_("ledger"), on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    date = models.DateField(_("date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["ledger_id", "date", "id"]

    def __str__(self) -> str:
        return self.title
