"""The coordinator's roster of a shift: who is expected and what attendance says, marking present or absent, times
by hand with a reason, closing a forgotten check-out; the service records follow as after a QR check-out."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as f
from attendance import services
from attendance.models import Attendance
from records.models import RecordChange, ServiceRecord

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
NOT_FOUND = {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}}


def _roster(shift):
    return f"/api/attendance/shifts/{shift.pk}/roster/"


def _record(shift):
    return f"/api/attendance/shifts/{shift.pk}/record/"


def _token(shift):
    return services.qr_token_create(shift=shift).token


def _refused(field: str, message: str) -> dict:
    return {"message": f"{field}: {message}", "extra": {"code": "refused", "fields": {field: [message]}}}


def _by_qr(volunteer, shift, *, at, out=None):
    services.attendance_check_in(user=volunteer.user, token=_token(shift), now=at)
    if out is not None:
        services.attendance_check_out(user=volunteer.user, token=_token(shift), now=out)


@pytest.fixture
def ended(world, shift_at, assign, now):
    """A 2-hour shift of A1 that ended an hour ago, with V1 assigned (published)."""
    shift = shift_at(now - 3 * H)
    assign(shift, world.v1)
    return shift


def test_roster_lists_the_expected_volunteers_with_their_attendance(world, client_as, shift_at, assign, now):
    # given a shift that ended an hour ago: V1 checked in and out by QR, V3 only in, V4 came not, V5 was marked
    # absent, V6 sits in an unpublished draft only
    shift = shift_at(now - 3 * H)
    v3, v4, v5, v6 = (f.VolunteerFactory(home_community=world.a1, number=f"ZY9{n}") for n in range(3, 7))
    assignments = {v.pk: assign(shift, v).pk for v in (world.v1, v3, v4, v5)}
    assign(shift, v6, published=False)
    _by_qr(world.v1, shift, at=shift.start, out=shift.end - 30 * M)
    _by_qr(v3, shift, at=shift.start + 10 * M)
    Attendance.objects.create(shift=shift, volunteer=v5, status="no_show")
    # when the community coordinator opens the roster
    response = client_as("community").get(_roster(shift))
    # then everyone expected is listed, by number, with what attendance says; the draft's volunteer is not
    assert response.status_code == 200, response.json()
    body = response.json()
    assert {k: body[k] for k in ("shift", "shift_title", "community", "community_name")} == {
        "shift": shift.pk,
        "shift_title": shift.title,
        "community": world.a1.pk,
        "community_name": world.a1.name,
    }
    entries = body["entries"]
    assert [(e["volunteer"], e["assignment"], e["expected"], e["state"]) for e in entries] == [
        (v.pk, assignments[v.pk], True, state)
        for v, state in (
            (world.v1, "checked_out"),
            (v3, "checked_in"),
            (v4, "expected"),
            (v5, "no_show"),
        )
    ]
    by_volunteer = {e["volunteer"]: e for e in entries}
    assert by_volunteer[world.v1.pk]["attendance"]["minutes_served"] == 90
    assert by_volunteer[world.v1.pk]["attendance"]["method"] == "qr"
    assert by_volunteer[v3.pk]["attendance"]["checked_out_at"] is None
    assert by_volunteer[v4.pk]["attendance"] is None
    assert by_volunteer[v4.pk]["volunteer_name"] == v4.name


def test_someone_who_came_but_is_no_longer_assigned_stays_on_the_roster(world, client_as, ended):
    # given an attendance row of V2 on the shift without any published assignment of V2
    Attendance.objects.create(shift=ended, volunteer=world.v2, method="qr", checked_in_at=ended.start)
    entries = client_as("community").get(_roster(ended)).json()["entries"]
    assert {(e["volunteer"], e["expected"], e["state"]) for e in entries} == {
        (world.v1.pk, True, "expected"),
        (world.v2.pk, False, "checked_in"),
    }


def test_marking_absent_then_present_with_times(world, client_as, ended):
    client = client_as("community")
    # when the coordinator marks V1 absent
    absent = client.post(
        _record(ended), {"volunteer": world.v1.pk, "status": "no_show", "reason": "电话确认未到"}, format="json"
    )
    # then the row is a no-show by the coordinator, with the reason, and no record
    assert absent.status_code == 200, absent.json()
    row = Attendance.objects.get()
    assert (
        row.status,
        row.method,
        row.checked_in_at,
        row.checked_out_at,
        row.minutes_served,
        row.note,
        row.recorded_by_id,
    ) == ("no_show", "coordinator", None, None, 0, "电话确认未到", world.users["community"].pk)
    assert not ServiceRecord.objects.exists()
    # when V1 turns out to have come after all: marked present with the shift's times
    present = client.post(
        _record(ended),
        {
            "volunteer": world.v1.pk,
            "status": "present",
            "checked_in_at": ended.start.isoformat(),
            "checked_out_at": ended.end.isoformat(),
            "reason": "纸质签到表上有签名",
        },
        format="json",
    )
    assert present.status_code == 200, present.json()
    row.refresh_from_db()
    assert (row.status, row.minutes_served, row.note) == ("present", 120, "纸质签到表上有签名")
    assert client.get(_roster(ended)).json()["entries"][0]["state"] == "checked_out"
    record = ServiceRecord.objects.get()
    assert (record.attendance_id, record.minutes, record.status, record.source) == (
        row.pk,
        120,
        "approved",
        "attendance",
    )


def test_marking_a_qr_check_in_absent_zeroes_its_record_with_the_reason(world, client_as, ended):
    # given V1 checked in and out by QR: an approved record of 120 minutes
    _by_qr(world.v1, ended, at=ended.start, out=ended.end)
    assert ServiceRecord.objects.get().minutes == 120
    # when the coordinator marks V1 absent (a friend scanned for them)
    response = client_as("community").post(
        _record(ended),
        {
            "volunteer": world.v1.pk,
            "status": "no_show",
            "reason": "代签，本人未到",
        },
        format="json",
    )
    # then the times are gone and the record follows (its minutes to 0, voided: rejected), with the reason in its
    # history
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["checked_in_at"], body["checked_out_at"], body["minutes_served"], body["note"]) == (
        "no_show",
        None,
        None,
        0,
        "代签，本人未到",
    )
    record = ServiceRecord.objects.get()
    assert (record.minutes, record.status) == (0, "rejected")
    assert list(
        RecordChange.objects.filter(record=record).values_list("field", "old", "new", "note", "changed_by")
    ) == [
        ("minutes", "120", "0", "代签，本人未到", world.users["community"].pk),
        ("status", "approved", "rejected", "代签，本人未到", world.users["community"].pk),
    ]


def test_closing_a_forgotten_check_out_keeps_the_qr_check_in(world, client_as, ended):
    # given V1 checked in by QR five minutes after the start and never checked out
    _by_qr(world.v1, ended, at=ended.start + 5 * M)
    assert not ServiceRecord.objects.exists()
    assert client_as("community").get(_roster(ended)).json()["entries"][0]["state"] == "checked_in"
    # when the coordinator closes the check-out at the shift's end, naming no check-in
    response = client_as("community").post(
        _record(ended),
        {
            "volunteer": world.v1.pk,
            "checked_out_at": ended.end.isoformat(),
            "reason": "忘记签退",
        },
        format="json",
    )
    # then the QR check-in stays, the hours are served and the record is written
    assert response.status_code == 200, response.json()
    row = Attendance.objects.get()
    assert (row.checked_in_at, row.checked_out_at, row.minutes_served, row.method, row.note) == (
        ended.start + 5 * M,
        ended.end,
        115,
        "coordinator",
        "忘记签退",
    )
    assert ServiceRecord.objects.get().minutes == 115


RECORD_FIELDS = (
    "community_id",
    "shift_id",
    "post_id",
    "title",
    "date",
    "place",
    "recipient",
    "content",
    "minutes",
    "rating",
    "person_in_charge",
    "source",
    "status",
    "evidence",
)


def test_hand_times_give_the_record_the_qr_flow_gives(world, client_as, shift_at, assign, now):
    # given two volunteers on one shift of a post: V1 scans in and out, V3's same times are entered by hand
    post = f.PostFactory(community=world.a1, duties="引导居民排队")
    shift = shift_at(now - 3 * H, post=post)
    v3 = f.VolunteerFactory(home_community=world.a1)
    assign(shift, world.v1)
    assign(shift, v3)
    came, left = shift.start - 10 * M, shift.end - 25 * M
    _by_qr(world.v1, shift, at=came, out=left)
    response = client_as("community").post(
        _record(shift),
        {
            "volunteer": v3.pk,
            "checked_in_at": came.isoformat(),
            "checked_out_at": left.isoformat(),
            "reason": "手机没电，无法扫码",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    # then both records say the same but for the volunteer and who recorded it
    by_qr = ServiceRecord.objects.filter(volunteer=world.v1).values(*RECORD_FIELDS).get()
    by_hand = ServiceRecord.objects.filter(volunteer=v3).values(*RECORD_FIELDS).get()
    assert by_hand == by_qr
    assert by_qr["minutes"] == 95
    assert [row.minutes_served for row in Attendance.objects.order_by("volunteer_id")] == [95, 95]


def test_every_roster_change_is_in_the_audit_history_by_the_coordinator(world, client_as, ended):
    client = client_as("subdistrict")
    client.post(_record(ended), {"volunteer": world.v1.pk, "status": "no_show", "reason": "未到"}, format="json")
    client.post(
        _record(ended),
        {"volunteer": world.v1.pk, "checked_in_at": ended.start.isoformat(), "reason": "迟到补登"},
        format="json",
    )
    entries = LogEntry.objects.filter(content_type__model="attendance").order_by("pk")
    coordinator = world.users["subdistrict"].pk
    assert [(entry.action, entry.actor_id) for entry in entries] == [
        (LogEntry.Action.CREATE, coordinator),
        (LogEntry.Action.UPDATE, coordinator),
    ]
    changed = entries[1].changes_dict
    assert changed["status"] == ["no_show", "present"]
    assert set(changed) >= {"status", "checked_in_at", "note"}
    assert changed["note"][1] != "迟到补登"  # the reason may be about health: masked in the history


@pytest.mark.parametrize(
    "body, field, message",
    [
        ({"reason": "  "}, "reason", "Say why the attendance is recorded by hand."),
        (
            {"status": "no_show", "checked_in_at": "START"},
            "status",
            "An absent volunteer has no check-in or check-out times.",
        ),
        ({"checked_in_at": None}, "checked_in_at", "Say when the volunteer checked in."),
        ({"checked_out_at": "BEFORE_IN"}, "checked_out_at", "The check-out must come after the check-in."),
    ],
)
def test_bad_roster_input_is_a_400_naming_the_field(world, client_as, ended, body, field, message):
    values = {"START": ended.start.isoformat(), "BEFORE_IN": (ended.start - M).isoformat()}
    payload = {"volunteer": world.v1.pk, "reason": "补登", "checked_in_at": ended.start.isoformat(), **body}
    payload = {key: values.get(value, value) if isinstance(value, str) else value for key, value in payload.items()}
    response = client_as("community").post(_record(ended), payload, format="json")
    assert (response.status_code, response.json()) == (400, _refused(field, message))
    assert not Attendance.objects.exists()


def test_closing_a_check_out_before_the_qr_check_in_is_refused(world, client_as, ended):
    _by_qr(world.v1, ended, at=ended.start + 30 * M)
    response = client_as("community").post(
        _record(ended),
        {
            "volunteer": world.v1.pk,
            "checked_out_at": (ended.start + 10 * M).isoformat(),
            "reason": "忘记签退",
        },
        format="json",
    )
    assert (response.status_code, response.json()) == (
        400,
        _refused("checked_out_at", "The check-out must come after the check-in."),
    )
    assert Attendance.objects.get().checked_out_at is None


def test_absent_before_the_shift_begins_is_refused(world, client_as, shift_at, assign, now):
    shift = shift_at(now + 2 * H)
    assign(shift)
    response = client_as("community").post(
        _record(shift),
        {
            "volunteer": world.v1.pk,
            "status": "no_show",
            "reason": "请假",
        },
        format="json",
    )
    assert (response.status_code, response.json()) == (
        400,
        _refused("status", "A volunteer is marked absent once the shift has begun."),
    )


def test_missing_reason_and_unknown_status_are_named(world, client_as, ended):
    client = client_as("community")
    missing = client.post(
        _record(ended), {"volunteer": world.v1.pk, "checked_in_at": ended.start.isoformat()}, format="json"
    )
    unknown = client.post(_record(ended), {"volunteer": world.v1.pk, "status": "late", "reason": "x"}, format="json")
    assert (missing.status_code, list(missing.json()["extra"]["fields"])) == (400, ["reason"])
    assert (unknown.status_code, list(unknown.json()["extra"]["fields"])) == (400, ["status"])
    assert not Attendance.objects.exists()


def test_roster_outside_scope_is_404_and_other_roles_403(world, client_as, shift_at, assign, now):
    # given V2's assignment on a shift of B1 (outside S1 and A1)
    shift = shift_at(now - 3 * H, community=world.b1)
    assign(shift, world.v2)
    for role in ("community", "subdistrict"):
        response = client_as(role).get(_roster(shift))
        assert (response.status_code, response.json()) == (404, NOT_FOUND)
        marked = client_as(role).post(
            _record(shift), {"volunteer": world.v2.pk, "status": "no_show", "reason": "未到"}, format="json"
        )
        assert (marked.status_code, marked.json()) == (404, NOT_FOUND)
    for role in ("volunteer", "unit"):
        assert client_as(role).get(_roster(shift)).status_code == 403
    assert [e["volunteer"] for e in client_as("admin").get(_roster(shift)).json()["entries"]] == [world.v2.pk]
    assert not Attendance.objects.exists()
    assert client_as("community").get("/api/attendance/shifts/999999/roster/").json() == NOT_FOUND


def test_the_weeks_no_shows_by_community(world, client_as, shift_at, assign, now):
    # given no-shows on A1 and B1 shifts this week, one on an A1 shift a week earlier, and a present row
    this_week = shift_at(now - 3 * H)
    other = shift_at(now - 3 * H, community=world.b1)
    earlier = shift_at(now - 7 * 24 * H - 3 * H)
    mine = Attendance.objects.create(shift=this_week, volunteer=world.v1, status="no_show")
    Attendance.objects.create(shift=other, volunteer=world.v2, status="no_show")
    Attendance.objects.create(shift=earlier, volunteer=world.v1, status="no_show")
    Attendance.objects.create(shift=this_week, volunteer=world.v2, method="qr", checked_in_at=this_week.start)
    # when the community coordinator asks for the no-shows of any day of this week
    day = (this_week.week + dt.timedelta(days=3)).isoformat()
    response = client_as("community").get("/api/attendance/", {"status": "no_show", "week": day})
    # then only their community's no-show of this week is listed
    assert response.status_code == 200, response.json()
    assert [(r["id"], r["community"], r["volunteer"], r["status"]) for r in response.json()["results"]] == [
        (mine.pk, world.a1.pk, world.v1.pk, "no_show")
    ]
    everyone = client_as("admin").get("/api/attendance/", {"status": "no_show", "week": day}).json()["results"]
    assert sorted(r["community"] for r in everyone) == sorted([world.a1.pk, world.b1.pk])


def test_bad_no_show_filters_are_a_400(client_as):
    client = client_as("community")
    for query, field in (({"week": "last"}, "week"), ({"status": "late"}, "status")):
        response = client.get("/api/attendance/", query)
        assert (response.status_code, list(response.json()["extra"]["fields"])) == (400, [field])


def test_the_roster_runs_the_same_queries_however_many_are_on_it(world, client_as, shift_at, assign, now):
    client = client_as("community")

    def queries(shift) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_roster(shift)).status_code == 200
        return len(captured)

    small, large = shift_at(now - 3 * H), shift_at(now - 6 * H)
    assign(small, world.v1)
    for _ in range(4):
        volunteer = f.VolunteerFactory(home_community=world.a1)
        assign(large, volunteer)
        _by_qr(volunteer, large, at=large.start, out=large.end)
    assert queries(large) == queries(small)
