"""The needs list (需求清单): what residents and communities ask for, owned (首问) and due (限时办结); who has owned
each need and since when; and the district's table of default deadlines by category and urgency."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped
from people.validators import validate_skill_levels


class Need(TimeStamped):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        PUBLISHED = "published", _("Published")
        CLAIMED = "claimed", _("Claimed")
        IN_SERVICE = "in_service", _("In service")
        COMPLETED = "completed", _("Completed")
        RATED = "rated", _("Rated")
        CLOSED = "closed", _("Closed")

    # 待审核 → 已发布 → 已认领 → 服务中 → 已办结 → 已评价 / 已关闭; closing is possible before completion
    # (rejected or withdrawn), and a claim may be released back to the published list.
    TRANSITIONS = {
        Status.PENDING: {Status.PUBLISHED, Status.CLOSED},
        Status.PUBLISHED: {Status.CLAIMED, Status.CLOSED},
        Status.CLAIMED: {Status.IN_SERVICE, Status.PUBLISHED, Status.CLOSED},
        Status.IN_SERVICE: {Status.COMPLETED},
        Status.COMPLETED: {Status.RATED, Status.CLOSED},
        Status.RATED: set(),
        Status.CLOSED: set(),
    }

    # Not yet finished: these count against the deadline (限时办结); completed, rated and closed needs do not.
    OPEN = (Status.PENDING, Status.PUBLISHED, Status.CLAIMED, Status.IN_SERVICE)
    # The one status in which residents' rating (评单) is taken.
    RATEABLE = Status.COMPLETED

    class Source(models.TextChoices):
        RESIDENT = "resident", _("Resident order")
        GRID = "grid", _("Grid report")
        PROJECT_BANK = "project_bank", _("Project bank")
        UNIT = "unit", _("Unit")
        COMMUNITY = "community", _("Community")

    class Type(models.TextChoices):
        OBJECT = "object", _("Object")
        SERVICE = "service", _("Service")
        VENUE = "venue", _("Venue")
        FUNDS = "funds", _("Funds")
        EXPERTISE = "expertise", _("Expertise")

    class Category(models.TextChoices):
        ELDERLY = "elderly", _("Elderly care")
        CHILDREN = "children", _("Children and youth")
        HEALTH = "health", _("Health")
        LEGAL = "legal", _("Legal")
        ENVIRONMENT = "environment", _("Environment")
        CULTURE = "culture", _("Culture and education")
        SAFETY = "safety", _("Safety")
        HARDSHIP = "hardship", _("Hardship help")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=128)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    requester_name = models.CharField(_("requester"), max_length=64, blank=True)
    requester_phone = models.CharField(_("requester phone"), max_length=20, blank=True)
    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.PROTECT, related_name="needs"
    )
    grid = models.ForeignKey(
        "geo.Grid", verbose_name=_("grid"), null=True, blank=True, on_delete=models.SET_NULL, related_name="needs"
    )
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    type = models.CharField(_("type"), max_length=16, choices=Type.choices)
    is_micro_wish = models.BooleanField(_("micro-wish"), default=False)
    required_skills = models.JSONField(
        _("required skills"), default=dict, blank=True, validators=[validate_skill_levels]
    )
    headcount = models.PositiveSmallIntegerField(_("headcount"), default=1, validators=[MaxValueValidator(200)])
    wanted_start = models.DateTimeField(_("wanted from"), null=True, blank=True)
    wanted_end = models.DateTimeField(_("wanted until"), null=True, blank=True)
    urgency = models.PositiveSmallIntegerField(
        _("urgency"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (first contact)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_needs",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    # When the need first left the open states (completed, or closed before completion): "closed in time" compares
    # this with the deadline; later moves (completed → rated) keep it.
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The resident's rating (评单), entered by a coordinator on their behalf (residents have no accounts). Kept on
    # the need itself so that there is one rating per need by construction; written only by the rating service.
    rating_score = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, editable=False, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.TextField(_("rating comment"), blank=True, editable=False)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rating entered by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True, editable=False)
    # 接单: who took the need, one of a volunteer, a team or a unit, and when; a volunteer's service time goes into
    # the service records once the need is completed. Written only by needs.services.need_take.
    taken_by_volunteer = models.ForeignKey(
        "people.Volunteer",
        verbose_name=_("taken by volunteer"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="taken_needs",
    )
    taken_by_team = models.ForeignKey(
        "posts.Team",
        verbose_name=_("taken by team"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="taken_needs",
    )
    taken_by_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("taken by unit"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="taken_needs",
    )
    taken_at = models.DateTimeField(_("taken at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                name="need_window_ordered",
                condition=Q(wanted_start__isnull=True)
                | Q(wanted_end__isnull=True)
                | Q(wanted_end__gt=F("wanted_start")),
            ),
            models.CheckConstraint(name="need_urgency_valid", condition=Q(urgency__gte=1, urgency__lte=5)),
            models.CheckConstraint(
                name="need_rating_1_to_5",
                condition=Q(rating_score__isnull=True) | Q(rating_score__gte=1, rating_score__lte=5),
            ),
            # A rating is only ever given to a completed need, which it moves to rated.
            models.CheckConstraint(
                name="need_rating_only_when_rated",
                condition=Q(rating_score__isnull=True, rated_at__isnull=True)
                | Q(status="rated", rating_score__isnull=False, rated_at__isnull=False),
            ),
            # One taker at most: a volunteer, a team or a unit.
            models.CheckConstraint(
                name="need_one_taker_at_most",
                condition=Q(taken_by_team__isnull=True, taken_by_unit__isnull=True)
                | Q(taken_by_volunteer__isnull=True, taken_by_unit__isnull=True)
                | Q(taken_by_volunteer__isnull=True, taken_by_team__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def is_overdue(self, today) -> bool:
        return self.status in self.OPEN and self.deadline is not None and self.deadline < today


class NeedOwnership(models.Model):
    """One owner (首问责任人) of a need, from `since` until the next row's `since`: the need's owner history. The first
    row is the coordinator who filed the need; each hand-over adds one with who made it and why."""

    need = models.ForeignKey(Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="ownerships")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (first contact)"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    since = models.DateTimeField(_("owner since"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("need owner")
        verbose_name_plural = _("need owners")
        ordering = ["need", "since", "id"]

    def __str__(self) -> str:
        return f"{self.need_id}: {self.owner_id} @ {self.since:%Y-%m-%d %H:%M}"

    @classmethod
    def since_filed(cls, need: Need) -> "NeedOwnership":
        """The row of a need's owner since it was filed, for a need filed without one (bulk-loaded, as the demo
        data): who assigned it is not known. Unsaved."""
        return cls(need=need, owner_id=need.owner_id, since=need.created_at, assigned_by=None)


class NeedDeadlineRule(models.Model):
    """限时办结: how many days a need of this category and urgency has to be finished, counted from the day it is
    filed. The district edits the table in the admin; a need of a pair with no row gets no default deadline."""

    category = models.CharField(_("category"), max_length=16, choices=Need.Category.choices)
    urgency = models.PositiveSmallIntegerField(_("urgency"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    days = models.PositiveSmallIntegerField(
        _("days to finish"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["category", "-urgency"]
        constraints = [
            models.UniqueConstraint(fields=["category", "urgency"], name="need_deadline_rule_unique"),
            models.CheckConstraint(
                name="need_deadline_rule_urgency_valid", condition=Q(urgency__gte=1, urgency__lte=5)
            ),
            models.CheckConstraint(name="need_deadline_rule_days_valid", condition=Q(days__gte=1, days__lte=365)),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} / {self.urgency}: {self.days}"
