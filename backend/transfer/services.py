"""Import and export of volunteers and resources. The sheet import reads a CSV/XLSX upload and writes every row or
none, inside one transaction; if any row fails, it is rolled back and the caller gets every failing row with its line
number in the file (the header is line 1) and the failing columns. An import run (below) checks a district's own
sheet of volunteers, units or resources, then writes its good rows in the background, chunk by chunk, and reports the
bad ones; each kind is described once (transfer.rows.Importer) and run by the same functions here."""

import io
import itertools
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

import tablib
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from import_export.formats import base_formats
from import_export.results import RowResult

from accounts.models import User
from audit.services import audit_record_change, audit_record_change_bulk
from core import sheets
from core.errors import ApplicationError, Conflict
from core.queue import send_or_log, task_named
from runs import lifecycle
from runs.errors import RunAlreadyActive
from runs.heartbeat import Heartbeat
from transfer import metrics, reading, resource_rows, units, volunteers
from transfer.models import ColumnMemory, ImportRun
from transfer.resources import ResourceSheet, ScopedSheet, VolunteerSheet, row_errors_of
from transfer.rows import BAD, CREATE, UNCHANGED, UPDATE, Importer

FORMATS = {"csv": base_formats.CSV, "xlsx": base_formats.XLSX}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_REPORTED_ROWS = 500  # enough to fix a sheet by; a wholly wrong file need not answer megabytes
CSV_ENCODINGS = ("utf-8-sig", "gb18030")  # Excel in Chinese saves CSV as GBK
log = logging.getLogger(__name__)


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
        raise UnreadableFile(_("Upload a .csv or .xlsx file."), fields={"file": [_("Upload a .csv or .xlsx file.")]})
    return extension


def _dataset_read(*, upload) -> tuple[tablib.Dataset, list[int]]:
    """The sheet's rows without blank lines, and each kept row's line number in the file."""
    fmt = file_format_of(upload.name or "")
    if upload.size > MAX_UPLOAD_BYTES:
        raise UnreadableFile(
            _("The file is larger than 10 MB."), fields={"file": [_("The file is larger than 10 MB.")]}
        )
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
            raise ImportRejected(
                message, fields={"rows": rows[:MAX_REPORTED_ROWS]}
            )  # leaving the block rolls everything back
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


# ---------------------------------------------------------------- import runs
# An upload is checked at once (the dry-run preview: every row planned, nothing written), then, once its uploader
# confirms, written by a worker in chunks: one transaction per chunk, which also moves the run's rows_done, so a
# worker that dies loses at most its chunk and the next delivery of the task resumes after the last one written.

IMPORT_CHUNK = 500
IMPORT_TIME_LIMIT = 600.0  # the kernel's field; an import has no solver, this only documents the expected bound
PREVIEW_PROBLEMS = 500  # the answer's share of the bad rows; the report has every one
# Every kind runs through the same functions below; each says what its rows are (transfer.rows.Importer).
IMPORTERS: dict[str, Importer] = {
    ImportRun.Kind.VOLUNTEERS: volunteers.IMPORTER,
    ImportRun.Kind.UNITS: units.IMPORTER,
    ImportRun.Kind.RESOURCES: resource_rows.IMPORTER,
}


class ImportNotChecked(Conflict):
    """Only an import that is checked and waiting for its confirmation can be mapped again, confirmed or
    cancelled."""

    code = "import_not_checked"


class MappingInvalid(ApplicationError):
    """The column mapping names a column we do not have, or a column the sheet does not have."""

    code = "invalid"


def import_columns(kind: str) -> list[dict]:
    """Our columns of a kind of import in order, each with its header (in the active language) and whether a new
    row needs it."""
    importer = IMPORTERS[kind]
    return [
        {"name": column, "label": str(importer.labels[column]), "required": column in importer.required}
        for column in importer.columns
    ]


