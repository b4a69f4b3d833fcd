"""Delivery channels of notifications. The row itself is the in-app message; other channels (email now, SMS or
WeChat later) subclass `Channel` and are listed, as import paths, in the NOTIFICATION_CHANNELS setting."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)

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
    """Django's email backend (console in the demo, locmem in tests, SMTP in production)."""

    name = "email"

    def send(self, notification) -> bool:
        address = notification.recipient.email
        if not address:
            return False
        send_mail(
            subject=notification.title, message=notification.body, from_email=None, recipient_list=[address],
            fail_silently=False,
        )
        return True


def configured_channels() -> list[Channel]:
    paths = getattr(settings, "NOTIFICATION_CHANNELS", DEFAULT_CHANNELS)
    return [import_string(path)() for path in paths]
