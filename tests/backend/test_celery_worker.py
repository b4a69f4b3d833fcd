"""A real Celery worker process takes a task from the configured broker (Redis in CI, the filesystem
broker otherwise) and writes to the same database; nothing here is eager."""
import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

import factories as f
from shifts.models import Shift
from shifts.tasks import shift_generate_week_task

BACKEND = Path(__file__).resolve().parents[2] / "backend"


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(transactional_db, tmp_path):
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    log = tmp_path / "worker.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "--loglevel", "INFO",
         "--without-heartbeat", "--without-gossip", "--without-mingle", "-n", f"test-{os.getpid()}@%h"],
        cwd=BACKEND, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def test_worker_runs_the_generation_task_from_the_broker(world, worker):
    # given a post and the broker the settings name
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    expected = "redis" if os.environ.get("REDIS_URL") else "filesystem"
    assert settings.CELERY_BROKER_URL.startswith(expected)
    f.PostFactory(community=world.a1, weekdays=[6, 7])
    # when the task is queued and the worker process takes it
    result = shift_generate_week_task.delay("2026-12-01").get(timeout=90)
    # then the worker wrote to the database this test reads
    assert result == {"week": "2026-11-30", "created": 2, "existing": 0}
    assert Shift.objects.filter(week=dt.date(2026, 11, 30)).count() == 2
