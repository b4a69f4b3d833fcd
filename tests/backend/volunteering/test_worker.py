"""A decline through the API is backfilled by a real Celery worker process (prefork, as `make demo` runs it)
on the configured broker; the worker listens on a queue of its own."""

import os
import time

import pytest

import factories as f
from planning.models import Assignment
from volunteering import services
from volunteering.models import Backfill
from volunteering.tasks import backfill_task

from .volunteering_world import SATURDAY

QUEUE = f"volunteering-test-{os.getpid()}"


@pytest.fixture
def worker(start_celery_worker, monkeypatch):
    monkeypatch.setattr(
        services, "_enqueue_backfill", lambda assignment_id: backfill_task.apply_async((assignment_id,), queue=QUEUE)
    )
    return start_celery_worker(QUEUE, pool="prefork")


def test_a_worker_process_backfills_a_decline(world, client_as, plan, worker):
    # given 李四 free on Saturday morning besides the two on the patrol
    for volunteer in (world.v1, plan["colleague"]):
        f.WeeklyAvailabilityFactory(volunteer=volunteer, weekday=SATURDAY.isoweekday())
    lisi = f.VolunteerFactory(home_community=world.a1, name="李四")
    f.WeeklyAvailabilityFactory(volunteer=lisi, weekday=SATURDAY.isoweekday())
    # when V1 declines through the API
    response = client_as("volunteer").post(f"/api/me/posts/{plan['mine'].pk}/decline/", {"reason": "出差"})
    assert response.status_code == 200
    # then the worker writes the backfill
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not Backfill.objects.exists():
        time.sleep(0.3)
    backfill = Backfill.objects.filter(declined=plan["mine"]).first()
    assert backfill is not None, worker.read_text()[-3000:]
    new = Assignment.objects.get(run=plan["run"], volunteer=lisi)
    assert backfill.new_assignments == [new.pk]
