"""The monthly ledger (写实性档案) on a worked example: what counts in October 2026 for unit U1, and the task run
twice writes one ledger per unit and month, rewriting the figures and keeping coordinators' entries."""

import datetime as dt
import threading

import pytest
from django.db import connection

import factories as f
from factories import at
from ledgers.models import LedgerEntry, UnitLedger
from ledgers.selectors import previous_month
from ledgers.services import ledger_write_month
from ledgers.tasks import write_monthly_task

pytestmark = pytest.mark.django_db

OCTOBER = dt.date(2026, 10, 1)


@pytest.fixture
def october(world, shift_at, book, served):
    """U1's October 2026: it undertakes a project (one session, which used its room and its member V1), its room
    serves another project's session (150 + 120 minutes booked in published plans), and a second consenting
    member serves a third project: 90 + 30 minutes by two members. Around it, what must not count."""
    # given projects: one running in October, one that ended in September, one of another unit
    running = f.ProjectFactory(
        community=world.a1,
        unit=world.u1,
        name="健康义诊",
        start_date=dt.date(2026, 10, 1),
        end_date=dt.date(2026, 12, 31),
    )
    f.ProjectFactory(
        community=world.a1,
        unit=world.u1,
        name="暑期托管",
        start_date=dt.date(2026, 7, 1),
        end_date=dt.date(2026, 9, 30),
    )
    f.ProjectFactory(
        community=world.b1,
        unit=world.u2,
        name="九中课堂",
        start_date=dt.date(2026, 11, 1),
        end_date=dt.date(2026, 11, 30),
    )
    lunch = f.ProjectFactory(community=world.a1, name="敬老午餐")
    games = f.ProjectFactory(community=world.a2, name="社区运动会")
    # and the unit's room: two published bookings in October, one only in a draft, one in November
    room = f.ResourceFactory(unit=world.u1, community=world.a1, name="医院三楼会议室")
    first = shift_at(at(dt.date(2026, 10, 10), 9), minutes=150, project=running)
    book(first, room)
    book(shift_at(at(dt.date(2026, 10, 20), 14), minutes=120, project=lunch), room)
    book(shift_at(at(dt.date(2026, 10, 12), 9), minutes=240), room, published=False)
    book(shift_at(at(dt.date(2026, 11, 2), 9), minutes=60), room)
    # and members' attendance: V1 and another consenting member in October; a member without consent;
    # V1 again in November; U2's member in October
    served(first, world.v1, 90)
    other = f.VolunteerFactory(
        home_community=world.a1, kind="in_office", employer_unit=world.u1, consent_share_with_unit=True
    )
    served(shift_at(at(dt.date(2026, 10, 31), 20), minutes=60, community=world.a2, project=games), other, 30)
    shy = f.VolunteerFactory(home_community=world.a1, kind="in_office", employer_unit=world.u1)
    served(first, shy, 60)
    served(shift_at(at(dt.date(2026, 11, 3), 9), project=lunch), world.v1, 45)
    served(shift_at(at(dt.date(2026, 10, 5), 9), community=world.b1), world.v2, 100)
    return {"running": running, "lunch": lunch, "games": games, "room": room}


def test_the_ledger_of_october_holds_the_worked_example(world, october):
    # when
    result = ledger_write_month(month=OCTOBER)

    # then
    assert result == {"month": "2026-10-01", "written": 2}
    ledger = UnitLedger.objects.get(unit=world.u1, month=OCTOBER)
    assert ledger.projects == [
        {
            "id": october["running"].pk,
            "name": "健康义诊",
            "community": "秦江社区",
            "roles": ["members", "resources", "undertook"],
            "sessions": 1,
        },
        {"id": october["lunch"].pk, "name": "敬老午餐", "community": "秦江社区", "roles": ["resources"], "sessions": 1},
        {"id": october["games"].pk, "name": "社区运动会", "community": "百花社区", "roles": ["members"], "sessions": 1},
    ]
    assert ledger.resources == [{"id": october["room"].pk, "name": "医院三楼会议室", "bookings": 2, "minutes": 270}]
    assert (ledger.project_count, ledger.booking_count, ledger.resource_minutes) == (3, 2, 270)
    assert (ledger.member_count, ledger.member_minutes) == (2, 120)
    other = UnitLedger.objects.get(unit=world.u2, month=OCTOBER)
    assert (other.project_count, other.booking_count, other.member_count, other.member_minutes) == (0, 0, 1, 100)


def test_the_task_run_twice_writes_one_ledger_per_unit_and_keeps_entries(world, october, eager, served, shift_at):
    # given the first run and a coordinator's entry
    write_monthly_task.delay("2026-10")
    ledger = UnitLedger.objects.get(unit=world.u1, month=OCTOBER)
    LedgerEntry.objects.create(ledger=ledger, kind="meeting", title="共建联席会", date=dt.date(2026, 10, 28))
    # and a late attendance entered after the first run
    served(shift_at(at(dt.date(2026, 10, 25), 9)), world.v1, 15)

    # when
    write_monthly_task.delay("2026-10")

    # then
    assert UnitLedger.objects.filter(month=OCTOBER).count() == 2
    again = UnitLedger.objects.get(unit=world.u1, month=OCTOBER)
    assert again.pk == ledger.pk
    assert (again.member_count, again.member_minutes, again.resource_minutes) == (2, 135, 270)
    assert list(again.entries.values_list("title", flat=True)) == ["共建联席会"]


def test_by_default_the_task_writes_the_month_before(world, eager, monkeypatch):
    # given today is 1 November 2026
    monkeypatch.setattr("ledgers.tasks.timezone.localdate", lambda: dt.date(2026, 11, 1))

    # when
    result = write_monthly_task.delay().get()

    # then
    assert result == {"month": "2026-10-01", "written": 2}
    assert set(UnitLedger.objects.values_list("month", flat=True)) == {OCTOBER}


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 1), dt.date(2026, 10, 1)),
        (dt.date(2026, 1, 1), dt.date(2025, 12, 1)),
        (dt.date(2026, 3, 31), dt.date(2026, 2, 1)),
    ],
)
def test_previous_month(today, expected):
    assert previous_month(today) == expected


def test_one_ledger_per_unit_and_month_is_a_database_rule(world):
    from django.db import IntegrityError, transaction

    # when a second ledger of the same unit and month is inserted
    UnitLedger.objects.create(unit=world.u1, month=OCTOBER)
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitLedger.objects.create(unit=world.u1, month=OCTOBER)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="concurrent writers need PostgreSQL")
def test_two_runs_at_once_write_one_ledger_per_unit(world, october):
    # given two workers starting the same month at the same moment
    barrier, errors = threading.Barrier(2), []

    def run():
        barrier.wait()
        try:
            ledger_write_month(month=OCTOBER)
        except Exception as exc:  # noqa: BLE001 - the assert below shows it
            errors.append(exc)
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then
    assert errors == []
    assert UnitLedger.objects.filter(month=OCTOBER).count() == 2
    assert UnitLedger.objects.get(unit=world.u1, month=OCTOBER).resource_minutes == 270
