"""Ledger endpoints: who reads which unit's ledger, coordinators' entries inside their scope, the
administrator's rewrite of a month, and bad input answered 400 naming the field with nothing changed."""

import datetime as dt

import pytest

import factories as f
from ledgers.models import LedgerEntry, UnitLedger

pytestmark = pytest.mark.django_db

OCTOBER = dt.date(2026, 10, 1)


@pytest.fixture
def ledgers(world):
    """October ledgers of U1 (in A1, sub-district S1) and U2 (in B1, sub-district S2), and U1's September."""
    return {
        "u1": UnitLedger.objects.create(unit=world.u1, month=OCTOBER, member_minutes=90, member_count=1),
        "u2": UnitLedger.objects.create(unit=world.u2, month=OCTOBER),
        "u1_sep": UnitLedger.objects.create(unit=world.u1, month=dt.date(2026, 9, 1)),
    }


@pytest.mark.parametrize(
    ("role", "units"),
    [
        ("unit", ["u1", "u1_sep"]),
        ("community", ["u1", "u1_sep"]),
        ("subdistrict", ["u1", "u1_sep"]),
        ("admin", ["u1", "u2", "u1_sep"]),
    ],
)
def test_list_shows_the_ledgers_in_the_callers_scope(client_as, ledgers, role, units):
    response = client_as(role).get("/api/ledgers/")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [ledgers[name].pk for name in units]


def test_volunteers_and_anonymous_read_no_ledgers(client_as, ledgers):
    assert client_as("volunteer").get("/api/ledgers/").status_code == 403
    assert client_as("anonymous").get("/api/ledgers/").status_code == 401
    assert client_as("volunteer").get(f"/api/ledgers/{ledgers['u1'].pk}/").status_code == 403


def test_list_filters_by_unit_and_month(world, client_as, ledgers):
    response = client_as("admin").get("/api/ledgers/", {"unit": world.u1.pk, "month": "2026-10"})
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [ledgers["u1"].pk]
    assert rows[0]["month"] == "2026-10"
    assert rows[0]["member_hours"] == 1.5
    assert rows[0]["entry_count"] == 0


def test_list_with_a_bad_month_is_400_naming_the_field(client_as, ledgers):
    response = client_as("admin").get("/api/ledgers/", {"month": "October"})
    assert response.status_code == 400
    assert response.json() == {
        "message": "month: Give the month as YYYY-MM.",
        "extra": {"code": "invalid", "fields": {"month": ["Give the month as YYYY-MM."]}},
    }


@pytest.mark.parametrize(
    ("role", "name", "expected"),
    [
        ("unit", "u1", 200),
        ("unit", "u2", 404),
        ("community", "u1", 200),
        ("community", "u2", 404),
        ("subdistrict", "u2", 404),
        ("admin", "u2", 200),
    ],
)
def test_detail_in_and_out_of_scope(client_as, ledgers, role, name, expected):
    response = client_as(role).get(f"/api/ledgers/{ledgers[name].pk}/")
    assert response.status_code == expected


def test_detail_carries_the_figures_and_entries(world, client_as, ledgers):
    # given
    entry = LedgerEntry.objects.create(
        ledger=ledgers["u1"],
        kind="meeting",
        title="共建联席会",
        date=dt.date(2026, 10, 28),
        created_by=world.users["community"],
    )

    # when
    body = client_as("unit").get(f"/api/ledgers/{ledgers['u1'].pk}/").json()

    # then
    assert body["unit_name"] == "中原区人民医院"
    assert (body["month"], body["member_minutes"], body["projects"], body["resources"]) == ("2026-10", 90, [], [])
    assert body["entries"] == [
        {
            "id": entry.pk,
            "ledger": ledgers["u1"].pk,
            "kind": "meeting",
            "date": "2026-10-28",
            "title": "共建联席会",
            "note": "",
            "created_by": "shequ",
            "created_at": body["entries"][0]["created_at"],
        }
    ]


