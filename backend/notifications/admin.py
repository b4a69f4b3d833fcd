"""Admin of notifications: read-only, for support (what was sent to whom, and when it was read)."""
from django.contrib import admin

from notifications.models import Notification


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
