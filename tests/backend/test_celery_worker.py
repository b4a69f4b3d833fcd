"""A real Celery worker process takes a task from the configured broker (Redis in CI, the filesystem
broker otherwise) and writes to the same database; nothing here is eager."""

import datetime as dt
import os

from django.conf import settings

import factories as f
from shifts.models import Shift
from shifts.tasks import shift_generate_week_task


def test_worker_runs_the_generation_task_from_the_broker(world, start_celery_worker):
    # given a post and the broker the settings name
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    expected = "redis" if os.environ.get("REDIS_URL") else "filesystem"
    assert settings.CELERY_BROKER_URL.startswith(expected)
    f.PostFactory(community=world.a1, weekdays=[6, 7])
    queue = f"shifts-test-{os.getpid()}"
    start_celery_worker(queue)
    # when the task is queued and the worker process takes it
    result = shift_generate_week_task.apply_async(("2026-12-01",), queue=queue).get(timeout=90)
    # then the worker wrote to the database this test reads
    assert result == {"week": "2026-11-30", "created": 2, "existing": 0}
    assert Shift.objects.filter(week=dt.date(2026, 11, 30)).count() == 2
