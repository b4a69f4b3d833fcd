"""A district run fanned out: one piece per sub-district solved as its own task (a chord's header), joined by
the chord's callback with the border fill, and saved as the run's plan. Celery runs in-process here; the test
with worker processes on the real broker is test_fanout_workers.py."""

import datetime as dt

import pytest
from django.utils import timezone

import factories as f
import matching
import matching.sizing
from config.settings import base
from planning import fanout, mapper, services
from planning.models import Assignment, MatchingRun, SolveJob, SolvePiece

from .conftest import SATURDAY, WEEK

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_sub_districts(world, settings):
    """A Saturday shift in each sub-district, a free volunteer near each; a worker that holds no pair whole, so
    that the district run fans out."""
    settings.PLANNING_MAX_WHOLE_PAIRS = 0
    shifts = []
    for community, volunteer in ((world.a1, world.v1), (world.b1, world.v2)):
        f.WeeklyAvailabilityFactory(volunteer=volunteer, weekday=6, start_time=dt.time(8), end_time=dt.time(12))
        shifts.append(f.ShiftFactory(community=community, seats=1, start=f.at(SATURDAY, 9), end=f.at(SATURDAY, 11)))
    return shifts


def _execute(run, capture) -> str:
    with capture(execute=True):
        return services.matching_run_execute(run_id=run.pk)


def test_a_district_run_is_solved_in_sub_district_pieces_and_saved_whole(
    world, two_sub_districts, eager, django_capture_on_commit_callbacks
):
    # given a queued district run
    run = services.matching_run_start(user=world.users["admin"], week=WEEK, time_limit=20)
    # when the worker executes it
    assert _execute(run, django_capture_on_commit_callbacks) == "solving"  # the pieces went out
    # then one piece per sub-district was solved, and the join saved the whole plan as the run's
    run.refresh_from_db()
    assert (run.status, run.progress, run.attempts) == ("done", 100, 1), run.message
    job = SolveJob.objects.get(run=run)
    assert (job.status, job.attempt, job.piece_count) == ("done", 1, 2)
    pieces = list(job.pieces.order_by("index"))
    assert sorted(p.name for p in pieces) == sorted(
        [mapper.area(world.a1.sub_district_id), mapper.area(world.b1.sub_district_id)]
    )
    assert {p.status for p in pieces} == {"done"} and all(p.worker for p in pieces)
    assert set(Assignment.objects.filter(run=run).values_list("volunteer_id", "shift_id")) == {
        (world.v1.pk, two_sub_districts[0].pk),
        (world.v2.pk, two_sub_districts[1].pk),
    }
    assert run.metrics["pieces"] == 2 and run.metrics["filled_seats"] == 2
    assert run.metrics["recruitment"] == []  # carried by the joined plan too: nobody is wanted, every seat is filled
    assert run.stats["solver"] == "decomposed"
    # and the stored joined plan keeps every hard rule of the stored problem
    problem = matching.parse_problem(fanout.unpack(job.problem))
    assert matching.check(problem, matching.solution_from_dict(fanout.unpack(job.solution))) == []


def test_a_community_run_or_a_district_that_fits_one_worker_is_solved_whole(
    world, two_sub_districts, settings, eager, django_capture_on_commit_callbacks
):
    settings.PLANNING_MAX_WHOLE_PAIRS = base.PLANNING_MAX_WHOLE_PAIRS  # the default: a district week fits one worker
    run = services.matching_run_start(user=world.users["admin"], week=WEEK, time_limit=20)
    assert _execute(run, django_capture_on_commit_callbacks) == "done"
    community_run = services.matching_run_start(user=world.users["admin"], week=WEEK, community=world.a1, time_limit=20)
    settings.PLANNING_MAX_WHOLE_PAIRS = 0  # a community run is never fanned out
    assert _execute(community_run, django_capture_on_commit_callbacks) == "done"
    assert not SolveJob.objects.exists()


