"""The season simulator's invariants (its own SQL, benchmarks/season.py) catch what they are for: a seat over-filled
and a person in two places at once on a published plan are reported, a sound plan is not. PostgreSQL only (the
queries are written for the simulator's own cluster)."""

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

import factories as f
from planning.models import Assignment

SIMULATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "season.py"
spec = importlib.util.spec_from_file_location("season_simulator", SIMULATOR)
season = sys.modules["season_simulator"] = importlib.util.module_from_spec(spec)  # its dataclasses look it up
spec.loader.exec_module(season)

MONDAY = dt.date(2027, 3, 8)
SATURDAY = MONDAY + dt.timedelta(days=5)


@pytest.fixture
def published(db):
    if connection.vendor != "postgresql":
        pytest.skip("the simulator's invariants are PostgreSQL queries: set DATABASE_URL (CI does)")
    community = f.CommunityFactory()
    run = f.community_run(community, week=MONDAY, published=True)

    def shift(hour: int, seats: int):
        return f.ShiftFactory(
            community=community, week=MONDAY, start=f.at(SATURDAY, hour), end=f.at(SATURDAY, hour + 2), seats=seats
        )

    return run, shift


def _failing(names) -> dict:
    with connection.cursor() as cursor:
        failing = season.Season.failing_invariants(cursor, timezone.now())
    return {name: rows for name, rows in failing.items() if name in names}


CHECKED = ("no_seat_over_filled", "no_person_in_two_places_on_the_plan")


def test_a_sound_plan_passes(published):
    # given two people on a two-seat shift and one of them on a later one
    run, shift = published
    first, later = shift(9, seats=2), shift(12, seats=1)
    a, b = f.VolunteerFactory(), f.VolunteerFactory()
    for volunteer, on in ((a, first), (b, first), (a, later)):
        Assignment.objects.create(run=run, shift=on, volunteer=volunteer)
    # then neither invariant reports anything
    assert _failing(CHECKED) == {}


def test_an_over_filled_seat_and_a_person_in_two_places_are_reported(published):
    # given two people on a one-seat shift, and one of them on an overlapping shift too
    run, shift = published
    full, overlapping = shift(9, seats=1), shift(10, seats=3)
    a, b = f.VolunteerFactory(), f.VolunteerFactory()
    for volunteer, on in ((a, full), (b, full), (a, overlapping)):
        Assignment.objects.create(run=run, shift=on, volunteer=volunteer)
    # then both invariants report the rows at fault
    assert _failing(CHECKED) == {
        "no_seat_over_filled": [(full.pk, 2, 1)],
        "no_person_in_two_places_on_the_plan": [(a.pk, full.pk, overlapping.pk)],
    }
