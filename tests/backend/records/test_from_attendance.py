"""Records from attendance: hours from check-in and check-out, the sweep task safe to run twice, and the trace
left when a coordinator corrects the attendance."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

import factories as f
from attendance import services as attendance_services
from planning.models import Assignment
from records.models import RecordChange, ServiceRecord
from records.services import record_from_attendance, records_sync_attendance
from records.tasks import sync_attendance_task

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


def _published(world, shift, volunteer):
    run = f.community_run(shift.community, week=shift.week, published=True, published_by=world.users["community"])
    return Assignment.objects.create(run=run, shift=shift, volunteer=volunteer)


def test_check_in_and_out_give_an_approved_record_of_the_time_served(world, now):
    # given V1 published on a 2-hour post shift of A1 with a team leader, at a need of a resident
    leader = f.VolunteerFactory(home_community=world.a1, name="李组长")
    post = f.PostFactory(
        community=world.a1, name="政策宣传岗", duties="宣讲政策", team=f.TeamFactory(community=world.a1, leader=leader)
    )
    need = f.NeedFactory(community=world.a1, requester_name="王秀英")
    start = now - 3 * H
    shift = f.ShiftFactory(
        community=world.a1,
        post=post,
        need=need,
        start=start,
        end=start + 2 * H,
        address="秦岭路1号",
        week=timezone.localdate(start),
    )
    _published(world, shift, world.v1)
    token = attendance_services.qr_token_create(shift=shift).token
    # when V1 checks in 20 minutes early (travel and waiting) and out 15 minutes before the end
    attendance_services.attendance_check_in(user=world.v1.user, token=token, now=start - 20 * M)
    row = attendance_services.attendance_check_out(user=world.v1.user, token=token, now=shift.end - 15 * M)
    # then the check-out itself wrote the record, and writing it again changes nothing
    record = ServiceRecord.objects.get(attendance=row)
    assert record_from_attendance(row) == record and ServiceRecord.objects.count() == 1
    # and the record holds the 105 minutes inside the shift and the regulation's fields
    assert (record.minutes, record.hours, record.source, record.status) == (105, 1.75, "attendance", "approved")
    assert (record.volunteer_id, record.community_id, record.shift_id, record.post_id, record.attendance_id) == (
        world.v1.pk,
        world.a1.pk,
        shift.pk,
        post.pk,
        row.pk,
    )
    assert (
        record.title,
        record.date,
        record.place,
        record.recipient,
        record.content,
        record.person_in_charge,
        record.recorder_id,
    ) == ("政策宣传岗", timezone.localdate(start), "秦岭路1号", "王秀英", "宣讲政策", "李组长", world.v1.user_id)


def test_the_sync_task_run_twice_writes_one_record(world, attended, eager):
    # given two checked-out attendances and one still checked in
    first, second = attended(minutes=90), attended(volunteer=world.v2, community=world.b1)
    open_row = attended()
    open_row.checked_out_at, open_row.minutes_served = None, 0
    open_row.save()
    # when the sweep runs twice
    assert sync_attendance_task.delay().get() == 2
    assert sync_attendance_task.delay().get() == 2
    # then one record each for the served ones, and no history
    assert sorted(ServiceRecord.objects.values_list("attendance_id", "minutes")) == [(first.pk, 90), (second.pk, 120)]
    assert not RecordChange.objects.exists()


def test_a_corrected_attendance_changes_the_hours_with_a_trace(world, attended, now):
    # given a record from 90 minutes of attendance
    row = attended(minutes=90)
    record = record_from_attendance(row)
    # when the coordinator corrects the attendance to 120 minutes and the sweep runs
    row.minutes_served, row.recorded_by = 120, world.users["community"]
    row.save()
    records_sync_attendance(now=now)
    # then the record follows, and the history names who, the field, old and new
    record.refresh_from_db()
    assert record.minutes == 120
    assert list(RecordChange.objects.values_list("record_id", "field", "old", "new", "changed_by_id", "note")) == [
        (record.pk, "minutes", "90", "120", world.users["community"].pk, "The attendance was corrected."),
    ]


def test_no_show_and_old_attendance_give_no_record(world, attended, now):
    # given an attendance changed long before the sweep's look-back, and a check-in with no minutes
    old = attended()
    type(old).objects.filter(pk=old.pk).update(updated_at=now - dt.timedelta(days=30))
    unserved = attended(minutes=120)
    unserved.checked_out_at, unserved.minutes_served = None, 0
    unserved.save()
    # when the sweep runs
    written = records_sync_attendance(now=now)
    # then nothing is recorded
    assert (written, ServiceRecord.objects.count()) == (0, 0)


def test_the_database_holds_one_record_per_attendance(world, attended):
    row = attended()
    first = record_from_attendance(row)
    assert record_from_attendance(row) == first
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceRecord.objects.create(
            volunteer=world.v1,
            community=world.a1,
            attendance=row,
            title="x",
            date=first.date,
            minutes=1,
            source="attendance",
            status="approved",
        )
