"""Writes of the reports: an export job is stored, then written by a worker (reports.run_export) with its
progress, on the run kernel (runs.lifecycle claims, moves, finishes, fails and reaps it); the quarterly feedback
writes one PDF and one XLSX per employer unit and quarter. Both are safe to run twice: an export is written by the
one worker that claimed it, and a quarter's report per unit is replaced, never duplicated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import status

from accounts.models import User
from core.errors import ApplicationError, Conflict
from core.queue import send_or_log, task_named
from orgs.models import Unit
from reports import layouts, selectors, writers
from reports.models import ExportJob, FeedbackReport, export_scope_key
from runs import lifecycle
from runs.heartbeat import Heartbeat

Kind, Format, Status = ExportJob.Kind, ExportJob.Format, ExportJob.Status
# The formats each export kind is written in (PDF is the feedback reports').
KIND_FORMATS = {
    Kind.SERVICE_RECORDS: (Format.CSV, Format.XLSX),
    Kind.NATIONAL_RECORDS: (Format.CSV, Format.XLSX),
    Kind.UNIT_LEDGERS: (Format.CSV, Format.XLSX),
}
FILE_NAMES: dict[str, str] = {
    Kind.SERVICE_RECORDS: "service-records",
    Kind.NATIONAL_RECORDS: "national-service-records",
    Kind.UNIT_LEDGERS: "unit-ledgers",
}


class ExportNotAllowed(ApplicationError):
    """The requester's role may not export this kind of rows."""

    code = "permission_denied"
    status_code = status.HTTP_403_FORBIDDEN


class ExportNotReady(Conflict):
    """The export has no file yet: it is queued, running or failed."""

    code = "not_ready"


class ExportExpired(ApplicationError):
    """The export's file has been removed after its expiry; request it again."""

    code = "expired"
    status_code = status.HTTP_410_GONE


def export_path(relative: str) -> Path:
    return Path(settings.MEDIA_ROOT) / relative


# ---------------------------------------------------------------- export jobs

EXPORT_TIME_LIMIT = 600.0  # the kernel's field; an export has no solver, this only documents the expected bound
VERSION_TRIES = 3  # two requests of one requester at once race for the next version: the loser takes the one after


def export_job_create(*, user: User, kind: str, format: str, parameters: dict) -> ExportJob:
    """Store the job and queue its writing once the job is committed. Volunteers export their own records only
    (the records selector keeps them to their own rows); unit ledgers are for coordinators and unit representatives.
    Several exports of one requester may be queued and written at once."""
    if kind == Kind.UNIT_LEDGERS and user.role == User.Role.VOLUNTEER and not user.is_superuser:
        raise ExportNotAllowed(gettext("Volunteers export their own service records only."))
    scope_key = export_scope_key(user.pk)
    for attempt in range(VERSION_TRIES):
        latest = ExportJob.objects.filter(scope_key=scope_key, kind=kind).aggregate(v=Max("version"))["v"]
        try:
            with transaction.atomic():  # a savepoint: the version's unique rule decides a race between two requests
                job = ExportJob.objects.create(
                    scope_key=scope_key,
                    kind=kind,
                    version=(latest or 0) + 1,
                    format=format,
                    parameters=parameters,
                    created_by=user,
                    language=translation.get_language() or "",
                    stage=gettext("Queued"),
                    time_limit=EXPORT_TIME_LIMIT,
                    heartbeat=timezone.now(),
                )
            break
        except IntegrityError:
            if attempt == VERSION_TRIES - 1:
                raise
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    send_or_log(task_named("reports.run_export"), job_id)


def export_job_run(*, job_id: int) -> str:
    """The worker's share: take the queued job (or one whose worker died: its heartbeat stopped) and write its file
    from the start, with its progress every REPORTS_PROGRESS_EVERY rows. Safe to run twice: a job that is done,
    failed or being written by a live worker is left alone. Returns the job's status afterwards."""
    return lifecycle.run_execute(
        ExportJob,
        job_id,
        work=_export_write,
        failure=_export_failure,
        stage=gettext("Running"),
        take_over=lambda orphan: True,
        max_attempts=settings.REPORTS_MAX_ATTEMPTS,
    )


