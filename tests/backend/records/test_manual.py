"""Manual entries with evidence: who files them, the coordinator's approval or rejection with a note, corrections,
and bad input refused with the field named and nothing changed."""

import datetime as dt

import pytest
from django.utils import timezone

from records.models import RecordChange, ServiceRecord
from records.services import record_from_attendance

URL = "/api/records/"


def _entry(**changes):
    body = {
        "title": "楼院清扫",
        "date": "2026-03-01",
        "place": "秦岭路1号院",
        "recipient": "王秀英",
        "content": "清扫楼道",
        "minutes": 90,
        "rating": 5,
        "person_in_charge": "李组长",
        "evidence": "https://example.org/photo.jpg",
    }
    return {**body, **changes}


def test_a_volunteer_files_their_own_entry_pending_review(world, client_as):
    # when V1 files an entry without naming a volunteer
    response = client_as("volunteer").post(URL, _entry(), format="json")
    # then it is theirs, pending, counted in their community, recorded by them
    assert response.status_code == 201, response.json()
    body = response.json()
    assert {k: body[k] for k in ("volunteer", "community", "minutes", "hours", "source", "status", "recorder")} == {
        "volunteer": world.v1.pk,
        "community": world.a1.pk,
        "minutes": 90,
        "hours": 1.5,
        "source": "manual",
        "status": "pending",
        "recorder": "v1",
    }
    assert body["recipient"] == "王**"  # the volunteer sees the recipient masked


def test_a_volunteer_cannot_file_for_somebody_else(world, client_as):
    response = client_as("volunteer").post(URL, _entry(volunteer=world.v2.pk), format="json")
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "volunteer: You may not file a record for this volunteer.",
            "extra": {"code": "refused", "fields": {"volunteer": ["You may not file a record for this volunteer."]}},
        },
    )
    assert not ServiceRecord.objects.exists()


@pytest.mark.parametrize(
    "role, volunteer, status",
    [
        ("community", "v1", 201),
        ("community", "v2", 400),
        ("subdistrict", "v1", 201),
        ("subdistrict", "v2", 400),
        ("admin", "v2", 201),
    ],
)
def test_coordinators_file_for_volunteers_of_their_scope(world, client_as, role, volunteer, status):
    response = client_as(role).post(URL, _entry(volunteer=getattr(world, volunteer).pk), format="json")
    assert response.status_code == status, response.json()
    assert ServiceRecord.objects.count() == (1 if status == 201 else 0)


def test_a_unit_representative_does_not_file_records(world, client_as):
    response = client_as("unit").post(URL, _entry(volunteer=world.v1.pk), format="json")
    assert (response.status_code, response.json()) == (
        403,
        {
            "message": "Only volunteers and coordinators file service records.",
            "extra": {"code": "permission_denied", "fields": {}},
        },
    )


def test_a_coordinator_must_name_the_volunteer(world, client_as):
    response = client_as("community").post(URL, _entry(), format="json")
    assert (response.status_code, response.json()["extra"]["fields"]) == (
        400,
        {"volunteer": ["This field is required."]},
    )


