"""A worker killed while the provider has the SMS: the broker gives the task back (acks late, reject on worker
lost) and the new delivery finds the row claimed, so the text is not sent twice; the sweeper later marks the
row `unknown`. A real prefork worker, the real Alibaba Cloud adapter, a local server that holds the request."""

import datetime as dt
import os
import signal
import threading
import time

import psutil
import pytest

from notifications import deliveries
from notifications.models import Delivery
from notifications.sms import queue_sms
from notifications.tasks import deliver_task

from .fake_sms import Answer, FakeProvider

QUEUE = f"sms-kill-{os.getpid()}"


def _wait(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"timed out after {seconds} s waiting for {what}"
        time.sleep(0.2)


@pytest.fixture
def provider(monkeypatch):
    """The fake Alibaba Cloud API, holding every request until the test releases it; the worker's settings."""
    fake, release = FakeProvider(), threading.Event()
    fake.answer(Answer(hold=release, body={"Code": "OK", "Message": "OK", "BizId": "late-biz"}))
    for name, value in {
        "SMS_PROVIDER": "aliyun",
        "SMS_ALIYUN_ENDPOINT": fake.url,
        "SMS_ALIYUN_ACCESS_KEY_ID": "LTAI5tTestKeyId",
        "SMS_ALIYUN_ACCESS_KEY_SECRET": "test-secret",
        "SMS_SIGN_NAME": "中原区志愿服务",
        "SMS_TEMPLATE_LOGIN_CODE": "SMS_123456789",
        "SMS_TIMEOUT_SECONDS": "120",
        "SMS_QUIET_START": "0",
        "SMS_QUIET_END": "0",
    }.items():
        monkeypatch.setenv(name, value)
    yield fake, release
    release.set()
    fake.close()


def test_a_worker_killed_during_the_send_does_not_send_twice(world, provider, monkeypatch, start_celery_worker):
    fake, release = provider
    # given a real prefork worker on a queue of its own
    monkeypatch.setattr(
        deliveries, "_enqueue", lambda ids: [deliver_task.apply_async((pk,), queue=QUEUE) for pk in ids]
    )
    log = start_celery_worker(QUEUE, pool="prefork")
    worker = psutil.Process(start_celery_worker.processes[-1].pid)
    _wait(lambda: worker.children(), 60, "the worker's pool")
    # when a login code is queued and the worker's pool process is killed while the provider holds the request
    delivery = queue_sms("13900000001", "login_code", {"code": "482913", "minutes": 5}, "login_code:77")
    fake.wait_for_requests(1, timeout=120)
    assert Delivery.objects.get(pk=delivery.pk).status == "sending"
    for child in worker.children():
        child.send_signal(signal.SIGKILL)
    # then the task comes back, finds the row claimed and sends nothing
    _wait(lambda: "'taken'" in log.read_text(), 120, f"the redelivered task (worker log {log})")
    release.set()
    assert len(fake.requests) == 1, log.read_text()[-3000:]
    row = Delivery.objects.get(pk=delivery.pk)
    assert (row.status, row.attempts) == ("sending", 1)
    # and once the send time-out has passed the sweeper marks it unknown, keeping no code
    later = row.claimed_at + dt.timedelta(minutes=11)
    assert deliveries.deliveries_sweep(now=later) == {"queued": 0, "unknown": 1}
    row.refresh_from_db()
    assert (row.status, row.params) == ("unknown", {})
    assert len(fake.requests) == 1
