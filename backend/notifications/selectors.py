"""Reads of notifications: a caller sees their own and nobody else's, and their choice of channels."""

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from notifications.models import ChannelPreference, Notification


def notification_list(*, user: User, unread: bool | None = None) -> QuerySet[Notification]:
    rows = Notification.objects.filter(recipient_id=user.pk)
    if unread is not None:
        rows = rows.filter(read_at__isnull=unread)
    return rows.order_by("-created_at", "-id")


def notification_get(*, user: User, notification_id: int) -> Notification:
    """The caller's notification, or 404 (someone else's does not exist for them)."""
    notification = notification_list(user=user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404("No such notification.")
    return notification


def channel_preference_get(*, user: User) -> dict:
    """The caller's channels: the inbox always; SMS and e-mail as chosen (on without a choice), and whether
    there is a phone number or an address for them to reach."""
    preference = ChannelPreference.objects.filter(user_id=user.pk).first() or ChannelPreference(user=user)
    return {
        "in_app": True,
        "sms": preference.sms,
        "email": preference.email,
        "sms_reachable": bool(user.phone),
        "email_reachable": bool(user.email),
    }
