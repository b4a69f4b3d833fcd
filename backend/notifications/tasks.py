"""Background sending of notifications. Tasks take ids and call one service; the services make a second
delivery of a task harmless (one notification per recipient and event)."""
from celery import shared_task

from notifications import services


@shared_task(name="notifications.notify_publication", acks_late=True, reject_on_worker_lost=True)
def notify_publication_task(run_id: int) -> dict:
    return services.publication_notify(run_id=run_id)
