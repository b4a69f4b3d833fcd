"""Check-in and check-out by the shift's QR code: only the assigned volunteer, idempotent, hours clipped."""

import datetime as dt

import pytest

from attendance import services
from attendance.models import Attendance
from core.errors import ApplicationError

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
IN, OUT = "/api/attendance/check-in/", "/api/attendance/check-out/"


def _token(shift):
    return services.qr_token_create(shift=shift).token


def test_check_in_and_out_through_the_api_stores_the_hours(world, client_as, shift_at, assign, now):
    # given V1's published assignment to a shift that started an hour ago
    shift = shift_at(now - H, hours=3)
    assignment = assign(shift)
    client = client_as("volunteer")
    # when V1 checks in and then out with the shift's token
    checked_in = client.post(IN, {"token": _token(shift)}, format="json")
    checked_out = client.post(OUT, {"token": _token(shift)}, format="json")
    # then the row is present, by QR, linked to the assignment, with the minutes between the two
    assert checked_in.status_code == 200, checked_in.json()
    assert checked_out.status_code == 200, checked_out.json()
    row = Attendance.objects.get()
    assert (row.shift_id, row.volunteer_id, row.assignment_id, row.status, row.method, row.recorded_by_id) == (
        shift.pk,
        world.v1.pk,
        assignment.pk,
        "present",
        "qr",
        world.users["volunteer"].pk,
    )
    assert row.minutes_served == row.served
    body = checked_out.json()
    assert (body["status"], body["minutes_served"], body["hours"]) == ("present", row.minutes_served, row.hours)


def test_hours_are_clipped_to_the_shift(world, shift_at, assign, now):
    # given a 2-hour shift; V1 scans in 40 minutes early and out 30 minutes late
    shift = shift_at(now - 4 * H)
    assign(shift)
    user = world.users["volunteer"]
    services.attendance_check_in(user=user, token=_token(shift), now=shift.start - 40 * M)
    row = services.attendance_check_out(user=user, token=_token(shift), now=shift.end + 30 * M)
    # then travel and waiting are not counted
    assert (row.minutes_served, row.hours) == (120, 2.0)


def test_checking_in_or_out_twice_changes_nothing(world, shift_at, assign, now):
    shift = shift_at(now - 4 * H)
    assign(shift)
    user = world.users["volunteer"]
    first = services.attendance_check_in(user=user, token=_token(shift), now=shift.start + 5 * M)
    again = services.attendance_check_in(user=user, token=_token(shift), now=shift.start + 30 * M)
    out = services.attendance_check_out(user=user, token=_token(shift), now=shift.end - 10 * M)
    out_again = services.attendance_check_out(user=user, token=_token(shift), now=shift.end + 50 * M)
    assert Attendance.objects.count() == 1
    assert first.pk == again.pk == out.pk == out_again.pk
    row = Attendance.objects.get()
    assert (row.checked_in_at, row.checked_out_at, row.minutes_served) == (shift.start + 5 * M, shift.end - 10 * M, 105)


def test_check_out_before_check_in_is_a_conflict(world, client_as, shift_at, assign, now):
    shift = shift_at(now - H, hours=3)
    assign(shift)
    response = client_as("volunteer").post(OUT, {"token": _token(shift)}, format="json")
    assert (response.status_code, response.json()) == (
        409,
        {
            "message": "Check in before checking out.",
            "extra": {"code": "not_checked_in", "fields": {}},
        },
    )
    assert not Attendance.objects.exists()


def test_volunteer_without_an_assignment_is_refused(world, client_as, shift_at, assign, now):
    # given the shift's assignment is V2's, not V1's
    shift = shift_at(now - H, hours=3)
    assign(shift, world.v2)
    response = client_as("volunteer").post(IN, {"token": _token(shift)}, format="json")
    assert (response.status_code, response.json()) == (
        403,
        {
            "message": "You have no published assignment on this shift.",
            "extra": {"code": "not_assigned", "fields": {}},
        },
    )
    assert not Attendance.objects.exists()


def test_an_unpublished_assignment_does_not_let_a_volunteer_in(world, shift_at, assign, now):
    shift = shift_at(now - H, hours=3)
    assign(shift, published=False)
    with pytest.raises(ApplicationError) as refused:
        services.attendance_check_in(user=world.users["volunteer"], token=_token(shift), now=shift.start)
    assert refused.value.code == "not_assigned"


def test_expired_or_tampered_token_is_a_400_naming_the_token(world, client_as, shift_at, assign, now):
    # given a shift that ended two hours ago: its token has expired
    shift = shift_at(now - 4 * H)
    assign(shift)
    client = client_as("volunteer")
    expired = client.post(IN, {"token": _token(shift)}, format="json")
    assert (expired.status_code, expired.json()) == (
        400,
        {
            "message": "This QR code has expired.",
            "extra": {"code": "invalid_token", "fields": {"token": ["This QR code has expired."]}},
        },
    )
    tampered = client.post(IN, {"token": _token(shift) + "x"}, format="json")
    assert (tampered.status_code, tampered.json()) == (
        400,
        {
            "message": "This QR code is not valid.",
            "extra": {"code": "invalid_token", "fields": {"token": ["This QR code is not valid."]}},
        },
    )
    missing = client.post(IN, {}, format="json")
    assert (missing.status_code, missing.json()["extra"]["fields"]) == (400, {"token": ["This field is required."]})
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("role, status", [("community", 403), ("unit", 403), ("admin", 403), ("anonymous", 401)])
def test_only_volunteers_check_in(world, client_as, shift_at, assign, now, role, status):
    shift = shift_at(now - H, hours=3)
    assign(shift)
    assert client_as(role).post(IN, {"token": _token(shift)}, format="json").status_code == status
    assert client_as(role).post(OUT, {"token": _token(shift)}, format="json").status_code == status


def test_a_no_show_who_turns_up_after_all_is_present(world, shift_at, assign, now):
    shift = shift_at(now - H, hours=3)
    assignment = assign(shift)
    Attendance.objects.create(shift=shift, volunteer=world.v1, assignment=assignment, status="no_show")
    row = services.attendance_check_in(user=world.users["volunteer"], token=_token(shift), now=shift.start + 20 * M)
    assert (row.status, row.method, row.checked_in_at) == ("present", "qr", shift.start + 20 * M)
