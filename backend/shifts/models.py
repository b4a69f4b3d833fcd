"""Shifts: dated, located slots of a week with seats and skills, and their optional resource request."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import Located, TimeStamped
from core.validators import validate_string_list
from people.validators import validate_skill_levels
from resources.models import Resource


class ShiftQuerySet(models.QuerySet):
    def active(self) -> "ShiftQuerySet":
        """Shifts still to be staffed: a cancelled shift is kept (its generation key stops it from coming back)."""
        return self.exclude(status=Shift.Status.CANCELLED)


class Shift(Located, TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CANCELLED = "cancelled", _("Cancelled")

    class Origin(models.TextChoices):
        POST = "post", _("Post schedule")
        PROJECT = "project", _("Project")
        NEED = "need", _("Need")
        AD_HOC = "ad_hoc", _("Ad hoc")

    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.PROTECT, related_name="shifts"
    )
    title = models.CharField(_("title"), max_length=128)
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices, default=Origin.AD_HOC)
    post = models.ForeignKey(
        "posts.Post", verbose_name=_("post"), null=True, blank=True, on_delete=models.SET_NULL, related_name="shifts"
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shifts",
    )
    need = models.ForeignKey(
        "needs.Need", verbose_name=_("need"), null=True, blank=True, on_delete=models.SET_NULL, related_name="shifts"
    )
    week = models.DateField(_("week (Monday)"), db_index=True, editable=False)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    seats = models.PositiveSmallIntegerField(_("seats"), validators=[MinValueValidator(1), MaxValueValidator(200)])
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    required_skills = models.JSONField(
        _("required skills"), default=dict, blank=True, validators=[validate_skill_levels]
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    # Set by generation so that running it twice creates nothing new.
    generation_key = models.CharField(max_length=80, null=True, blank=True, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True, editable=False)

    objects = ShiftQuerySet.as_manager()

    class Meta:
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(name="shift_ends_after_start", condition=Q(end__gt=F("start"))),
            models.CheckConstraint(name="shift_seats_positive", condition=Q(seats__gte=1)),
            models.CheckConstraint(name="shift_priority_valid", condition=Q(priority__gte=1, priority__lte=5)),
            # A cancelled shift says when it was cancelled; an open one was never.
            models.CheckConstraint(
                name="shift_cancelled_at_with_status",
                condition=Q(status="cancelled", cancelled_at__isnull=False)
                | Q(status="open", cancelled_at__isnull=True),
            ),
        ]
        indexes = [models.Index(fields=["community", "week"])]

    def __str__(self) -> str:
        return f"{self.title} {self.start:%Y-%m-%d %H:%M}"


class ResourceRequest(models.Model):
    """What a shift needs besides people: a room of 40 seats, a van; the shift happens only if it is met."""

    shift = models.OneToOneField(
        Shift, verbose_name=_("shift"), on_delete=models.CASCADE, related_name="resource_request"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Resource.Category.choices)
    min_capacity = models.PositiveIntegerField(_("minimum capacity"), default=0)
    features = models.JSONField(_("features"), default=list, blank=True, validators=[validate_string_list])
    max_distance_km = models.FloatField(
        _("maximum distance (km)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("resource request")
        verbose_name_plural = _("resource requests")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.shift} {self.kind}"
