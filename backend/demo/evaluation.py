"""Demo data of the annual evaluation: the figures a coordinator enters for the demo community's units, a
democratic appraisal round with most of its ballots cast, and the year's results computed, so that the evaluation,
appraisal and export pages open on real rows. Deterministic for a seed; skipped when the year already has them."""

import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from evaluation import services
from evaluation.models import AppraisalRating, AppraisalRound, EvaluationInput
from ledgers.models import LedgerEntry, UnitLedger
from ledgers.services import ledger_entry_create
from orgs.models import Unit

MEETINGS_HELD = 4
BALLOTS = 40
BALLOTS_CAST = 32
# Most representatives are satisfied, a few basically, hardly any not.
RATING_WEIGHTS = [
    (AppraisalRating.Rating.SATISFIED, 80),
    (AppraisalRating.Rating.BASICALLY_SATISFIED, 16),
    (AppraisalRating.Rating.DISSATISFIED, 4),
]


@transaction.atomic
def demo_evaluation_seed(*, seed: int) -> dict[str, int]:
    """For the demo coordinator's (shequ) community and the current year; returns what was made."""
    coordinator = User.objects.filter(username="shequ").first()
    if coordinator is None or coordinator.community_id is None:
        return {}
    year = timezone.localdate().year
    units = list(Unit.objects.filter(community_id=coordinator.community_id).order_by("pk"))
    if not units or AppraisalRound.objects.filter(community_id=coordinator.community_id, year=year).exists():
        return {}
    rng = random.Random(f"{seed}:evaluation")
    inputs = 0
    for unit in units:
        _ledger_entries(rng=rng, unit=unit, year=year, coordinator=coordinator)
        figures = {
            EvaluationInput.Measure.MEETINGS_HELD: MEETINGS_HELD,
            EvaluationInput.Measure.STUDY: rng.choice([7, 8, 9, 10, 10]),
            EvaluationInput.Measure.GUIDANCE: rng.choice([6, 8, 9, 10]),
            EvaluationInput.Measure.SUGGESTIONS_ADOPTED: rng.choice([0, 1, 2, 3]),
        }
        for measure, value in figures.items():
            services.evaluation_input_set(
                unit=unit, year=year, measure=measure, value=Decimal(value), note="演示数据", entered_by=coordinator
            )
            inputs += 1
    community = coordinator.community
    _round, codes = services.appraisal_round_create(
        user=coordinator,
        year=year,
        title=f"{year} 年度驻区单位民主测评",
        units=units,
        ballots=BALLOTS,
        community=community,
    )
    values, weights = zip(*RATING_WEIGHTS, strict=True)
    for code in codes[:BALLOTS_CAST]:
        ratings = [{"unit": unit.pk, "rating": rng.choices(values, weights=weights)[0]} for unit in units]
        services.appraisal_ballot_submit(code=code, ratings=ratings)
    computed = services.evaluation_compute(user=coordinator, year=year)
    return {"evaluation inputs": inputs, "appraisal ballots cast": BALLOTS_CAST, "units evaluated": computed}


def _ledger_entries(*, rng: random.Random, unit: Unit, year: int, coordinator: User) -> None:
    """Meetings attended and co-building activities in the unit's latest ledger of the year (the seed writes last
    month's), so that the attendance and activities items have ledger figures; a year without a ledger has none."""
    ledger = UnitLedger.objects.filter(unit=unit, month__year=year).order_by("-month").first()
    if ledger is None:
        return
    days = [ledger.month.replace(day=day) for day in (3, 10, 17, 24)]
    for day in days[: rng.choice([2, 3, 4, 4])]:
        ledger_entry_create(
            ledger=ledger, kind=LedgerEntry.Kind.MEETING, title="共驻共建联席会议", date=day, created_by=coordinator
        )
    for day in days[: rng.choice([2, 3, 4])]:
        ledger_entry_create(
            ledger=ledger, kind=LedgerEntry.Kind.ACTIVITY, title="共建活动", date=day, created_by=coordinator
        )
