"""One shift edited or cancelled by its coordinator: an edit may not break what a published plan told its
volunteers (409), a cancellation ends the shift's assignments and tells the published plan's volunteers once."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

import factories as f
from accounts.models import User
from notifications.models import Notification
from planning.models import Assignment
from shifts.models import Shift
from volunteering.models import AssignmentResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_language():
    return "en"


def _ahead(days: int, hour: int) -> dt.datetime:
    return f.at(timezone.localdate() + dt.timedelta(days=days), hour)


def _future_shift(world, **fields):
    start = _ahead(3, 9)
    return f.ShiftFactory(
        community=world.a1,
        start=start,
        end=start + dt.timedelta(hours=2),
        week=start.date() - dt.timedelta(days=start.weekday()),
        seats=3,
        **fields,
    )


def _run(shift, *, published: bool, version: int = 1):
    return f.community_run(shift.community, week=shift.week, published=published, version=version)


def _published(world, shift, *volunteers):
    run = _run(shift, published=True)
    return [Assignment.objects.create(run=run, shift=shift, volunteer=v) for v in volunteers]


def _cancel(client, shift, reason="场地临时停用"):
    return client.post(f"/api/shifts/{shift.pk}/cancel/", {"reason": reason}, format="json")


# ---------------------------------------------------------------- edits


def test_a_shift_nobody_was_told_about_is_edited_freely_and_its_history_kept(world, client_as):
    # given a shift with a resource request and no published plan
    shift = _future_shift(world)
    f.ResourceRequestFactory(shift=shift, kind="venue", min_capacity=30)
    later = shift.start + dt.timedelta(hours=1)
    # when its coordinator changes time, seats, skills and request
    response = client_as("community").patch(
        f"/api/shifts/{shift.pk}/",
        {
            "start": later.isoformat(),
            "end": (later + dt.timedelta(hours=2)).isoformat(),
            "seats": 1,
            "required_skills": {"first_aid": 2},
            "resource_request": {"kind": "vehicle", "min_capacity": 7},
        },
        format="json",
    )
    # then
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["seats"], body["required_skills"], body["resource_request"]["kind"], body["status"]) == (
        1,
        {"first_aid": 2},
        "vehicle",
        "open",
    )
    edit, request = [entry.changes_dict for entry in LogEntry.objects.get_for_object(shift).order_by("pk")][-2:]
    assert sorted(edit) == ["end", "required_skills", "seats", "start"]
    assert request == {"resource_request": ["venue ≥30", "vehicle ≥7"]}
    assert [entry.actor for entry in LogEntry.objects.get_for_object(shift).order_by("pk")][-2:] == [
        world.users["community"]
    ] * 2


def test_an_edit_that_breaks_a_published_plan_is_refused_with_a_409_naming_the_fields(world, client_as):
    # given a shift whose published plan holds two volunteers
    shift = _future_shift(world)
    _published(world, shift, world.v1, f.VolunteerFactory(home_community=world.a1))
    later = shift.start + dt.timedelta(hours=1)
    # when its time moves and its seats go below the two held
    response = client_as("community").patch(
        f"/api/shifts/{shift.pk}/",
        {
            "start": later.isoformat(),
            "end": (later + dt.timedelta(hours=2)).isoformat(),
            "seats": 1,
        },
        format="json",
    )
    # then
    assert response.status_code == 409
    told = "2 volunteers were told about this shift in a published plan."
    assert response.json() == {
        "message": "This change would break the published plan: cancel the shift instead, or change the plan.",
        "extra": {
            "code": "published_plan",
            "fields": {
                "start": [told],
                "end": [told],
                "seats": ["A published plan holds 2 volunteers on this shift; seats may not go below that."],
            },
        },
    }
    shift.refresh_from_db()
    assert (shift.seats, shift.start) == (3, later - dt.timedelta(hours=1))


def test_an_edit_that_keeps_the_published_plan_whole_is_saved(world, client_as):
    shift = _future_shift(world)
    _published(world, shift, world.v1)
    response = client_as("community").patch(
        f"/api/shifts/{shift.pk}/", {"title": "改名的班次", "seats": 1, "priority": 5}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["title"], response.json()["seats"], response.json()["published_volunteers"]) == (
        "改名的班次",
        1,
        1,
    )


def test_the_web_apps_whole_form_sent_unchanged_keeps_a_published_plan_whole(world, client_as):
    # given a published shift with a resource request (the web app sends every field, changed or not)
    shift = _future_shift(world, required_skills={"first_aid": 2})
    f.ResourceRequestFactory(shift=shift, kind="venue", min_capacity=30)
    _published(world, shift, world.v1)
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    # when only the title changes
    response = client_as("community").patch(
        f"/api/shifts/{shift.pk}/",
        {
            "title": "新名称",
            "start": start.isoformat(),
            "end": end.isoformat(),
            "seats": 3,
            "priority": 3,
            "required_skills": {"first_aid": 2},
            "resource_request": {"kind": "venue", "min_capacity": 30, "features": [], "max_distance_km": None},
        },
        format="json",
    )
    # then it is saved
    assert response.status_code == 200, response.json()
    assert response.json()["title"] == "新名称"


def test_a_booked_resource_request_of_a_published_plan_is_not_changed(world, client_as):
    from planning.models import ResourceBooking

    shift = _future_shift(world)
    request = f.ResourceRequestFactory(shift=shift)
    [assignment] = _published(world, shift, world.v1)
    ResourceBooking.objects.create(run=assignment.run, request=request, resource=f.ResourceFactory(community=world.a1))
    response = client_as("community").patch(f"/api/shifts/{shift.pk}/", {"resource_request": None}, format="json")
    assert response.status_code == 409
    assert response.json()["extra"]["fields"] == {
        "resource_request": ["A published plan booked a resource for this request."]
    }


def test_a_declined_assignment_does_not_hold_the_plan(world, client_as):
    shift = _future_shift(world)
    [assignment] = _published(world, shift, world.v1)
    AssignmentResponse.objects.create(assignment=assignment, status="declined", answered_at=timezone.now())
    response = client_as("community").patch(
        f"/api/shifts/{shift.pk}/", {"seats": 1, "address": "新地址"}, format="json"
    )
    assert response.status_code == 200, response.json()


# ---------------------------------------------------------------- cancellation


def test_cancelling_a_published_shift_tells_its_volunteers_once_and_ends_their_assignments(world, client_as):
    # given a shift whose published plan holds V1 and another volunteer, who declined, and a draft run's
    # assignment of a third
    shift = _future_shift(world, title="助老送餐")
    other, third = f.VolunteerFactory(home_community=world.a1), f.VolunteerFactory(home_community=world.a1)
    held, declined = _published(world, shift, world.v1, other)
    AssignmentResponse.objects.create(assignment=declined, status="declined", answered_at=timezone.now())
    draft = Assignment.objects.create(run=_run(shift, published=False, version=2), shift=shift, volunteer=third)
    client = client_as("community")
    # when its coordinator cancels it, twice
    first = _cancel(client, shift)
    second = _cancel(client, shift, reason="另一个原因")
    # then the shift is cancelled with the first reason
    assert (first.status_code, second.status_code) == (200, 200)
    body = second.json()
    assert (body["status"], body["cancel_reason"], body["published_volunteers"]) == ("cancelled", "场地临时停用", 0)
    assert body["cancelled_at"] is not None
    # and V1 alone (still on it in the published plan) is told, once
    [notice] = Notification.objects.filter(kind="shift_cancelled")
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    assert (notice.recipient, notice.event_key, notice.title) == (
        world.v1.user,
        f"shift_cancelled:{shift.pk}",
        "Shift cancelled: 助老送餐",
    )
    assert notice.body == (
        f"{start:%m-%d %H:%M}–{end:%H:%M} 助老送餐 is cancelled; you need not come. Reason: 场地临时停用"
    )
    assert notice.payload == {
        "shift": shift.pk,
        "title": "助老送餐",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "reason": "场地临时停用",
        "assignments": [held.pk],
    }
    # and every standing assignment ended (the declined one keeps its answer)
    assert dict(AssignmentResponse.objects.values_list("assignment_id", "status")) == {
        held.pk: "cancelled",
        declined.pk: "declined",
        draft.pk: "cancelled",
    }
    # and the history has who cancelled it and why
    entry = LogEntry.objects.get_for_object(shift).latest("pk")
    assert entry.actor == world.users["community"]
    assert entry.changes_dict["status"] == ["open", "cancelled"]
    assert entry.changes_dict["cancel_reason"] == ["", "场地临时停用"]


def test_a_cancelled_shift_is_left_out_of_reminders_runs_and_publication(world, client_as):
    from attendance.selectors import published_assignment_list
    from planning import mapper
    from planning.selectors import publication_assignment_list

    shift = _future_shift(world)
    kept = _future_shift(world)
    [held] = _published(world, shift, world.v1)
    _cancel(client_as("community"), shift)
    run = held.run
    assert list(published_assignment_list().filter(shift=shift)) == []
    assert list(publication_assignment_list(run=run)) == []
    assert [item["id"] for item in mapper.build_problem(run).data["shifts"]] == [mapper.sid(kept.pk)]


def test_a_cancelled_shift_is_no_longer_edited(world, client_as):
    shift = _future_shift(world)
    client = client_as("community")
    _cancel(client, shift)
    response = client.patch(f"/api/shifts/{shift.pk}/", {"title": "又改了"}, format="json")
    assert response.status_code == 409
    assert response.json() == {
        "message": "This shift was cancelled; it can no longer be changed.",
        "extra": {"code": "shift_cancelled", "fields": {}},
    }


def test_a_shift_that_has_started_is_not_cancelled(world, client_as):
    start = timezone.now() - dt.timedelta(minutes=5)
    shift = f.ShiftFactory(community=world.a1, start=start, end=start + dt.timedelta(hours=2))
    response = _cancel(client_as("community"), shift)
    assert response.status_code == 409
    assert response.json() == {
        "message": "This shift has already started; it can no longer be cancelled.",
        "extra": {"code": "shift_started", "fields": {}},
    }
    assert Shift.objects.get(pk=shift.pk).status == "open"


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "两行\n原因"}, {"reason": "长" * 501}])
def test_a_cancellation_needs_a_reason_of_one_line(world, client_as, body):
    shift = _future_shift(world)
    response = client_as("community").post(f"/api/shifts/{shift.pk}/cancel/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == ["reason"]
    assert Shift.objects.get(pk=shift.pk).status == "open"


def test_a_shift_outside_the_scope_is_not_found_and_volunteers_may_not_cancel(world, client_as):
    outside = f.ShiftFactory(community=world.b1, start=_ahead(3, 9), end=_ahead(3, 11))
    assert _cancel(client_as("community"), outside).status_code == 404
    assert _cancel(client_as("volunteer"), _future_shift(world)).status_code == 403
    assert Shift.objects.filter(status="cancelled").count() == 0


def test_an_edit_of_a_shift_that_has_started_is_refused_like_a_cancellation(world, client_as):
    # given a shift that started five minutes ago
    start = timezone.now() - dt.timedelta(minutes=5)
    shift = f.ShiftFactory(community=world.a1, start=start, end=start + dt.timedelta(hours=2), title="巡逻")
    # when its coordinator changes its title
    response = client_as("community").patch(f"/api/shifts/{shift.pk}/", {"title": "又改了"}, format="json")
    # then the edit is refused as a cancellation would be, and nothing changed
    assert response.status_code == 409
    assert response.json() == {
        "message": "This shift has already started; it can no longer be changed.",
        "extra": {"code": "shift_started", "fields": {}},
    }
    assert Shift.objects.get(pk=shift.pk).title == "巡逻"


def test_cancelling_a_shift_frees_the_resource_its_published_plan_booked(world, client_as):
    from lending.selectors import published_bookings
    from planning.models import ResourceBooking

    # given a shift whose published plan booked a hall, and a draft run that booked it too
    shift = _future_shift(world, title="健康讲座")
    request = f.ResourceRequestFactory(shift=shift)
    hall = f.ResourceFactory(community=world.a1, unit=world.u1, name="多功能厅")
    [assignment] = _published(world, shift, world.v1)
    ResourceBooking.objects.create(run=assignment.run, request=request, resource=hall)
    draft = _run(shift, published=False, version=2)
    ResourceBooking.objects.create(run=draft, request=request, resource=hall)
    client = client_as("community")
    assert _ids_booked(client_as("unit"), shift) == [hall.pk]
    # when its coordinator cancels the shift
    assert _cancel(client, shift).status_code == 200
    # then the hall is free again: no plan holds it for the shift, the unit's list no longer shows it
    assert ResourceBooking.objects.filter(request=request).count() == 0
    assert published_bookings().filter(resource=hall).count() == 0
    assert _ids_booked(client_as("unit"), shift) == []
    # and the shift's history says which resource each run had booked, and who released it
    entry = LogEntry.objects.get_for_object(shift).latest("pk")
    assert entry.changes_dict == {
        "resource_booking": [f"多功能厅 (run {assignment.run_id}); 多功能厅 (run {draft.pk})", ""]
    }
    assert entry.actor == world.users["community"]
    # and the request itself stays, for the record of what the shift asked for
    assert Shift.objects.get(pk=shift.pk).resource_request.pk == request.pk


def _ids_booked(client, shift):
    response = client.get("/api/unit/bookings/", {"week": shift.week.isoformat()})
    assert response.status_code == 200, response.json()
    return [row["resource"] for row in response.data["results"]]


def test_cancelling_a_shift_tells_the_unit_whose_resource_its_published_plan_booked(world, client_as):
    from planning.models import ResourceBooking

    # given a shift whose published plan booked U1's hall, a second representative of U1, and U2's representative
    shift = _future_shift(world, title="健康讲座")
    request = f.ResourceRequestFactory(shift=shift)
    hall = f.ResourceFactory(community=world.a1, unit=world.u1, name="多功能厅")
    [assignment] = _published(world, shift, world.v1)
    ResourceBooking.objects.create(run=assignment.run, request=request, resource=hall)
    second = f.UserFactory(role=User.Role.UNIT, unit=world.u1)
    f.UserFactory(role=User.Role.UNIT, unit=world.u2)
    # when its coordinator cancels it, twice
    client = client_as("community")
    assert _cancel(client, shift).status_code == 200
    assert _cancel(client, shift, reason="另一个原因").status_code == 200
    # then U1's representatives are told once each, naming the shift, its day and time and the hall
    notices = list(Notification.objects.filter(kind="booking_released").order_by("recipient_id"))
    assert [n.recipient for n in notices] == [world.users["unit"], second]
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    assert (notices[0].title, notices[0].body) == (
        "Booking released: 多功能厅",
        f"{start:%m-%d %H:%M}–{end:%H:%M} 健康讲座 (秦江社区) was cancelled; 多功能厅 is no longer booked for it. "
        "Reason: 场地临时停用",
    )
    assert notices[0].payload == {
        "shift": shift.pk,
        "resource": hall.pk,
        "start": start.isoformat(),
        "end": end.isoformat(),
    }
    inbox = client_as("unit").get("/api/notifications/").json()["results"]
    assert [row["kind"] for row in inbox] == ["booking_released"]


def test_cancelling_a_shift_only_a_draft_booked_or_with_a_facility_tells_no_unit(world, client_as):
    from planning.models import ResourceBooking

    # given one shift booked by a draft run only, and another whose published plan booked a community facility
    drafted, facility_booked = _future_shift(world, title="讲座"), _future_shift(world, title="议事会")
    hall = f.ResourceFactory(community=world.a1, unit=world.u1, name="多功能厅")
    draft = _run(drafted, published=False, version=2)
    ResourceBooking.objects.create(run=draft, request=f.ResourceRequestFactory(shift=drafted), resource=hall)
    room = f.ResourceFactory(
        community=world.a1, unit=None, facility=f.FacilityFactory(community=world.a1), name="党群服务中心会议室"
    )
    [assignment] = _published(world, facility_booked, world.v1)
    ResourceBooking.objects.create(
        run=assignment.run, request=f.ResourceRequestFactory(shift=facility_booked), resource=room
    )
    # when both are cancelled
    client = client_as("community")
    assert _cancel(client, drafted).status_code == 200
    assert _cancel(client, facility_booked).status_code == 200
    # then no unit is told, and both bookings are gone
    assert not Notification.objects.filter(kind="booking_released").exists()
    assert not ResourceBooking.objects.exists()