def _export_write(job: ExportJob) -> str:
    with translation.override(job.language or settings.LANGUAGE_CODE), Heartbeat(job):
        relative, written = _write_export(job)
        with transaction.atomic():
            lifecycle.run_finish(job, counts={"rows": written}, file=relative, rows_done=written)
            # Counted from the end the kernel stamped.
            ExportJob.objects.filter(pk=job.pk).update(
                expires_at=F("finished_at") + dt.timedelta(days=settings.REPORTS_EXPORT_DAYS)
            )
    return Status.DONE


def _export_failure(job: ExportJob, exc: Exception) -> str:
    """In the requester's words, and naming nothing of the rows (the trace is logged, the rows never)."""
    with translation.override(job.language or settings.LANGUAGE_CODE):
        return gettext("The export could not be written; request it again.")


def export_jobs_reap(*, now: dt.datetime | None = None) -> int:
    """The sweeper (beat), the kernel's reaper: jobs silent for REPORTS_STALE_MINUTES have their task sent again when
    still queued (the broker was down when they were requested), and are queued again when their worker was lost,
    until they have used REPORTS_MAX_ATTEMPTS (then they fail). Returns how many were sent."""
    reaped = lifecycle.run_reap_stale(
        ExportJob,
        enqueue=_enqueue,
        now=now or timezone.now(),
        stale_minutes=settings.REPORTS_STALE_MINUTES,
        max_attempts=settings.REPORTS_MAX_ATTEMPTS,
        messages=lifecycle.ReapMessages(
            requeued=gettext("Queued again: the worker stopped answering (attempt %(n)d of %(max)d)."),
            failed=gettext("Failed: the worker stopped answering %(n)d times."),
        ),
    )
    return len(reaped.resent) + len(reaped.requeued)


def export_files_purge() -> int:
    """Delete the files of the exports past their expiry (the rows stay, their download answers 410)."""
    removed = 0
    for job in ExportJob.objects.filter(status=Status.DONE, expires_at__lte=timezone.now()).only("file"):
        path = export_path(job.file)
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def _write_export(job: ExportJob) -> tuple[str, int]:
    """Write the file under MEDIA_ROOT/exports; its path relative to MEDIA_ROOT and the rows written."""
    user = job.created_by
    if job.kind == Kind.UNIT_LEDGERS:
        ledgers = selectors.export_ledgers(user=user, parameters=job.parameters)
        total = sum(1 + ledger.entry_count for ledger in ledgers)
        header, note, sheet = layouts.ledger_header(), None, gettext("Unit ledgers")
        rows = (row for ledger in ledgers for row in layouts.ledger_rows(ledger))
    else:
        national = job.kind == Kind.NATIONAL_RECORDS
        records = selectors.export_records(user=user, parameters=job.parameters, approved_only=national)
        total = records.count()
        if national:
            header, note = list(layouts.NATIONAL_COLUMNS), layouts.INTERNAL_LEDGER_NOTE
            sheet = layouts.INTERNAL_LEDGER_MARK
            to_row = layouts.national_record_row
        else:
            header, note, sheet = layouts.service_record_header(), None, gettext("Service records")
            to_row = layouts.service_record_row
        rows = (to_row(record, user) for record in records.iterator(chunk_size=500))
    # From the start, also when this worker took the job over from one that stopped half-way.
    lifecycle.run_move(job, status=Status.RUNNING, rows_total=total, rows_done=0, progress=0)
    relative = f"exports/{FILE_NAMES[job.kind]}-{job.pk}.{job.format}"
    on_row = _Progress(job, total)
    if job.format == Format.CSV:
        writers.write_csv(export_path(relative), header=header, rows=rows, note=note, on_row=on_row)
    else:
        writers.write_xlsx(export_path(relative), sheet=sheet, header=header, rows=rows, note=note, on_row=on_row)
    return relative, on_row.done