def import_template(*, kind: str, user: User) -> ExportFile:
    """The XLSX template of a kind, in the active language. First the sheet to fill in: one header row, our columns'
    headers, so that an upload of it maps every column by itself (its example is on the next sheet, where an upload
    never reads it as a row). Then how to fill in each column (required or not, an example), then the code lists:
    the values a coded column takes (kinds, the uploader's communities, units, skills)."""
    importer = IMPORTERS[kind]
    columns = import_columns(kind)
    codes = {name: values(user) for name, values in importer.codes.items()}

    def example(column: str) -> str:
        given = importer.examples.get(column)
        return str(given) if given is not None else (codes.get(column) or [""])[0]

    guide = [
        [
            column["label"],
            _("yes") if column["required"] else _("no"),
            example(column["name"]),
            _("See the code lists") if column["name"] in codes else "",
        ]
        for column in columns
    ]
    coded = [column for column in columns if column["name"] in codes]
    content = io.BytesIO()
    sheets.write_xlsx_sheets(
        content,
        [
            sheets.Table(str(ImportRun.Kind(kind).label), [column["label"] for column in columns], []),
            sheets.Table(_("How to fill in"), [_("Column"), _("Required"), _("Example"), _("Values")], guide),
            sheets.Table(
                _("Code lists"),
                [column["label"] for column in coded],
                itertools.zip_longest(*(codes[column["name"]] for column in coded), fillvalue=""),
            ),
        ],
    )
    return ExportFile(
        content=content.getvalue(), content_type=sheets.CONTENT_TYPES["xlsx"], filename=f"import-template-{kind}.xlsx"
    )


def _import_scope(user: User) -> dict:
    """The uploader's scope as a run's columns (runs.selectors.run_scope then shows the run to who sees it)."""
    if user.role == User.Role.COMMUNITY and not user.is_superuser:
        community = user.community
        assert community is not None  # a community coordinator has one (the constraint user_role_has_scope)
        return {
            "scope_key": f"community:{community.pk}",
            "community": community,
            "sub_district_id": community.sub_district_id,
        }
    if user.role == User.Role.SUBDISTRICT and not user.is_superuser:
        return {"scope_key": f"sub_district:{user.sub_district_id}", "sub_district_id": user.sub_district_id}
    return {"scope_key": "district"}


def import_path(run: ImportRun) -> Path:
    return Path(settings.MEDIA_ROOT) / run.file


def _sheet_of(run: ImportRun, *, user: User) -> reading.Sheet:
    fmt = run.file.rsplit(".", 1)[-1]
    try:
        return reading.sheet_read(import_path(run), fmt, aliases=IMPORTERS[run.kind].column_aliases(user=user))
    except reading.HeaderNotFound:
        labels = IMPORTERS[run.kind].labels
        message = _("No header row naming our columns (%(columns)s, ...) in the first %(rows)d rows.") % {
            "columns": ", ".join(str(labels[column]) for column in IMPORTERS[run.kind].required),
            "rows": reading.HEADER_SEARCH_ROWS,
        }
    except reading.FileUnreadable:
        message = _("The file could not be read as %(format)s.") % {"format": fmt.upper()}
    raise UnreadableFile(message, fields={"file": [message]})


def _remembered(user: User, kind: str) -> dict[str, str]:
    return dict(ColumnMemory.objects.filter(user=user, kind=kind).values_list("header", "column"))


def _check(run: ImportRun, sheet: reading.Sheet, *, user: User) -> None:
    """The dry run: every row planned against the database as it is now; counts and bad rows on the run."""
    importer = IMPORTERS[run.kind]
    reader = importer.reader(book=importer.book(user), mapping=run.mapping, rows=sheet.rows)
    counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0, BAD: 0}
    problems = []
    for line, row in sheet.rows:
        planned = reader.plan(line, row)
        counts[planned.action] += 1
        problems += planned.problems
    missing = [column for column in importer.required if column not in run.mapping]
    run.preview = {**counts, "missing_columns": missing}
    run.problems = problems
    run.rows_total = len(sheet.rows)


def import_run_create(*, user: User, upload, kind: str, mapping: dict | None = None) -> ImportRun:
    """Store the upload, find its header and columns (as given, else as the uploader mapped the same headers
    before, else from the header's words), and check every row: the run waits, checked, for its confirmation."""
    fmt = file_format_of(upload.name or "")
    if upload.size > MAX_UPLOAD_BYTES:
        too_large = _("The file is larger than 10 MB.")
        raise UnreadableFile(too_large, fields={"file": [too_large]})
    relative = f"imports/{uuid.uuid4().hex}.{fmt}"
    target = Path(settings.MEDIA_ROOT) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        for piece in upload.chunks():
            out.write(piece)
    scope = _import_scope(user)
    run = ImportRun(
        **scope,
        kind=kind,
        status=ImportRun.Status.CHECKED,
        stage=_("Checked, waiting for confirmation"),
        time_limit=IMPORT_TIME_LIMIT,
        created_by=user,
        file=relative,
        file_name=upload.name[:255],
    )
    try:
        sheet = _sheet_of(run, user=user)
    except UnreadableFile:
        target.unlink()  # nothing refers to it
        raise
    aliases = IMPORTERS[kind].column_aliases(user=user)
    run.headers = sheet.headers
    run.header_line = sheet.header_line
    run.mapping = (
        _mapping_valid(mapping, sheet.headers, kind)
        if mapping
        else reading.mapping_suggest(sheet.headers, aliases=aliases, remembered=_remembered(user, kind))
    )
    _check(run, sheet, user=user)
    with transaction.atomic():
        same = ImportRun.objects.filter(scope_key=scope["scope_key"], kind=kind)
        run.version = (same.aggregate(v=Max("version"))["v"] or 0) + 1
        run.save()
    return run


