"""A volunteer's side of a published plan: their answer to each assignment, the backfills that declines
started, and the secret token behind their personal calendar feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AssignmentResponse(models.Model):
    """A volunteer's answer to one published assignment; the assignment row itself is kept for history."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        # Set by a backfill that moved this person to a freed seat elsewhere.
        MOVED = "moved", _("Moved by a backfill")
        # Set by the coordinator who cancelled the shift (shifts.services.shift_cancel); nobody answers it.
        CANCELLED = "cancelled", _("Shift cancelled")

    # Statuses that take the assignment out of the plan as it stands.
    OFF = (Status.DECLINED, Status.MOVED, Status.CANCELLED)

    assignment = models.OneToOneField(
        "planning.Assignment", verbose_name=_("assignment"), on_delete=models.CASCADE, related_name="response"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    answered_at = models.DateTimeField(_("answered at"))

    class Meta:
        verbose_name = _("assignment response")
        verbose_name_plural = _("assignment responses")
        ordering = ["-answered_at", "-id"]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.status}"


class Backfill(models.Model):
    """What repair did after one decline: the people it put in, how many it moved, or that nobody was found.

    One per declined assignment (a database rule): a task delivered twice backfills once.
    """

    run = models.ForeignKey("planning.MatchingRun", verbose_name=_("run"), on_delete=models.CASCADE, related_name="+")
    declined = models.OneToOneField(
        "planning.Assignment", verbose_name=_("declined assignment"), on_delete=models.CASCADE, related_name="backfill"
    )
    new_assignments = models.JSONField(_("new assignment ids"), default=list, blank=True)
    moved = models.PositiveIntegerField(_("people moved"), default=0)
    unfilled = models.PositiveSmallIntegerField(_("seats left unfilled"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("backfill")
        verbose_name_plural = _("backfills")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"backfill of {self.declined_id}"


class CalendarToken(models.Model):
    """The secret in a volunteer's calendar feed URL; rotating it replaces the value, so the old URL dies.

    It is made under the account's credentials version and dies with it (a changed password, role or active flag,
    accounts.models.User); the volunteer's next request for their feed URL rotates it.
    """

    volunteer = models.OneToOneField(
        "people.Volunteer", verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    rotated_at = models.DateTimeField(_("rotated at"), null=True, blank=True)
    credentials_version = models.PositiveIntegerField(_("credentials version of the account"), default=0)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self) -> str:
        return f"calendar of {self.volunteer_id}"
