"""The records list per role: a volunteer's own, a coordinator's scope, a unit's consenting in-office members;
recipients masked for all but coordinators; filters checked and named when wrong."""

import datetime as dt

import pytest

import factories as f
from records.services import record_from_attendance

URL = "/api/records/"


@pytest.fixture
def rows(world, record):
    """One record each: V1 in A1, a neighbour in A2, V2 in B1, and a U1 member who did not consent to share."""
    shy = f.VolunteerFactory(
        home_community=world.a1, kind="in_office", employer_unit=world.u1, consent_share_with_unit=False
    )
    return {
        "v1": record(),
        "a2": record(volunteer=f.VolunteerFactory(home_community=world.a2)),
        "v2": record(volunteer=world.v2),
        "shy": record(volunteer=shy),
    }


@pytest.mark.parametrize(
    "role, visible",
    [
        ("volunteer", {"v1"}),
        ("unit", {"v1"}),
        ("community", {"v1", "shy"}),
        ("subdistrict", {"v1", "a2", "shy"}),
        ("admin", {"v1", "a2", "v2", "shy"}),
    ],
)
def test_each_role_lists_only_the_records_of_its_scope(world, client_as, rows, role, visible):
    response = client_as(role).get(URL)
    assert response.status_code == 200
    assert {row["id"] for row in response.json()["results"]} == {rows[key].pk for key in visible}


def test_anonymous_callers_are_refused(world, client_as):
    assert client_as("anonymous").get(URL).status_code == 401


@pytest.mark.parametrize(
    "role, recipient",
    [
        ("volunteer", "王**"),
        ("unit", "王**"),
        ("community", "王秀英"),
        ("subdistrict", "王秀英"),
        ("admin", "王秀英"),
    ],
)
def test_the_recipient_is_masked_for_all_but_coordinators(world, client_as, rows, role, recipient):
    results = client_as(role).get(URL, {"volunteer": world.v1.pk}).json()["results"]
    assert [row["recipient"] for row in results] == [recipient]


def test_filters_by_volunteer_date_status_and_source(world, client_as, record, attended):
    march = record(date=dt.date(2026, 3, 1))
    april = record(date=dt.date(2026, 4, 1), status="pending")
    from_attendance = record_from_attendance(attended())
    other = record(volunteer=world.v2)
    client = client_as("admin")

    def ids(**params):
        return {row["id"] for row in client.get(URL, params).json()["results"]}

    assert ids(volunteer=world.v1.pk) == {march.pk, april.pk, from_attendance.pk}
    assert ids(date_from="2026-03-15", date_to="2026-04-30") == {april.pk}
    assert ids(status="pending") == {april.pk}
    assert ids(source="attendance") == {from_attendance.pk}
    assert ids(volunteer=world.v2.pk, source="manual") == {other.pk}


def test_the_review_queue_is_the_scopes_pending_manual_entries_newest_first(world, client_as, record):
    # given a community's pending entries on two days (the later one filed first), its approved and rejected
    # entries, and a pending entry in a community of another coordinator
    later = record(date=dt.date(2026, 4, 2), status="pending")
    earlier = record(date=dt.date(2026, 4, 1), status="pending")
    same_day = record(date=dt.date(2026, 4, 2), status="pending")
    record(date=dt.date(2026, 4, 3), status="approved")
    record(date=dt.date(2026, 4, 3), status="rejected")
    record(volunteer=f.VolunteerFactory(home_community=world.a2), date=dt.date(2026, 4, 3), status="pending")

    # when the community coordinator opens the review page (what it asks for)
    response = client_as("community").get(URL, {"status": "pending", "source": "manual"})

    # then their pending entries only, newest day first and, within a day, the newest entry first
    assert response.status_code == 200
    assert response.json()["count"] == 3
    assert [row["id"] for row in response.json()["results"]] == [same_day.pk, later.pk, earlier.pk]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"status": "done"}, "status"),
        ({"source": "phone"}, "source"),
        ({"date_from": "March"}, "date_from"),
        ({"date_from": "2026-04-01", "date_to": "2026-03-01"}, "date_to"),
        ({"volunteer": "abc"}, "volunteer"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(world, client_as, params, field):
    response = client_as("community").get(URL, params)
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == [field]


def test_a_volunteer_sees_the_trace_of_corrections_on_their_record(
    world, client_as, record, django_assert_max_num_queries
):
    # given two of V1's records, one corrected by the coordinator
    record()
    corrected = record(minutes=90)
    client_as("community").post(f"{URL}{corrected.pk}/correct/", {"minutes": 60, "note": "含路途时间"}, format="json")
    # when V1 lists their records
    with django_assert_max_num_queries(8):
        results = client_as("volunteer").get(URL).json()["results"]
    # then the corrected one carries its change
    changes = {
        row["id"]: [(c["field"], c["old"], c["new"], c["changed_by"], c["note"]) for c in row["changes"]]
        for row in results
    }
    assert changes[corrected.pk] == [("minutes", "90", "60", "shequ", "含路途时间")]
    assert sum(len(c) for c in changes.values()) == 1
