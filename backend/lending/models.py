"""The unit's side of published plans: a resource withdrawn for a day, and what the resource backfill did to
each booking it freed (the booking row itself is changed in place or deleted; the history stays here)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceWithdrawal(models.Model):
    """A unit takes a resource back for one day; its published bookings that day are re-booked elsewhere.

    One per resource and day (a database rule): a second one is a conflict, not a second backfill.
    """

    resource = models.ForeignKey(
        "resources.Resource", verbose_name=_("resource"), on_delete=models.CASCADE, related_name="withdrawals"
    )
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set once by the backfill (a conditional update): a task delivered twice backfills once.
    backfilled_at = models.DateTimeField(_("backfilled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("resource withdrawal")
        verbose_name_plural = _("resource withdrawals")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "date"], name="lending_one_withdrawal_per_resource_day"),
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} {self.date}"


class BookingChange(models.Model):
    """One published booking a withdrawal freed: the resource that replaced it, or none (the booking was removed)."""

    withdrawal = models.ForeignKey(
        ResourceWithdrawal, verbose_name=_("withdrawal"), on_delete=models.CASCADE, related_name="changes"
    )
    run = models.ForeignKey("planning.MatchingRun", verbose_name=_("run"), on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(
        "shifts.ResourceRequest", verbose_name=_("resource request"), on_delete=models.CASCADE, related_name="+"
    )
    old_resource = models.ForeignKey(
        "resources.Resource", verbose_name=_("withdrawn resource"), on_delete=models.CASCADE, related_name="+"
    )
    new_resource = models.ForeignKey(
        "resources.Resource",
        verbose_name=_("replacement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("why no replacement"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("booking change")
        verbose_name_plural = _("booking changes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["withdrawal", "run", "request"], name="lending_change_once_per_booking"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.old_resource_id} -> {self.new_resource_id}"
