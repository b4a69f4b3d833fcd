"""The notice of a published plan: each volunteer told their shifts once (however often the task runs), by
every channel that reaches them, in Chinese, with no phone numbers in the message or the logs."""

import json
import logging

import pytest
from django.core import mail

import factories as f
from config.celery import app as celery_app
from notifications.models import Delivery, Notification
from notifications.tasks import notify_publication_task

from .conftest import make_done_run

pytestmark = pytest.mark.django_db

PHONES = ("13912345678", "13655556666")


def test_the_task_run_twice_notifies_each_volunteer_once(world, plan, eager, django_capture_on_commit_callbacks):
    # given a published plan of three volunteers, two with an email address
    run = plan["run"]
    # when the notice task runs twice (a redelivery)
    with django_capture_on_commit_callbacks(execute=True):
        first = notify_publication_task(run.pk)
    with django_capture_on_commit_callbacks(execute=True):
        second = notify_publication_task(run.pk)
    # then one notification per volunteer, and one email to each address
    assert first == {"run": run.pk, "volunteers": 3, "notified": 3}
    assert second == {"run": run.pk, "volunteers": 3, "notified": 0}
    recipients = sorted(Notification.objects.values_list("recipient_id", flat=True))
    assert recipients == sorted([world.v1.user_id, plan["v3"].user_id, plan["v5"].user_id])
    assert set(Notification.objects.values_list("kind", "event_key")) == {
        ("plan_published", f"plan_published:run:{run.pk}")
    }
    assert sorted(message.to[0] for message in mail.outbox) == ["v1@example.org", "v3@example.org"]


def test_the_message_tells_place_time_post_and_duties_in_chinese(
    world, plan, eager, django_capture_on_commit_callbacks
):
    # given the published plan
    with django_capture_on_commit_callbacks(execute=True):
        notify_publication_task(plan["run"].pk)
    # when V1's notification is read
    notice = Notification.objects.get(recipient=world.v1.user)
    # then
    assert notice.title == "秦江社区 11月30日–12月6日 的排班已发布"
    assert notice.body == (
        "您好！秦江社区 11月30日–12月6日 的排班已发布，您有 2 个班次：\n"
        "\n"
        "1. 12月5日（周六） 09:00–11:00 周末巡逻\n"
        "   地点：秦江社区，秦岭路1号\n"
        "   岗位：治安巡逻岗\n"
        "   职责：巡查楼院安全隐患\n"
        "2. 12月6日（周日） 14:00–16:30 法律咨询\n"
        "   地点：秦江社区\n"
        "   岗位：法律咨询\n"
        "\n"
        "请按时到岗。如不能参加，请在“我的岗位”中尽早说明原因。"
    )
    assert notice.payload["run"] == plan["run"].pk and notice.payload["week"] == "2026-11-30"
    assert [(s["shift"], s["place"], s["post"], s["duties"]) for s in notice.payload["shifts"]] == [
        (plan["patrol"].pk, "秦江社区，秦岭路1号", "治安巡逻岗", "巡查楼院安全隐患"),
        (plan["legal"].pk, "秦江社区", "法律咨询", ""),
    ]
    # and the email says the same
    email = next(message for message in mail.outbox if message.to == ["v1@example.org"])
    assert (email.subject, email.body) == (notice.title, notice.body)


def test_no_phone_number_or_other_persons_data_in_messages_or_logs(
    world, plan, eager, django_capture_on_commit_callbacks, caplog
):
    # given volunteers whose accounts carry phone numbers (texted by the console provider, which logs)
    caplog.set_level(logging.DEBUG)
    # when the notice is sent
    with django_capture_on_commit_callbacks(execute=True):
        notify_publication_task(plan["run"].pk)
    # then no phone number, name, volunteer number or address appears in a notification, an email or the log
    secrets = [
        *PHONES,
        world.v1.name,
        world.v1.number,
        plan["v3"].name,
        plan["v3"].number,
        "v1@example.org",
        "v3@example.org",
    ]
    texts = [caplog.text]
    for notice in Notification.objects.all():
        texts += [notice.title, notice.body, json.dumps(notice.payload, ensure_ascii=False)]
    texts += [message.subject + message.body for message in mail.outbox]
    for text in texts:
        for secret in secrets:
            assert secret not in text
    # and the texts were sent, each logged with the number masked
    assert Delivery.objects.filter(channel="sms", status="sent").count() == 3
    assert "136****6666" in caplog.text


def test_publishing_through_the_api_notifies_the_plans_volunteers(
    world, client_as, eager, django_capture_on_commit_callbacks
):
    # given a done run with V1 on a shift
    run = make_done_run(world.a1)
    shift = f.ShiftFactory(community=world.a1, title="巡逻")
    run.assignments.create(shift=shift, volunteer=world.v1)
    world.v1.user.email = "v1@example.org"
    world.v1.user.save()
    saved = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        # when the coordinator publishes it and the queued task runs in process
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = client_as("community").post(f"/api/planning/runs/{run.pk}/publish/")
    finally:
        celery_app.conf.task_always_eager = saved
    # then V1 has one notification and one email
    assert response.status_code == 200
    assert len(callbacks) >= 1
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [world.v1.user_id]
    assert [message.to for message in mail.outbox] == [["v1@example.org"]]
    # and V1 finds it in the inbox
    inbox = client_as("volunteer").get("/api/notifications/").json()
    assert [row["kind"] for row in inbox["results"]] == ["plan_published"]


def test_an_unpublished_run_notifies_nobody(world, django_capture_on_commit_callbacks):
    run = make_done_run(world.a1)
    run.assignments.create(shift=f.ShiftFactory(community=world.a1), volunteer=world.v1)
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_publication_task(run.pk) == {"run": run.pk, "volunteers": 0, "notified": 0}
    assert notify_publication_task(999999) == {"run": 999999, "volunteers": 0, "notified": 0}
    assert not Notification.objects.exists()
    assert mail.outbox == []
