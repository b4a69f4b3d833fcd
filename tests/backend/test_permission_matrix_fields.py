"""Fields a client must not set: sent on a create or a change, they are refused (400) or have no effect.

Over the router's write endpoints (every row of endpoints.ENDPOINTS, as each role that may write it) plus the
volunteer's own profile, a volunteer's service record and a ledger entry. What must not be settable is
written here by hand: ids and timestamps everywhere, and the fields the server owns (a need's owner, status
and rating; a resource's unit; a shift's origin and week; a volunteer's number and placement; a record's
status, reviewer and recorder).
"""

import datetime as dt

import pytest

from endpoints import ENDPOINTS

pytestmark = pytest.mark.django_db

FORGED_TIME = "2001-01-01T00:00:00+08:00"
GENERIC = {"id": 987654, "created_at": FORGED_TIME, "updated_at": FORGED_TIME}


def _protected(basename: str, w) -> dict:
    admin = w.users["admin"].pk
    return {
        **GENERIC,
        **{
            "need": {
                "owner": admin,
                "status": "completed",
                "status_changed_at": FORGED_TIME,
                "finished_at": FORGED_TIME,
                "rating_score": 5,
                "rating_comment": "伪造",
                "rated_by": admin,
                "rated_at": FORGED_TIME,
            },
            "resource": {"unit": w.u2.pk},
            "shift": {"origin": "need", "week": "2001-01-01", "generation_key": "forged"},
            "volunteer": {"number": "FORGED1", "user": admin, "report_confirmed_at": FORGED_TIME},
            "user": {
                "username": "forged",
                "is_active": False,
                "is_superuser": True,
                "is_staff": True,
                "password": "forged",
                "activated_at": FORGED_TIME,
                "phone_problem": "invalid",
                "privacy_accepted_at": FORGED_TIME,
                "privacy_version": "forged",
                "credentials_version": 99,
            },
        }.get(basename, {}),
    }


def _stored(obj, name):
    field = obj._meta.get_field(name)
    return getattr(obj, field.attname)


def _forged(stored, sent) -> bool:
    """Whether the stored value is the one the client sent (timestamps: the forged year)."""
    if isinstance(stored, (dt.date, dt.datetime)):
        return stored.year == 2001
    return stored == sent


def _model_fields(model) -> set:
    return {field.name for field in model._meta.concrete_fields}


CREATES = [endpoint for endpoint in ENDPOINTS if endpoint.create is not None]


@pytest.mark.parametrize("endpoint", CREATES, ids=[endpoint.basename for endpoint in CREATES])
def test_create_ignores_or_refuses_server_owned_fields(world, client_as, endpoint):
    # given a valid payload from a role that may create, with the server-owned fields forged
    role = sorted(endpoint.create_roles, key=["unit", "volunteer", "community", "subdistrict", "admin"].index)[0]
    model = type(endpoint.make_in(world))
    protected = {
        name: value for name, value in _protected(endpoint.basename, world).items() if name in _model_fields(model)
    }
    before = model.objects.count()
    # when it is filed
    response = client_as(role).post(endpoint.path, {**endpoint.create(world, True), **protected}, format="json")
    # then it is refused whole, or created with none of the forged values
    if response.status_code == 400:
        assert model.objects.count() == before
        return
    assert response.status_code == 201, response.json()
    created = model.objects.get(pk=response.json()["id"])
    assert {name for name, sent in protected.items() if _forged(_stored(created, name), sent)} == set()


PATCHES = [(endpoint, role) for endpoint in ENDPOINTS for role in sorted(endpoint.write_in)]


@pytest.mark.parametrize(("endpoint", "role"), PATCHES, ids=[f"{e.basename}-{r}" for e, r in PATCHES])
def test_change_leaves_server_owned_fields_alone(world, client_as, endpoint, role):
    # given an object in the caller's scope
    obj = endpoint.make_in(world)
    model = type(obj)
    protected = {
        name: value
        for name, value in _protected(endpoint.basename, world).items()
        if name in _model_fields(model) and name != "id"
    }
    before = {name: _stored(model.objects.get(pk=obj.pk), name) for name in protected}
    # when the caller changes it with the server-owned fields forged
    response = client_as(role).patch(f"{endpoint.path}{obj.pk}/", protected, format="json")
    # then the change is refused or those fields keep their values (updated_at moves, but not to the forged time)
    assert response.status_code in (200, 400), response.json()
    after = {name: _stored(model.objects.get(pk=obj.pk), name) for name in protected}
    assert {name for name, sent in protected.items() if _forged(after[name], sent)} == set()
    assert {name: value for name, value in after.items() if name != "updated_at"} == {
        name: value for name, value in before.items() if name != "updated_at"
    }


