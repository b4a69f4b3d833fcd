"""A large solve fanned out over Celery workers: the problem split into sub-district pieces (matching.decompose),
one task per piece on whichever workers are free, and a chord's callback that joins the pieces' plans, fills
seats across their borders (a border MIP within what is left of the job's time limit, and a bound over all
pairs from the pieces' prices) and, for a district run, hands the plan to the run's lifecycle to save.

This is how the product grows past one machine: more workers, same code. Pieces and the whole problem live in
the database (SolveJob, SolvePiece), so tasks carry ids only, a piece delivered twice is solved once, and a
join reads exactly what the pieces wrote. A run whose workers vanish stops heartbeating; the reaper requeues it
and the new attempt starts a new job, while the old job's late tasks find it no longer matches and stop.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import time
import zlib
from collections.abc import Callable

from celery import chord, group
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

import matching
from core.queue import task_named
from matching import decompose, sizing
from planning import mapper
from planning.models import MatchingRun, SolveJob, SolvePiece
from runs.heartbeat import Heartbeat

log = logging.getLogger(__name__)


def pack(data) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def unpack(blob) -> dict:
    return json.loads(zlib.decompress(bytes(blob)))


def setting_max_whole_pairs() -> int:
    """The most candidate pairs one worker solves whole (the solve's time grows with them)."""
    return settings.PLANNING_MAX_WHOLE_PAIRS


def setting_worker_memory_mb() -> float:
    """The memory one worker process may give a solve (with its solver child)."""
    return settings.PLANNING_WORKER_MEMORY_MB


def setting_workers() -> int:
    """How many worker processes solve pieces at once: the pieces' time limits are shared out by it."""
    return max(1, settings.PLANNING_FANOUT_WORKERS)


def fits_one_worker(size: sizing.Size, *, max_pairs: int, memory_mb: float) -> bool:
    """A week is solved whole when one worker holds it: at most `max_pairs` candidate pairs and an estimated
    peak memory within `memory_mb`. The whole solve is the better plan (the pieces lose what crosses their
    borders), so the fan-out is only for what one machine cannot hold."""
    return size.pairs <= max_pairs and size.memory_mib <= memory_mb


def wanted(run: MatchingRun, problem: matching.Problem) -> bool:
    """Fan a district run out only when the estimate of its pairs and memory exceeds one worker's limits."""
    if run.level != MatchingRun.Level.DISTRICT:
        return False
    size = sizing.estimate(problem)
    whole = fits_one_worker(size, max_pairs=setting_max_whole_pairs(), memory_mb=setting_worker_memory_mb())
    log.info(
        "run %s: %d shifts, about %d pairs and %.0f MiB: %s",
        run.pk,
        size.shifts,
        size.pairs,
        size.memory_mib,
        "solved whole" if whole else "fanned out",
    )
    return not whole


# ---------------------------------------------------------------- start


def job_start(
    problem: matching.Problem,
    *,
    time_limit: float,
    solver: str,
    gap: float = matching.DEFAULT_GAP,
    workers: int | None = None,
    piece_shifts: int = 0,
    run: MatchingRun | None = None,
    meta: dict | None = None,
    queue: str | None = None,
) -> SolveJob:
    """Split the problem, store the pieces and send them to the workers once the transaction commits.

    piece_shifts 0: one piece per sub-district (the shifts' `area`). The pieces' time limit shares the whole
    limit out over `workers` processes, as matching.decompose does in one process; each piece stops early at
    the proven `gap` (kept in the job's meta).
    """
    workers = workers or setting_workers()
    meta = {**(meta or {}), "gap": gap, "workers": workers}  # the join's share follows from both
    pieces = decompose.split(problem, piece_shifts)
    per_piece = decompose.piece_time_limit(time_limit, len(pieces), workers, pairs=sizing.estimate(problem).pairs)
    with transaction.atomic():
        job = SolveJob.objects.create(
            run=run,
            attempt=run.attempts if run else 0,
            solver=solver,
            time_limit=time_limit,
            piece_time_limit=per_piece,
            piece_count=len(pieces),
            problem=pack(matching.problem_to_dict(problem)),
            meta=meta,
        )
        SolvePiece.objects.bulk_create(
            [
                SolvePiece(
                    job=job,
                    index=i,
                    name=piece.name or str(i),
                    shift_count=len(piece.shifts),
                    problem=pack(matching.problem_to_dict(piece)),
                )
                for i, piece in enumerate(pieces)
            ]
        )
        piece_ids = list(job.pieces.order_by("index").values_list("pk", flat=True))
        transaction.on_commit(lambda: _dispatch(job.pk, piece_ids, queue))
    log.info("solve job %s: %d pieces, %.1f s each", job.pk, len(pieces), per_piece)
    return job


def _dispatch(job_id: int, piece_ids: list[int], queue: str | None) -> None:
    options = {"queue": queue} if queue else {}
    header = group(task_named("planning.solve_piece").si(piece_id).set(**options) for piece_id in piece_ids)
    chord(header)(task_named("planning.join_pieces").si(job_id).set(**options))


def mapping_meta(mapped: mapper.MappedProblem) -> dict:
    return {
        "pinned": [[v, s, source] for (v, s), source in sorted(mapped.pinned.items())],
        "request_shift": {str(q): s for q, s in mapped.request_shift.items()},
        "booked": [[q, r, source] for q, (r, source) in sorted(mapped.booked.items())],
    }


def _mapped(job: SolveJob, data: dict) -> mapper.MappedProblem:
    meta = job.meta or {}
    return mapper.MappedProblem(
        data=data,
        pinned={(v, s): source for v, s, source in meta.get("pinned", [])},
        request_shift={int(q): s for q, s in meta.get("request_shift", {}).items()},
        booked={q: (r, source) for q, r, source in meta.get("booked", [])},
    )


# ---------------------------------------------------------------- one piece (a worker's task)


def _serves_live_run(job: SolveJob) -> bool:
    """A job of a run is live while the run is still solving the attempt that started the job."""
    if job.run_id is None:
        return True
    return MatchingRun.objects.filter(pk=job.run_id, status=MatchingRun.Status.SOLVING, attempts=job.attempt).exists()


def piece_solve(*, piece_id: int) -> str:
    """Solve one stored piece and store its plan; a second delivery of a solved piece does nothing.

    Never raises: a failure is stored on the piece, and the join fails the job with it.
    """
    piece = SolvePiece.objects.select_related("job", "job__run").filter(pk=piece_id).first()
    if piece is None or piece.status == SolvePiece.Status.DONE:
        return "skipped"
    job = piece.job
    if job.status != SolveJob.Status.SOLVING or not _serves_live_run(job):
        return "stale"
    started = time.monotonic()
    try:
        problem = matching.parse_problem(unpack(piece.problem))
        with Heartbeat(job.run) if job.run is not None else contextlib.nullcontext():
            result = decompose.solve_piece(
                problem,
                time_limit=job.piece_time_limit,
                solver=job.solver,
                gap=(job.meta or {}).get("gap", matching.DEFAULT_GAP),
            )
        status, message = SolvePiece.Status.DONE, ""
    except Exception as exc:
        log.exception("piece %s of solve job %s failed", piece.index, job.pk)
        status, result, message = SolvePiece.Status.FAILED, None, f"{type(exc).__name__}: {exc}"
    SolvePiece.objects.filter(pk=piece.pk).exclude(status=SolvePiece.Status.DONE).update(
        worker=f"{socket.gethostname()}:{os.getpid()}",
        seconds=round(time.monotonic() - started, 3),
        status=status,
        result=result,
        message=message,
    )
    _report_progress(job)
    return status


def _report_progress(job: SolveJob) -> None:
    if job.run_id is None:
        return
    done = SolvePiece.objects.filter(job=job, status__in=[SolvePiece.Status.DONE, SolvePiece.Status.FAILED]).count()
    now = timezone.now()
    MatchingRun.objects.filter(pk=job.run_id, status=MatchingRun.Status.SOLVING, attempts=job.attempt).update(
        progress=25 + int(60 * done / max(1, job.piece_count)),
        heartbeat=now,
        updated_at=now,
        stage=_("Solving: %(done)d of %(total)d pieces done") % {"done": done, "total": job.piece_count},
    )


# ---------------------------------------------------------------- join (the chord's callback)


def job_join(
    *, job_id: int, save: Callable[..., str] | None = None, fail: Callable[[int, str], None] | None = None
) -> str:
    """Join the pieces' plans into one with the border fill; for a run still solving this job's attempt, hand the
    plan to `save(run=, mapped=, solution=)` (returns the run's status), or the reason to `fail(run_id, message)`.
    The run's lifecycle passes both (planning.services.matching_run_join_pieces): this module does not import it.

    Runs once per job: the move out of `solving` is a conditional UPDATE.
    """
    job = SolveJob.objects.select_related("run").filter(pk=job_id).first()
    if job is None or job.status != SolveJob.Status.SOLVING:
        return "skipped"
    counts = SolvePiece.objects.filter(job=job).aggregate(
        done=Count("pk", filter=Q(status=SolvePiece.Status.DONE)),
        failed=Count("pk", filter=Q(status=SolvePiece.Status.FAILED)),
    )
    if counts["done"] + counts["failed"] < job.piece_count:
        # The chord fired before every piece was stored (a piece's task was lost): leave it to the reaper.
        log.warning("solve job %s joined with %s of %s pieces stored", job.pk, counts["done"], job.piece_count)
        return "incomplete"
    if counts["failed"]:
        first = SolvePiece.objects.filter(job=job, status=SolvePiece.Status.FAILED).order_by("index")[0]
        why = _("Piece %(name)s failed: %(error)s") % {"name": first.name, "error": first.message}
        return _job_fail(job, why, fail)
    # every piece is done here (none failed, all stored), so each has its result
    results: list[dict] = [
        row.result or {} for row in SolvePiece.objects.filter(job=job).order_by("index").only("result")
    ]
    infeasible = [r for r in results if r["status"] == matching.Status.INFEASIBLE.value]
    if infeasible:
        why = _("No plan keeps every pinned assignment: %(why)s") % {"why": infeasible[0]["message"]}
        return _job_fail(job, why, fail)
    data = unpack(job.problem)
    problem = matching.parse_problem(data)
    # the join's border MIP gets what is left of the run's limit, with the run's solver and gap
    solution = decompose.join(
        problem,
        results,
        piece_time_limit=job.piece_time_limit,
        pieces_seconds=(timezone.now() - job.created_at).total_seconds(),
        time_limit=job.time_limit,
        solver=job.solver,
        gap=(job.meta or {}).get("gap", matching.DEFAULT_GAP),
        workers=(job.meta or {}).get("workers", setting_workers()),
    )
    if not SolveJob.objects.filter(pk=job.pk, status=SolveJob.Status.SOLVING).update(
        status=SolveJob.Status.DONE,
        solution=pack(solution.to_dict()),
        finished_at=timezone.now(),
    ):
        return "skipped"
    if save is not None and job.run_id is not None and _serves_live_run(job):
        return save(run=job.run, mapped=_mapped(job, data), solution=solution)
    return SolveJob.Status.DONE


def _job_fail(job: SolveJob, message: str, fail: Callable[[int, str], None] | None) -> str:
    SolveJob.objects.filter(pk=job.pk, status=SolveJob.Status.SOLVING).update(
        status=SolveJob.Status.FAILED, message=message[:4000], finished_at=timezone.now()
    )
    if fail is not None and job.run_id is not None and _serves_live_run(job):
        fail(job.run_id, message)
    return SolveJob.Status.FAILED
