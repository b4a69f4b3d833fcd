"""Beat task of needs: flag overdue needs to their owners (限时办结), safe to run twice."""

from celery import shared_task

from needs import services


@shared_task(name="needs.flag_overdue", acks_late=True, reject_on_worker_lost=True)
def flag_overdue_task() -> dict:
    return services.need_notify_overdue()