def test_volunteer_cannot_move_or_renumber_their_own_profile(world, client_as):
    # given the volunteer's own profile
    v1 = world.v1
    placement = ("number", "name", "kind", "employer_unit_id", "home_community_id", "grid_id", "active", "user_id")
    before = {name: getattr(v1, name) for name in placement}
    # when they send the fields their community keeps, with one change of their own
    response = client_as("volunteer").patch(
        f"/api/volunteers/{v1.pk}/",
        {
            "number": "FORGED1",
            "name": "改名",
            "kind": "retired",
            "employer_unit": world.u2.pk,
            "home_community": world.b1.pk,
            "active": False,
            "user": world.users["admin"].pk,
            "max_hours_per_week": 6,
        },
        format="json",
    )
    # then only their own field changed
    assert response.status_code == 200, response.json()
    v1.refresh_from_db()
    assert {name: getattr(v1, name) for name in placement} == before
    assert v1.max_hours_per_week == 6


def test_volunteer_files_a_pending_record_of_their_own(world, client_as):
    from records.models import ServiceRecord

    # when a volunteer files a record claiming it approved, reviewed, recorded by the administrator, and v2's
    admin = world.users["admin"]
    response = client_as("volunteer").post(
        "/api/records/",
        {
            "title": "助老服务",
            "date": "2026-03-01",
            "minutes": 60,
            "evidence": "签到表照片",
            "status": "approved",
            "reviewed_by": admin.pk,
            "recorder": admin.pk,
            "volunteer": world.v2.pk,
            "source": "attendance",
            "id": 987654,
        },
        format="json",
    )
    # then it is refused, or stored as their own pending manual record that they recorded
    if response.status_code == 400:
        assert not ServiceRecord.objects.exists()
        return
    assert response.status_code == 201, response.json()
    record = ServiceRecord.objects.get()
    assert (record.volunteer_id, record.status, record.reviewed_by_id, record.recorder_id, record.source) == (
        world.v1.pk,
        "pending",
        None,
        world.v1.user_id,
        "manual",
    )
    assert record.pk != 987654


def test_ledger_entry_is_written_by_the_caller(world, client_as):
    from ledgers.models import LedgerEntry, UnitLedger

    kind = LedgerEntry.Kind.values[0]

    # given a ledger of a unit in the coordinator's community
    ledger = UnitLedger.objects.create(unit=world.u1, month=dt.date(2026, 10, 1))
    # when the coordinator adds an entry naming someone else as its author and another ledger
    other = UnitLedger.objects.create(unit=world.u2, month=dt.date(2026, 10, 1))
    response = client_as("community").post(
        f"/api/ledgers/{ledger.pk}/entries/",
        {
            "kind": kind,
            "title": "慰问孤寡老人",
            "date": "2026-10-08",
            "created_by": world.users["admin"].pk,
            "ledger": other.pk,
            "created_at": FORGED_TIME,
        },
        format="json",
    )
    # then the entry is theirs, on this ledger, or refused
    assert response.status_code in (201, 400), response.json()
    if response.status_code == 201:
        entry = ledger.entries.get()
        assert (entry.created_by_id, entry.ledger_id) == (world.users["community"].pk, ledger.pk)
        assert not other.entries.exists()


def test_unit_representative_edits_contact_details_not_place_or_kind(world, client_as):
    # given the representative's own unit in community A1
    u1 = world.u1
    # when they move it to another community and change its kind
    response = client_as("unit").patch(
        f"/api/units/{u1.pk}/", {"community": world.b1.pk, "kind": "school"}, format="json"
    )
    # then it is refused, naming both fields, and the unit stays where it is
    assert response.status_code == 400
    message = "只有单位所在社区的协调员或管理员可以修改此项。"
    assert response.json()["extra"]["fields"] == {"community": [message], "kind": [message]}
    u1.refresh_from_db()
    assert (u1.community_id, u1.kind) == (world.a1.pk, "company")
    # and when they send the unit back whole with new contact details and a description
    whole = client_as("unit").get(f"/api/units/{u1.pk}/").json()
    response = client_as("unit").put(
        f"/api/units/{u1.pk}/",
        {
            **whole,
            "contact_name": "李干事",
            "contact_phone": "13812345678",
            "description": "周末开放礼堂",
        },
        format="json",
    )
    # then those are kept
    assert response.status_code == 200, response.json()
    u1.refresh_from_db()
    assert (u1.contact_name, u1.contact_phone, u1.description, u1.community_id) == (
        "李干事",
        "13812345678",
        "周末开放礼堂",
        world.a1.pk,
    )


@pytest.mark.parametrize(
    ("role", "target", "status"),
    [
        ("subdistrict", "a2", 200),  # within sub-district S1
        ("subdistrict", "b1", 400),  # another sub-district
        ("community", "a2", 400),  # another community
        ("admin", "b1", 200),
    ],
)
def test_coordinators_move_units_only_within_their_scope(world, client_as, role, target, status):
    # when a coordinator moves unit U1 (community A1) to another community
    response = client_as(role).patch(
        f"/api/units/{world.u1.pk}/", {"community": getattr(world, target).pk}, format="json"
    )
    # then it moves only to a community of their own scope
    assert response.status_code == status, response.json()
    world.u1.refresh_from_db()
    assert world.u1.community_id == (getattr(world, target).pk if status == 200 else world.a1.pk)
