"""The attendance row: hours clipped to the shift, and the rules the database holds."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from attendance.models import Attendance, served_minutes

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


def test_served_minutes_excludes_time_before_and_after_the_shift(now):
    # given a 9:00-11:00 shift; the volunteer arrives 30 min early and leaves 20 min late
    start, end = now, now + 2 * H
    # then only the shift's own two hours count
    assert served_minutes(checked_in_at=start - 30 * M, checked_out_at=end + 20 * M, start=start, end=end) == 120


def test_served_minutes_counts_a_late_arrival_and_early_leave(now):
    start, end = now, now + 2 * H
    assert served_minutes(checked_in_at=start + 15 * M, checked_out_at=end - 5 * M, start=start, end=end) == 100


def test_served_minutes_is_zero_without_check_out_or_outside_the_shift(now):
    start, end = now, now + 2 * H
    assert served_minutes(checked_in_at=start, checked_out_at=None, start=start, end=end) == 0
    assert served_minutes(checked_in_at=end + H, checked_out_at=end + 2 * H, start=start, end=end) == 0


def test_hours_property_follows_the_stored_minutes(world, shift_at, now):
    shift = shift_at(now - 3 * H)
    row = Attendance.objects.create(
        shift=shift,
        volunteer=world.v1,
        checked_in_at=shift.start - 10 * M,
        checked_out_at=shift.end + 10 * M,
        minutes_served=90,
    )
    assert row.served == 120
    assert row.hours == 1.5


def test_database_refuses_check_out_before_check_in(world, shift_at, now):
    shift = shift_at(now - 3 * H)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(shift=shift, volunteer=world.v1, checked_in_at=shift.end, checked_out_at=shift.start)


def test_database_refuses_a_no_show_with_times_and_a_second_row(world, shift_at, now):
    shift = shift_at(now - 3 * H)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(shift=shift, volunteer=world.v1, status="no_show", checked_in_at=shift.start)
    Attendance.objects.create(shift=shift, volunteer=world.v1, status="no_show")
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(shift=shift, volunteer=world.v1, checked_in_at=shift.start)
