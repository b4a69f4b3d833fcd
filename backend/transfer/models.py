"""Import runs: one upload of a sheet by one coordinator, checked at once (the dry-run preview), then written by a
worker in chunks once confirmed, on the run kernel (runs.models) for its status, progress, heartbeat and attempts."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from runs.models import CANCELLED, DONE, FAILED, QUEUED, Run, progress_valid, status_field


class ImportRun(Run):
    """An import of one file into the uploader's scope.

    The kernel's one-active-run rule does not fit: a checked upload waits for its uploader's confirmation for as
    long as they like, so it may not hold the scope; and the period of an import is none. Instead, at most one
    import per scope and kind writes at a time (`transfer_one_writing_import`): two writers of one community would
    race for the same phones and numbers. `kind` stands where a run's period stands (its version counts per kind).
    """

    class Status(models.TextChoices):
        QUEUED = QUEUED, _("Queued")
        CHECKED = "checked", _("Checked, waiting for confirmation")
        IMPORTING = "importing", _("Importing")
        DONE = DONE, _("Done")
        FAILED = FAILED, _("Failed")
        CANCELLED = CANCELLED, _("Cancelled")

    class Kind(models.TextChoices):
        VOLUNTEERS = "volunteers", _("Volunteers")
        UNITS = "units", _("Units")
        RESOURCES = "resources", _("Resources")

    # Checked runs are not worked on: a worker takes a run only once it is confirmed (queued).
    ACTIVE = (Status.CHECKED, Status.QUEUED, Status.IMPORTING)
    WORKING = (Status.IMPORTING,)
    CLAIMED = Status.IMPORTING
    PERIOD = "kind"

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = status_field(Status)
    sub_district = models.ForeignKey(
        "geo.SubDistrict",
        verbose_name=_("sub-district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="import_runs",
    )
    community = models.ForeignKey(
        "geo.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="import_runs",
    )
    # Relative to MEDIA_ROOT, under "imports/"; the file as uploaded.
    file = models.CharField(_("file"), max_length=255)
    file_name = models.CharField(_("file name"), max_length=255)
    # The sheet's header text of each column; our column -> the index of the sheet's column it is read from; the
    # header's line in the file.
    headers = models.JSONField(_("headers"), default=list, blank=True)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    header_line = models.PositiveIntegerField(_("header line"), default=1)
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    # Rows (data rows, in file order) written so far: a worker that takes the run over resumes after them.
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    # The dry run: {"create": n, "update": n, "unchanged": n, "bad": n}.
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    bad = models.PositiveIntegerField(_("bad rows"), default=0)
    # The accounts this run created, and how many of them have been sent their invitation (after the rows are in).
    created_users = models.JSONField(_("accounts created"), default=list, blank=True)
    invited = models.PositiveIntegerField(_("invited"), default=0)
    # Every bad row: [{"row": line in the file, "column": "phone", "reason": "..."}], of the check, then of the import.
    problems = models.JSONField(_("bad rows"), default=list, blank=True)

    class Meta(Run.Meta):
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        constraints = [
            models.UniqueConstraint(
                fields=["scope_key", "kind"],
                condition=Q(status__in=["queued", "importing"]),
                name="transfer_one_writing_import",
            ),
            models.UniqueConstraint(fields=["scope_key", "kind", "version"], name="transfer_import_version_unique"),
            progress_valid(name="transfer_import_progress_valid"),
        ]


class ColumnMemory(models.Model):
    """The columns an uploader mapped, by the sheet's header text: their next file with the same headers maps
    itself."""

    user = models.ForeignKey("accounts.User", verbose_name=_("user"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=ImportRun.Kind.choices)
    header = models.CharField(_("header"), max_length=128)
    column = models.CharField(_("column"), max_length=64)

    class Meta:
        verbose_name = _("remembered column")
        verbose_name_plural = _("remembered columns")
        constraints = [models.UniqueConstraint(fields=["user", "kind", "header"], name="transfer_column_memory_unique")]

    def __str__(self) -> str:
        return f"{self.header} -> {self.column}"
