"""Volunteers: the skill catalogue, profiles, weekly availability and dated blackouts, reporting (报到), the
volunteer's own consents with their history, and coordinators' verification of claimed skill levels."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import Located, TimeStamped
from core.validators import validate_string_list
from people.validators import validate_service_kinds, validate_skill_levels


class Skill(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=64)
    name_en = models.CharField(_("English name"), max_length=64, blank=True)
    category = models.CharField(_("category"), max_length=32, blank=True)
    # Medical, legal and electrical work: a level a volunteer gives themself counts for matching only once a
    # coordinator has verified it (people.selectors.matching_levels).
    requires_verification = models.BooleanField(_("requires verification"), default=False)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Volunteer(Located, TimeStamped):
    """A person's volunteer profile; location is the home courtyard, used only for travel distance."""

    class Kind(models.TextChoices):
        IN_OFFICE = "in_office", _("In-office party member")
        NON_POST = "non_post", _("Non-post party member")
        RETIRED = "retired", _("Retired party member")
        RESIDENT = "resident", _("Resident volunteer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="volunteer"
    )
    number = models.CharField(_("volunteer number"), max_length=16, unique=True)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=64)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    employer_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("employer unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    home_community = models.ForeignKey(
        "geo.Community", verbose_name=_("home community"), on_delete=models.PROTECT, related_name="volunteers"
    )
    grid = models.ForeignKey(
        "geo.Grid", verbose_name=_("grid"), null=True, blank=True, on_delete=models.SET_NULL, related_name="volunteers"
    )
    skills = models.JSONField(_("skills"), default=dict, blank=True, validators=[validate_skill_levels])
    languages = models.JSONField(_("languages"), default=list, blank=True, validators=[validate_string_list])
    max_hours_per_week = models.PositiveSmallIntegerField(
        _("maximum hours per week"), default=6, validators=[MaxValueValidator(60)]
    )
    max_distance_km = models.FloatField(
        _("maximum travel distance (km)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    reported_community = models.ForeignKey(
        "geo.Community",
        verbose_name=_("reported to community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_members",
    )
    reported_at = models.DateField(_("reported on"), null=True, blank=True)
    # 报到 is confirmed by a coordinator of the community reported to; a new report waits for its confirmation.
    report_confirmed_at = models.DateTimeField(_("report confirmed at"), null=True, blank=True)
    report_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("report confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the volunteer likes to do and where: the weekly mapper turns them into the week's preferred shifts, a soft
    # rule of the matching (a shift of a preferred kind or in a preferred community is preferred).
    preferred_kinds = models.JSONField(
        _("preferred kinds of service"), default=list, blank=True, validators=[validate_service_kinds]
    )
    preferred_communities = models.ManyToManyField(
        "geo.Community", verbose_name=_("preferred communities"), blank=True, related_name="preferred_by"
    )
    # The volunteer's own acts, set on their profile only; every change is kept (ConsentChange).
    consent_rank_name = models.BooleanField(_("publish my name in rankings"), default=False)
    consent_share_with_unit = models.BooleanField(_("share my record with my employer unit"), default=False)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                name="volunteer_in_office_has_employer",
                condition=~Q(kind="in_office") | Q(employer_unit__isnull=False),
            ),
            models.CheckConstraint(
                name="volunteer_reported_has_date",
                condition=Q(reported_community__isnull=True) | Q(reported_at__isnull=False),
            ),
            models.CheckConstraint(
                name="volunteer_report_confirmed_is_reported",
                condition=Q(report_confirmed_at__isnull=True) | Q(reported_community__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    @property
    def phone(self) -> str:
        return self.user.phone


class WeeklyAvailability(models.Model):
    """A recurring free window, e.g. every Saturday 09:00-12:00."""

    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="availability"
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), validators=[MinValueValidator(1), MaxValueValidator(7)], help_text=_("1 = Monday, 7 = Sunday")
    )
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("to"))

    class Meta:
        verbose_name = _("weekly availability")
        verbose_name_plural = _("weekly availability")
        ordering = ["volunteer_id", "weekday", "start_time"]
        constraints = [
            models.CheckConstraint(name="availability_ends_after_start", condition=Q(end_time__gt=F("start_time"))),
            models.CheckConstraint(name="availability_weekday_valid", condition=Q(weekday__gte=1, weekday__lte=7)),
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.start_time:%H:%M}-{self.end_time:%H:%M}"


class Blackout(models.Model):
    """A dated exception: the volunteer is away, whatever the weekly pattern says."""

    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="blackouts"
    )
    start = models.DateTimeField(_("from"))
    end = models.DateTimeField(_("to"))
    reason = models.CharField(_("reason"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("blackout")
        verbose_name_plural = _("blackouts")
        ordering = ["volunteer_id", "start"]
        constraints = [models.CheckConstraint(name="blackout_ends_after_start", condition=Q(end__gt=F("start")))]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} - {self.end:%Y-%m-%d %H:%M}"


class ConsentChange(models.Model):
    """One change of one of a volunteer's consents: which, from what to what, when and by whom."""

    class Consent(models.TextChoices):
        RANK_NAME = "consent_rank_name", _("publish my name in rankings")
        SHARE_WITH_UNIT = "consent_share_with_unit", _("share my record with my employer unit")

    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="consent_changes"
    )
    consent = models.CharField(_("consent"), max_length=32, choices=Consent.choices)
    old_value = models.BooleanField(_("before"))
    new_value = models.BooleanField(_("after"))
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consent change")
        verbose_name_plural = _("consent changes")
        ordering = ["-changed_at", "-id"]
        constraints = [
            models.CheckConstraint(name="consent_change_changes", condition=~Q(old_value=F("new_value"))),
        ]

    def __str__(self) -> str:
        return f"{self.consent}: {self.old_value} -> {self.new_value}"


class SkillVerification(models.Model):
    """A coordinator's confirmation of a volunteer's level in a skill, with an optional note or certificate
    reference. The volunteer's own level stays a claim; raising the claim later does not raise this level."""

    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="skill_verifications"
    )
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), on_delete=models.CASCADE, related_name="verifications")
    level = models.PositiveSmallIntegerField(
        _("verified level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note = models.CharField(_("note or certificate reference"), max_length=200, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), default=timezone.now)

    class Meta:
        verbose_name = _("skill verification")
        verbose_name_plural = _("skill verifications")
        ordering = ["volunteer_id", "skill_id"]
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "skill"], name="skill_verification_one_per_skill"),
            models.CheckConstraint(name="skill_verification_level_valid", condition=Q(level__gte=1, level__lte=5)),
        ]

    def __str__(self) -> str:
        return f"{self.skill_id}: {self.level}"
