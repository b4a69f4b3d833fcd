"""Deliveries: each external send of a notice is a row a task sends once, skipped for those who opted out or
cannot be reached, deferred out of quiet hours unless urgent, retried with back-off on a temporary error, failed
at once on a permanent one; direct SMS (codes, invitations) once per event; the sweeper's two jobs."""

import datetime as dt
import logging
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

import factories as f
from config.celery import app as celery_app
from notifications import deliveries, services
from notifications.models import ChannelPreference, Delivery
from notifications.sms import console, queue_sms
from notifications.sms.base import SmsPermanentError, SmsProvider, SmsResult, SmsTemporaryError

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def clock(monkeypatch):
    """clock(moment): timezone.now() answers that moment from then on."""

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


@pytest.fixture
def quiet_hours(settings):
    settings.SMS_QUIET_START, settings.SMS_QUIET_END = 22, 7


@pytest.fixture
def retrying_eagerly(eager):
    celery_app.conf.task_eager_propagates = False  # an eager retry runs again at once (eager restores it)


def _notify(users, kind="plan_published", key="event:1"):
    return services.notification_send(
        recipients=users, kind=kind, event_key=key, title="12月7日的排班已发布", body="正文"
    )


def _rows(channel):
    return list(
        Delivery.objects.filter(channel=channel)
        .order_by("recipient_id")
        .values_list("recipient_id", "status", "reason")
    )


def test_those_who_opted_out_or_cannot_be_reached_are_skipped_with_the_reason(
    world, eager, django_capture_on_commit_callbacks
):
    # given one person reachable both ways, one who turned SMS off, one without phone or address, one deactivated
    reachable = f.UserFactory(email="a@example.org", phone="13900000001")
    opted_out = f.UserFactory(email="b@example.org", phone="13900000002")
    ChannelPreference.objects.create(user=opted_out, sms=False)
    nowhere = f.UserFactory(email="", phone="")
    gone = f.UserFactory(email="d@example.org", phone="13900000004", is_active=False)
    sent_before = len(console.outbox)
    # when all four are notified
    with django_capture_on_commit_callbacks(execute=True):
        _notify([reachable, opted_out, nowhere, gone])
    # then each channel's row says what happened, and only the reachable were texted and mailed
    assert _rows("sms") == [
        (reachable.pk, "sent", ""),
        (opted_out.pk, "skipped", "opt_out"),
        (nowhere.pk, "skipped", "no_address"),
        (gone.pk, "skipped", "inactive"),
    ]
    assert _rows("email") == [
        (reachable.pk, "sent", ""),
        (opted_out.pk, "sent", ""),
        (nowhere.pk, "skipped", "no_address"),
        (gone.pk, "skipped", "inactive"),
    ]
    assert [m["phone"] for m in list(console.outbox)[sent_before:]] == ["13900000001"]
    assert [m["template"] for m in list(console.outbox)[sent_before:]] == ["plan_published"]
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_an_opt_out_after_queueing_is_honoured_at_send_time(world, django_capture_on_commit_callbacks):
    # given a notice queued (no worker yet), then the person turns SMS off
    person = f.UserFactory(phone="13900000001")
    with django_capture_on_commit_callbacks(execute=False):
        _notify([person])
    services.channel_preference_update(user=person, sms=False)
    sms = Delivery.objects.get(channel="sms")
    # when the task runs
    outcome = deliveries.delivery_send(delivery_id=sms.pk)
    # then nothing is sent
    assert outcome == deliveries.SendOutcome("skipped")
    sms.refresh_from_db()
    assert (sms.status, sms.reason, sms.attempts) == ("skipped", "opt_out", 0)


@pytest.mark.parametrize(
    "moment, until",
    [
        (at(7, 21, 59), None),
        (at(7, 22, 0), at(8, 7)),
        (at(7, 23, 30), at(8, 7)),
        (at(8, 3, 0), at(8, 7)),
        (at(8, 6, 59), at(8, 7)),
        (at(8, 7, 0), None),
    ],
)
def test_quiet_hours_end_at_seven_district_time(quiet_hours, moment, until):
    assert deliveries.quiet_until(moment) == until


