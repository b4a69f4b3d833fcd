"""Racing writes: two check-ins of the same volunteer at once make one row (PostgreSQL; SQLite serialises)."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from attendance import services
from attendance.models import Attendance

H = dt.timedelta(hours=1)


@pytest.mark.django_db(transaction=True)
def test_two_check_ins_at_once_make_one_row(world, shift_at, assign, now):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions (PostgreSQL)")
    # given V1's published assignment to a running shift
    shift = shift_at(now - H, hours=3)
    assign(shift)
    token = services.qr_token_create(shift=shift).token
    user = world.users["volunteer"]
    barrier, results = threading.Barrier(2), []

    def check_in():
        try:
            barrier.wait()
            results.append(services.attendance_check_in(user=user, token=token).pk)
        except Exception as exc:  # the assertion below shows it
            results.append(exc)
        finally:
            connections.close_all()

    # when two requests check in at the same moment
    threads = [threading.Thread(target=check_in) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then both succeed with the one row
    row = Attendance.objects.get()
    assert results == [row.pk, row.pk]
