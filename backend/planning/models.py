"""Matching runs and what they produce: the week's assignments, resource bookings and unfilled seats.

A run covers one scope (a community, a sub-district or the whole district) and one week; runs are kept as
numbered versions per scope and week, and at most one of them is active at a time (a database rule).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from runs import models as kernel


class MatchingRun(kernel.Run):
    class Status(models.TextChoices):
        QUEUED = kernel.QUEUED, _("Queued")
        BUILDING = "building", _("Building the problem")
        SOLVING = "solving", _("Solving")
        SAVING = "saving", _("Saving the plan")
        DONE = kernel.DONE, _("Done")
        FAILED = kernel.FAILED, _("Failed")
        CANCELLED = kernel.CANCELLED, _("Cancelled")

    class Level(models.TextChoices):
        COMMUNITY = "community", _("Community")
        SUB_DISTRICT = "sub_district", _("Sub-district")
        DISTRICT = "district", _("District")

    # A run is active from the moment it is queued until it ends; the worker moves it through these.
    ACTIVE = (Status.QUEUED, Status.BUILDING, Status.SOLVING, Status.SAVING)
    WORKING = (Status.BUILDING, Status.SOLVING, Status.SAVING)
    CLAIMED = Status.BUILDING
    PERIOD = "week"

    level = models.CharField(_("scope level"), max_length=16, choices=Level.choices)
    district = models.ForeignKey("geo.District", verbose_name=_("district"), on_delete=models.PROTECT, related_name="+")
    # Set for sub-district runs and, so that the sub-district's coordinators see them, for community runs.
    sub_district = models.ForeignKey(
        "geo.SubDistrict",
        verbose_name=_("sub-district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="matching_runs",
    )
    community = models.ForeignKey(
        "geo.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="matching_runs",
    )
    week = models.DateField(_("week (Monday)"))
    status = kernel.status_field(Status)
    gap = models.FloatField(_("optimality gap"), null=True, blank=True)
    solver = models.CharField(_("solver"), max_length=16)
    # Problem size and the solver's figures (status, objective, bound, seconds); the plan's metrics.
    stats = models.JSONField(_("solver statistics"), default=dict, blank=True)
    metrics = models.JSONField(_("metrics"), default=dict, blank=True)

    class Meta(kernel.Run.Meta):
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        constraints = [
            kernel.one_active_run(period="week", name="planning_one_active_run_per_scope_week"),
            models.UniqueConstraint(fields=["scope_key", "week", "version"], name="planning_run_version_unique"),
            kernel.progress_valid(name="planning_run_progress_valid"),
            models.CheckConstraint(
                name="planning_run_scope_consistent",
                condition=(
                    Q(level="community", community__isnull=False, sub_district__isnull=False)
                    | Q(level="sub_district", community__isnull=True, sub_district__isnull=False)
                    | Q(level="district", community__isnull=True, sub_district__isnull=True)
                ),
            ),
        ]
        indexes = [models.Index(fields=["week", "status"])]


class Assignment(models.Model):
    """One volunteer on one shift in one run's plan."""

    class Source(models.TextChoices):
        SOLVER = "solver", _("Solver")
        MANUAL = "manual", _("By hand")
        # An open seat of the published plan that the volunteer took themself (volunteering.services.seat_claim).
        CLAIM = "claim", _("Claimed by the volunteer")

    run = models.ForeignKey(MatchingRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="assignments")
    shift = models.ForeignKey("shifts.Shift", verbose_name=_("shift"), on_delete=models.CASCADE, related_name="+")
    volunteer = models.ForeignKey(
        "people.Volunteer", verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="assignments"
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.SOLVER)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["run_id", "shift_id", "volunteer_id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "shift", "volunteer"], name="planning_assignment_once_per_run"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} -> {self.shift_id}"


class ResourceBooking(models.Model):
    """A resource booked for a shift's resource request in one run's plan."""

    run = models.ForeignKey(MatchingRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="bookings")
    request = models.ForeignKey(
        "shifts.ResourceRequest", verbose_name=_("resource request"), on_delete=models.CASCADE, related_name="+"
    )
    resource = models.ForeignKey(
        "resources.Resource", verbose_name=_("resource"), on_delete=models.CASCADE, related_name="+"
    )
    # Pinned: the next runs of the same scope and week keep it (the mapper books it outside the solver).
    pinned = models.BooleanField(_("pinned"), default=False)
    source = models.CharField(
        _("source"), max_length=8, choices=Assignment.Source.choices, default=Assignment.Source.SOLVER
    )

    class Meta:
        verbose_name = _("resource booking")
        verbose_name_plural = _("resource bookings")
        ordering = ["run_id", "request_id"]
        constraints = [models.UniqueConstraint(fields=["run", "request"], name="planning_request_booked_once_per_run")]

    def __str__(self) -> str:
        return f"{self.resource_id} -> {self.request_id}"


class UnfilledSeat(kernel.RunUnfilled):
    """Seats of a shift the run could not fill, why, and the smallest change that would fill them."""

    SEAT = "shift"

    run = models.ForeignKey(MatchingRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="unfilled")
    shift = models.ForeignKey("shifts.Shift", verbose_name=_("shift"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("unfilled seat")
        verbose_name_plural = _("unfilled seats")
        ordering = ["run_id", "shift_id"]
        constraints = [models.UniqueConstraint(fields=["run", "shift"], name="planning_unfilled_once_per_run")]


class RemovedPair(models.Model):
    """A volunteer a coordinator took off a shift in review: the next runs of the same scope and week never
    offer them that shift again (the mapper passes the pair as `forbidden`), unless it is added back by hand."""

    run = models.ForeignKey(MatchingRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="removed_pairs")
    shift = models.ForeignKey("shifts.Shift", verbose_name=_("shift"), on_delete=models.CASCADE, related_name="+")
    volunteer = models.ForeignKey(
        "people.Volunteer", verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="+"
    )
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("removed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    removed_at = models.DateTimeField(_("removed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("removed assignment")
        verbose_name_plural = _("removed assignments")
        ordering = ["run_id", "shift_id", "volunteer_id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "shift", "volunteer"], name="planning_removed_once_per_run"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} -/-> {self.shift_id}"


class Publication(kernel.RunPublication):
    """The published plan of one scope and week: the run whose assignments volunteers are told about."""

    PERIOD = "week"

    week = models.DateField(_("week (Monday)"), editable=False)
    run = kernel.published_run(MatchingRun)

    class Meta(kernel.RunPublication.Meta):
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [kernel.one_publication(period="week", name="planning_one_publication_per_scope_week")]


class SolveJob(models.Model):
    """One large solve split into pieces that Celery workers solve side by side, then joined (planning.fanout).

    Serves a district run (`run` and the run's `attempt` it belongs to), or stands alone. The whole problem is
    kept, compressed, because the join needs it to fill seats across the pieces' borders.
    """

    class Status(models.TextChoices):
        SOLVING = "solving", _("Solving")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    run = models.ForeignKey(
        MatchingRun, verbose_name=_("run"), null=True, blank=True, on_delete=models.CASCADE, related_name="solve_jobs"
    )
    attempt = models.PositiveSmallIntegerField(_("attempt of the run"), default=0)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SOLVING)
    solver = models.CharField(_("solver"), max_length=16)
    time_limit = models.FloatField(_("time limit of the whole solve (s)"))
    piece_time_limit = models.FloatField(_("time limit of each piece (s)"))
    piece_count = models.PositiveIntegerField(_("pieces"))
    problem = models.BinaryField(_("problem (zlib JSON)"))
    # What the mapper needs to turn the joined solution back into rows of the run (pins, request -> shift).
    meta = models.JSONField(_("mapping data"), default=dict, blank=True)
    solution = models.BinaryField(_("solution (zlib JSON)"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("fanned-out solve")
        verbose_name_plural = _("fanned-out solves")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "attempt"], condition=Q(run__isnull=False), name="planning_one_solve_job_per_run_attempt"
            ),
        ]

    def __str__(self) -> str:
        return f"solve job {self.pk} ({self.status}, {self.piece_count} pieces)"


class SolvePiece(models.Model):
    """One piece of a fanned-out solve: a sub-district's problem and, once a worker solved it, its plan."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    job = models.ForeignKey(SolveJob, verbose_name=_("solve"), on_delete=models.CASCADE, related_name="pieces")
    index = models.PositiveIntegerField(_("index"))
    name = models.CharField(_("name"), max_length=100)
    shift_count = models.PositiveIntegerField(_("shifts"))
    problem = models.BinaryField(_("problem (zlib JSON)"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    result = models.JSONField(_("result"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=200, blank=True)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("solve piece")
        verbose_name_plural = _("solve pieces")
        ordering = ["job_id", "index"]
        constraints = [models.UniqueConstraint(fields=["job", "index"], name="planning_piece_index_unique")]

    def __str__(self) -> str:
        return f"piece {self.index} of job {self.job_id} ({self.status})"
