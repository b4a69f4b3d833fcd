"""A volunteer keeps their own blackouts (the days they are away): they list, add and delete only their own; the
end comes after the start, a new one does not start before today, and each change is in the audit history."""

import datetime as dt

import pytest
from auditlog.models import LogEntry

import factories as f
from core.weeks import district_today, district_zone
from people.models import Blackout

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


def _day(offset: int, hour: int = 0) -> dt.datetime:
    return dt.datetime.combine(district_today() + dt.timedelta(days=offset), dt.time(hour), tzinfo=district_zone())


def test_a_volunteer_adds_lists_and_deletes_their_own_blackouts(world, client_as):
    # given V2's blackout, which V1 must not see
    f.BlackoutFactory(volunteer=world.v2, start=_day(1), end=_day(2))
    client = client_as("volunteer")
    # when V1 adds two whole days away from tomorrow, with a reason
    created = client.post(
        "/api/blackouts/",
        {
            "volunteer": world.v1.pk,
            "start": _day(1).isoformat(),
            "end": _day(3).isoformat(),
            "reason": "出差",
        },
        format="json",
    )
    # then it is theirs, and their list holds it alone
    assert created.status_code == 201
    blackout = Blackout.objects.get(volunteer=world.v1)
    listed = client.get("/api/blackouts/", {"volunteer": world.v1.pk}).json()
    assert [row["id"] for row in listed["results"]] == [blackout.pk]
    assert [row["id"] for row in client.get("/api/blackouts/").json()["results"]] == [blackout.pk]
    assert listed["results"][0] == {
        "id": blackout.pk,
        "volunteer": world.v1.pk,
        "start": _day(1).isoformat(),
        "end": _day(3).isoformat(),
        "reason": "出差",
    }
    # and when they delete it, it is gone
    assert client.delete(f"/api/blackouts/{blackout.pk}/").status_code == 204
    assert not Blackout.objects.filter(volunteer=world.v1).exists()


def test_a_volunteer_cannot_touch_or_file_another_volunteers_blackouts(world, client_as):
    # given V2's blackout
    other = f.BlackoutFactory(volunteer=world.v2, start=_day(1), end=_day(2))
    client = client_as("volunteer")
    # when V1 deletes it, or files one for V2
    deleted = client.delete(f"/api/blackouts/{other.pk}/")
    filed = client.post(
        "/api/blackouts/",
        {
            "volunteer": world.v2.pk,
            "start": _day(1).isoformat(),
            "end": _day(2).isoformat(),
        },
        format="json",
    )
    # then V2's blackout does not exist for V1, and V2 is not a volunteer V1 may name
    assert deleted.status_code == 404
    assert (filed.status_code, filed.json()) == (
        400,
        {
            "message": f'volunteer: Invalid pk "{world.v2.pk}" - object does not exist.',
            "extra": {
                "code": "invalid",
                "fields": {"volunteer": [f'Invalid pk "{world.v2.pk}" - object does not exist.']},
            },
        },
    )
    assert list(Blackout.objects.values_list("pk", flat=True)) == [other.pk]


def test_a_blackout_ends_after_it_starts(world, client_as):
    # when the end is the start
    response = client_as("volunteer").post(
        "/api/blackouts/",
        {
            "volunteer": world.v1.pk,
            "start": _day(1, 9).isoformat(),
            "end": _day(1, 9).isoformat(),
        },
        format="json",
    )
    # then
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "end: Must be later than start.",
            "extra": {"code": "invalid", "fields": {"end": ["Must be later than start."]}},
        },
    )
    assert not Blackout.objects.exists()


def test_a_blackout_may_start_today_but_not_yesterday(world, client_as):
    client = client_as("volunteer")
    # when one starts at midnight today (district time), another yesterday evening
    today = client.post(
        "/api/blackouts/",
        {
            "volunteer": world.v1.pk,
            "start": _day(0).isoformat(),
            "end": _day(1).isoformat(),
        },
        format="json",
    )
    yesterday = client.post(
        "/api/blackouts/",
        {
            "volunteer": world.v1.pk,
            "start": _day(-1, 20).isoformat(),
            "end": _day(1).isoformat(),
        },
        format="json",
    )
    # then
    assert today.status_code == 201
    assert (yesterday.status_code, yesterday.json()) == (
        400,
        {
            "message": "start: Must not be before today.",
            "extra": {"code": "invalid", "fields": {"start": ["Must not be before today."]}},
        },
    )
    assert Blackout.objects.count() == 1


def test_adding_and_deleting_a_blackout_is_in_the_audit_history(world, client_as):
    client = client_as("volunteer")
    # when V1 adds one and deletes it
    created = client.post(
        "/api/blackouts/",
        {
            "volunteer": world.v1.pk,
            "start": _day(1).isoformat(),
            "end": _day(2).isoformat(),
            "reason": "住院",
        },
        format="json",
    ).json()
    client.delete(f"/api/blackouts/{created['id']}/")
    # then both are recorded, by V1
    entries = LogEntry.objects.filter(content_type__model="blackout").order_by("pk")
    assert [(entry.action, entry.actor_id) for entry in entries] == [
        (LogEntry.Action.CREATE, world.v1.user_id),
        (LogEntry.Action.DELETE, world.v1.user_id),
    ]
