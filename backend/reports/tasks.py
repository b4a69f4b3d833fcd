"""Tasks of the reports: one export job (queued when it is requested); on beat, last quarter's feedback reports to
the employer units, the reaper of export jobs never sent or whose worker was lost (the run kernel's), and the purge
of expired export files. All take ids or plain values and are safe to run twice."""

from celery import shared_task
from django.utils import timezone

from reports import selectors, services


@shared_task(name="reports.run_export", acks_late=True, reject_on_worker_lost=True)
def run_export_task(job_id: int) -> str:
    return services.export_job_run(job_id=job_id)


@shared_task(name="reports.write_quarterly_feedback", acks_late=True, reject_on_worker_lost=True)
def write_quarterly_feedback_task(
    year: int | None = None, quarter: int | None = None, unit_ids: list[int] | None = None
) -> dict:
    """By default the quarter before today (beat: the 1st of January, April, July and October) for every unit;
    a coordinator's on-demand write names the quarter and the units of their scope."""
    if year is None or quarter is None:
        year, quarter = selectors.previous_quarter(timezone.localdate())
    return services.feedback_write_quarter(year=year, quarter=quarter, unit_ids=unit_ids)


# The name beat's stored schedule already holds (django-celery-beat keeps entries by name).
@shared_task(name="reports.resume_exports", acks_late=True, reject_on_worker_lost=True)
def resume_exports_task() -> int:
    return services.export_jobs_reap()


@shared_task(name="reports.purge_expired_exports", acks_late=True, reject_on_worker_lost=True)
def purge_expired_exports_task() -> int:
    return services.export_files_purge()
