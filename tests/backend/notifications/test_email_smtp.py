"""Notification e-mails through Django's SMTP backend to a real SMTP server the test starts (aiosmtpd), as in
production: the message arrives from DEFAULT_FROM_EMAIL with the notice's title and text; an address the server
refuses (5xx) fails the delivery at once with the server's code; a server that cannot be reached is retried."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

import factories as f
from notifications import deliveries, services
from notifications.models import Delivery

pytestmark = pytest.mark.django_db

REFUSED = "nobody@example.org"


class Recorder:
    def __init__(self):
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == REFUSED:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "noreply@volunteer.example.org"
    settings.NOTIFICATION_CHANNELS = ["notifications.channels.InAppChannel", "notifications.channels.EmailChannel"]
    yield recorder
    controller.stop()


def _notify(user, key):
    return services.notification_send(
        recipients=[user], kind="plan_published", event_key=key, title="12月7日的排班已发布", body="请查看您的岗位。"
    )


def test_a_notice_reaches_the_mail_server_from_the_platform_s_sender(smtp, eager, django_capture_on_commit_callbacks):
    # given a person with an address
    person = f.UserFactory(email="wang.fang@example.org", phone="")
    # when a notice is sent to them
    with django_capture_on_commit_callbacks(execute=True):
        _notify(person, "event:smtp-1")
    # then the server took one message for them, with the notice's title and text
    (envelope,) = smtp.messages
    assert (envelope.mail_from, envelope.rcpt_tos) == ("noreply@volunteer.example.org", ["wang.fang@example.org"])
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert (message["Subject"], message["To"]) == ("12月7日的排班已发布", "wang.fang@example.org")
    assert message.get_content().strip() == "请查看您的岗位。"
    delivery = Delivery.objects.get(channel="email")
    assert (delivery.status, delivery.attempts) == ("sent", 1)


def test_an_address_the_server_refuses_fails_at_once_with_its_code(smtp, eager, django_capture_on_commit_callbacks):
    # given a person whose address the server says does not exist
    person = f.UserFactory(email=REFUSED, phone="")
    # when a notice is sent to them
    with django_capture_on_commit_callbacks(execute=True):
        _notify(person, "event:smtp-2")
    # then the delivery failed for good at the first attempt, with the server's code, and nothing was sent
    delivery = Delivery.objects.get(channel="email")
    assert (delivery.status, delivery.attempts, delivery.reason.split(":")[0]) == ("failed", 1, "smtp_550")
    assert smtp.messages == []


def test_a_mail_server_that_cannot_be_reached_is_tried_again_later(settings, django_capture_on_commit_callbacks):
    # given a mail server that is not there
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()
    settings.NOTIFICATION_CHANNELS = ["notifications.channels.InAppChannel", "notifications.channels.EmailChannel"]
    person = f.UserFactory(email="wang.fang@example.org", phone="")
    with django_capture_on_commit_callbacks(execute=False):
        _notify(person, "event:smtp-3")
    delivery = Delivery.objects.get(channel="email")
    # when its task runs
    outcome = deliveries.delivery_send(delivery_id=delivery.pk)
    # then it waits for another attempt, saying why
    delivery.refresh_from_db()
    assert outcome.status == "queued" and outcome.retry_in
    assert (delivery.status, delivery.attempts, delivery.reason) == ("queued", 1, "ConnectionRefusedError")
