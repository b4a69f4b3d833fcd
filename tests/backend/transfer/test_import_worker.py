"""Import runs written by a real worker process from the broker: confirmed, written, done; and a worker killed in
the middle of one: the task comes back, takes the run over once its heartbeat has stopped, resumes after the last
chunk written and finishes, with nobody written twice."""

import os
import signal
import time

import psutil

from accounts.models import Invitation, User
from people.models import Volunteer
from transfer import services
from transfer.models import ImportRun

QUEUE = f"import-test-{os.getpid()}"
HEADER = ["name", "kind", "phone", "home_community"]


def _wait(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def _start(monkeypatch, settings, start_celery_worker, pool="solo"):
    # The import, its invitations and their SMS all go to this test's own queue, which its worker drains: queued
    # from here (settings) and from the worker (its environment).
    settings.IMPORT_QUEUE = QUEUE
    monkeypatch.setenv("IMPORT_QUEUE", QUEUE)
    monkeypatch.setenv("DELIVERY_QUEUE", QUEUE)
    log = start_celery_worker(QUEUE, pool=pool)
    return log, start_celery_worker.processes[-1]


def _confirmed_run(world, csv_upload, rows: int) -> ImportRun:
    sheet = [HEADER] + [[f"人{i}", "resident", f"138{i:08d}", "C1"] for i in range(rows)]
    run = services.import_run_create(user=world.coordinator, upload=csv_upload(*sheet), kind="volunteers")
    return services.import_run_confirm(run=run, user=world.coordinator)  # queued once it commits: at once here


def _ended(run_id: int) -> bool:
    return ImportRun.objects.filter(pk=run_id, status__in=ImportRun.ENDED).exists()


def test_a_confirmed_import_is_written_by_the_worker(world, csv_upload, monkeypatch, settings, start_celery_worker):
    # given a worker, and a checked import of three rows
    log, _worker = _start(monkeypatch, settings, start_celery_worker)
    # when it is confirmed
    run = _confirmed_run(world, csv_upload, 3)
    # then the worker writes it
    _wait(lambda: _ended(run.pk), 120, f"the import to end (worker log {log})")
    run.refresh_from_db()
    assert (run.status, run.progress, run.created, run.bad, run.attempts) == ("done", 100, 3, 0, 1), run.message
    assert sorted(Volunteer.objects.values_list("name", flat=True)) == ["人0", "人1", "人2"]
    # and then invites the three
    _wait(lambda: ImportRun.objects.filter(pk=run.pk, invited=3).exists(), 120, f"the invitations (log {log})")
    assert Invitation.objects.filter(user__volunteer__isnull=False).count() == 3


def test_an_import_whose_worker_is_killed_is_taken_over_and_finished(
    world, csv_upload, monkeypatch, settings, start_celery_worker
):
    # given a prefork worker, and an import of three chunks
    rows = 2 * services.IMPORT_CHUNK + 200
    log, worker = _start(monkeypatch, settings, start_celery_worker, pool="prefork")
    _wait(lambda: psutil.Process(worker.pid).children(), 60, "the worker's pool")
    run = _confirmed_run(world, csv_upload, rows)
    # when its pool process is killed once the first chunk is written
    _wait(lambda: ImportRun.objects.filter(pk=run.pk, rows_done__gt=0).exists(), 180, f"a chunk (log {log})")
    for child in psutil.Process(worker.pid).children():
        child.send_signal(signal.SIGKILL)
    # then the task comes back, waits out the silent heartbeat, takes the run over and finishes it
    _wait(lambda: _ended(run.pk), 300, f"the import to end (worker log {log})")
    run.refresh_from_db()
    assert (run.status, run.attempts, run.rows_done, run.created, run.bad) == ("done", 2, rows, rows, 0), (
        run.message,
        log.read_text()[-3000:],
    )
    assert "taken over from a worker that stopped" in log.read_text()
    # and every person is there once, with one account
    assert Volunteer.objects.count() == rows
    assert User.objects.filter(role=User.Role.VOLUNTEER).values("phone").distinct().count() == rows