def test_at_night_sms_waits_for_the_morning_unless_urgent_and_email_goes_at_once(
    world, eager, quiet_hours, clock, django_capture_on_commit_callbacks
):
    # given it is 23:30 in the district, and a person with a phone and an address
    clock(at(7, 23, 30))
    person = f.UserFactory(email="a@example.org", phone="13900000001")
    # when a publication notice (not urgent) and a backfill (urgent) are sent
    with django_capture_on_commit_callbacks(execute=True):
        _notify([person], kind="plan_published", key="event:1")
        _notify([person], kind="backfill", key="event:2")
    # then the e-mails and the urgent SMS went; the other SMS waits until 07:00
    rows = {(d.event_key, d.channel): d for d in Delivery.objects.all()}
    assert {key: d.status for key, d in rows.items()} == {
        ("event:1", "sms"): "queued",
        ("event:1", "email"): "sent",
        ("event:2", "sms"): "sent",
        ("event:2", "email"): "sent",
    }
    deferred = rows[("event:1", "sms")]
    assert (deferred.not_before, deferred.reason) == (at(8, 7), "quiet_hours")
    # and the sweeper leaves it at 06:59 and sends it from 07:00 on
    clock(at(8, 6, 59))
    assert deliveries.deliveries_sweep() == {"queued": 0, "unknown": 0}
    clock(at(8, 7, 0))
    assert deliveries.deliveries_sweep() == {"queued": 1, "unknown": 0}
    deferred.refresh_from_db()
    assert (deferred.status, deferred.attempts, deferred.params) == ("sent", 1, {})


def test_a_task_run_twice_sends_once(world, django_capture_on_commit_callbacks):
    # given a queued SMS
    with django_capture_on_commit_callbacks(execute=False):
        _notify([f.UserFactory(phone="13900000001")])
    sms = Delivery.objects.get(channel="sms")
    before = len(console.outbox)
    # when its task is delivered twice
    first = deliveries.delivery_send(delivery_id=sms.pk)
    second = deliveries.delivery_send(delivery_id=sms.pk)
    # then one text
    assert (first, second) == (deliveries.SendOutcome("sent"), deliveries.SendOutcome("sent"))
    assert len(console.outbox) == before + 1
    sms.refresh_from_db()
    assert (sms.status, sms.attempts, sms.provider_id) == ("sent", 1, console.outbox[-1]["provider_id"])


