"""An export job written by a real Celery worker process from the configured broker (Redis in CI, the
filesystem broker otherwise): nothing here is eager."""

import os

from django.conf import settings

from factories import ExportJobFactory
from reports.tasks import run_export_task


def test_a_worker_writes_the_export_and_the_job_ends_done(
    world, record, start_celery_worker, monkeypatch, media, files
):
    # given V1's record, an export job of A1's coordinator, and a worker writing under this test's MEDIA_ROOT
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    record()
    job = ExportJobFactory(created_by=world.users["community"], language="en")
    monkeypatch.setenv("MEDIA_ROOT", str(media))
    queue = f"reports-test-{os.getpid()}"
    start_celery_worker(queue)

    # when the task goes through the broker to the worker
    result = run_export_task.apply_async((job.pk,), queue=queue).get(timeout=90)

    # then the job is done at 100 % and its file reads back
    job.refresh_from_db()
    assert (result, job.status, job.progress, job.rows_done, job.rows_total) == ("done", "done", 100, 1, 1)
    table = files.csv((media / job.file).read_bytes())
    assert table[0][:2] == ["Volunteer number", "Volunteer"]
    assert [row[0] for row in table[1:]] == [world.v1.number]
