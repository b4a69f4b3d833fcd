"""The annual evaluation of units (驻区单位年度考评) and the democratic appraisal (民主测评) that feeds it: the scoring
scheme, the figures coordinators enter, appraisal rounds with one-time ballots, and each unit's stored result."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped
from evaluation import scoring

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class EvaluationScheme(TimeStamped):
    """How units are scored: items (evaluation.scoring documents the rules), grades and the appraisal's weight.
    A year uses its own scheme when one names it, else the latest active scheme without a year."""

    name = models.CharField(_("name"), max_length=128)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Empty: any year without a scheme of its own."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    items = models.JSONField(_("items"), default=scoring.default_items, validators=[scoring.validate_items])
    grades = models.JSONField(_("grades"), default=scoring.default_grades, validators=[scoring.validate_grades])
    appraisal_weight = models.DecimalField(
        _("appraisal weight"),
        max_digits=3,
        decimal_places=2,
        default=scoring.DEFAULT_APPRAISAL_WEIGHT,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Share of the final score taken by the democratic appraisal's satisfaction rate (0 to 1)."),
    )

    class Meta:
        verbose_name = _("evaluation scheme")
        verbose_name_plural = _("evaluation schemes")
        ordering = ["-year", "-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["year"], condition=Q(year__isnull=False), name="evaluation_scheme_one_per_year"
            ),
            models.CheckConstraint(
                name="evaluation_weight_0_to_1", condition=Q(appraisal_weight__gte=0, appraisal_weight__lte=1)
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EvaluationInput(models.Model):
    """A figure the ledgers do not hold, entered by a coordinator for a unit and year (one per measure)."""

    class Measure(models.TextChoices):
        MEETINGS_HELD = "meetings_held", _("Meetings held")
        STUDY = "study", _("Study (points)")
        GUIDANCE = "guidance", _("Team guidance (points)")
        SUGGESTIONS_ADOPTED = "suggestions_adopted", _("Suggestions adopted")

    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="evaluation_inputs"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    measure = models.CharField(_("measure"), max_length=32, choices=Measure.choices)
    value = models.DecimalField(_("value"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    note = models.CharField(_("note"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("evaluation input")
        verbose_name_plural = _("evaluation inputs")
        ordering = ["-year", "unit_id", "measure"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "measure"], name="evaluation_input_one_per_measure"),
            models.CheckConstraint(name="evaluation_input_not_negative", condition=Q(value__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year} {self.measure}={self.value}"


class AppraisalRound(TimeStamped):
    """A year's democratic appraisal of some units by about fifty representatives of a community or a sub-district."""

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    title = models.CharField(_("title"), max_length=128)
    community = models.ForeignKey(
        "geo.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appraisal_rounds",
    )
    sub_district = models.ForeignKey(
        "geo.SubDistrict",
        verbose_name=_("sub-district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appraisal_rounds",
    )
    units = models.ManyToManyField("orgs.Unit", verbose_name=_("units"), related_name="appraisal_rounds")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("appraisal round")
        verbose_name_plural = _("appraisal rounds")
        ordering = ["-year", "-id"]
        constraints = [
            models.CheckConstraint(
                name="appraisal_round_one_scope",
                condition=Q(community__isnull=False, sub_district__isnull=True)
                | Q(community__isnull=True, sub_district__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.title}"


class AppraisalBallot(models.Model):
    """One representative's one-time ballot; only a hash of its code is kept (the code is shown once)."""

    round = models.ForeignKey(
        AppraisalRound, verbose_name=_("appraisal round"), on_delete=models.CASCADE, related_name="ballots"
    )
    code_hash = models.CharField(_("code hash"), max_length=64, unique=True, editable=False)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("appraisal ballot")
        verbose_name_plural = _("appraisal ballots")
        ordering = ["round_id", "id"]

    def __str__(self) -> str:
        return f"{self.round_id} #{self.pk}"


class AppraisalRating(models.Model):
    class Rating(models.TextChoices):
        SATISFIED = "satisfied", _("Satisfied")
        BASICALLY_SATISFIED = "basically_satisfied", _("Basically satisfied")
        DISSATISFIED = "dissatisfied", _("Dissatisfied")

    # 满意率 counts 满意 and 基本满意 as satisfied, as appraisal forms do.
    SATISFIED_RATINGS = (Rating.SATISFIED, Rating.BASICALLY_SATISFIED)

    ballot = models.ForeignKey(
        AppraisalBallot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="ratings"
    )
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="appraisal_ratings"
    )
    rating = models.CharField(_("rating"), max_length=24, choices=Rating.choices)

    class Meta:
        verbose_name = _("appraisal rating")
        verbose_name_plural = _("appraisal ratings")
        ordering = ["ballot_id", "unit_id"]
        constraints = [
            # A ballot rates each unit once, however often it is sent.
            models.UniqueConstraint(fields=["ballot", "unit"], name="appraisal_rating_one_per_ballot_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.ballot_id} {self.unit_id} {self.rating}"


class UnitEvaluation(models.Model):
    """A unit's computed result of a year (a recompute replaces it), with each item's points and their sources."""

    unit = models.ForeignKey("orgs.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="evaluations")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    scheme = models.ForeignKey(
        EvaluationScheme, verbose_name=_("scheme"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    item_score = models.DecimalField(_("items"), max_digits=6, decimal_places=2)
    bonus_score = models.DecimalField(_("bonuses"), max_digits=6, decimal_places=2)
    scheme_score = models.DecimalField(_("scheme score"), max_digits=6, decimal_places=2)
    appraisal_count = models.PositiveIntegerField(_("appraisal ratings"), default=0)
    appraisal_rate = models.DecimalField(_("satisfaction rate"), max_digits=5, decimal_places=4, null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    grade = models.CharField(_("grade"), max_length=32)
    grade_label = models.CharField(_("grade label"), max_length=64)
    # Among every unit evaluated in the year, district-wide; equal scores share a rank.
    rank = models.PositiveIntegerField(_("rank"), default=0)
    breakdown = models.JSONField(_("breakdown"), default=dict)
    computed_at = models.DateTimeField(_("computed at"))
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("computed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("unit evaluation")
        verbose_name_plural = _("unit evaluations")
        ordering = ["-year", "rank", "unit_id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unit_evaluation_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.unit_id}: {self.score}"
