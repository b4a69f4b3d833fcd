"""Reports: export jobs (a file of the rows the requester may see, written by a worker with its progress) and the
quarterly feedback to each employer unit on its in-office members' community service (反馈给单位)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ExportJob(models.Model):
    class Kind(models.TextChoices):
        SERVICE_RECORDS = "service_records", _("Service records")
        NATIONAL_RECORDS = "national_records", _("Service records in the national system's field order")
        UNIT_LEDGERS = "unit_ledgers", _("Unit ledgers")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"
        PDF = "pdf", "PDF"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    # The validated filters as given (dates as ISO strings): date_from, date_to, community, unit, volunteer.
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    # The requester's language: column titles are written in it by the worker.
    language = models.CharField(_("language"), max_length=16, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    rows_total = models.PositiveIntegerField(_("rows in total"), default=0)
    # Relative to MEDIA_ROOT, under "exports/".
    file = models.CharField(_("file"), max_length=255, blank=True)
    error = models.TextField(_("error message"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    # Written with the progress: a running job silent for long has lost its worker.
    heartbeat_at = models.DateTimeField(_("last progress at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(name="export_progress_0_to_100", condition=Q(progress__lte=100)),
            models.CheckConstraint(name="export_done_has_file", condition=~Q(status="done") | ~Q(file="")),
        ]
        indexes = [models.Index(fields=["requested_by", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind}.{self.format} #{self.pk} ({self.status})"


class FeedbackReport(models.Model):
    """One employer unit's quarterly report on its consenting in-office members; a rewrite replaces the files."""

    unit = models.ForeignKey("orgs.Unit", verbose_name=_("unit"), on_delete=models.CASCADE,
                             related_name="feedback_reports")
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
