"""Delivery channels of notifications. The row itself is the in-app message; other channels (email now, SMS or
WeChat later) subclass `Channel` and are listed, as import paths, in the NOTIFICATION_CHANNELS setting.

A channel gets each new notification once, after its row is committed; an exception is logged by the sender
and does not stop the other channels or recipients (there is no automatic retry of a failed delivery).
"""
from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

DEFAULT_CHANNELS = ["notifications.channels.InAppChannel", "notifications.channels.EmailChannel"]


class Channel:
    """Delivers one stored notification; returns whether it did (False: nothing to send to)."""

    name = "channel"

    def send(self, notification) -> bool:
        raise NotImplementedError


class InAppChannel(Channel):
    """The stored row is what the inbox API lists: nothing more to do."""

    name = "in_app"

    def send(self, notification) -> bool:
        return True


class EmailChannel(Channel):
    """Django's email backend (console in the demo, locmem in tests, SMTP in production). Users without an
    address, and deactivated accounts, are skipped: the in-app row remains."""

    name = "email"

    def send(self, notification) -> bool:
        recipient = notification.recipient
        if not recipient.email or not recipient.is_active:
            return False
        address = recipient.email
        send_mail(
            subject=notification.title, message=notification.body, from_email=None, recipient_list=[address],
            fail_silently=False,
        )
        return True


def configured_channels() -> list[Channel]:
    paths = getattr(settings, "NOTIFICATION_CHANNELS", DEFAULT_CHANNELS)
    return [import_string(path)() for path in paths]
