"""The resources list (资源清单): idle venues, vehicles, equipment, goods, funds and expertise, with free slots."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import Located, TimeStamped
from core.validators import validate_string_list


class Resource(Located, TimeStamped):
    class Category(models.TextChoices):
        VENUE = "venue", _("Venue")
        VEHICLE = "vehicle", _("Vehicle")
        EQUIPMENT = "equipment", _("Equipment")
        GOODS = "goods", _("Goods")
        FUNDS = "funds", _("Funds")
        EXPERTISE = "expertise", _("Expertise")

    class Status(models.TextChoices):
        LISTED = "listed", _("Listed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # A unit's idle resource, or (no unit) one of the community's own rooms.
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("provider unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="resources",
    )
    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.PROTECT, related_name="resources"
    )
    # A community facility (六室四站) listed as bookable: its name, capacity, community and place come from the
    # facility and are kept in step by resources.services.resource_sync_facility; slots, features and conditions
    # are the resource's own.
    facility = models.OneToOneField(
        "geo.Facility",
        verbose_name=_("community facility"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="resource",
    )
    name = models.CharField(_("name"), max_length=128)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    capacity = models.PositiveIntegerField(_("capacity"), default=0)
    features = models.JSONField(_("features"), default=list, blank=True, validators=[validate_string_list])
    address = models.CharField(_("address"), max_length=200, blank=True)
    conditions = models.TextField(_("conditions of use"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.LISTED)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(name="resource_capacity_nonnegative", condition=Q(capacity__gte=0)),
            # A facility is the community's own: it has no provider unit.
            models.CheckConstraint(
                name="resource_facility_has_no_unit", condition=Q(facility__isnull=True) | Q(unit__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ResourceSlot(models.Model):
    """A free window: recurring (weekday) or dated (date); exactly one of the two."""

    resource = models.ForeignKey(Resource, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    date = models.DateField(_("date"), null=True, blank=True)
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("to"))

    class Meta:
        verbose_name = _("free slot")
        verbose_name_plural = _("free slots")
        # Recurring slots first, then dated ones, the same on SQLite and PostgreSQL (they sort NULLs differently).
        ordering = [
            "resource_id",
            F("weekday").asc(nulls_last=True),
            F("date").asc(nulls_last=True),
            "start_time",
        ]
        constraints = [
            models.CheckConstraint(name="slot_ends_after_start", condition=Q(end_time__gt=F("start_time"))),
            models.CheckConstraint(
                name="slot_weekday_xor_date",
                condition=(Q(weekday__isnull=False) & Q(date__isnull=True))
                | (Q(weekday__isnull=True) & Q(date__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        when = f"周{self.weekday}" if self.weekday else f"{self.date}"
        return f"{when} {self.start_time:%H:%M}-{self.end_time:%H:%M}"
