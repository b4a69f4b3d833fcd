"""Service records: one row per completed service with the volunteer regulations' fields, and the trace of
every change of hours or status. Hours are stored as whole minutes actually served (travel excluded).

Rows come from attendance (one per Attendance, a database rule) or from a manual entry with evidence that a
coordinator approves or rejects; only approved rows count towards totals, stars and points.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped


class ServiceRecord(TimeStamped):
    class Source(models.TextChoices):
        ATTENDANCE = "attendance", _("Attendance")
        MANUAL = "manual", _("Manual entry")

    class Status(models.TextChoices):
        APPROVED = "approved", _("Approved")
        PENDING = "pending", _("Pending")
        REJECTED = "rejected", _("Rejected")

    volunteer = models.ForeignKey(
        "people.Volunteer", verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="service_records"
    )
    # Where the service counts: the shift's community, or the volunteer's (reported, else home) community.
    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.PROTECT, related_name="service_records"
    )
    shift = models.ForeignKey(
        "shifts.Shift", verbose_name=_("shift"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(
        "posts.Post", verbose_name=_("post"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # One record per attendance row (unique): the sweep and the check-out may both write it.
    attendance = models.OneToOneField(
        "attendance.Attendance",
        verbose_name=_("attendance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_record",
    )
    title = models.CharField(_("activity or post"), max_length=128)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    recipient = models.CharField(_("recipient"), max_length=64, blank=True)
    content = models.TextField(_("content"), blank=True)
    minutes = models.PositiveIntegerField(_("minutes served"))
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    person_in_charge = models.CharField(_("person in charge"), max_length=64, blank=True)
    recorder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    evidence = models.TextField(_("evidence"), blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("service record")
        verbose_name_plural = _("service records")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                name="record_rating_1_to_5", condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5)
            ),
            models.CheckConstraint(
                name="record_manual_has_no_attendance", condition=~Q(source="manual") | Q(attendance__isnull=True)
            ),
            models.CheckConstraint(name="record_manual_has_evidence", condition=~Q(source="manual") | ~Q(evidence="")),
            models.CheckConstraint(name="record_minutes_within_a_day", condition=Q(minutes__lte=24 * 60)),
        ]
        indexes = [
            models.Index(fields=["volunteer", "status"]),
            models.Index(fields=["community", "date"]),
            # A volunteer's records newest first, and in a date range (their own list, a unit's members' records of
            # a month): without it every record of theirs, years of them, is read and sorted for a page.
            models.Index(fields=["volunteer", "-date", "-id"], name="record_volunteer_newest_first"),
            # The coordinators' review queue: the few pending rows of their communities, newest first, without
            # reading every record of those communities (a year of them; status is no leading column elsewhere).
            models.Index(
                fields=["community", "-date", "-id"], condition=Q(status="pending"), name="record_pending_by_community"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.title} ({self.volunteer_id})"

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


class RecordChange(models.Model):
    """One changed field of a record: who, when, old and new value (hours as minutes, or the status)."""

    class Field(models.TextChoices):
        MINUTES = "minutes", _("Minutes served")
        STATUS = "status", _("Status")

    record = models.ForeignKey(
        ServiceRecord, verbose_name=_("service record"), on_delete=models.CASCADE, related_name="changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    field = models.CharField(_("field"), max_length=16, choices=Field.choices)
    old = models.CharField(_("old value"), max_length=32, blank=True)
    new = models.CharField(_("new value"), max_length=32)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("record change")
        verbose_name_plural = _("record changes")
        ordering = ["record_id", "changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.record_id} {self.field}: {self.old} -> {self.new}"


class PointsRule(models.Model):
    """党员积分: the points one unit of a kind earns (or, for a deduction, costs) from a day on, with an optional cap on
    a volunteer's points of that kind in a year. The district keeps one row per kind and change: a record counts
    under the row in force on its date, so a change applies from its day on and earlier records keep their points."""

    class Kind(models.TextChoices):
        SHIFT_HOUR = "shift_hour", _("Per full hour served")
        POST_HELD = "post_held", _("Per post held in the year")
        MICRO_WISH = "micro_wish", _("Per micro-wish served")
        NEED_CLOSED_IN_TIME = "need_closed_in_time", _("Per need finished in time")
        NO_SHOW = "no_show", _("Per no-show (deducted)")

    # Kinds whose points are taken off the total.
    DEDUCTIONS = frozenset({Kind.NO_SHOW})

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    points = models.PositiveSmallIntegerField(_("points"), validators=[MaxValueValidator(1000)])
    # None: no cap. A deduction's cap bounds what is taken off in a year.
    yearly_cap = models.PositiveIntegerField(_("cap per year"), null=True, blank=True)
    effective_from = models.DateField(_("effective from"))

    class Meta:
        verbose_name = _("points rule")
        verbose_name_plural = _("points rules")
        ordering = ["kind", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "effective_from"], name="points_rule_once_a_day"),
            models.CheckConstraint(name="points_rule_points_valid", condition=Q(points__lte=1000)),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.points} ({self.effective_from})"
