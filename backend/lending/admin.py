"""Admin of the unit's side, read-mostly: withdrawals go through the API (which starts the backfill), and booking
changes are history."""

from django.contrib import admin

from lending.models import BookingChange, ResourceWithdrawal


@admin.register(ResourceWithdrawal)
class ResourceWithdrawalAdmin(admin.ModelAdmin):
    list_display = ["id", "resource", "date", "created_by", "created_at", "backfilled_at"]
    list_filter = ["date"]
    search_fields = ["resource__name", "reason"]
    list_select_related = ["resource", "created_by"]
    raw_id_fields = ["resource", "created_by"]
    readonly_fields = ["created_at", "backfilled_at"]


@admin.register(BookingChange)
class BookingChangeAdmin(admin.ModelAdmin):
    list_display = ["id", "withdrawal", "run", "request", "old_resource", "new_resource", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["old_resource__name", "new_resource__name", "request__shift__title"]
    list_select_related = ["withdrawal", "run", "request__shift", "old_resource", "new_resource"]
    raw_id_fields = ["withdrawal", "run", "request", "old_resource", "new_resource"]
    readonly_fields = ["created_at"]

    def has_add_permission(self, request) -> bool:
        return False
