"""Background work of the weekly planning: execute a matching run, and reap runs whose worker went silent.

Tasks take ids and call one service. acks_late with reject_on_worker_lost: a run whose worker dies is
delivered again, and the service makes a second delivery harmless (it only takes a queued run).
"""
from celery import shared_task

from planning import services


@shared_task(name="planning.run_matching", acks_late=True, reject_on_worker_lost=True)
def run_matching_task(run_id: int) -> str:
    return services.matching_run_execute(run_id=run_id)


@shared_task(name="planning.reap_stale_runs", acks_late=True)
def reap_stale_runs_task() -> dict:
    return services.matching_run_reap_stale()