class _Progress:
    """Counts the rows written and moves the job's progress every REPORTS_PROGRESS_EVERY rows, out of the total
    counted up front; below 100 until the file is in place. A job cancelled or reaped meanwhile stops the writing
    (lifecycle.RunStopped)."""

    def __init__(self, job: ExportJob, total: int):
        self.job, self.total, self.done = job, total, 0
        self.every = settings.REPORTS_PROGRESS_EVERY

    def __call__(self, done: int) -> None:
        self.done = done
        if done % self.every == 0:
            lifecycle.run_move(
                self.job, status=Status.RUNNING, rows_done=done, progress=min(99, done * 100 // max(self.total, 1))
            )


def export_job_file(*, job: ExportJob) -> Path:
    """The finished job's file, or why there is none."""
    if job.status != Status.DONE:
        raise ExportNotReady(
            gettext("The export is not ready: it is %(status)s.") % {"status": job.get_status_display()}
        )
    path = export_path(job.file)
    if (job.expires_at is not None and job.expires_at <= timezone.now()) or not path.exists():
        raise ExportExpired(gettext("The export has expired; request it again."))
    return path


def export_download_name(job: ExportJob) -> str:
    day = timezone.localdate(job.finished_at or job.created_at)
    return f"{FILE_NAMES[job.kind]}-{day:%Y%m%d}-{job.pk}.{job.format}"


# ---------------------------------------------------------------- feedback to units


FEEDBACK_HEADER = [
    _("Volunteer number"),
    _("Name"),
    _("Reporting (报到)"),
    _("Posts held"),
    _("Services"),
    _("Hours"),
    _("Average rating"),
]
FEEDBACK_WIDTHS = [1.3, 1, 2.8, 2.4, 0.8, 0.8, 0.9]  # the columns' shares of the PDF's width


def _reporting(member: selectors.MemberService) -> str:
    if member.reported_community is None or member.reported_at is None:  # both set, or neither
        return gettext("Not reported")
    return gettext("Reported to %(community)s on %(date)s") % {
        "community": member.reported_community,
        "date": member.reported_at.isoformat(),
    }


def feedback_report_write(*, unit: Unit, year: int, quarter: int) -> FeedbackReport:
    """The unit's report of the quarter, as PDF and XLSX; a second write replaces the files and the figures."""
    members = selectors.feedback_members(unit=unit, year=year, quarter=quarter)
    header = [str(title) for title in FEEDBACK_HEADER]
    rows = [
        [m.number, m.name, _reporting(m), "、".join(m.posts), m.services, m.hours, m.average_rating] for m in members
    ]
    minutes = sum(m.minutes for m in members)
    title = gettext("%(unit)s: community service of in-office members, %(year)s Q%(quarter)s") % {
        "unit": unit.name,
        "year": year,
        "quarter": quarter,
    }
    first, last = selectors.quarter_bounds(year, quarter)
    lines = [
        layouts.INTERNAL_LEDGER_MARK,
        gettext(
            "Period: %(first)s to %(last)s. Members who agreed to share their record: %(count)s; "
            "hours served: %(hours)s."
        )
        % {
            "first": first.isoformat(),
            "last": last.isoformat(),
            "count": len(members),
            "hours": round(minutes / 60, 2),
        },
    ]
    stem = f"feedback/{year}-Q{quarter}/unit-{unit.pk}"
    writers.write_pdf(
        export_path(f"{stem}.pdf"), title=title, lines=lines, header=header, rows=rows, widths=FEEDBACK_WIDTHS
    )
    writers.write_xlsx(
        export_path(f"{stem}.xlsx"),
        sheet=f"{year}Q{quarter}",
        header=header,
        rows=rows,
        note=f"{title}（{layouts.INTERNAL_LEDGER_MARK}）",
    )
    report, _created = FeedbackReport.objects.update_or_create(
        unit=unit,
        year=year,
        quarter=quarter,
        defaults={
            "member_count": len(members),
            "minutes": minutes,
            "pdf_file": f"{stem}.pdf",
            "xlsx_file": f"{stem}.xlsx",
            "generated_at": timezone.now(),
        },
    )
    return report


def feedback_write_quarter(*, year: int, quarter: int, unit_ids: list[int] | None = None) -> dict:
    """Every unit's report of the quarter (or of the units named). Safe to run twice."""
    units = selectors.feedback_units()
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    written = members = 0
    for unit in units:
        report = feedback_report_write(unit=unit, year=year, quarter=quarter)
        written, members = written + 1, members + report.member_count
    return {"year": year, "quarter": quarter, "written": written, "members": members}


def feedback_write_request(*, user: User, year: int, quarter: int) -> dict:
    """A coordinator's on-demand write of a quarter for the units of their scope, queued once the request commits:
    a unit of some eighty members takes most of a second, a district some minutes. Returns the units queued."""
    unit_ids = list(selectors.feedback_units(user=user).values_list("pk", flat=True))
    if unit_ids:
        transaction.on_commit(lambda: _enqueue_feedback(year, quarter, unit_ids))
    return {"year": year, "quarter": quarter, "units": len(unit_ids)}


def _enqueue_feedback(year: int, quarter: int, unit_ids: list[int]) -> None:
    send_or_log(task_named("reports.write_quarterly_feedback"), year, quarter, unit_ids)
