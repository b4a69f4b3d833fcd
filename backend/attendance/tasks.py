"""Beat tasks of attendance: no-shows after the shift, reminders before it. Both are safe to run twice."""

from celery import shared_task

from attendance import services


@shared_task(name="attendance.mark_no_shows", acks_late=True, reject_on_worker_lost=True)
def mark_no_shows_task() -> int:
    return services.attendance_mark_no_shows()


@shared_task(name="attendance.send_reminders", acks_late=True, reject_on_worker_lost=True)
def send_reminders_task() -> dict:
    return services.attendance_send_reminders()
