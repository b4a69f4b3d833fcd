"""Attendance: who turned up to a shift, when they checked in and out, and the minutes actually served.

One row per shift and volunteer (a database rule); hours are clipped to the shift's own start and end, so
travel and waiting before or after the shift never count. The service record (issue 6) reads these rows.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped


def served_minutes(*, checked_in_at, checked_out_at, start, end) -> int:
    """Whole minutes between check-in and check-out that fall inside [start, end]; 0 when incomplete."""
    if checked_in_at is None or checked_out_at is None:
        return 0
    served = min(checked_out_at, end) - max(checked_in_at, start)
    return max(0, int(served // dt.timedelta(minutes=1)))


class Attendance(TimeStamped):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        NO_SHOW = "no_show", _("No-show")

    class Method(models.TextChoices):
        QR = "qr", _("QR code")
        COORDINATOR = "coordinator", _("By the coordinator")
        # The nightly no-show marking: nobody checked in, nobody recorded anything.
        AUTO = "auto", _("Marked automatically")

    shift = models.ForeignKey(
        "shifts.Shift", verbose_name=_("shift"), on_delete=models.CASCADE, related_name="attendances"
    )
    volunteer = models.ForeignKey(
        "people.Volunteer", verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="attendances"
    )
    # The published assignment the volunteer came for; kept as a link only, since a later plan may replace it.
    assignment = models.OneToOneField(
        "planning.Assignment",
        verbose_name=_("assignment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendance",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PRESENT)
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_out_at = models.DateTimeField(_("checked out at"), null=True, blank=True)
    # Stored so that totals and reports sum a column; kept in step with the times by the services.
    minutes_served = models.PositiveIntegerField(_("minutes served"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Why a coordinator wrote these times or this absence (the roster asks for it); empty for the QR code and the
    # nightly task. The audit history keeps every earlier value.
    note = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["shift__start", "shift_id", "volunteer_id"]
        constraints = [
            models.UniqueConstraint(fields=["shift", "volunteer"], name="attendance_once_per_shift_volunteer"),
            models.CheckConstraint(
                name="attendance_out_after_in",
                condition=Q(checked_out_at__isnull=True)
                | Q(checked_in_at__isnull=False, checked_out_at__gt=F("checked_in_at")),
            ),
            models.CheckConstraint(
                name="attendance_status_matches_times",
                condition=(
                    Q(status="present", checked_in_at__isnull=False)
                    | Q(status="no_show", checked_in_at__isnull=True, checked_out_at__isnull=True, minutes_served=0)
                ),
            ),
            models.CheckConstraint(name="attendance_minutes_not_negative", condition=Q(minutes_served__gte=0)),
        ]
        indexes = [models.Index(fields=["volunteer", "status"])]

    def __str__(self) -> str:
        return f"{self.volunteer_id} @ {self.shift_id} ({self.status})"

    @property
    def served(self) -> int:
        """Minutes actually served, from the times and the shift (what minutes_served stores)."""
        return served_minutes(
            checked_in_at=self.checked_in_at,
            checked_out_at=self.checked_out_at,
            start=self.shift.start,
            end=self.shift.end,
        )

    @property
    def hours(self) -> float:
        return round(self.minutes_served / 60, 2)
