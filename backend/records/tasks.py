"""Beat task of service records: records for recent check-outs and corrected attendance. Safe to run twice."""

from celery import shared_task

from records import services


@shared_task(name="records.sync_attendance", acks_late=True, reject_on_worker_lost=True)
def sync_attendance_task() -> int:
    return services.records_sync_attendance()
