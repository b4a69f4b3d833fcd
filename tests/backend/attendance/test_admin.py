"""The attendance admin opens for a superuser: changelist and change page."""

import datetime as dt

from django.urls import reverse

import factories as f
from attendance.models import Attendance


def test_attendance_admin_pages_open(world, client, shift_at, now):
    shift = shift_at(now - dt.timedelta(hours=5))
    row = Attendance.objects.create(shift=shift, volunteer=world.v1, status="no_show")
    client.force_login(f.UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:attendance_attendance_changelist")).status_code == 200
    assert client.get(reverse("admin:attendance_attendance_change", args=[row.pk])).status_code == 200
