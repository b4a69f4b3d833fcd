"""An export job's life outside the happy path: a failure is recorded (and raised), a job another worker is
writing is left to it, jobs never sent are sent again by the sweeper, expired files are purged and answer 410."""
import datetime as dt

import pytest
from django.utils import timezone

from reports import services, writers
from reports.models import ExportJob
from reports.tasks import purge_expired_exports_task, resume_exports_task

URL = "/api/exports/"


@pytest.fixture
def job(world):
    return ExportJob.objects.create(kind="service_records", format="csv", requested_by=world.users["community"])


def test_a_failure_marks_the_job_failed_and_is_raised(job, monkeypatch):
    # given a writer that breaks
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(writers, "write_csv", broken)

    # when the task runs (in the default language, Chinese), then the error is raised (the worker logs it)
    with pytest.raises(OSError):
        services.export_job_run(job_id=job.pk)

    # and the job says it failed, in words for the requester
    job.refresh_from_db()
    assert (job.status, job.error, job.file) == ("failed", "导出文件生成失败，请重新申请导出。", "")

    # and in English for a job requested in English (the worker writes in the requester's language)
    job.language = "en"
    job.save()
    with pytest.raises(OSError):
        services.export_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.error, job.file) == ("failed", "The export could not be written; request it again.", "")
    assert job.finished_at is not None


def test_a_failed_job_is_written_again_by_a_second_run(job, monkeypatch):
    job.status, job.error = ExportJob.Status.FAILED, "The export could not be written; request it again."
    job.save()
    done = services.export_job_run(job_id=job.pk)
    assert (done.status, done.error, done.progress) == ("done", "", 100)


def test_a_job_another_worker_started_lately_is_left_to_it(job):
    # given a job running for an hour whose worker wrote its progress a minute ago
    job.status, job.started_at = ExportJob.Status.RUNNING, timezone.now() - dt.timedelta(hours=1)
    job.heartbeat_at = timezone.now() - dt.timedelta(minutes=1)
    job.save()

    # when a second delivery of the task runs
    again = services.export_job_run(job_id=job.pk)

    # then nothing is written
    assert (again.status, again.file) == ("running", "")


def test_a_job_whose_worker_was_lost_is_written_again(job):
    job.status, job.heartbeat_at = ExportJob.Status.RUNNING, timezone.now() - dt.timedelta(hours=1)
    job.save()
    assert services.export_job_run(job_id=job.pk).status == "done"


def test_the_sweeper_sends_jobs_never_sent_and_jobs_of_lost_workers(world, job, eager):
    # given a job queued an hour ago, one running but silent for an hour, and one just requested
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    lost = ExportJob.objects.create(kind="service_records", format="xlsx", requested_by=world.users["admin"],
                                    status="running", heartbeat_at=timezone.now() - dt.timedelta(hours=1))
    fresh = ExportJob.objects.create(kind="service_records", format="csv", requested_by=world.users["admin"])

    # when the sweeper runs (the tasks it sends run eagerly)
    sent = resume_exports_task()

    # then the two old ones were written, the fresh one waits for its own task
    assert sent == 2
    statuses = dict(ExportJob.objects.values_list("pk", "status"))
    assert statuses == {job.pk: "done", lost.pk: "done", fresh.pk: "queued"}


def test_expired_files_are_purged_and_their_download_answers_410(world, job, client_as, media):
    # given a written job past its expiry, and one still fresh
    services.export_job_run(job_id=job.pk)
    fresh = ExportJob.objects.create(kind="unit_ledgers", format="csv", requested_by=world.users["community"])
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
        "message": "The export has expired; request it again.", "extra": {"code": "expired", "fields": {}},
    }
    assert client_as("community").get(f"{URL}{fresh.pk}/download/").status_code == 200
