"""The projects list (项目清单): service projects that bind needs, resources and people."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped
from core.validators import validate_weekdays
from people.validators import validate_skill_levels
from resources.models import Resource


def validate_weekdays_or_none(value) -> None:
    if value:
        validate_weekdays(value)


class Project(TimeStamped):
    class Frequency(models.TextChoices):
        ONCE = "once", _("Once")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")

    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.PROTECT, related_name="projects"
    )
    name = models.CharField(_("name"), max_length=128)
    goals = models.TextField(_("goals"), blank=True)
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("undertaking unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    team = models.ForeignKey(
        "posts.Team",
        verbose_name=_("undertaking team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    needs = models.ManyToManyField("needs.Need", verbose_name=_("needs"), blank=True, related_name="projects")
    resources = models.ManyToManyField(
        "resources.Resource", verbose_name=_("resources"), blank=True, related_name="projects"
    )
    frequency = models.CharField(_("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.WEEKLY)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    # When the project meets in a week (weekly and one-off projects produce one shift per listed weekday in their
    # period).
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True, validators=[validate_weekdays_or_none])
    start_time = models.TimeField(_("session from"), null=True, blank=True)
    end_time = models.TimeField(_("session to"), null=True, blank=True)
    seats = models.PositiveSmallIntegerField(_("seats per session"), default=0, validators=[MaxValueValidator(200)])
    required_skills = models.JSONField(
        _("required skills"), default=dict, blank=True, validators=[validate_skill_levels]
    )
    resource_kind = models.CharField(
        _("needs resource of kind"), max_length=16, blank=True, choices=Resource.Category.choices
    )
    resource_min_capacity = models.PositiveIntegerField(_("minimum capacity"), default=0)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(name="project_period_ordered", condition=Q(end_date__gte=F("start_date"))),
            models.CheckConstraint(name="project_seats_at_most_200", condition=Q(seats__lte=200)),
            models.CheckConstraint(
                name="project_session_ordered",
                condition=Q(start_time__isnull=True) | Q(end_time__isnull=True) | Q(end_time__gt=F("start_time")),
            ),
        ]

    def __str__(self) -> str:
        return self.name
