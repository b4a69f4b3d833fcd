"""Beat tasks: no-shows two hours after the shift, reminders a day and two hours before; each safe to rerun."""

import datetime as dt

import pytest

import factories as f
from attendance import services, tasks
from attendance.models import Attendance
from notifications.models import Notification
from shifts.models import Shift

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


def test_no_show_marks_only_published_assignments_without_check_in_once(world, shift_at, assign, now):
    # given four shifts: ended 3 h ago with V1 absent and V2 present, ended 1 h ago, and an unpublished one
    ended = shift_at(now - 5 * H)
    absent = assign(ended)
    assign(ended, world.v2)
    Attendance.objects.create(shift=ended, volunteer=world.v2, method="qr", checked_in_at=ended.start)
    assign(shift_at(now - 3 * H))  # ended 1 h ago: too soon
    assign(shift_at(now - 6 * H, community=world.a2), published=False)
    # when the task runs twice
    first = services.attendance_mark_no_shows(now=now)
    second = services.attendance_mark_no_shows(now=now)
    # then only V1 on the ended shift is a no-show, written once
    assert (first, second) == (1, 0)
    no_show = Attendance.objects.get(status="no_show")
    assert (no_show.shift_id, no_show.volunteer_id, no_show.assignment_id, no_show.method, no_show.minutes_served) == (
        ended.pk,
        world.v1.pk,
        absent.pk,
        "auto",
        0,
    )
    assert Attendance.objects.filter(status="present").count() == 1


def test_no_show_leaves_old_history_alone(world, shift_at, assign, now):
    assign(shift_at(now - dt.timedelta(days=30)))
    assert services.attendance_mark_no_shows(now=now) == 0


def test_no_show_task_is_callable_by_name(world, shift_at, assign):
    from django.utils import timezone

    assign(shift_at(timezone.now() - 5 * H))
    assert tasks.mark_no_shows_task.name == "attendance.mark_no_shows"
    assert tasks.mark_no_shows_task.apply().get() == 1
    assert tasks.mark_no_shows_task.apply().get() == 0


def test_reminders_sent_once_per_assignment_and_window(world, shift_at, assign, now):
    # given V1 on a shift in 20 h and one in 90 min, V2 on a shift in 30 h (outside both windows)
    tomorrow = assign(shift_at(now + 20 * H))
    soon = assign(shift_at(now + 90 * M))
    far = assign(shift_at(now + 30 * H, community=world.b1), world.v2)
    assign(shift_at(now + 3 * H, community=world.a2), published=False)
    # when the task runs twice
    first = services.attendance_send_reminders(now=now)
    second = services.attendance_send_reminders(now=now)
    # then one reminder each, to V1, none the second time
    assert first == {"reminder2": 1, "reminder24": 1}
    assert second == {"reminder2": 0, "reminder24": 0}
    assert sorted(Notification.objects.values_list("event_key", "recipient_id", "kind")) == sorted(
        [
            (f"reminder24:{tomorrow.pk}", world.users["volunteer"].pk, "reminder"),
            (f"reminder2:{soon.pk}", world.users["volunteer"].pk, "reminder"),
        ]
    )
    # and 19 h later the day-ahead shift gets its second reminder and V2's shift its first, once
    later = now + 19 * H
    assert services.attendance_send_reminders(now=later) == {"reminder2": 1, "reminder24": 1}
    assert services.attendance_send_reminders(now=later) == {"reminder2": 0, "reminder24": 0}
    assert Notification.objects.filter(event_key=f"reminder2:{tomorrow.pk}").count() == 1
    assert Notification.objects.get(event_key=f"reminder24:{far.pk}").recipient_id == world.v2.user_id


