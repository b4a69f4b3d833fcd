"""Import and export of volunteers and resources: read a CSV/XLSX upload, write every row or none, write a file.

An import runs inside one transaction; if any row fails, the transaction is rolled back and the caller
gets every failing row with its line number in the file (the header is line 1) and the failing columns.
"""
from dataclasses import dataclass

import tablib
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from import_export.formats import base_formats
from import_export.results import RowResult

from accounts.models import User
from core import sheets
from core.errors import ApplicationError
from transfer import metrics
from transfer.resources import ResourceSheet, ScopedSheet, VolunteerSheet, row_errors_of

FORMATS = {"csv": base_formats.CSV, "xlsx": base_formats.XLSX}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_REPORTED_ROWS = 500  # enough to fix a sheet by; a wholly wrong file need not answer megabytes
CSV_ENCODINGS = ("utf-8-sig", "gb18030")  # Excel in Chinese saves CSV as GBK


class UnreadableFile(ApplicationError):
    """The upload is not a CSV or XLSX sheet with the expected columns."""

    code = "invalid"


class ImportRejected(ApplicationError):
    """At least one row of the sheet is invalid, so no row was written."""

    code = "import_rejected"


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    dry_run: bool


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str


def file_format_of(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in FORMATS:
        raise UnreadableFile(
            _("Upload a .csv or .xlsx file."), fields={"file": [_("Upload a .csv or .xlsx file.")]}
        )
    return extension


def _dataset_read(*, upload) -> tuple[tablib.Dataset, list[int]]:
    """The sheet's rows without blank lines, and each kept row's line number in the file."""
    fmt = file_format_of(upload.name or "")
    if upload.size > MAX_UPLOAD_BYTES:
        raise UnreadableFile(_("The file is larger than 10 MB."), fields={"file": [_("The file is larger than 10 MB.")]})
    data = upload.read()
    unreadable = _("The file could not be read as %(format)s.") % {"format": fmt.upper()}
    try:
        if fmt == "csv":
            for encoding in CSV_ENCODINGS:
                try:
                    text = data.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            else:
                raise ValueError("encoding")
            raw = FORMATS[fmt]().create_dataset(text) if text.strip() else tablib.Dataset()
        else:
            raw = FORMATS[fmt]().create_dataset(data)
    except Exception as exc:  # tablib and openpyxl raise many kinds; all mean the same to the caller
        raise UnreadableFile(unreadable, fields={"file": [unreadable]}) from exc

    headers = [("" if h is None else str(h).strip()) for h in (raw.headers or [])]
    keep_columns = [i for i, h in enumerate(headers) if h]
    dataset = tablib.Dataset(headers=[headers[i] for i in keep_columns])
    lines = []
    for line, row in enumerate(raw, start=2):
        values = [row[i] if i < len(row) else None for i in keep_columns]
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        dataset.append(values)
        lines.append(line)
    return dataset, lines


def _columns_check(dataset: tablib.Dataset, sheet: ScopedSheet) -> None:
    aliases = sheet.column_aliases()
    dataset.headers = [aliases.get(h.lower(), h) for h in (dataset.headers or [])]
    headers = set(dataset.headers)
    known = {field.column_name for field in sheet.fields.values()}
    problems = []
    unknown = sorted(headers - known)
    if unknown:
        problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    missing = [c for c in sheet.required_columns if c not in headers]
    if missing:
        problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if len(dataset.headers or []) != len(headers):
        problems.append(_("A column appears twice."))
    if problems:
        raise UnreadableFile(" ".join(problems), fields={"file": problems})
    if not len(dataset):
        raise UnreadableFile(_("The file has no rows."), fields={"file": [_("The file has no rows.")]})


def _import(*, sheet: ScopedSheet, upload, dry_run: bool) -> ImportSummary:
    name = type(sheet).__name__.removesuffix("Sheet").lower()
    try:
        summary = _import_rows(sheet=sheet, upload=upload, dry_run=dry_run)
    except ApplicationError:  # unreadable, wrong columns or bad rows
        metrics.imports.labels(name, "rejected").inc()
        raise
    metrics.imports.labels(name, "checked" if dry_run else "imported").inc()
    if not dry_run:
        metrics.imported_rows.labels(name).inc(summary.created + summary.updated)
    return summary


def _import_rows(*, sheet: ScopedSheet, upload, dry_run: bool) -> ImportSummary:
    dataset, lines = _dataset_read(upload=upload)
    _columns_check(dataset, sheet)
    with transaction.atomic():
        result = sheet.import_data(
            dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True, raise_errors=False
        )
        if result.base_errors:
            message = str(result.base_errors[0].error)
            raise ImportRejected(message, fields={"file": [message]})
        rows = [{"row": lines[invalid.number - 1], "errors": row_errors_of(invalid)} for invalid in result.invalid_rows]
        rows += [
            {"row": lines[number - 1], "errors": {"non_field_errors": [str(error.error) for error in errors]}}
            for number, errors in result.row_errors()
        ]
        if rows:
            rows.sort(key=lambda r: r["row"])
            first = rows[0]
            column, messages = next(iter(first["errors"].items()))
            message = ngettext(
                "%(count)d row has errors, nothing was imported. Line %(row)d, %(column)s: %(error)s",
                "%(count)d rows have errors, nothing was imported. Line %(row)d, %(column)s: %(error)s",
                len(rows),
            ) % {"count": len(rows), "row": first["row"], "column": column, "error": messages[0]}
            raise ImportRejected(message, fields={"rows": rows[:MAX_REPORTED_ROWS]})  # leaving the block rolls everything back
    return ImportSummary(
        created=result.totals[RowResult.IMPORT_TYPE_NEW],
        updated=result.totals[RowResult.IMPORT_TYPE_UPDATE],
        dry_run=dry_run,
    )


def volunteer_import(*, user: User, upload, dry_run: bool = False) -> ImportSummary:
    """Create or update volunteers from a sheet; every row or none."""
    return _import(sheet=VolunteerSheet(user=user), upload=upload, dry_run=dry_run)


def resource_import(*, user: User, upload, dry_run: bool = False) -> ImportSummary:
    """Create or update resources from a sheet; every row or none."""
    return _import(sheet=ResourceSheet(user=user), upload=upload, dry_run=dry_run)


def _export(*, sheet: ScopedSheet, queryset: QuerySet, fmt: str, name: str) -> ExportFile:
    dataset = sheet.export(queryset)
    return ExportFile(
        content=sheets.sheet_bytes(fmt, sheet=name, header=dataset.headers, rows=dataset),
        content_type=sheets.CONTENT_TYPES[fmt],
        filename=f"{name}-{timezone.localdate():%Y%m%d}.{fmt}",
    )


def volunteer_export(*, user: User, queryset: QuerySet, fmt: str) -> ExportFile:
    """The given (already scoped) volunteers as a sheet, phones masked."""
    queryset = queryset.select_related("user", "home_community", "grid", "employer_unit", "reported_community")
    return _export(sheet=VolunteerSheet(user=user), queryset=queryset, fmt=fmt, name="volunteers")


def resource_export(*, user: User, queryset: QuerySet, fmt: str) -> ExportFile:
    """The given (already scoped) resources as a sheet."""
    queryset = queryset.select_related("unit", "community").prefetch_related(None)
    return _export(sheet=ResourceSheet(user=user), queryset=queryset, fmt=fmt, name="resources")
