"""A week cut into pieces and fanned out over two worker processes on the configured broker (Redis in CI) fills as
many seats as the one-process decomposed solve (to the solver's gap: seat for seat when no piece stops at its clock),
with a plan that keeps every rule: the product grows past one machine with more workers and the same code.

The week is a generated district's cut into pieces of at most 1,000 shifts (four pieces), not a city's: the
pieces, the chord and the join are the same code whatever the size, and a city week made this one test take 11 of
CI's minutes (`benchmarks/matching.py --scale city` measures the city)."""

import os

import pytest

import matching
from matching.decompose import solve_decomposed
from planning import fanout
from planning.models import SolveJob

QUEUE = f"fanout-test-{os.getpid()}"
TIME_LIMIT = 300.0
PIECE_SHIFTS = 1000
# Each piece is solved to within the solver's relative gap (0.5%) of its bound or stops at its clock, so two
# solves of the same pieces on machines under different load agree to that gap, not always seat for seat.
GAP = 0.005


@pytest.fixture(scope="module")
def week():
    return matching.parse_problem(matching.generate("district", 1))


def test_two_worker_processes_fill_the_seats_one_process_fills(week, start_celery_worker, transactional_db):
    # given the week solved in one process (pieces in a local pool of two)
    alone = solve_decomposed(week, time_limit=TIME_LIMIT, workers=2, piece_shifts=PIECE_SHIFTS)
    # when the same pieces go to two worker processes through the broker, joined by the chord's callback
    logs = [start_celery_worker(QUEUE), start_celery_worker(QUEUE)]
    job = fanout.job_start(
        week, time_limit=TIME_LIMIT, solver="highs", workers=2, piece_shifts=PIECE_SHIFTS, queue=QUEUE
    )
    deadline_checks = 0
    import time

    while SolveJob.objects.filter(pk=job.pk, status=SolveJob.Status.SOLVING).exists():
        deadline_checks += 1
        assert deadline_checks < 1800, [log.read_text()[-2000:] for log in logs]
        time.sleep(0.5)
    # then the job is done, both processes took pieces, and the plan fills the seats the one process fills
    job.refresh_from_db()
    assert job.status == SolveJob.Status.DONE, (job.message, [log.read_text()[-2000:] for log in logs])
    assert job.piece_count == alone.metrics["pieces"] > 2
    assert len({piece.worker for piece in job.pieces.all()}) == 2
    plan = matching.solution_from_dict(fanout.unpack(job.solution))
    assert abs(len(plan.assignments) - alone.metrics["filled_seats"]) <= GAP * alone.metrics["filled_seats"]
    assert abs(len(plan.resource_assignments) - alone.metrics["requests_met"]) <= GAP * alone.metrics["requests_met"]
    assert matching.check(week, plan) == []
