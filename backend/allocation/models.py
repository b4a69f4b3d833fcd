"""Post allocation runs (定岗 under 一编三定) and what they produce: proposals of members to standing posts for a
year, the posts left unfilled, the pairs a coordinator removed, and the publication that turns a run into the
year's post holdings.

A run covers one community or one sub-district and one year; runs are numbered versions per scope and year,
and at most one of them is active at a time (a database rule), as are publications (one per scope and year).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from runs import models as kernel


class AllocationRun(kernel.Run):
    class Status(models.TextChoices):
        QUEUED = kernel.QUEUED, _("Queued")
        SOLVING = "solving", _("Solving")
        DONE = kernel.DONE, _("Done")
        FAILED = kernel.FAILED, _("Failed")
        CANCELLED = kernel.CANCELLED, _("Cancelled")

    class Level(models.TextChoices):
        COMMUNITY = "community", _("Community")
        SUB_DISTRICT = "sub_district", _("Sub-district")

    ACTIVE = (Status.QUEUED, Status.SOLVING)
    WORKING = (Status.SOLVING,)
    CLAIMED = Status.SOLVING
    PERIOD = "year"

    level = models.CharField(_("scope level"), max_length=16, choices=Level.choices)
    # Always set, so that the sub-district's coordinators see the runs of its communities too.
    sub_district = models.ForeignKey(
        "geo.SubDistrict", verbose_name=_("sub-district"), on_delete=models.PROTECT, related_name="allocation_runs"
    )
    community = models.ForeignKey(
        "geo.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocation_runs",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = kernel.status_field(Status)
    # Problem size, pins kept and dropped, the solver's figures (status, objective, bound, gap, seconds), metrics.
    stats = models.JSONField(_("statistics"), default=dict, blank=True)

    class Meta(kernel.Run.Meta):
        verbose_name = _("post allocation run")
        verbose_name_plural = _("post allocation runs")
        constraints = [
            kernel.one_active_run(period="year", name="allocation_one_active_run_per_scope_year"),
            models.UniqueConstraint(fields=["scope_key", "year", "version"], name="allocation_run_version_unique"),
            kernel.progress_valid(name="allocation_run_progress_valid"),
            models.CheckConstraint(
                name="allocation_run_scope_consistent",
                condition=(
                    Q(level="community", community__isnull=False) | Q(level="sub_district", community__isnull=True)
                ),
            ),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def community_lookup(self, path: str = "community") -> dict:
        """The lookup that selects rows whose `path` (a community) lies in the run's scope."""
        if self.level == self.Level.COMMUNITY:
            return {f"{path}_id": self.community_id}
        return {f"{path}__sub_district_id": self.sub_district_id}


class _RunPair(models.Model):
    """A member and a post within one run (the subclass names the run's relation)."""

    post = models.ForeignKey("posts.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="+")
    volunteer = models.ForeignKey(
        "people.Volunteer", verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["run_id", "post_id", "volunteer_id"]

    def __str__(self) -> str:
        return f"{self.volunteer_id} -> {self.post_id}"


class Proposal(_RunPair):
    """One member on one post in one run's plan."""

    class Source(models.TextChoices):
        SOLVER = "solver", _("Solver")
        MANUAL = "manual", _("By hand")

    run = models.ForeignKey(AllocationRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="proposals")
    pinned = models.BooleanField(_("pinned"), default=False)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.SOLVER)

    class Meta(_RunPair.Meta):
        verbose_name = _("post proposal")
        verbose_name_plural = _("post proposals")
        constraints = [
            models.UniqueConstraint(fields=["run", "post", "volunteer"], name="allocation_proposal_once_per_run"),
        ]


class Exclusion(_RunPair):
    """A pair a coordinator removed from a plan: no later run of the same scope and year proposes it again
    (the run carries the exclusions of the version it follows; adding the pair back by hand lifts it)."""

    run = models.ForeignKey(AllocationRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="exclusions")

    class Meta(_RunPair.Meta):
        verbose_name = _("removed pair")
        verbose_name_plural = _("removed pairs")
        constraints = [
            models.UniqueConstraint(fields=["run", "post", "volunteer"], name="allocation_exclusion_once_per_run"),
        ]


class UnfilledPost(kernel.RunUnfilled):
    """Seats of a post the run could not fill, why, and the smallest change that would fill them."""

    SEAT = "post"

    run = models.ForeignKey(AllocationRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="unfilled")
    post = models.ForeignKey("posts.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("unfilled post")
        verbose_name_plural = _("unfilled posts")
        ordering = ["run_id", "post_id"]
        constraints = [models.UniqueConstraint(fields=["run", "post"], name="allocation_unfilled_once_per_run")]


class AllocationPublication(kernel.RunPublication):
    """The published allocation of one scope and year: the run whose proposals became the post holdings."""

    PERIOD = "year"

    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    run = kernel.published_run(AllocationRun)

    class Meta(kernel.RunPublication.Meta):
        verbose_name = _("post allocation publication")
        verbose_name_plural = _("post allocation publications")
        constraints = [kernel.one_publication(period="year", name="allocation_one_publication_per_scope_year")]


class HoldingDecline(models.Model):
    """Why a member declined a post holding, and when (the holding itself moves to declined)."""

    holding = models.OneToOneField(
        "posts.PostHolding", verbose_name=_("post holding"), on_delete=models.CASCADE, related_name="decline"
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    declined_at = models.DateTimeField(_("declined at"))

    class Meta:
        verbose_name = _("declined post holding")
        verbose_name_plural = _("declined post holdings")
        ordering = ["-declined_at", "-id"]

    def __str__(self) -> str:
        return f"{self.holding_id}: {self.reason}"
