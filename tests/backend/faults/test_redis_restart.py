"""Redis goes down while a coordinator publishes: the publication is stored and answered 200 (never a 500),
and once Redis is back the sweeper on beat queues the notice again; a real worker delivers it, once."""

import datetime as dt
import logging
import os

import factories as f
from core.queue import send_or_log
from notifications.models import Notification
from notifications.tasks import notify_publication_task
from planning import services
from planning.models import Assignment, Publication

QUEUE = f"faults-redis-{os.getpid()}"


def _done_run(world):
    community = world.a1
    run = f.community_run(community, week=dt.date(2026, 11, 30), time_limit=5.0)
    shift = f.ShiftFactory(community=community, start=f.at(dt.date(2026, 12, 5), 9), end=f.at(dt.date(2026, 12, 5), 11))
    Assignment.objects.create(run=run, shift=shift, volunteer=world.v1)
    return run


def test_a_publish_while_redis_is_down_is_stored_and_announced_once_redis_is_back(
    world, client_as, redis_server, start_celery_worker, monkeypatch, caplog, wait
):
    # given a finished run, and a real worker listening on this test's queue
    monkeypatch.setattr(
        services,
        "_enqueue_publication_notice",
        lambda run_id: send_or_log(notify_publication_task, run_id, queue=QUEUE),
    )
    log = start_celery_worker(QUEUE)
    run = _done_run(world)
    # when Redis stops and the coordinator publishes
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="core.queue"):
        response = client_as("community").post(f"/api/planning/runs/{run.pk}/publish/")
    # then the publication is stored, the answer is a success, and the notice waits for its sweeper
    assert response.status_code == 200, response.content
    publication = Publication.objects.get(run=run)
    assert publication.notified_at is None
    assert "could not queue notifications.notify_publication" in caplog.text
    # when Redis is back and the sweeper runs
    redis_server.start()
    assert services.publication_resend_notices(older_than_minutes=0) == [run.pk]
    # then the worker tells the volunteer, once, and the publication is marked announced
    notices = Notification.objects.filter(recipient=world.v1.user, kind=Notification.Kind.PLAN_PUBLISHED)
    wait(lambda: notices.exists(), 90, f"the notice (worker log: {log})")
    publication.refresh_from_db()
    wait(lambda: Publication.objects.filter(pk=publication.pk, notified_at__isnull=False).exists(), 30, "notified_at")
    # and a second sweep finds nothing left to send
    assert services.publication_resend_notices(older_than_minutes=0) == []
    assert notices.count() == 1
