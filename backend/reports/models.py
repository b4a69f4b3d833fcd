"""Reports: export jobs (a file of the rows the requester may see, written by a worker with its progress, on the run
kernel: runs.models) and the quarterly feedback to each employer unit on its in-office members' community service
(反馈给单位)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from runs.models import CANCELLED, DONE, FAILED, QUEUED, Run, progress_valid, status_field


def export_scope_key(user_id: int) -> str:
    return f"user:{user_id}"


class ExportJob(Run):
    """One export of one requester, on the run kernel for its status, progress, heartbeat, attempts and reaping.

    An export belongs to its requester (`created_by`, scope "user:<id>"), and the kernel's one-active-run rule does
    not fit: each export is a file of its own that no other one writes, so a requester may have several written at
    once. `kind` stands where a run's period stands: the version counts the requester's exports of that kind.
    Exports are never cancelled (nothing offers it, and the web app knows queued, running, done and failed only).
    """

    class Status(models.TextChoices):
        QUEUED = QUEUED, _("Queued")
        RUNNING = "running", _("Running")
        DONE = DONE, _("Done")
        FAILED = FAILED, _("Failed")
        CANCELLED = CANCELLED, _("Cancelled")

    class Kind(models.TextChoices):
        SERVICE_RECORDS = "service_records", _("Service records")
        NATIONAL_RECORDS = "national_records", _("Service records in the national system's field order")
        UNIT_LEDGERS = "unit_ledgers", _("Unit ledgers")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"
        PDF = "pdf", "PDF"

    ACTIVE = (Status.QUEUED, Status.RUNNING)
    WORKING = (Status.RUNNING,)
    CLAIMED = Status.RUNNING
    PERIOD = "kind"

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    status = status_field(Status)
    # The requester: the rows are those they may see, and the export goes with their account.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+"
    )
    # The validated filters as given (dates as ISO strings): date_from, date_to, community, unit, volunteer.
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    # The requester's language: column titles are written in it by the worker.
    language = models.CharField(_("language"), max_length=16, blank=True)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    rows_total = models.PositiveIntegerField(_("rows in total"), default=0)
    # Relative to MEDIA_ROOT, under "exports/".
    file = models.CharField(_("file"), max_length=255, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta(Run.Meta):
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        constraints = [
            models.UniqueConstraint(fields=["scope_key", "kind", "version"], name="export_version_unique"),
            progress_valid(name="export_progress_0_to_100"),
            models.CheckConstraint(name="export_done_has_file", condition=~Q(status="done") | ~Q(file="")),
            models.CheckConstraint(name="export_never_cancelled", condition=~Q(status="cancelled")),
        ]
        indexes = [models.Index(fields=["created_by", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind}.{self.format} #{self.pk} ({self.status})"


class FeedbackReport(models.Model):
    """One employer unit's quarterly report on its consenting in-office members; a rewrite replaces the files."""

    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="feedback_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    member_count = models.PositiveIntegerField(_("members"), default=0)
    minutes = models.PositiveIntegerField(_("minutes served"), default=0)
    # Relative to MEDIA_ROOT, under "feedback/".
    pdf_file = models.CharField(_("PDF file"), max_length=255)
    xlsx_file = models.CharField(_("XLSX file"), max_length=255)
    generated_at = models.DateTimeField(_("generated at"))

    class Meta:
        verbose_name = _("feedback report")
        verbose_name_plural = _("feedback reports")
        ordering = ["-year", "-quarter", "unit_id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "quarter"], name="feedback_one_per_unit_quarter"),
            models.CheckConstraint(name="feedback_quarter_1_to_4", condition=Q(quarter__gte=1, quarter__lte=4)),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}Q{self.quarter}"
