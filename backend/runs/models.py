"""The kernel of every background run (a matching run, a post allocation run): the abstract run with its status,
stage, progress, heartbeat, attempts and times, the one-active-run rule, and the abstract publication of a run.
Each concrete run declares its statuses, its scope's columns and its period (a week, a year); runs.lifecycle
moves it."""

from collections.abc import Callable
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped

QUEUED = "queued"
# Every kind of run ends in one of these; until then it is active (queued, or in one of its working statuses).
ENDED = ("done", "failed", "cancelled")
DONE, FAILED, CANCELLED = ENDED


def status_field(statuses: type[models.TextChoices]) -> models.CharField:
    """The status column over a kind of run's `Status`, which must read: queued, its working statuses in the order a
    worker moves through them, then done, failed and cancelled (the values the kernel moves runs by). `Status` is a
    class of its own in each kind, not made here, so that type checkers see its members."""
    values = list(statuses.values)
    if values[:1] != [QUEUED] or tuple(values[-len(ENDED) :]) != ENDED:
        raise ImproperlyConfigured(f"A run's statuses start with {QUEUED!r} and end with {ENDED!r}, not {values!r}.")
    return models.CharField(_("status"), max_length=16, choices=statuses.choices, default=QUEUED)


def one_active_run(*, period: str, name: str) -> models.UniqueConstraint:
    """At most one active run per scope and period, held by the database: two coordinators starting at once, or a
    start racing a requeue, leave one run. Over scope_key because a rule over nullable foreign keys would treat
    NULLs as distinct."""
    return models.UniqueConstraint(fields=["scope_key", period], condition=~Q(status__in=list(ENDED)), name=name)


def one_publication(*, period: str, name: str) -> models.UniqueConstraint:
    """At most one publication per scope and period, held by the database (two coordinators publishing at once:
    one wins)."""
    return models.UniqueConstraint(fields=["scope_key", period], name=name)


def published_run(run_model: type["Run"]) -> models.OneToOneField:
    """A publication's run. PROTECT: a published plan is what people were told; it is never deleted with its run."""
    return models.OneToOneField(run_model, verbose_name=_("run"), on_delete=models.PROTECT, related_name="publication")


def progress_valid(*, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(name=name, condition=Q(progress__lte=100))


class Run(TimeStamped):
    """A numbered version of a computation for one scope and period, moved by a worker through its statuses.

    The concrete model declares `class Status(models.TextChoices)` and `status = status_field(Status)`, `ACTIVE` and
    `WORKING`, `CLAIMED` (the status a worker takes a queued run into), `PERIOD` (the name of its period field), its
    scope's columns and the constraints `one_active_run` and `progress_valid`.
    """

    PERIOD: str = "week"
    ENDED = ENDED
    # Declared by each kind (see above); typed here for the kernel that reads them.
    Status: ClassVar[type[models.TextChoices]]
    ACTIVE: ClassVar[tuple[str, ...]]
    WORKING: ClassVar[tuple[str, ...]]
    CLAIMED: ClassVar[str]
    get_status_display: Callable[[], str]  # made by Django from the kind's status choices
    publication: "RunPublication"  # the kind's publication (published_run), once published

    # "community:12", "sub_district:3" or "district:1": one column for the one-active-run and publication rules.
    scope_key = models.CharField(_("scope key"), max_length=40, editable=False)
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=16, default=QUEUED)
    stage = models.CharField(_("stage"), max_length=64, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=[MaxValueValidator(100)])
    message = models.TextField(_("message"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Written by the worker while it works (runs.heartbeat); the reaper judges a run silent by it.
    heartbeat = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    time_limit = models.FloatField(_("time limit (s)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.scope_key} {self.period_value} v{self.version} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status not in ENDED

    @property
    def period_value(self):
        return getattr(self, self.PERIOD)

    def period(self) -> dict:
        """The lookup of the run's period: {"week": date} or {"year": 2027}."""
        return {self.PERIOD: self.period_value}


class RunPublication(models.Model):
    """The published run of one scope and period: the one people are told about. The concrete model adds `PERIOD`
    and its field (copied from the run, so that one_publication is one unique index) and `run = published_run(...)`."""

    PERIOD: str = "week"
    run_id: int  # the kind's run = published_run(...)

    scope_key = models.CharField(_("scope key"), max_length=40, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"))
    # Set once the people concerned have been told; a sweeper on beat sends notices still missing (a broker outage).
    notified_at = models.DateTimeField(_("people notified at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return f"{self.scope_key} {getattr(self, self.PERIOD)} (run {self.run_id})"


class RunUnfilled(models.Model):
    """Seats of one place in a run's plan (a shift, a post) that the run could not fill, why, and the smallest change
    that would fill them. The concrete model adds `run` and the place's field, named by `SEAT`."""

    SEAT: str = "shift"

    missing = models.PositiveSmallIntegerField(_("seats missing"))
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    suggestion = models.TextField(_("suggestion"), blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{getattr(self, f'{self.SEAT}_id')}: {self.missing}"
