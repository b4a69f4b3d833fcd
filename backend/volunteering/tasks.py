"""Background work of the volunteer's side: the backfill a decline starts. Takes an id, calls one service;
safe to run twice (one Backfill per declined assignment)."""

from celery import shared_task

from volunteering import services


@shared_task(name="volunteering.backfill", acks_late=True, reject_on_worker_lost=True)
def backfill_task(assignment_id: int) -> dict:
    backfill = services.assignment_backfill(assignment_id=assignment_id)
    if backfill is None:
        return {"assignment": assignment_id, "backfilled": False}
    return {
        "assignment": assignment_id,
        "backfilled": True,
        "new_assignments": backfill.new_assignments,
        "moved": backfill.moved,
        "unfilled": backfill.unfilled,
    }


@shared_task(name="volunteering.resume_backfills", acks_late=True)
def resume_backfills_task() -> list[int]:
    """Beat: declines whose backfill never started (the broker was down) get it started again."""
    return services.backfill_resume_pending()