@pytest.mark.parametrize(
    "pairs, memory_mib, whole",
    [
        (750_000, 931.0, True),  # the demo district week
        (3_000_000, 2956.0, True),  # at the pair limit
        (3_000_001, 2956.0, False),  # one pair more
        (1_000_000, 4097.0, False),  # more memory than the worker has
        (11_700_000, 10786.0, False),  # a city of ten districts
    ],
)
def test_a_week_is_solved_whole_when_its_pairs_and_memory_fit_one_worker(pairs, memory_mib, whole):
    size = matching.sizing.Size(shifts=3_500, pairs=pairs, memory_mib=memory_mib)
    assert fanout.fits_one_worker(size, max_pairs=3_000_000, memory_mb=4096) is whole


def test_the_decision_comes_from_the_estimate_of_the_week(world, two_sub_districts, settings):
    # given a district run of two shifts (four candidate pairs)
    run = services.matching_run_start(user=world.users["admin"], week=WEEK, time_limit=20)
    problem = matching.parse_problem(mapper.build_problem(run).data)
    assert matching.sizing.estimate(problem).pairs == 4
    # then it fans out only when a worker holds fewer pairs, or less memory than the estimate
    settings.PLANNING_MAX_WHOLE_PAIRS = 4
    assert not fanout.wanted(run, problem)
    settings.PLANNING_MAX_WHOLE_PAIRS = 3
    assert fanout.wanted(run, problem)
    settings.PLANNING_MAX_WHOLE_PAIRS = 4
    settings.PLANNING_WORKER_MEMORY_MB = 100
    assert fanout.wanted(run, problem)


def test_a_piece_that_fails_fails_the_run_with_its_reason(
    world, two_sub_districts, eager, django_capture_on_commit_callbacks, monkeypatch
):
    # given the solver breaks on one sub-district's piece
    broken = mapper.area(world.b1.sub_district_id)
    solve_piece = fanout.decompose.solve_piece

    def fragile(piece, **kwargs):
        if piece.name == broken:
            raise MemoryError("out of memory")
        return solve_piece(piece, **kwargs)

    monkeypatch.setattr(fanout.decompose, "solve_piece", fragile)
    run = services.matching_run_start(user=world.users["admin"], week=WEEK, time_limit=20)
    _execute(run, django_capture_on_commit_callbacks)
    # then the run ends failed, naming the piece and the error, with no plan stored
    run.refresh_from_db()
    assert run.status == "failed"
    assert run.message == f"Piece {broken} failed: MemoryError: out of memory"
    assert not Assignment.objects.filter(run=run).exists()
    assert SolveJob.objects.get(run=run).status == "failed"


def test_late_tasks_of_an_earlier_attempt_change_nothing(world, two_sub_districts, django_capture_on_commit_callbacks):
    # given a run's pieces were stored (not yet dispatched: no eager Celery) and then the run was requeued
    run = services.matching_run_start(user=world.users["admin"], week=WEEK, time_limit=20)
    with django_capture_on_commit_callbacks(execute=False):
        assert services.matching_run_execute(run_id=run.pk) == "solving"
    job = SolveJob.objects.get(run=run)
    MatchingRun.objects.filter(pk=run.pk).update(status="queued")
    # when the old job's tasks arrive
    results = [fanout.piece_solve(piece_id=p.pk) for p in job.pieces.all()]
    # then they see the job no longer serves a solving run, and nothing is solved or saved
    assert results == ["stale", "stale"]
    assert set(SolvePiece.objects.values_list("status", flat=True)) == {"queued"}
    assert fanout.job_join(job_id=job.pk) == "incomplete"
    assert not Assignment.objects.filter(run=run).exists()


def test_the_reaper_ends_the_solve_of_a_run_whose_workers_went_silent(
    world, two_sub_districts, django_capture_on_commit_callbacks
):
    # given a fanned-out run whose pieces were never solved (their workers vanished)
    run = services.matching_run_start(user=world.users["admin"], week=WEEK, time_limit=20)
    with django_capture_on_commit_callbacks(execute=False):
        services.matching_run_execute(run_id=run.pk)
    # when the reaper finds its heartbeat stale
    reaped = services.matching_run_reap_stale(now=timezone.now() + dt.timedelta(hours=1))
    # then the run is queued for another attempt and the old solve is ended, not left solving
    assert reaped["requeued"] == [run.pk]
    job = SolveJob.objects.get(run=run)
    assert (job.status, job.message) == ("failed", "The run's workers stopped answering.")
