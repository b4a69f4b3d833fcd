"""Delivery channels of notifications. The row itself is the in-app message; the other channels (SMS, e-mail,
later WeChat) subclass `Channel` and are listed, as import paths, in the NOTIFICATION_CHANNELS setting.

An external channel never sends inside the request: each new notification gets a Delivery row per external
channel, and a Celery task sends it (notifications.deliveries: retries, quiet hours, opt-out, once per event).
"""

import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

from notifications.sms.base import SmsPermanentError, provider_get


class Channel:
    """Sends one Delivery row; returns the provider's message id ("" when it gives none). Raising
    notifications.sms.base.SmsPermanentError fails the row at once; any other exception is retried."""

    name = "channel"
    external = True  # False: nothing leaves the app (the stored row is the message)
    quiet_hours = False  # True: not sent at night unless urgent (settings.SMS_QUIET_START/END)

    def address(self, user) -> str:
        """Where this channel reaches the user ("" : nowhere, the delivery is skipped)."""
        return ""

    def send(self, delivery) -> str:
        raise NotImplementedError


class InAppChannel(Channel):
    """The stored row is what the inbox API lists: nothing more to do."""

    name = "in_app"
    external = False


class EmailChannel(Channel):
    """Django's email backend (console in the demo, locmem in tests, SMTP in production)."""

    name = "email"

    def address(self, user) -> str:
        return user.email or ""

    def send(self, delivery) -> str:
        notification = delivery.notification
        try:
            send_mail(
                subject=notification.title,
                message=notification.body,
                from_email=None,
                recipient_list=[delivery.recipient.email],
                fail_silently=False,
            )
        except smtplib.SMTPRecipientsRefused as exc:  # the server will never take this address
            codes = sorted({code for code, _message in exc.recipients.values()})
            raise SmsPermanentError(f"smtp_{codes[0] if codes else 'refused'}", "recipient refused") from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500:  # a permanent answer (5xx); 4xx and lost connections are retried
                raise SmsPermanentError(f"smtp_{exc.smtp_code}", "refused by the mail server") from None
            raise
        return ""


class SmsChannel(Channel):
    """The configured SMS provider (notifications.sms). A notice's text is its kind's template with the
    notification's title (the whole message stays in the app); a direct SMS carries its own template."""

    name = "sms"
    quiet_hours = True

    def address(self, user) -> str:
        return user.phone or ""

    def send(self, delivery) -> str:
        if delivery.notification_id:
            notification = delivery.notification
            phone, template, params = delivery.recipient.phone, notification.kind, {"title": notification.title}
        else:
            phone, template, params = delivery.phone, delivery.template, delivery.params
        try:
            return provider_get().send(phone, template, params).provider_id
        except ValueError as exc:  # a kind with no template, or parameters it does not take: no retry will help
            raise SmsPermanentError("template", str(exc)) from None


def configured_channels() -> list[Channel]:
    return [import_string(path)() for path in settings.NOTIFICATION_CHANNELS]


def channel_get(name: str) -> Channel | None:
    """The configured channel of that name; SMS always (direct texts need it whatever notices use)."""
    for channel in configured_channels():
        if channel.name == name:
            return channel
    return SmsChannel() if name == SmsChannel.name else None
