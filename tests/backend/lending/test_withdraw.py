"""Withdrawing a resource for a day: the backfill books the nearest other room in place and tells the
coordinators, the new room's unit and the shift's volunteers; with nothing to take its place the booking goes
and the coordinators hear it. Refusals leave nothing behind; the task delivered twice changes nothing more."""

import datetime as dt

import pytest

from lending import services
from lending.models import BookingChange, ResourceWithdrawal
from lending.tasks import resource_backfill_task
from notifications.models import Notification
from planning.models import ResourceBooking

from ..volunteering.volunteering_world import SATURDAY, make_run
from .conftest import booked_shift

pytestmark = pytest.mark.django_db


def _withdraw(client, resource, capture, *, day=SATURDAY, reason="设备检修"):
    with capture(execute=True):
        return client.post(f"/api/unit/resources/{resource.pk}/withdraw/", {"date": day.isoformat(), "reason": reason})


def _told(kind):
    return sorted((n.recipient.username, n.title) for n in Notification.objects.filter(kind=kind))


def test_withdrawal_books_the_nearest_room_and_tells_everyone(
    world, client_as, plan, eager, django_capture_on_commit_callbacks
):
    # when U1 withdraws its hall for Saturday (the backfill runs in this process)
    response = _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks)
    # then the withdrawal is stored and the booking row now holds the room 1 km away
    assert response.status_code == 201, response.data
    withdrawal = ResourceWithdrawal.objects.get()
    assert {k: response.data[k] for k in ("id", "resource", "date", "reason", "created_by")} == {
        "id": withdrawal.pk,
        "resource": plan["hall"].pk,
        "date": SATURDAY.isoformat(),
        "reason": "设备检修",
        "created_by": "danwei",
    }
    assert withdrawal.backfilled_at is not None
    booking = ResourceBooking.objects.get(pk=plan["booking"].pk)
    assert (booking.run_id, booking.request_id, booking.resource_id) == (
        plan["run"].pk,
        plan["request"].pk,
        plan["near"].pk,
    )
    change = BookingChange.objects.get()
    assert (
        change.withdrawal_id,
        change.run_id,
        change.request_id,
        change.old_resource_id,
        change.new_resource_id,
        change.reason,
    ) == (withdrawal.pk, plan["run"].pk, plan["request"].pk, plan["hall"].pk, plan["near"].pk, "")
    # and the coordinator, the new room's unit and the volunteer (the place changed) were told once each
    assert _told("resource_withdrawn") == [
        ("jiedao", "Resource replaced for 周六政策宣讲"),
        ("shequ", "Resource replaced for 周六政策宣讲"),
    ]
    assert _told("resource_backfill") == [
        ("danwei3", "New booking of 一中会议室"),
        ("v1", "New place for 周六政策宣讲"),
    ]
    to_volunteer = Notification.objects.get(recipient=world.v1.user)
    assert to_volunteer.body == f"{SATURDAY:%m-%d} 09:00–11:00 周六政策宣讲 now takes place at 一中会议室, 伏牛路3号."
    assert to_volunteer.payload == {
        "withdrawal": withdrawal.pk,
        "run": plan["run"].pk,
        "shift": plan["shift"].pk,
        "request": plan["request"].pk,
        "old_resource": plan["hall"].pk,
        "new_resource": plan["near"].pk,
    }
    # and the unit's bookings list shows nothing of its hall any more; U3's shows the replacement
    assert client_as("unit").get("/api/unit/bookings/", {"date": SATURDAY.isoformat()}).data["count"] == 0


