"""The coordinator's record of a volunteer's times on a shift of their community."""

import datetime as dt

import pytest

from attendance.models import Attendance

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


def _url(shift):
    return f"/api/attendance/shifts/{shift.pk}/record/"


def test_coordinator_records_times_and_hours_are_clipped(world, client_as, shift_at, assign, now):
    # given V1's published assignment to a 2-hour shift that ended an hour ago
    shift = shift_at(now - 3 * H)
    assignment = assign(shift)
    # when the community coordinator records arrival 15 min early and departure 10 min early
    response = client_as("community").post(
        _url(shift),
        {
            "volunteer": world.v1.pk,
            "checked_in_at": (shift.start - 15 * M).isoformat(),
            "checked_out_at": (shift.end - 10 * M).isoformat(),
            "reason": "签到表补登",
        },
        format="json",
    )
    # then the row is present, by the coordinator, with 110 minutes
    assert response.status_code == 200, response.json()
    row = Attendance.objects.get()
    assert (row.assignment_id, row.status, row.method, row.recorded_by_id, row.minutes_served) == (
        assignment.pk,
        "present",
        "coordinator",
        world.users["community"].pk,
        110,
    )
    assert response.json()["hours"] == 1.83


def test_coordinator_record_replaces_the_qr_times(world, client_as, shift_at, assign, now):
    shift = shift_at(now - 3 * H)
    assign(shift)
    Attendance.objects.create(shift=shift, volunteer=world.v1, method="qr", checked_in_at=shift.start + 30 * M)
    response = client_as("subdistrict").post(
        _url(shift),
        {
            "volunteer": world.v1.pk,
            "checked_in_at": shift.start.isoformat(),
            "checked_out_at": shift.end.isoformat(),
            "reason": "扫码晚了",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    row = Attendance.objects.get()
    assert (row.method, row.checked_in_at, row.minutes_served) == ("coordinator", shift.start, 120)


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"checked_out_at": -3 * H}, "checked_out_at", "The check-out must come after the check-in."),
        ({"checked_out_at": 0 * H}, "checked_out_at", "The check-out must come after the check-in."),
        ({"checked_in_at": 10 * H}, "checked_in_at", "A check-in cannot lie in the future."),
    ],
)
def test_bad_times_are_a_400_naming_the_field(world, client_as, shift_at, assign, now, change, field, message):
    shift = shift_at(now - 3 * H)
    assign(shift)
    body = {"volunteer": world.v1.pk, "checked_in_at": shift.start, "checked_out_at": shift.end, "reason": "补登"}
    for name, delta in change.items():
        body[name] = shift.start + delta
    if field == "checked_in_at":
        body["checked_out_at"] = None
    response = client_as("community").post(
        _url(shift), {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in body.items()}, format="json"
    )
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": f"{field}: {message}",
            "extra": {"code": "refused", "fields": {field: [message]}},
        },
    )
    assert not Attendance.objects.exists()


def test_malformed_time_and_unassigned_volunteer_are_named(world, client_as, shift_at, assign, now):
    shift = shift_at(now - 3 * H)
    assign(shift)
    client = client_as("community")
    malformed = client.post(
        _url(shift), {"volunteer": world.v1.pk, "checked_in_at": "yesterday", "reason": "补登"}, format="json"
    )
    assert malformed.status_code == 400
    assert list(malformed.json()["extra"]["fields"]) == ["checked_in_at"]
    stranger = client.post(
        _url(shift),
        {"volunteer": world.v2.pk, "checked_in_at": shift.start.isoformat(), "reason": "补登"},
        format="json",
    )
    assert (stranger.status_code, stranger.json()["extra"]["fields"]) == (
        400,
        {"volunteer": ["This volunteer has no published assignment on this shift."]},
    )
    assert not Attendance.objects.exists()


def test_record_outside_scope_is_404_and_other_roles_403(world, client_as, shift_at, assign, now):
    # given V2's assignment on a shift of B1 (outside S1 and A1)
    shift = shift_at(now - 3 * H, community=world.b1)
    assign(shift, world.v2)
    body = {"volunteer": world.v2.pk, "checked_in_at": shift.start.isoformat(), "reason": "补登"}
    for role in ("community", "subdistrict"):
        response = client_as(role).post(_url(shift), body, format="json")
        assert (response.status_code, response.json()) == (
            404,
            {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}},
        )
    for role in ("volunteer", "unit"):
        assert client_as(role).post(_url(shift), body, format="json").status_code == 403
    assert not Attendance.objects.exists()
    assert client_as("admin").post(_url(shift), body, format="json").status_code == 200


def test_marking_absent_a_volunteer_already_served_voids_their_record_with_the_reason(
    world, client_as, shift_at, assign, now
):
    from records.models import RecordChange, ServiceRecord
    from records.selectors import record_summary

    # given V1 served the whole 2-hour shift that ended an hour ago, recorded by the coordinator
    shift = shift_at(now - 3 * H)
    assign(shift)
    client = client_as("community")
    served = {"checked_in_at": shift.start.isoformat(), "checked_out_at": shift.end.isoformat(), "reason": "补登"}
    assert client.post(_url(shift), {"volunteer": world.v1.pk, **served}, format="json").status_code == 200
    record = ServiceRecord.objects.get()
    assert (record.status, record.minutes, record_summary(volunteer=world.v1, year=now.year).minutes) == (
        "approved",
        120,
        120,
    )
    # when the coordinator marks them absent after all
    absent = {"volunteer": world.v1.pk, "status": "no_show", "reason": "签到表记错了人"}
    response = client.post(_url(shift), absent, format="json")
    # then the record no longer counts: rejected, its minutes gone, the totals down to nothing
    assert response.status_code == 200, response.json()
    record.refresh_from_db()
    assert (record.status, record.minutes) == ("rejected", 0)
    assert record_summary(volunteer=world.v1, year=now.year).minutes == 0
    # and its history says why and who, once however often it is marked
    assert client.post(_url(shift), absent, format="json").status_code == 200
    assert list(
        RecordChange.objects.filter(record=record).values_list("field", "old", "new", "note", "changed_by")
    ) == [
        ("minutes", "120", "0", "签到表记错了人", world.users["community"].pk),
        ("status", "approved", "rejected", "签到表记错了人", world.users["community"].pk),
    ]
    # and marked present again, the record counts again, traced too
    assert client.post(_url(shift), {"volunteer": world.v1.pk, **served}, format="json").status_code == 200
    record.refresh_from_db()
    assert (record.status, record.minutes, record_summary(volunteer=world.v1, year=now.year).minutes) == (
        "approved",
        120,
        120,
    )
    assert RecordChange.objects.filter(record=record).latest("id").new == "approved"
