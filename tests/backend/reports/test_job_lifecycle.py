"""An export job's life outside the happy path, on the run kernel: a failure is recorded in the requester's words
(and logged, not raised), an ended job is never written again, a job a live worker writes is left to it and one
whose worker stopped is taken over, the reaper sends again the jobs never sent and requeues or fails the silent ones,
expired files are purged and answer 410."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.utils import timezone, translation

from factories import ExportJobFactory
from reports import services, writers
from reports.models import ExportJob
from reports.tasks import purge_expired_exports_task, resume_exports_task
from runs import lifecycle

URL = "/api/exports/"
AN_HOUR_AGO = dt.timedelta(hours=1)


@pytest.fixture
def job(world):
    return ExportJobFactory(created_by=world.users["community"])


@pytest.fixture
def writes(monkeypatch):
    """The CSV files written, one path per write."""
    written = []
    write_csv = writers.write_csv

    def counting(path, **kwargs):
        written.append(path)
        write_csv(path, **kwargs)

    monkeypatch.setattr(writers, "write_csv", counting)
    return written


def _row(job: ExportJob) -> tuple:
    job.refresh_from_db()
    return job.status, job.message, job.file


def test_a_failure_marks_the_job_failed_in_the_requesters_words(world, job, monkeypatch):
    # given a writer that breaks
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(writers, "write_csv", broken)

    # when the task runs (in the default language, Chinese), then it ends failed (the worker logs the trace)
    assert services.export_job_run(job_id=job.pk) == "failed"

    # and the job says it failed, in words for the requester
    assert _row(job) == ("failed", "导出文件生成失败，请重新申请导出。", "")
    assert job.finished_at is not None

    # and in English for a job requested in English (the worker writes in the requester's language)
    english = ExportJobFactory(created_by=world.users["community"], language="en")
    assert services.export_job_run(job_id=english.pk) == "failed"
    assert _row(english) == ("failed", "The export could not be written; request it again.", "")


@pytest.mark.parametrize("ended", ["done", "failed"])
def test_an_ended_job_is_not_written_again_by_a_second_delivery(job, writes, ended):
    # given a job that has ended (a failed one is requested again, as its message says)
    ExportJob.objects.filter(pk=job.pk).update(status=ended, message="before", file="exports/x.csv")

    # when its task is delivered again
    assert services.export_job_run(job_id=job.pk) == ended

    # then nothing is written and the job is as it was
    assert (writes, _row(job)) == ([], (ended, "before", "exports/x.csv"))


def test_a_job_taken_twice_is_written_once(job, writes):
    # when the task of a queued job is delivered twice, one after the other
    assert services.export_job_run(job_id=job.pk) == "done"
    assert services.export_job_run(job_id=job.pk) == "done"

    # then its file was written by the first delivery only, in one attempt
    job.refresh_from_db()
    assert (len(writes), job.status, job.attempts) == (1, "done", 1)


def test_a_job_a_live_worker_writes_is_left_to_it(job, writes, monkeypatch):
    # given a job claimed by a worker that beats
    assert lifecycle.run_claim(ExportJob, job.pk, stage="Running") is not None
    beats = []

    def the_first_worker_beats(seconds):  # the kernel waits a beat to see whether the heartbeat moves: it does
        beats.append(seconds)
        ExportJob.objects.filter(pk=job.pk).update(heartbeat=timezone.now())

    monkeypatch.setattr(lifecycle.time, "sleep", the_first_worker_beats)

    # when a second delivery of its task runs
    assert services.export_job_run(job_id=job.pk) == "running"

    # then it waited for one beat and wrote nothing: the job is still the first worker's, in its first attempt
    job.refresh_from_db()
    assert (len(beats), writes, job.status, job.attempts) == (1, [], "running", 1)


def test_a_job_whose_worker_stopped_is_taken_over_and_written_from_the_start(job, writes, record):
    # given a job of two rows whose worker stopped an hour ago (after what it said was 7 rows)
    record(date=dt.date(2026, 10, 1))
    record(date=dt.date(2026, 10, 2))
    ExportJob.objects.filter(pk=job.pk).update(
        status="running", attempts=1, rows_done=7, progress=40, heartbeat=timezone.now() - AN_HOUR_AGO
    )

    # when its task is delivered again
    assert services.export_job_run(job_id=job.pk) == "done"

    # then this delivery wrote it whole, as the second attempt
    job.refresh_from_db()
    assert (len(writes), job.status, job.attempts, job.rows_done, job.rows_total, job.progress) == (
        1,
        "done",
        2,
        2,
        2,
        100,
    )


def test_the_reaper_sends_jobs_never_sent_and_requeues_or_fails_silent_ones(
    world,
    job,
    eager,
    settings,
    django_capture_on_commit_callbacks,
):
    # given, silent for an hour: a queued job (its task was lost), a running one after one attempt and one after
    # three; and a job just requested
    settings.REPORTS_MAX_ATTEMPTS = 3
    silent = timezone.now() - AN_HOUR_AGO
    admin = world.users["admin"]
    ExportJob.objects.filter(pk=job.pk).update(heartbeat=silent)
    lost = ExportJobFactory(created_by=admin, format="xlsx", status="running", attempts=1, heartbeat=silent)
    exhausted = ExportJobFactory(created_by=admin, status="running", attempts=3, heartbeat=silent)
    fresh = ExportJobFactory(created_by=admin, heartbeat=timezone.now())

    # when the reaper runs (in English here; the tasks it sends run eagerly, once its moves are committed)
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        sent = resume_exports_task()

    # then the queued and the requeued jobs were written, the exhausted one failed, the fresh one waits
    assert sent == 2
    rows = {row.pk: (row.status, row.message) for row in ExportJob.objects.all()}
    assert rows == {
        job.pk: ("done", ""),
        lost.pk: ("done", ""),
        exhausted.pk: ("failed", "Failed: the worker stopped answering 3 times."),
        fresh.pk: ("queued", ""),
    }
    # and the requeue and the failure are in the audit log with the message the job showed
    reaped = LogEntry.objects.get_for_objects(ExportJob.objects.filter(pk__in=[lost.pk, exhausted.pk]))
    changes = [
        entry.changes
        for entry in reaped.filter(action=LogEntry.Action.UPDATE).order_by("object_id", "pk")
        if "message" in entry.changes
    ]
    assert changes == [
        {
            "status": ["running", "queued"],
            "message": ["", "Queued again: the worker stopped answering (attempt 1 of 3)."],
        },
        {"status": ["running", "failed"], "message": ["", "Failed: the worker stopped answering 3 times."]},
    ]


def test_an_export_is_in_its_requesters_audit_log_with_the_rows_written(world, job, client_as):
    # given a written export of A1's coordinator
    assert services.export_job_run(job_id=job.pk) == "done"

    # when its requester reads its history
    history = client_as("community").get("/api/audit/", {"model": "export_job", "object_id": job.pk})

    # then its request and its end are there, the end with the rows written
    assert history.status_code == 200
    entries = history.json()["results"]
    assert [entry["action"] for entry in entries] == ["update", "create"]
    assert {change["field"]: change["new"] for change in entries[0]["changes"]} == {"status": "done", "rows": "0"}
    # and another coordinator finds no such export
    other = client_as("subdistrict").get("/api/audit/", {"model": "export_job", "object_id": job.pk})
    assert other.status_code == 404


def test_expired_files_are_purged_and_their_download_answers_410(world, job, client_as, media):
    # given a written job past its expiry, and one still fresh
    services.export_job_run(job_id=job.pk)
    fresh = ExportJobFactory(kind="unit_ledgers", created_by=world.users["community"])
    services.export_job_run(job_id=fresh.pk)
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))

    # when the purge runs
    assert purge_expired_exports_task() == 1

    # then the expired file is gone and its download says so; the fresh one still downloads
    job.refresh_from_db()
    assert not (media / job.file).exists()
    response = client_as("community").get(f"{URL}{job.pk}/download/")
    assert response.status_code == 410
    assert response.json() == {
        "message": "The export has expired; request it again.",
        "extra": {"code": "expired", "fields": {}},
    }
    assert client_as("community").get(f"{URL}{fresh.pk}/download/").status_code == 200