def test_with_nothing_to_take_its_place_the_booking_goes_and_coordinators_are_told(
    world, client_as, plan, eager, django_capture_on_commit_callbacks
):
    # given the other rooms of A1 are not free on Saturday
    for resource in (plan["near"], plan["far"]):
        resource.slots.update(weekday=SATURDAY.isoweekday() - 1)
    # when
    response = _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks)
    # then
    assert response.status_code == 201
    assert not ResourceBooking.objects.filter(pk=plan["booking"].pk).exists()
    change = BookingChange.objects.get()
    assert (change.old_resource_id, change.new_resource_id, change.reason) == (plan["hall"].pk, None, "not_free")
    told = Notification.objects.filter(kind="resource_withdrawn")
    assert sorted(n.recipient.username for n in told) == ["jiedao", "shequ"]
    assert {(n.title, n.body) for n in told} == {
        (
            "No resource for 周六政策宣讲",
            f"医院报告厅 was withdrawn for {SATURDAY:%m-%d} 09:00–11:00 周六政策宣讲 and nothing replaces it: "
            "no other suitable resource is free for the whole shift.",
        )
    }
    assert not Notification.objects.filter(kind="resource_backfill").exists()
    # and the other plan's booking is untouched
    assert ResourceBooking.objects.get(pk=plan["out_booking"].pk).resource_id == plan["school"].pk


def test_a_room_booked_by_another_plan_at_that_time_is_not_taken(
    world, client_as, plan, eager, django_capture_on_commit_callbacks
):
    # given A2's published plan books the near room at the same time
    booked_shift(make_run(world.a2), world.a2, plan["near"], title="百花宣讲")
    # when
    _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks)
    # then the farther community room takes the booking
    assert ResourceBooking.objects.get(pk=plan["booking"].pk).resource_id == plan["far"].pk


def test_the_task_delivered_twice_changes_nothing_more(
    world, client_as, plan, eager, django_capture_on_commit_callbacks
):
    _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks)
    before = (
        list(ResourceBooking.objects.values_list("pk", "resource_id")),
        BookingChange.objects.count(),
        Notification.objects.count(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        result = resource_backfill_task(ResourceWithdrawal.objects.get().pk)
    assert result == {"withdrawal": ResourceWithdrawal.objects.get().pk, "backfilled": True, "replaced": 1, "unmet": 0}
    assert (
        list(ResourceBooking.objects.values_list("pk", "resource_id")),
        BookingChange.objects.count(),
        Notification.objects.count(),
    ) == before


def test_a_second_withdrawal_of_the_day_is_a_conflict(
    world, client_as, plan, eager, django_capture_on_commit_callbacks
):
    _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks)
    response = _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks, reason="again")
    assert response.status_code == 409
    assert response.data == {
        "message": f"医院报告厅 is already withdrawn on {SATURDAY.isoformat()}.",
        "extra": {"code": "already_withdrawn", "fields": {}},
    }
    assert ResourceWithdrawal.objects.count() == 1


@pytest.mark.parametrize(
    "body, field, message",
    [
        ({"reason": "检修"}, "date", "This field is required."),
        (
            {"date": "周六", "reason": "检修"},
            "date",
            "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
        ),
        ({"date": SATURDAY.isoformat()}, "reason", "This field is required."),
        ({"date": SATURDAY.isoformat(), "reason": ""}, "reason", "This field may not be blank."),
        ({"date": "2020-01-04", "reason": "检修"}, "date", "A day in the past cannot be withdrawn."),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_changes_nothing(world, client_as, plan, body, field, message):
    response = client_as("unit").post(f"/api/unit/resources/{plan['hall'].pk}/withdraw/", body)
    assert response.status_code == 400
    assert response.data["extra"]["fields"] == {field: [message]}
    assert response.data["message"] == (message if "past" in message else f"{field}: {message}")
    assert not ResourceWithdrawal.objects.exists()
    assert ResourceBooking.objects.get(pk=plan["booking"].pk).resource_id == plan["hall"].pk


@pytest.mark.parametrize("role, code", [("volunteer", 403), ("community", 403), ("admin", 403), ("anonymous", 401)])
def test_only_unit_representatives_withdraw(world, client_as, plan, role, code):
    response = client_as(role).post(
        f"/api/unit/resources/{plan['hall'].pk}/withdraw/", {"date": SATURDAY.isoformat(), "reason": "检修"}
    )
    assert response.status_code == code
    assert not ResourceWithdrawal.objects.exists()


def test_another_units_resource_is_not_found(world, client_as, plan):
    for resource in (plan["school"], plan["near"]):
        response = client_as("unit").post(
            f"/api/unit/resources/{resource.pk}/withdraw/", {"date": SATURDAY.isoformat(), "reason": "检修"}
        )
        assert (response.status_code, response.data["extra"]["code"]) == (404, "not_found")
    assert not ResourceWithdrawal.objects.exists()


def test_a_withdrawal_is_taken_back_until_a_booking_was_given_away(
    world, client_as, plan, eager, django_capture_on_commit_callbacks, monkeypatch
):
    # given a withdrawal whose backfill has not run yet
    monkeypatch.setattr(services, "_enqueue_backfill", lambda pk: None)
    _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks)
    url = f"/api/unit/resources/{plan['hall'].pk}/withdrawals/{SATURDAY.isoformat()}/"
    # when taken back: gone, and the late task does nothing
    assert client_as("unit").delete(url).status_code == 204
    assert not ResourceWithdrawal.objects.exists()
    assert resource_backfill_task(1) == {"withdrawal": 1, "backfilled": False}
    # given a withdrawal whose backfill gave the booking away
    monkeypatch.undo()
    _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks)
    # then it stays
    response = client_as("unit").delete(url)
    assert response.status_code == 409
    assert response.data["extra"]["code"] == "already_backfilled"
    assert ResourceWithdrawal.objects.count() == 1
    # and another unit's, or a missing one, is not found
    assert (
        client_as("unit")
        .delete(f"/api/unit/resources/{plan['hall'].pk}/withdrawals/{(SATURDAY + dt.timedelta(days=1)).isoformat()}/")
        .status_code
        == 404
    )


