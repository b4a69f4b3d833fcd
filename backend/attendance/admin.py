"""Attendance in the admin: read mostly; corrections go through the coordinator's record endpoint."""

from django.contrib import admin

from attendance.models import Attendance


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["shift", "volunteer", "status", "method", "checked_in_at", "checked_out_at", "minutes_served"]
    list_filter = ["status", "method"]
    raw_id_fields = ["shift", "volunteer", "assignment", "recorded_by"]
    search_fields = ["volunteer__name", "shift__title"]
