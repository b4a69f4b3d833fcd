"""Admin views of the volunteer's side, read-mostly: answers and backfills are history, tokens are secrets."""

from django.contrib import admin

from volunteering.models import AssignmentResponse, Backfill, CalendarToken


@admin.register(AssignmentResponse)
class AssignmentResponseAdmin(admin.ModelAdmin):
    list_display = ["assignment", "status", "answered_at"]
    list_filter = ["status"]
    list_select_related = ["assignment"]
    raw_id_fields = ["assignment"]

    # An answer is the volunteer's (assignment_decline) or a backfill's move, never the admin's: not made here either.
    readonly_fields = ["status", "reason", "answered_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Backfill)
class BackfillAdmin(admin.ModelAdmin):
    list_display = ["declined", "run", "moved", "unfilled", "created_at"]
    raw_id_fields = ["declined", "run"]
    readonly_fields = ["created_at"]


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "created_at", "rotated_at"]
    raw_id_fields = ["volunteer"]
    exclude = ["token"]  # the secret never shows; rotating is the volunteer's own action
