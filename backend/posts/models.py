"""一编三定: groups and teams (编), the post catalogue (岗, with duty 责 and time 时), and post holdings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import Located, TimeStamped
from core.validators import validate_weekdays
from people.validators import validate_skill_levels


class Team(TimeStamped):
    class Kind(models.TextChoices):
        PARTY_GROUP = "party_group", _("Party group")
        GRID = "grid", _("Grid group")
        SERVICE_TEAM = "service_team", _("Volunteer service team")

    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.CASCADE, related_name="teams"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=64)
    specialty = models.CharField(_("specialty"), max_length=100, blank=True)
    leader = models.ForeignKey(
        "people.Volunteer", verbose_name=_("leader"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    members = models.ManyToManyField("people.Volunteer", verbose_name=_("members"), blank=True, related_name="teams")

    class Meta:
        verbose_name = _("group or team")
        verbose_name_plural = _("groups and teams")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["community", "name"], name="team_unique_name")]

    def __str__(self) -> str:
        return self.name


class Post(Located, TimeStamped):
    """A standing post; its schedule rule (时) produces the post's shifts every week."""

    class Category(models.TextChoices):
        POLICY = "policy", _("Policy publicity")
        PATROL = "patrol", _("Safety patrol")
        SANITATION = "sanitation", _("Sanitation watch")
        CIVILITY = "civility", _("Civility guide")
        MEDIATION = "mediation", _("Dispute mediation")
        HARDSHIP = "hardship", _("Hardship help")
        COURTYARD = "courtyard", _("Courtyard head")
        LEGAL = "legal", _("Legal advice")
        OTHER = "other", _("Other")

    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.CASCADE, related_name="posts"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("group"), null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    name = models.CharField(_("name"), max_length=64)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    duties = models.TextField(_("duties"), blank=True)
    seats = models.PositiveSmallIntegerField(
        _("seats"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    required_skills = models.JSONField(
        _("required skills"), default=dict, blank=True, validators=[validate_skill_levels]
    )
    weekdays = models.JSONField(_("weekdays"), default=list, validators=[validate_weekdays])
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("to"))
    target = models.CharField(_("target"), max_length=200, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="post_unique_name"),
            models.CheckConstraint(name="post_ends_after_start", condition=Q(end_time__gt=F("start_time"))),
            models.CheckConstraint(name="post_seats_positive", condition=Q(seats__gte=1)),
            models.CheckConstraint(name="post_priority_valid", condition=Q(priority__gte=1, priority__lte=5)),
        ]

    def __str__(self) -> str:
        return f"{self.community.name} {self.name}"

    @property
    def schedule(self) -> str:
        """The rule in words, e.g. "周六 09:00-11:00"."""
        names = "一二三四五六日"
        days = "、".join(f"周{names[d - 1]}" for d in sorted(self.weekdays))
        return f"{days} {self.start_time:%H:%M}-{self.end_time:%H:%M}"


class PostHolding(TimeStamped):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")
        ENDED = "ended", _("Ended")

    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="holdings")
    volunteer = models.ForeignKey(
        "people.Volunteer", verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="post_holdings"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)

    class Meta:
        verbose_name = _("post holding")
        verbose_name_plural = _("post holdings")
        ordering = ["-year", "post_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["post", "volunteer", "year"], name="holding_once_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.post} {self.volunteer}"
