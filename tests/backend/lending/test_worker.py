"""A withdrawal through the API is backfilled by a real Celery worker process on the configured broker, under the
task's registered name; the worker listens on a queue of its own."""

import os
import time

import pytest

from lending import services
from lending.models import ResourceWithdrawal
from lending.tasks import resource_backfill_task
from planning.models import ResourceBooking

from ..volunteering.volunteering_world import SATURDAY

QUEUE = f"lending-test-{os.getpid()}"


@pytest.fixture
def worker(start_celery_worker, monkeypatch):
    monkeypatch.setattr(
        services,
        "_enqueue_backfill",
        lambda withdrawal_id: resource_backfill_task.apply_async((withdrawal_id,), queue=QUEUE),
    )
    return start_celery_worker(QUEUE)


def test_a_worker_process_backfills_a_withdrawal(world, client_as, plan, worker):
    # when U1 withdraws its hall through the API
    response = client_as("unit").post(
        f"/api/unit/resources/{plan['hall'].pk}/withdraw/", {"date": SATURDAY.isoformat(), "reason": "检修"}
    )
    assert response.status_code == 201
    # then the worker books the near room in its place
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not ResourceWithdrawal.objects.filter(backfilled_at__isnull=False).exists():
        time.sleep(0.3)
    assert ResourceWithdrawal.objects.get().backfilled_at is not None, worker.read_text()[-3000:]
    assert ResourceBooking.objects.get(pk=plan["booking"].pk).resource_id == plan["near"].pk