def _mapping_valid(mapping: dict, headers: list[str], kind: str) -> dict[str, int]:
    columns = IMPORTERS[kind].columns
    problems = {}
    for column, index in mapping.items():
        if column not in columns:
            problems[column] = [_("Not a column of ours.")]
        elif not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(headers):
            problems[column] = [_("The sheet has no column %(index)s.") % {"index": index}]
    if problems:
        raise MappingInvalid(_("The column mapping is not valid."), fields={"mapping": problems})
    return dict(mapping)


def import_run_map(*, run: ImportRun, user: User, mapping: dict) -> ImportRun:
    """Check a checked import again with the columns the uploader chose, and remember their choice for the same
    headers."""
    if run.status != ImportRun.Status.CHECKED:
        raise ImportNotChecked(
            _("Only a checked import can be mapped again; this one is %(status)s.")
            % {"status": run.get_status_display()}
        )
    run.mapping = _mapping_valid(mapping, run.headers, run.kind)
    _check(run, _sheet_of(run, user=user), user=user)
    with transaction.atomic():
        if not ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.CHECKED).update(
            mapping=run.mapping,
            preview=run.preview,
            problems=run.problems,
            rows_total=run.rows_total,
            updated_at=timezone.now(),
        ):
            raise ImportNotChecked(_("The import was confirmed meanwhile."))
        for column, index in run.mapping.items():
            header = reading.header_key(run.headers[index])
            if header:
                ColumnMemory.objects.update_or_create(
                    user=user, kind=run.kind, header=header, defaults={"column": column}
                )
    return run


def _enqueue(task: str, run_id: int) -> None:
    """Queue a task of import runs by name, on IMPORT_QUEUE when one is set."""
    route = {"queue": settings.IMPORT_QUEUE} if settings.IMPORT_QUEUE else {}
    send_or_log(task_named(task), run_id, **route)


def _enqueue_import(run_id: int) -> None:
    _enqueue("transfer.import_run", run_id)


def import_run_confirm(*, run: ImportRun, user: User) -> ImportRun:
    """Queue a checked import for a worker; 409 while another import of the scope and kind writes."""
    now = timezone.now()
    try:
        with transaction.atomic():
            moved = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.CHECKED).update(
                status=ImportRun.Status.QUEUED,
                stage=_("Queued"),
                heartbeat=now,
                updated_at=now,
                problems=[],
                rows_done=0,
                created=0,
                updated=0,
                unchanged=0,
                bad=0,
            )
    except IntegrityError:
        raise RunAlreadyActive(_("Another import into this scope is being written; confirm once it is done.")) from None
    if not moved:
        run.refresh_from_db()
        raise ImportNotChecked(
            _("Only a checked import can be confirmed; this one is %(status)s.") % {"status": run.get_status_display()}
        )
    transaction.on_commit(lambda: _enqueue_import(run.pk))
    run.refresh_from_db()
    return run


def import_run_cancel(*, run: ImportRun, user: User) -> ImportRun:
    """Cancel a checked import: the run ends cancelled, its bad rows kept, and its upload is deleted once that is
    committed; 409 once it has been confirmed (a worker may be writing it)."""
    now = timezone.now()
    with transaction.atomic():
        if not ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.CHECKED).update(
            status=ImportRun.Status.CANCELLED,
            stage=_("Cancelled"),
            finished_at=now,
            updated_at=now,
            message=_("Cancelled by %(user)s.") % {"user": user},
        ):
            run.refresh_from_db()
            raise ImportNotChecked(
                _("Only a checked import can be cancelled; this one is %(status)s.")
                % {"status": run.get_status_display()}
            )
        run.refresh_from_db()
        audit_record_change(instance=run, changes={"status": (ImportRun.Status.CHECKED, run.status)})
        upload = import_path(run)
        transaction.on_commit(lambda: upload.unlink(missing_ok=True))
    return run


