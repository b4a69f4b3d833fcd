"""A run started through the API is taken by a real Celery worker process from the configured broker (Redis
when REDIS_URL is set, the filesystem broker otherwise) and polled through the status endpoint until done.

Both pools: solo (as in the other worker test) and prefork (as `make demo` runs it), whose daemonic children
the optimizer must still be able to fork from. The worker listens on a queue of its own, so that workers of
other test sessions sharing the broker cannot take this run (they would not find it in their database)."""

import datetime as dt
import os
import time

import pytest
from django.conf import settings

import factories as f
from planning import services
from planning.models import Assignment
from planning.tasks import run_matching_task

from .conftest import SATURDAY

QUEUE = f"planning-test-{os.getpid()}"


@pytest.fixture(params=["solo", "prefork"])
def worker(request, start_celery_worker, monkeypatch):
    monkeypatch.setattr(services, "_enqueue", lambda run_id: run_matching_task.apply_async((run_id,), queue=QUEUE))
    return start_celery_worker(QUEUE, pool=request.param)


def test_a_worker_process_runs_a_run_started_through_the_api(world, client_as, worker):
    # given a real broker, a volunteer free on Saturday morning and a Saturday shift of A1
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    assert settings.CELERY_BROKER_URL.startswith("redis" if os.environ.get("REDIS_URL") else "filesystem")
    f.WeeklyAvailabilityFactory(volunteer=world.v1, weekday=6, start_time=dt.time(9), end_time=dt.time(12))
    shift = f.ShiftFactory(
        community=world.a1,
        seats=1,
        required_skills={"legal_advice": 1},
        start=f.at(SATURDAY, 9),
        end=f.at(SATURDAY, 11),
    )
    client = client_as("community")
    # when the coordinator starts a run and polls its status
    response = client.post(
        "/api/planning/runs/", {"week": "2026-11-30", "community": world.a1.pk, "time_limit": 5}, format="json"
    )
    assert response.status_code == 202
    run_id, seen = response.json()["id"], []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        run = client.get(f"/api/planning/runs/{run_id}/").json()
        seen.append(run["status"])
        if run["status"] in ("done", "failed", "cancelled"):
            break
        time.sleep(0.3)
    # then the worker finished it and the plan is in the database this test reads
    assert run["status"] == "done", (run, worker.read_text()[-3000:])
    assert (run["progress"], run["attempts"]) == (100, 1)
    assert seen[0] in ("queued", "building", "solving", "saving", "done")
    assert list(Assignment.objects.filter(run_id=run_id).values_list("volunteer_id", "shift_id")) == [
        (world.v1.pk, shift.pk)
    ]
