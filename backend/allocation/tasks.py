"""Background work of post allocation: execute a run, tell the members of a published allocation, and sweep
up what a broker outage or a dead worker left behind.

Tasks take ids and call one service. acks_late with reject_on_worker_lost: a run whose worker dies is delivered
again, and the service makes a second delivery harmless (it only takes a queued run); the notice is sent once
per member and publication whatever the number of deliveries.
"""

from celery import shared_task

from allocation import services


@shared_task(name="allocation.run", acks_late=True, reject_on_worker_lost=True)
def run_allocation_task(run_id: int) -> str:
    return services.allocation_run_execute(run_id=run_id)


@shared_task(name="allocation.notify_publication", acks_late=True, reject_on_worker_lost=True)
def notify_publication_task(publication_id: int) -> dict:
    return services.publication_notify(publication_id=publication_id)


@shared_task(name="allocation.sweep", acks_late=True)
def sweep_task() -> dict:
    """Beat: runs and publication notices a broker outage or a dead worker left behind, sent again."""
    return services.allocation_sweep()
