"""Background sending of notifications. Tasks take ids and call one service; the services make a second
delivery of a task harmless (one notification per recipient and event, one send per delivery row)."""

from celery import shared_task

from notifications import deliveries, services


@shared_task(name="notifications.notify_publication", acks_late=True, reject_on_worker_lost=True)
def notify_publication_task(run_id: int) -> dict:
    return services.publication_notify(run_id=run_id)


@shared_task(name="notifications.deliver", bind=True, acks_late=True, reject_on_worker_lost=True)
def deliver_task(self, delivery_id: int) -> str:
    """One SMS or e-mail. A temporary failure comes back after the back-off the service chose (it counts the
    attempts and fails the row after DELIVERY_MAX_ATTEMPTS, so Celery's own limit is lifted)."""
    outcome = deliveries.delivery_send(delivery_id=delivery_id)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in, max_retries=None)
    return outcome.status


@shared_task(name="notifications.sweep_deliveries")
def sweep_deliveries_task() -> dict:
    return deliveries.deliveries_sweep()