def test_reminder_tells_place_time_and_post_in_chinese_without_phone_numbers(world, shift_at, assign, now):
    # given a post whose duties and an address that carry phone numbers, as people type them
    post = f.PostFactory(community=world.a1, name="垃圾分类督导", duties="指导居民分类投放，联系人电话 13812345678")
    shift = shift_at(now + 20 * H, post=post, address="秦岭路12号活动室（电话0371-66668888）")
    assign(shift)
    services.attendance_send_reminders(now=now)
    notification = Notification.objects.get()
    text = notification.title + notification.body
    # then the reminder names the community, the address, the time and the post
    from django.utils import timezone

    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    assert "秦江社区，秦岭路12号活动室" in notification.body
    assert f"{start:%H:%M}–{end:%H:%M}" in notification.body
    assert f"{start.month}月{start.day}日" in notification.body
    assert "岗位：垃圾分类督导" in notification.body
    assert "指导居民分类投放" in notification.body
    # and no phone numbers at all, neither the volunteer's nor any typed in
    assert world.v1.user.phone not in text
    for number in ("13812345678", "0371-66668888", "66668888"):
        assert number not in text
    assert not any(
        ch.isdigit()
        for ch in text.replace(f"{start:%H:%M}", "")
        .replace(f"{end:%H:%M}", "")
        .replace(f"{start.month}月{start.day}日", "")
        .replace("12号", "")
    )
    assert (notification.payload["shift"], notification.payload["start"]) == (shift.pk, shift.start.isoformat())


@pytest.mark.parametrize(
    "address, shown",
    [
        ("秦岭路12号活动室（电话0371-66668888）", "秦岭路12号活动室"),
        ("3号楼 联系人电话：13812345678", "3号楼"),
        ("门卫 +86 138 1234 5678", "门卫"),
        ("建设路2号院12号楼3单元", "建设路2号院12号楼3单元"),
    ],
)
def test_reminder_strips_phone_numbers_typed_into_addresses(world, shift_at, now, address, shown):
    shift = shift_at(now + 20 * H, address=address)
    title, body = services.reminder_message(shift=shift, lead="明天")
    assert f"地点：秦江社区，{shown}\n" in body


def test_a_declined_assignment_is_neither_reminded_nor_a_no_show_nor_checked_in(world, shift_at, assign, now):
    from core.errors import ApplicationError
    from volunteering.models import AssignmentResponse

    # given V1 declined one shift starting tomorrow and one that ended hours ago
    coming, ended = shift_at(now + 20 * H), shift_at(now - 5 * H)
    for shift in (coming, ended):
        AssignmentResponse.objects.create(
            assignment=assign(shift), status=AssignmentResponse.Status.DECLINED, answered_at=now - 30 * H
        )
    # then no reminder, no no-show, and no check-in
    assert services.attendance_send_reminders(now=now) == {"reminder2": 0, "reminder24": 0}
    assert services.attendance_mark_no_shows(now=now) == 0
    token = services.qr_token_create(shift=coming).token
    with pytest.raises(ApplicationError) as refused:
        services.attendance_check_in(user=world.users["volunteer"], token=token, now=coming.start)
    assert refused.value.code == "not_assigned"
    assert not Notification.objects.exists() and not Attendance.objects.exists()


def test_beat_tasks_are_registered_by_name():
    from config.celery import app

    app.loader.import_default_modules()
    assert {"attendance.mark_no_shows", "attendance.send_reminders"} <= set(app.tasks)


def test_reminder_task_runs_by_name_twice(world, shift_at, assign):
    from django.utils import timezone

    assign(shift_at(timezone.now() + 20 * H))
    assert tasks.send_reminders_task.apply().get() == {"reminder2": 0, "reminder24": 1}
    assert tasks.send_reminders_task.apply().get() == {"reminder2": 0, "reminder24": 0}
    assert Notification.objects.count() == 1


def test_an_assignment_on_a_cancelled_shift_is_never_reminded_nor_a_no_show(world, shift_at, assign, now):
    # given published assignments, with no answer, on two cancelled shifts: one tomorrow, one that ended hours ago
    # (a plan saved while they were cancelled, or any other path that wrote past the cancellation's end)
    coming, ended = shift_at(now + 20 * H), shift_at(now - 5 * H)
    for shift in (coming, ended):
        assign(shift)
        Shift.objects.filter(pk=shift.pk).update(status="cancelled", cancelled_at=now - 30 * H)
    # then no reminder and no no-show
    assert services.attendance_send_reminders(now=now) == {"reminder2": 0, "reminder24": 0}
    assert services.attendance_mark_no_shows(now=now) == 0
    assert not Notification.objects.exists() and not Attendance.objects.exists()
