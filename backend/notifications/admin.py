"""Admin of notifications and their deliveries: read-only, for support (what was sent to whom, by which channel,
with what outcome, and when it was read). A delivery's number is shown masked and its parameters (a code) never."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import ReadOnlyAdmin
from core.masking import mask_phone
from notifications.models import Delivery, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["id", "recipient", "kind", "title", "event_key", "created_at", "read_at"]
    list_filter = ["kind", "created_at"]
    search_fields = ["event_key", "recipient__username", "title"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient"]
    readonly_fields = ["recipient", "kind", "title", "body", "payload", "event_key", "batch", "created_at", "read_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = [
        "id",
        "channel",
        "status",
        "event_key",
        "recipient",
        "masked_phone",
        "attempts",
        "reason",
        "created_at",
        "finished_at",
    ]
    list_filter = ["channel", "status", "urgent", "created_at"]
    search_fields = ["event_key", "recipient__username", "provider_id"]
    list_select_related = ["recipient"]
    fields = [
        "channel",
        "status",
        "reason",
        "event_key",
        "notification",
        "recipient",
        "masked_phone",
        "template",
        "urgent",
        "attempts",
        "provider_id",
        "created_at",
        "not_before",
        "claimed_at",
        "finished_at",
        "updated_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("phone"))
    def masked_phone(self, delivery: Delivery) -> str:
        return mask_phone(delivery.phone or (delivery.recipient.phone if delivery.recipient_id else ""))