def test_a_backfill_that_could_not_be_queued_is_started_by_the_sweeper(
    world, client_as, plan, eager, django_capture_on_commit_callbacks, monkeypatch
):
    # given the broker was down when the hall was withdrawn: the withdrawal is stored, the request answered
    from lending.tasks import resource_backfill_task, resume_backfills_task

    def broker_down(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(resource_backfill_task, "apply_async", broker_down)
    assert _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks).status_code == 201
    withdrawal = ResourceWithdrawal.objects.get()
    assert withdrawal.backfilled_at is None
    monkeypatch.undo()
    # when the sweeper runs a few minutes later
    later = withdrawal.created_at + dt.timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.withdrawal_resume_pending(now=later) == [withdrawal.pk]
    # then the backfill ran, and the next sweep finds nothing
    assert ResourceBooking.objects.get(pk=plan["booking"].pk).resource_id == plan["near"].pk
    assert services.withdrawal_resume_pending(now=later) == []
    assert resume_backfills_task() == []


def test_the_withdrawals_list_shows_what_can_still_be_taken_back_in_the_callers_scope(
    world, client_as, plan, eager, django_capture_on_commit_callbacks, monkeypatch
):
    # given the hall withdrawn for Saturday (its booking given to another room) and the room 1 km away for Sunday
    # (its backfill not run yet), and a past withdrawal of the hall
    _withdraw(client_as("unit"), plan["hall"], django_capture_on_commit_callbacks)
    ResourceWithdrawal.objects.create(resource=plan["hall"], date=dt.date(2020, 1, 4), reason="旧的")
    monkeypatch.setattr(services, "_enqueue_backfill", lambda pk: None)
    ResourceWithdrawal.objects.create(resource=plan["near"], date=SATURDAY + dt.timedelta(days=1), reason="停电")
    # when the unit and the coordinator list the withdrawals from today on
    mine = client_as("unit").get("/api/unit/withdrawals/").data
    coordinator = client_as("community").get("/api/unit/withdrawals/").data
    # then the unit sees its own hall's, which can no longer be taken back; the coordinator sees both
    assert [(w["resource_name"], w["date"], w["can_take_back"]) for w in mine["results"]] == [
        ("医院报告厅", SATURDAY.isoformat(), False)
    ]
    assert [(w["resource_name"], w["can_take_back"]) for w in coordinator["results"]] == [
        ("医院报告厅", False),
        ("一中会议室", True),
    ]
    # and volunteers may not look; a bad filter is a 400 naming it
    assert client_as("volunteer").get("/api/unit/withdrawals/").status_code == 403
    bad = client_as("unit").get("/api/unit/withdrawals/", {"start": "soon"})
    assert (bad.status_code, list(bad.data["extra"]["fields"])) == (400, ["start"])
