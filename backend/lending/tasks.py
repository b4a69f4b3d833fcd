"""Background work of the unit's side: the resource backfill a withdrawal starts. Takes an id, calls one
service; safe to run twice (the withdrawal is marked backfilled once, each change recorded once)."""

from celery import shared_task

from lending import services


@shared_task(name="lending.resource_backfill", acks_late=True, reject_on_worker_lost=True)
def resource_backfill_task(withdrawal_id: int) -> dict:
    withdrawal = services.withdrawal_backfill(withdrawal_id=withdrawal_id)
    if withdrawal is None:
        return {"withdrawal": withdrawal_id, "backfilled": False}
    changes = list(withdrawal.changes.values_list("new_resource_id", flat=True))
    return {
        "withdrawal": withdrawal_id,
        "backfilled": withdrawal.backfilled_at is not None,
        "replaced": sum(new is not None for new in changes),
        "unmet": sum(new is None for new in changes),
    }


@shared_task(name="lending.resume_backfills", acks_late=True)
def resume_backfills_task() -> list[int]:
    """Beat: withdrawals whose backfill never started (the broker was down) get it started again."""
    return services.withdrawal_resume_pending()