def import_run_execute(*, run_id: int) -> str:
    """The worker's share: take the queued run (or one whose worker died: its heartbeat stopped) and write its rows
    in chunks from where it stands. Safe to run twice. Returns the run's status afterwards."""
    run = lifecycle.run_claim(ImportRun, run_id, stage=_("Importing"), take_over=lambda orphan: True)
    if run is None:
        return lifecycle.run_status(ImportRun, run_id) or lifecycle.MISSING
    try:
        with Heartbeat(run):
            return _import_run_write(run)
    except lifecycle.RunStopped:
        return lifecycle.run_status(ImportRun, run_id) or lifecycle.MISSING
    except Exception as exc:
        log.exception("import run %s failed", run_id)
        lifecycle.run_fail(
            ImportRun, run_id, _("The import failed: %(kind)s: %(error)s") % {"kind": type(exc).__name__, "error": exc}
        )
        return ImportRun.Status.FAILED


def _import_run_write(run: ImportRun) -> str:
    importer = IMPORTERS[run.kind]
    uploader = run.created_by
    if uploader is None:  # the account was deleted after it confirmed: no scope to import into (the run fails)
        raise ValueError(f"the uploader of import run {run.pk} no longer exists")
    sheet = _sheet_of(run, user=uploader)
    book = importer.book(uploader)
    reader = importer.reader(book=book, mapping=run.mapping, rows=sheet.rows)
    counts = {"created": run.created, "updated": run.updated, "unchanged": run.unchanged, "bad": run.bad}
    tally = {CREATE: "created", UPDATE: "updated", UNCHANGED: "unchanged", BAD: "bad"}
    problems = list(run.problems)
    created_users = list(run.created_users)
    total = len(sheet.rows)
    for start in range(run.rows_done, total, IMPORT_CHUNK):
        chunk = sheet.rows[start : start + IMPORT_CHUNK]
        with transaction.atomic():
            planned = [reader.plan(line, row) for line, row in chunk]
            written = importer.write(planned, book=book)
            made, changed = importer.history(written)
            # Every row made or changed, in the history as the rest of the app's changes are, by the uploader, with
            # the run's id; a fixed number of queries a chunk however many rows (the bulk writes send no signals).
            audit_record_change_bulk(created=made, changes=changed, actor=uploader, context={"import_run": run.pk})
            for row in written:
                counts[tally[row.action]] += 1
                problems += row.problems
                if row.action == CREATE and importer.invite is not None:
                    created_users.append(row.instance.user_id)
            done = start + len(chunk)
            lifecycle.run_move(
                run,
                status=ImportRun.Status.IMPORTING,
                rows_done=done,
                rows_total=total,
                progress=min(99, done * 100 // max(total, 1)),
                problems=problems,
                **counts,
                created_users=created_users,
                stage=_("Imported %(done)d of %(total)d rows") % {"done": done, "total": total},
            )
    with transaction.atomic():
        lifecycle.run_finish(
            run, counts=counts, rows_total=total, **counts, problems=problems, created_users=created_users
        )
    if created_users:
        transaction.on_commit(lambda: _enqueue_invitations(run.pk))
    log.info("import run %s done: %s", run.pk, counts)
    return ImportRun.Status.DONE


def _enqueue_invitations(run_id: int) -> None:
    _enqueue("transfer.import_run_invite", run_id)


def import_run_invite(*, run_id: int) -> int:
    """The invitations of the accounts a done import created, in chunks (each one transaction with the count), after
    the rows are in: a person's invitation costs as much as their whole row, so the file is in, and shown done,
    first. Safe to run twice: an account invited already is skipped. Returns the invitations issued now."""
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.DONE).first()
    invite = IMPORTERS[run.kind].invite if run is not None else None
    if run is None or invite is None:  # a kind that makes no accounts has none to invite
        return 0
    issued = 0
    for start in range(0, len(run.created_users), IMPORT_CHUNK):
        with transaction.atomic():
            now_issued = invite(run.created_users[start : start + IMPORT_CHUNK], uploader=run.created_by)
            ImportRun.objects.filter(pk=run_id).update(invited=F("invited") + now_issued)
        issued += now_issued
    return issued


def import_run_report(*, run: ImportRun, fmt: str) -> ExportFile:
    """Every bad row of the run (of its check until it is imported): its line in the file, the column (ours, and the
    sheet's header) and the reason."""
    columns = {column: run.headers[index] for column, index in run.mapping.items() if index < len(run.headers)}
    rows = (
        [problem["row"], problem["column"], columns.get(problem["column"], ""), problem["reason"]]
        for problem in run.problems
    )
    header = [pgettext("line in a file", "Row"), _("Column"), _("Header in the file"), _("Reason")]
    return ExportFile(
        content=sheets.sheet_bytes(fmt, sheet=_("Bad rows"), header=header, rows=rows),
        content_type=sheets.CONTENT_TYPES[fmt],
        filename=f"import-{run.pk}-bad-rows.{fmt}",
    )
