"""Fixtures of the evaluation tests: a third unit U3 in A2 (sub-district S1), ledgers with meeting and activity
entries, coordinators' inputs, appraisal ballots rated directly, and English answers for whole-body asserts."""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.core.cache import cache

import factories as f
from evaluation import selectors
from evaluation.models import AppraisalBallot, AppraisalRating, AppraisalRound, EvaluationInput
from ledgers.models import LedgerEntry, UnitLedger

YEAR = 2025
_codes = itertools.count()


@pytest.fixture
def api_language():
    return "en"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()  # the ballot throttle counts in the cache
    yield
    cache.clear()


@pytest.fixture
def u3(world):
    return f.UnitFactory(community=world.a2, name="中原区税务局")


@pytest.fixture
def ledger():
    """ledger(unit, month, meetings=0, activities=0, projects=0, year=YEAR) -> the unit's ledger of that month with
    that many meeting and activity entries and that project count."""

    def make(unit, month, *, meetings=0, activities=0, projects=0, year=YEAR):
        row = UnitLedger.objects.create(unit=unit, month=dt.date(year, month, 1), project_count=projects)
        for n in range(meetings):
            LedgerEntry.objects.create(ledger=row, kind=LedgerEntry.Kind.MEETING, title=f"联席会议{n}")
        for n in range(activities):
            LedgerEntry.objects.create(ledger=row, kind=LedgerEntry.Kind.ACTIVITY, title=f"共建活动{n}")
        return row

    return make


@pytest.fixture
def inputs(world):
    """inputs(unit, year=YEAR, **{measure: value}) -> the coordinator of A1 enters those figures."""

    def make(unit, year=YEAR, **values):
        for measure, value in values.items():
            EvaluationInput.objects.create(
                unit=unit, year=year, measure=measure, value=Decimal(str(value)), entered_by=world.users["community"]
            )

    return make


@pytest.fixture
def rated(world):
    """rated(units, *ratings, year=YEAR) -> a round of A1 over the units with one used ballot per rating, each
    rating every unit the same."""

    def make(units, *ratings, year=YEAR):
        appraisal_round = AppraisalRound.objects.create(year=year, title="民主测评", community=world.a1)
        appraisal_round.units.set(units)
        for rating in ratings:
            ballot = AppraisalBallot.objects.create(
                round=appraisal_round, code_hash=selectors.code_hash(f"CODE-{next(_codes)}")
            )
            for unit in units:
                AppraisalRating.objects.create(ballot=ballot, unit=unit, rating=rating)
        return appraisal_round

    return make
