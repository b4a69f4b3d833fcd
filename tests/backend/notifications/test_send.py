"""notification_send: stored once per recipient and event, delivered by the configured channels (a task per
external send, run here in process), new rows only."""

import logging
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

import factories as f
from config.celery import app as celery_app
from notifications import channels, services
from notifications.models import Delivery, Notification

pytestmark = pytest.mark.django_db


def _send(recipients, key="event:1"):
    return services.notification_send(
        recipients=recipients, kind="plan_published", event_key=key, title="标题", body="正文", payload={"n": 1}
    )


def test_default_channels_are_in_app_sms_and_email():
    assert [type(c) for c in channels.configured_channels()] == [
        channels.InAppChannel,
        channels.SmsChannel,
        channels.EmailChannel,
    ]


def test_send_twice_stores_and_emails_once_per_recipient(world, eager, django_capture_on_commit_callbacks):
    # given two users with an address and one without
    a = f.UserFactory(email="a@example.org")
    b = f.UserFactory(email="b@example.org")
    c = f.UserFactory(email="")
    # when the same event is sent twice, once with a repeated recipient
    with django_capture_on_commit_callbacks(execute=True):
        first = _send([a, b, c, a])
    with django_capture_on_commit_callbacks(execute=True):
        second = _send([a.pk, b, c])
    # then one row each, only the first call delivered, one email per address
    assert sorted(n.recipient_id for n in first) == sorted([a.pk, b.pk, c.pk])
    assert second == []
    assert Notification.objects.count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert {(m.subject, m.body) for m in mail.outbox} == {("标题", "正文")}


def test_a_new_recipient_of_an_old_event_is_the_only_one_delivered(world, eager, django_capture_on_commit_callbacks):
    a, b = f.UserFactory(email="a@example.org"), f.UserFactory(email="b@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        _send([a])
    with django_capture_on_commit_callbacks(execute=True):
        added = _send([a, b])
    assert [n.recipient_id for n in added] == [b.pk]
    assert [m.to for m in mail.outbox] == [["a@example.org"], ["b@example.org"]]


def test_email_skips_deactivated_accounts(world, eager, django_capture_on_commit_callbacks):
    gone = f.UserFactory(email="gone@example.org", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        _send([gone, f.UserFactory(email="a@example.org")])
    assert Notification.objects.count() == 2
    assert [m.to for m in mail.outbox] == [["a@example.org"]]


def test_delivery_waits_for_the_commit(world, eager, django_capture_on_commit_callbacks):
    a = f.UserFactory(email="a@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _send([a])
    assert mail.outbox == [] and callbacks
    assert sorted(Delivery.objects.values_list("channel", "status")) == [("email", "queued"), ("sms", "queued")]


def test_channels_come_from_the_setting(world, settings, eager, django_capture_on_commit_callbacks):
    settings.NOTIFICATION_CHANNELS = ["notifications.channels.InAppChannel"]
    with django_capture_on_commit_callbacks(execute=True):
        _send([f.UserFactory(email="a@example.org")])
    assert Notification.objects.count() == 1
    assert mail.outbox == []


class Broken(channels.Channel):
    name = "broken"

    def address(self, user):
        return "somewhere"

    def send(self, delivery):
        raise RuntimeError("gateway down")


def test_a_failing_channel_is_retried_logged_and_the_others_still_deliver(
    world, settings, eager, caplog, django_capture_on_commit_callbacks
):
    # given a channel that always fails, three attempts in all, and Celery retrying in process at once
    celery_app.conf.task_eager_propagates = False  # an eager retry propagated would end the task (eager restores it)
    settings.NOTIFICATION_CHANNELS = [f"{__name__}.Broken", "notifications.channels.EmailChannel"]
    settings.DELIVERY_MAX_ATTEMPTS = 3
    a, b = f.UserFactory(email="a@example.org"), f.UserFactory(email="b@example.org")
    # when both are notified
    with django_capture_on_commit_callbacks(execute=True):
        created = _send([a, b])
    # then the emails went, and each broken send was tried three times and failed with its reason
    assert len(mail.outbox) == 2
    rows = Delivery.objects.filter(channel="broken").order_by("notification_id")
    assert [(d.notification_id, d.status, d.attempts, d.reason) for d in rows] == [
        (n.pk, "failed", 3, "RuntimeError") for n in created
    ]
    warnings = [
        r.getMessage() for r in caplog.records if r.name == "notifications.deliveries" and r.levelno == logging.WARNING
    ]
    assert warnings == [
        f"delivery {d.pk} (broken) attempt {n} of 3 failed: RuntimeError" for d in rows for n in (1, 2, 3)
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="SQLite serialises writers; the sequential test covers a repeated send",
)
def test_two_sends_of_one_event_at_once_deliver_once(world, eager):
    # given two recipients, and two deliveries of the same event racing (a task redelivered while running)
    users = [f.UserFactory(email="a@example.org"), f.UserFactory(email="b@example.org")]
    barrier, created = threading.Barrier(2), []

    def send():
        try:
            barrier.wait(timeout=10)
            created.append(len(_send(users)))
        finally:
            connection.close()

    # when both send at the same moment
    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # then each recipient has one notification and one email
    assert sum(created) == 2
    assert Notification.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
