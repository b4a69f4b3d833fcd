"""The attendance method is always one the API names: the nightly no-shows, once written with an empty method, are
`auto` after the migration, and the task writes `auto` from now on."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
from attendance import services
from attendance.models import Attendance
from migrating import migrate_to, migrate_to_latest

BEFORE = [("attendance", "0002_attendance_note")]
AFTER = [("attendance", "0003_method_auto")]


@pytest.mark.django_db(transaction=True)
def test_no_shows_written_with_an_empty_method_become_auto(world):
    # given, before the migration, a nightly no-show (no method) and a QR check-in
    shift = f.ShiftFactory(community=world.a1)
    old = migrate_to(BEFORE)
    try:
        OldAttendance = old.get_model("attendance", "Attendance")
        marked = OldAttendance.objects.create(shift_id=shift.pk, volunteer_id=world.v1.pk, status="no_show", method="")
        scanned = OldAttendance.objects.create(
            shift_id=shift.pk, volunteer_id=world.v2.pk, status="present", method="qr", checked_in_at=timezone.now()
        )
        # when the migration runs
        new = migrate_to(AFTER)
        # then the no-show was marked automatically, the check-in keeps its method
        methods = dict(new.get_model("attendance", "Attendance").objects.values_list("pk", "method"))
        assert methods == {marked.pk: "auto", scanned.pk: "qr"}
    finally:
        migrate_to_latest()


@pytest.mark.django_db
def test_the_nightly_marking_writes_auto_and_the_api_says_so(world, shift_at, assign, now, client_as):
    # given V1's published assignment to a shift that ended five hours ago, with no check-in
    shift = shift_at(now - 7 * dt.timedelta(hours=1))
    assign(shift)
    # when the nightly task marks the no-shows
    assert services.attendance_mark_no_shows(now=now) == 1
    # then the row says how it was written, and so does the API, in the values its schema names
    assert Attendance.objects.get().method == "auto"
    response = client_as("community").get("/api/attendance/", {"shift": shift.pk})
    assert [row["method"] for row in response.json()["results"]] == ["auto"]
