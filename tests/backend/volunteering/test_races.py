"""Races on PostgreSQL (row locks): two declines of one post at once, two backfills of one run at once and two
claims of the last open seat never double-book anybody or lose a published assignment."""

import threading

import pytest
from django.conf import settings
from django.db import connection, transaction

import factories as f
from planning.models import Assignment, UnfilledSeat
from volunteering import services
from volunteering.models import AssignmentResponse, Backfill

from .volunteering_world import SATURDAY

ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(ON_SQLITE, reason="SQLite has no row locks and serialises writers"),
]


def _at_once(*calls):
    barrier, outcomes = threading.Barrier(len(calls)), []

    def run(call):
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():  # as the request would
                outcomes.append(call())
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test asserts
            outcomes.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_declines_of_one_post_at_once_store_one_answer_and_queue_one_backfill(world, plan, monkeypatch):
    queued = []
    monkeypatch.setattr(services, "_enqueue_backfill", queued.append)
    outcomes = _at_once(
        *[lambda: services.assignment_decline(user=world.v1.user, assignment_id=plan["mine"].pk, reason="忙")] * 2
    )
    assert all(isinstance(outcome, AssignmentResponse) for outcome in outcomes), outcomes
    assert AssignmentResponse.objects.filter(assignment=plan["mine"], status="declined").count() == 1
    assert queued == [plan["mine"].pk]


def test_two_backfills_of_one_run_at_once_give_the_free_person_one_seat(world, plan, monkeypatch):
    # given V1 and 张三 both declined the patrol, and only 李四 is free
    monkeypatch.setattr(services, "_enqueue_backfill", lambda pk: None)
    for volunteer in (world.v1, plan["colleague"]):
        f.WeeklyAvailabilityFactory(volunteer=volunteer, weekday=SATURDAY.isoweekday())
    lisi = f.VolunteerFactory(home_community=world.a1, name="李四")
    f.WeeklyAvailabilityFactory(volunteer=lisi, weekday=SATURDAY.isoweekday())
    for row in (plan["mine"], plan["theirs"]):
        services.assignment_decline(user=row.volunteer.user, assignment_id=row.pk, reason="忙")
    # when both backfills run at the same moment
    outcomes = _at_once(
        *[(lambda pk=row.pk: services.assignment_backfill(assignment_id=pk)) for row in (plan["mine"], plan["theirs"])]
    )
    # then 李四 took one seat, the other is unfilled, and every published row is still there
    assert all(isinstance(outcome, Backfill) for outcome in outcomes), outcomes
    assert Assignment.objects.filter(run=plan["run"], volunteer=lisi).count() == 1
    assert UnfilledSeat.objects.get(run=plan["run"], shift=plan["shift"]).missing == 1
    assert Assignment.objects.filter(pk__in=[plan["mine"].pk, plan["theirs"].pk]).count() == 2
    assert sorted(b.unfilled for b in Backfill.objects.all()) == [0, 1]


def test_two_claims_of_the_last_open_seat_at_once_give_one_seat_and_one_seat_taken(world, plan):
    # given the patrol's second seat is open again, and two volunteers free on Saturday want it
    plan["theirs"].delete()
    UnfilledSeat.objects.create(run=plan["run"], shift=plan["shift"], missing=1)
    claimers = [f.VolunteerFactory(home_community=world.a1, name=name) for name in ("李四", "王五")]
    for volunteer in claimers:
        f.WeeklyAvailabilityFactory(volunteer=volunteer, weekday=SATURDAY.isoweekday())
    # when both claim at the same moment
    outcomes = _at_once(
        *[(lambda v=volunteer: services.seat_claim(user=v.user, shift_id=plan["shift"].pk)) for volunteer in claimers]
    )
    # then one has the seat and the other is told it is taken
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Assignment", "SeatTaken"], outcomes
    assert Assignment.objects.filter(run=plan["run"], shift=plan["shift"], source="claim").count() == 1
    assert not UnfilledSeat.objects.filter(run=plan["run"], shift=plan["shift"]).exists()
