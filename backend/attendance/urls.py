"""Attendance endpoints; names are prefixed `attendance-`.

Plain paths rather than the domain router: these are action APIs (check-in, record), not scoped CRUD.
"""

from django.urls import path

from attendance.apis import (
    AttendanceCheckInApi,
    AttendanceCheckOutApi,
    AttendanceListApi,
    AttendanceMineApi,
    ShiftAttendanceRecordApi,
    ShiftQrTokenApi,
    ShiftRosterApi,
)

urlpatterns = [
    path("attendance/", AttendanceListApi.as_view(), name="attendance-list"),
    path("attendance/mine/", AttendanceMineApi.as_view(), name="attendance-mine"),
    path("attendance/check-in/", AttendanceCheckInApi.as_view(), name="attendance-check-in"),
    path("attendance/check-out/", AttendanceCheckOutApi.as_view(), name="attendance-check-out"),
    path("attendance/shifts/<int:shift_id>/qr-token/", ShiftQrTokenApi.as_view(), name="attendance-qr-token"),
    path("attendance/shifts/<int:shift_id>/record/", ShiftAttendanceRecordApi.as_view(), name="attendance-record"),
    path("attendance/shifts/<int:shift_id>/roster/", ShiftRosterApi.as_view(), name="attendance-roster"),
]
