"""Reads of notifications: a caller sees their own and nobody else's, their choice of channels, and who hears of
an event about a community's work or a unit's resource."""

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


def coordinators_responsible(*, owner_id: int | None, community_id: int) -> list[int]:
    """Who hears of a change to a coordinator's work: its owner (a run's creator, a need's 首问 owner) while their
    account is active, else the active coordinators of its community."""
    if owner_id is not None and User.objects.filter(pk=owner_id, is_active=True).exists():
        return [owner_id]
    return community_coordinators(community_id=community_id)


def community_coordinators(*, community_id: int) -> list[int]:
    """The active coordinators of a community."""
    return list(
        User.objects.filter(role=User.Role.COMMUNITY, community_id=community_id, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def unit_representatives(*, unit_id: int) -> list[int]:
    """The active representatives of a unit: who hears of its resources' bookings."""
    return list(
        User.objects.filter(role=User.Role.UNIT, unit_id=unit_id, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
