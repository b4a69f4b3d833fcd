"""Background work of the weekly planning: execute a matching run, and reap runs whose worker went silent.

Tasks take ids and call one service. acks_late with reject_on_worker_lost: a run whose worker dies is
delivered again, and the service makes a second delivery harmless (it only takes a queued run).
"""
import datetime as dt

from celery import shared_task

from planning import services


@shared_task(name="planning.run_matching", acks_late=True, reject_on_worker_lost=True)
def run_matching_task(run_id: int) -> str:
    return services.matching_run_execute(run_id=run_id)


@shared_task(name="planning.reap_stale_runs", acks_late=True)
def reap_stale_runs_task() -> dict:
    return services.matching_run_reap_stale()


@shared_task(name="planning.prepare_next_week", acks_late=True)
def prepare_next_week_task() -> dict:
    """Friday (beat): next week's shifts and a draft run for every community."""
    today = dt.date.today()
    return services.matching_run_prepare_week(week=services.week_start(today) + dt.timedelta(days=7))