def test_a_coordinator_adds_an_entry_to_a_ledger_in_scope(world, client_as, ledgers):
    # when
    response = client_as("community").post(
        f"/api/ledgers/{ledgers['u1'].pk}/entries/",
        {"kind": "activity", "title": "重阳节慰问", "note": "8 名在职党员参加", "date": "2026-10-29"},
        format="json",
    )

    # then
    assert response.status_code == 201
    entry = LedgerEntry.objects.get()
    assert (entry.ledger_id, entry.kind, entry.title, entry.date, entry.created_by) == (
        ledgers["u1"].pk,
        "activity",
        "重阳节慰问",
        dt.date(2026, 10, 29),
        world.users["community"],
    )


@pytest.mark.parametrize(
    ("role", "name", "expected"),
    [
        ("community", "u2", 404),
        ("subdistrict", "u2", 404),
        ("admin", "u2", 201),
        ("subdistrict", "u1", 201),
        ("unit", "u1", 403),
        ("volunteer", "u1", 403),
        ("anonymous", "u1", 401),
    ],
)
def test_entries_only_by_coordinators_in_scope(client_as, ledgers, role, name, expected):
    response = client_as(role).post(
        f"/api/ledgers/{ledgers[name].pk}/entries/", {"kind": "note", "title": "备注"}, format="json"
    )
    assert response.status_code == expected
    assert LedgerEntry.objects.count() == (1 if expected == 201 else 0)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "party", "title": "x"}, "kind"),
        ({"kind": "note"}, "title"),
        ({"kind": "note", "title": "x" * 201}, "title"),
        ({"kind": "note", "title": "x", "date": "someday"}, "date"),
    ],
)
def test_bad_entry_is_400_naming_the_field(client_as, ledgers, body, field):
    response = client_as("community").post(f"/api/ledgers/{ledgers['u1'].pk}/entries/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == [field]
    assert LedgerEntry.objects.count() == 0


def test_an_entry_dated_outside_the_month_is_refused(client_as, ledgers):
    response = client_as("community").post(
        f"/api/ledgers/{ledgers['u1'].pk}/entries/",
        {"kind": "meeting", "title": "x", "date": "2026-11-02"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "message": "The entry's date is outside the ledger's month.",
        "extra": {"code": "refused", "fields": {"date": ["Give a date in 2026-10."]}},
    }
    assert LedgerEntry.objects.count() == 0


def test_the_administrator_rewrites_a_month_on_demand(world, client_as, ledgers):
    # given U1's October ledger with stale figures
    f.ProjectFactory(community=world.a1, unit=world.u1, start_date=dt.date(2026, 10, 1), end_date=dt.date(2026, 10, 31))

    # when
    response = client_as("admin").post("/api/ledgers/write/", {"month": "2026-10"}, format="json")

    # then
    assert response.status_code == 200
    assert response.json() == {"month": "2026-10-01", "written": 2}
    assert UnitLedger.objects.filter(month=OCTOBER).count() == 2
    ledgers["u1"].refresh_from_db()
    assert (ledgers["u1"].project_count, ledgers["u1"].member_minutes) == (1, 0)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("community", 403),
        ("subdistrict", 403),
        ("unit", 403),
        ("volunteer", 403),
        ("anonymous", 401),
    ],
)
def test_only_administrators_rewrite(client_as, role, expected):
    assert client_as(role).post("/api/ledgers/write/", {"month": "2026-10"}, format="json").status_code == expected
    assert UnitLedger.objects.count() == 0


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-13", "Give the month as YYYY-MM."),
        ("26-10", "Give the month as YYYY-MM."),
        ("", "Give the month as YYYY-MM."),
        ("2999-01", "The month has not begun yet."),
    ],
)
def test_rewrite_with_a_bad_month_is_400_and_writes_nothing(world, client_as, month, message):
    response = client_as("admin").post("/api/ledgers/write/", {"month": month}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "message": f"month: {message}",
        "extra": {"code": "invalid", "fields": {"month": [message]}},
    }
    assert UnitLedger.objects.count() == 0
