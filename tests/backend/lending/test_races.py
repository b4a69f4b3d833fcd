"""Races on PostgreSQL (row locks): two withdrawals' backfills at once, and a withdrawal racing a backfill,
never book one resource twice at the same time nor leave a booking on a withdrawn resource."""

import pytest
from django.utils import timezone

from lending import services
from lending.models import ResourceWithdrawal
from planning.models import MatchingRun, Publication, ResourceBooking

from ..volunteering.test_races import ON_SQLITE, _at_once
from ..volunteering.volunteering_world import SATURDAY, WEEK
from .conftest import booked_shift, room

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(ON_SQLITE, reason="SQLite has no row locks and serialises writers"),
]


def _sub_district_run(world):
    run = MatchingRun.objects.create(
        level=MatchingRun.Level.SUB_DISTRICT,
        scope_key=f"sub_district:{world.s1.pk}",
        district_id=world.s1.district_id,
        sub_district=world.s1,
        week=WEEK,
        version=1,
        status=MatchingRun.Status.DONE,
        time_limit=5.0,
        solver="highs",
    )
    Publication.objects.create(scope_key=run.scope_key, week=WEEK, run=run, published_at=timezone.now())
    return run


@pytest.fixture
def two_halls(world, plan, monkeypatch):
    """U1 also lends a hall in A2, booked by the sub-district's published plan for an overlapping Saturday shift:
    two plans, and only the near room is left to replace either hall."""
    monkeypatch.setattr(services, "_enqueue_backfill", lambda pk: None)
    plan["far"].slots.update(weekday=SATURDAY.isoweekday() - 1)
    second = room(world.u1, world.a2, name="医院二号厅")
    _, _, booking = booked_shift(_sub_district_run(world), world.a2, second, hour=10, title="周六义诊讲座")
    return second, booking


def _on_saturday(resource):
    return ResourceBooking.objects.filter(resource=resource, request__shift__start__date=SATURDAY).count()


def test_two_backfills_at_once_give_the_free_room_to_one_booking(world, plan, two_halls):
    # given both halls withdrawn for Saturday
    second, _ = two_halls
    unit = world.users["unit"]
    withdrawals = [
        services.resource_withdraw(user=unit, resource_id=r.pk, date=SATURDAY, reason="检修")
        for r in (plan["hall"], second)
    ]
    # when both backfills run at the same moment
    outcomes = _at_once(*[(lambda pk=w.pk: services.withdrawal_backfill(withdrawal_id=pk)) for w in withdrawals])
    # then the near room serves one of the two overlapping shifts (in either plan), the other lost its booking
    assert all(isinstance(o, ResourceWithdrawal) for o in outcomes), outcomes
    assert _on_saturday(plan["near"]) == 1
    assert _on_saturday(plan["hall"]) == _on_saturday(second) == 0
    assert ResourceBooking.objects.exclude(run=plan["out_booking"].run).count() == 1


def test_a_withdrawal_racing_a_backfill_never_leaves_a_booking_on_it(world, plan, two_halls):
    # given the hall withdrawn (its backfill would take the near room), while U3 withdraws the near room
    rep3 = plan["rep3"]
    first = services.resource_withdraw(
        user=world.users["unit"], resource_id=plan["hall"].pk, date=SATURDAY, reason="检修"
    )
    # when both happen at once
    outcomes = _at_once(
        lambda: services.withdrawal_backfill(withdrawal_id=first.pk),
        lambda: services.resource_withdraw(user=rep3, resource_id=plan["near"].pk, date=SATURDAY, reason="占用"),
    )
    assert all(isinstance(o, ResourceWithdrawal) for o in outcomes), outcomes
    # and the near room's own backfill runs after
    services.withdrawal_backfill(withdrawal_id=ResourceWithdrawal.objects.get(resource=plan["near"]).pk)
    # then nothing stays booked on a withdrawn room that day
    assert _on_saturday(plan["hall"]) == _on_saturday(plan["near"]) == 0
