"""The 限时办结 points rule: volunteers who served a need (an approved record of one of its shifts) get
"need_closed_in_time" points when the need was completed or rated by the end of its deadline day."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f

THIS_YEAR = timezone.localdate().year
DEADLINE = dt.date(THIS_YEAR, 3, 10)


@pytest.fixture
def served_need(world, record):
    """served_need(finished_on, status="completed", deadline=DEADLINE) -> a need V1 served for 30 minutes (no hour
    points) in a shift of the need, finished at noon of `finished_on`."""

    def make(finished_on, status="completed", deadline=DEADLINE):
        need = f.NeedFactory(
            community=world.a1,
            status=status,
            deadline=deadline,
            finished_at=f.at(finished_on, 12),
            status_changed_at=f.at(finished_on, 12),
        )
        shift = f.ShiftFactory(community=world.a1, need=need)
        record(minutes=30, date=dt.date(THIS_YEAR, 3, 5), shift=shift)
        return need

    return make


def _points(client_as) -> int:
    response = client_as("volunteer").get("/api/records/mine/summary/")
    assert response.status_code == 200
    return response.json()["points"]


def test_a_need_completed_a_day_before_its_deadline_gives_the_points(world, client_as, served_need):
    # given a need V1 served, completed the day before its deadline
    served_need(DEADLINE - dt.timedelta(days=1))
    # when V1 reads their summary / then the rule's 5 points
    assert _points(client_as) == 5


def test_a_need_completed_a_day_after_its_deadline_gives_none(world, client_as, served_need):
    served_need(DEADLINE + dt.timedelta(days=1))
    assert _points(client_as) == 0


def test_a_need_finished_on_its_deadline_day_and_later_rated_still_counts(world, client_as, served_need):
    served_need(DEADLINE, status="rated")
    assert _points(client_as) == 5


def test_a_need_closed_without_completion_or_without_a_deadline_gives_none(world, client_as, served_need):
    served_need(DEADLINE - dt.timedelta(days=1), status="closed")
    served_need(DEADLINE - dt.timedelta(days=1), deadline=None)
    assert _points(client_as) == 1  # the two half hours make one hour point, nothing for the needs


def test_a_need_served_in_two_shifts_counts_once_and_reaches_the_ranking(world, client_as, served_need, record):
    # given V1 (named in rankings) served one in-time need in two shifts
    world.v1.consent_rank_name = True
    world.v1.save()
    need = served_need(DEADLINE - dt.timedelta(days=1))
    record(minutes=30, date=dt.date(THIS_YEAR, 3, 6), shift=f.ShiftFactory(community=world.a1, need=need))
    # when the community's ranking is read
    response = client_as("community").get(f"/api/records/rankings/?year={THIS_YEAR}&community={world.a1.pk}")
    # then 5 points for the need and 1 for the hour served
    assert response.status_code == 200
    assert [(row["volunteer"], row["points"]) for row in response.json()] == [(world.v1.pk, 6)]
    assert _points(client_as) == 6