@pytest.mark.parametrize(
    "change, field",
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": 24 * 60 + 1}, "minutes"),
        ({"rating": 6}, "rating"),
        ({"evidence": ""}, "evidence"),
        ({"date": "yesterday"}, "date"),
        ({"title": ""}, "title"),
        ({"date": "2999-01-01"}, "date"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_nothing_is_saved(world, client_as, change, field):
    response = client_as("volunteer").post(URL, _entry(**change), format="json")
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == [field]
    assert not ServiceRecord.objects.exists()


def test_approval_counts_the_hours_and_leaves_a_trace(world, client_as, record):
    # given V1's pending entry of 90 minutes
    entry = record(minutes=90, status="pending")
    client = client_as("volunteer")
    assert client.get("/api/records/mine/summary/").json()["minutes"] == 0
    # when the community coordinator approves it
    response = client_as("community").post(f"{URL}{entry.pk}/approve/", {"note": "属实"}, format="json")
    # then it counts, and the history holds the change of status
    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["review_note"], response.json()["reviewed_by"]) == (
        "approved",
        "属实",
        "shequ",
    )
    assert client.get("/api/records/mine/summary/").json()["minutes"] == 90
    assert list(RecordChange.objects.values_list("record_id", "field", "old", "new", "changed_by_id", "note")) == [
        (entry.pk, "status", "pending", "approved", world.users["community"].pk, "属实"),
    ]


def test_rejection_needs_a_note(world, client_as, record):
    entry = record(status="pending")
    client = client_as("subdistrict")
    missing = client.post(f"{URL}{entry.pk}/reject/", {"note": "  "}, format="json")
    assert (missing.status_code, missing.json()) == (
        400,
        {
            "message": "note: Say why the entry is rejected.",
            "extra": {"code": "refused", "fields": {"note": ["Say why the entry is rejected."]}},
        },
    )
    entry.refresh_from_db()
    assert (entry.status, RecordChange.objects.count()) == ("pending", 0)
    rejected = client.post(f"{URL}{entry.pk}/reject/", {"note": "无签到记录"}, format="json")
    assert (rejected.status_code, rejected.json()["status"], rejected.json()["review_note"]) == (
        200,
        "rejected",
        "无签到记录",
    )
    assert list(RecordChange.objects.values_list("field", "old", "new")) == [("status", "pending", "rejected")]


def test_a_reviewed_entry_is_not_reviewed_again(world, client_as, record):
    entry = record(status="approved")
    response = client_as("community").post(f"{URL}{entry.pk}/reject/", {"note": "重复"}, format="json")
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "Only a pending entry can be approved or rejected.",
            "extra": {"code": "not_pending", "fields": {}},
        },
    )
    assert not RecordChange.objects.exists()


@pytest.mark.parametrize(
    "role, community, status",
    [
        ("community", "a1", 200),
        ("community", "a2", 404),
        ("community", "b1", 404),
        ("subdistrict", "a2", 200),
        ("subdistrict", "b1", 404),
        ("admin", "b1", 200),
        ("volunteer", "a1", 403),
        ("unit", "a1", 403),
        ("anonymous", "a1", 401),
    ],
)
def test_review_per_role_inside_and_outside_scope(world, client_as, record, role, community, status):
    entry = record(status="pending", community=getattr(world, community))
    response = client_as(role).post(f"{URL}{entry.pk}/approve/", {}, format="json")
    assert response.status_code == status
    entry.refresh_from_db()
    assert entry.status == ("approved" if status == 200 else "pending")


def test_a_correction_of_hours_leaves_a_trace(world, client_as, record):
    entry = record(minutes=90)
    response = client_as("community").post(
        f"{URL}{entry.pk}/correct/", {"minutes": 60, "note": "含路途时间"}, format="json"
    )
    assert (response.status_code, response.json()["minutes"]) == (200, 60)
    assert list(RecordChange.objects.values_list("field", "old", "new", "changed_by_id", "note")) == [
        ("minutes", "90", "60", world.users["community"].pk, "含路途时间"),
    ]


def test_hours_from_attendance_are_corrected_at_the_attendance(world, client_as, attended):
    entry = record_from_attendance(attended(minutes=90))
    response = client_as("community").post(f"{URL}{entry.pk}/correct/", {"minutes": 60, "note": "x"}, format="json")
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "Hours from attendance follow the check-in and check-out; correct those.",
            "extra": {"code": "from_attendance", "fields": {}},
        },
    )
    entry.refresh_from_db()
    assert (entry.minutes, RecordChange.objects.count()) == (90, 0)


def test_the_volunteers_date_is_checked_against_today(world, client_as):
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = client_as("volunteer").post(URL, _entry(date=tomorrow), format="json")
    assert response.json()["extra"]["fields"] == {"date": ["A service cannot lie in the future."]}
