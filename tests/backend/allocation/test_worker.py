"""A run started through the API is taken by a real Celery prefork worker (as `make demo` runs it) from the
configured broker and polled until done: the optimizer forks its child from the worker's daemonic process.
The worker listens on a queue of its own, so workers of other test sessions cannot take this run."""

import os
import time

import pytest

from allocation import services
from allocation.models import Proposal
from allocation.tasks import run_allocation_task

from .conftest import RUNS, YEAR

QUEUE = f"allocation-test-{os.getpid()}"


@pytest.fixture
def worker(start_celery_worker, monkeypatch):
    monkeypatch.setattr(services, "_enqueue", lambda run_id: run_allocation_task.apply_async((run_id,), queue=QUEUE))
    return start_celery_worker(QUEUE, pool="prefork")


def test_a_prefork_worker_runs_a_run_started_through_the_api(world, a1_posts, client_as, worker):
    client = client_as("community")
    response = client.post(RUNS, {"year": YEAR, "community": world.a1.pk, "time_limit": 5}, format="json")
    assert response.status_code == 202
    run_id, deadline = response.json()["id"], time.monotonic() + 120
    while time.monotonic() < deadline:
        run = client.get(f"{RUNS}{run_id}/").json()
        if run["status"] in ("done", "failed", "cancelled"):
            break
        time.sleep(0.3)
    # (the message is written in the worker's language, the default one: not asserted here)
    assert (run["status"], run["attempts"]) == ("done", 1), (run, worker.read_text()[-3000:])
    assert Proposal.objects.filter(run_id=run_id).count() == 3
