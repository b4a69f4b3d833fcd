"""Publishing through the API queues the notice after commit, and a real Celery worker process (Redis when
REDIS_URL is set, the filesystem broker otherwise) stores one notification per volunteer of the plan.

The worker listens on a queue of its own, so that workers of other test sessions sharing the broker cannot
take the task (they would not find the run in their database)."""

import os
import time

import pytest
from django.conf import settings

import factories as f
from notifications.models import Notification
from notifications.tasks import notify_publication_task
from planning import services as planning_services

from .conftest import make_done_run

QUEUE = f"notifications-test-{os.getpid()}"


@pytest.fixture
def worker(start_celery_worker, monkeypatch):
    monkeypatch.setattr(
        planning_services,
        "_enqueue_publication_notice",
        lambda run_id: notify_publication_task.apply_async((run_id,), queue=QUEUE),
    )
    return start_celery_worker(QUEUE, pool="solo")


def test_a_worker_notifies_the_volunteers_of_a_published_plan(world, client_as, worker):
    # given a done run of A1 with V1 and V3 in the plan
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    run = make_done_run(world.a1)
    v3 = f.VolunteerFactory(home_community=world.a1)
    shift = f.ShiftFactory(community=world.a1, title="巡逻")
    run.assignments.create(shift=shift, volunteer=world.v1)
    run.assignments.create(shift=shift, volunteer=v3)
    # when the coordinator publishes it (the request commits, then the task is queued)
    response = client_as("community").post(f"/api/planning/runs/{run.pk}/publish/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    # then the worker stores one notification for each of them
    deadline = time.monotonic() + 60
    while Notification.objects.count() < 2 and time.monotonic() < deadline:
        time.sleep(0.3)
    assert sorted(Notification.objects.values_list("recipient_id", flat=True)) == sorted(
        [world.v1.user_id, v3.user_id]
    ), worker.read_text()[-3000:]
    assert "notifications.notify_publication" in worker.read_text()
