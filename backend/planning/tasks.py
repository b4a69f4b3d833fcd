"""Background work of the weekly planning: execute a matching run, and reap runs whose worker went silent.

Tasks take ids and call one service. acks_late with reject_on_worker_lost: a run whose worker dies is
delivered again, and the service makes a second delivery harmless (it only takes a queued run).
"""

from celery import shared_task

from core.weeks import next_monday
from planning import fanout, services


@shared_task(name="planning.run_matching", acks_late=True, reject_on_worker_lost=True)
def run_matching_task(run_id: int) -> str:
    return services.matching_run_execute(run_id=run_id)


@shared_task(name="planning.solve_piece", acks_late=True, reject_on_worker_lost=True)
def solve_piece_task(piece_id: int) -> str:
    """One sub-district piece of a fanned-out solve (a chord's header task)."""
    return fanout.piece_solve(piece_id=piece_id)


@shared_task(name="planning.join_pieces", acks_late=True, reject_on_worker_lost=True)
def join_pieces_task(job_id: int) -> str:
    """The chord's callback: join the pieces' plans and save the run's plan."""
    return services.matching_run_join_pieces(job_id=job_id)


@shared_task(name="planning.reap_stale_runs", acks_late=True)
def reap_stale_runs_task() -> dict:
    return services.matching_run_reap_stale()


@shared_task(name="planning.resend_publication_notices", acks_late=True)
def resend_publication_notices_task() -> list[int]:
    """Beat: publications whose volunteers were not told yet (the broker was down when they were published)."""
    return services.publication_resend_notices()


@shared_task(name="planning.prepare_next_week", acks_late=True)
def prepare_next_week_task() -> dict:
    """Friday (beat): next week's shifts and a draft run for every community."""
    return services.matching_run_prepare_week(week=next_monday())