def test_a_row_another_worker_claimed_is_not_sent_again(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        _notify([f.UserFactory(phone="13900000001")])
    sms = Delivery.objects.get(channel="sms")
    Delivery.objects.filter(pk=sms.pk).update(status="sending", claimed_at=timezone.now(), attempts=1)
    before = len(console.outbox)
    assert deliveries.delivery_send(delivery_id=sms.pk) == deliveries.SendOutcome("taken")
    assert len(console.outbox) == before


class FlakyProvider(SmsProvider):
    """Throttled twice, then sends."""

    calls = 0

    def send(self, phone, template, params):
        type(self).calls += 1
        if self.calls <= 2:
            raise SmsTemporaryError("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控")
        return SmsResult(provider_id="biz-3")


class RefusingProvider(SmsProvider):
    def send(self, phone, template, params):
        raise SmsPermanentError("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号")


def test_a_temporary_error_is_retried_with_back_off_until_sent(
    world, settings, retrying_eagerly, monkeypatch, django_capture_on_commit_callbacks
):
    # given a provider throttled twice, and the retries' waits recorded
    settings.SMS_PROVIDER = f"{__name__}.FlakyProvider"
    settings.DELIVERY_RETRY_SECONDS = 30
    FlakyProvider.calls = 0
    waits = []
    monkeypatch.setattr(deliveries, "_backoff", lambda attempt: waits.append(30 * 2 ** (attempt - 1)) or waits[-1])
    # when a notice is sent
    with django_capture_on_commit_callbacks(execute=True):
        _notify([f.UserFactory(phone="13900000001")])
    # then the third attempt sent it, after waits of 30 and 60 s
    sms = Delivery.objects.get(channel="sms")
    assert (sms.status, sms.attempts, sms.provider_id, sms.reason) == ("sent", 3, "biz-3", "")
    assert waits == [30, 60]


def test_back_off_doubles_and_is_capped_at_an_hour(settings):
    settings.DELIVERY_RETRY_SECONDS = 60
    assert [deliveries._backoff(n) for n in (1, 2, 3, 4, 7, 8)] == [60, 120, 240, 480, 3600, 3600]


def test_a_permanent_error_fails_at_once_with_the_provider_s_code(
    world, settings, eager, django_capture_on_commit_callbacks
):
    settings.SMS_PROVIDER = f"{__name__}.RefusingProvider"
    with django_capture_on_commit_callbacks(execute=True):
        _notify([f.UserFactory(phone="13900000001")])
    sms = Delivery.objects.get(channel="sms")
    assert (sms.status, sms.attempts, sms.reason) == ("failed", 1, "isv.MOBILE_NUMBER_ILLEGAL: 非法手机号")


def test_a_direct_sms_is_queued_once_per_event_and_its_code_not_kept(world, eager, django_capture_on_commit_callbacks):
    # given a login code to send
    person = f.UserFactory(phone="13900000001")
    ChannelPreference.objects.create(user=person, sms=False)  # a code the person asked for is sent all the same
    before = len(console.outbox)
    # when it is queued twice with the same event key (a request repeated)
    with django_capture_on_commit_callbacks(execute=True):
        first = queue_sms(
            "13900000001", "login_code", {"code": "482913", "minutes": 5}, "login_code:1", recipient=person
        )
    with django_capture_on_commit_callbacks(execute=True):
        second = queue_sms("13900000001", "login_code", {"code": "482913", "minutes": 5}, "login_code:1")
    # then one text with the code went, and the row no longer holds the code
    assert first.pk == second.pk
    assert [(m["phone"], m["template"], m["params"]) for m in list(console.outbox)[before:]] == [
        ("13900000001", "login_code", {"code": "482913", "minutes": "5"})
    ]
    first.refresh_from_db()
    assert (first.status, first.channel, first.notification_id, first.recipient_id, first.params, first.urgent) == (
        "sent",
        "sms",
        None,
        person.pk,
        {},
        True,
    )


def test_a_direct_sms_that_is_not_urgent_waits_out_the_night(world, quiet_hours, clock):
    clock(at(7, 23, 0))
    delivery = queue_sms(
        "13900000001",
        "invitation",
        {"code": "K7PQ2M", "link": "https://example.org/i/K7PQ2M"},
        "invitation:9",
        urgent=False,
    )
    assert (delivery.status, delivery.not_before, delivery.reason) == ("queued", at(8, 7), "quiet_hours")


@pytest.mark.parametrize(
    "template, params, message",
    [
        ("hello", {}, "unknown SMS template 'hello'"),
        ("login_code", {"code": "1"}, r"SMS template 'login_code' takes \['code', 'minutes'\], got \['code'\]"),
    ],
)
def test_a_direct_sms_with_an_unknown_template_or_wrong_parameters_is_refused(world, template, params, message):
    with pytest.raises(ValueError, match=message):
        queue_sms("13900000001", template, params, "x:1")
    assert not Delivery.objects.exists()


def test_the_sweeper_marks_a_send_left_by_a_dead_worker_unknown_and_never_sends_it(world, settings, clock, caplog):
    # given two rows in `sending`: one claimed 11 minutes ago, one a minute ago
    settings.DELIVERY_SENDING_TIMEOUT_MINUTES = 10
    clock(at(7, 12, 0))
    old = queue_sms("13900000001", "login_code", {"code": "111111", "minutes": 5}, "login_code:1")
    new = queue_sms("13900000002", "login_code", {"code": "222222", "minutes": 5}, "login_code:2")
    Delivery.objects.filter(pk=old.pk).update(status="sending", claimed_at=at(7, 11, 49), attempts=1)
    Delivery.objects.filter(pk=new.pk).update(status="sending", claimed_at=at(7, 11, 59), attempts=1)
    before = len(console.outbox)
    # when the sweeper runs
    with caplog.at_level(logging.WARNING):
        assert deliveries.deliveries_sweep() == {"queued": 0, "unknown": 1}
    # then the old one is unknown, its code dropped, reported; nothing is sent again
    old.refresh_from_db()
    assert (old.status, old.params, old.reason.split(":")[0]) == ("unknown", {}, "worker_lost")
    assert Delivery.objects.get(pk=new.pk).status == "sending"
    assert len(console.outbox) == before
    assert f"delivery {old.pk} (sms): its worker stopped during the send; marked unknown, not sent again" in (
        caplog.messages
    )


def test_the_sweeper_queues_again_what_the_broker_never_took(world, eager, clock, django_capture_on_commit_callbacks):
    # given an SMS queued while the broker was down (its task never sent)
    clock(at(7, 12, 0))
    with django_capture_on_commit_callbacks(execute=False):
        _notify([f.UserFactory(phone="13900000001", email="")])
    sms = Delivery.objects.get(channel="sms")
    # when the sweeper runs: within half an hour it leaves the row, after it the row is sent
    clock(at(7, 12, 20))
    assert deliveries.deliveries_sweep()["queued"] == 0
    clock(at(7, 12, 31))
    assert deliveries.deliveries_sweep()["queued"] == 1
    sms.refresh_from_db()
    assert sms.status == "sent"


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "sent", "phone": "13900000001", "template": "login_code"},  # final without a finish time
        {"status": "queued", "phone": "", "template": "login_code"},  # a direct SMS without a number
        {"status": "queued", "phone": "13900000001", "template": ""},  # nor a template
    ],
)
def test_the_database_holds_a_delivery_s_invariants(world, fields):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(channel="sms", event_key="x:1", **fields)


def test_the_task_comes_back_after_the_back_off_the_service_chose(monkeypatch):
    from celery.exceptions import Retry

    from notifications.tasks import deliver_task

    # given the service answers "a temporary failure: again in 240 s", and Celery's retry recorded
    asked = []
    monkeypatch.setattr(deliveries, "delivery_send", lambda delivery_id: deliveries.SendOutcome("queued", 240.0))
    monkeypatch.setattr(deliver_task, "retry", lambda **options: asked.append(options) or Retry())
    # when the task runs, then it asks Celery to run it again in 240 s, with no limit of Celery's own
    with pytest.raises(Retry):
        deliver_task(7)
    assert asked == [{"countdown": 240.0, "max_retries": None}]
