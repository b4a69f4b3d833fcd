"""Beat task of unit ledgers: on the first of each month, every unit's ledger of the month before."""

import datetime as dt

from celery import shared_task
from django.utils import timezone

from ledgers import selectors, services


@shared_task(name="ledgers.write_monthly", acks_late=True, reject_on_worker_lost=True)
def write_monthly_task(month: str | None = None) -> dict:
    """`month` "YYYY-MM" rewrites that month; by default the month before today (safe to run twice)."""
    day = dt.date.fromisoformat(f"{month}-01") if month else selectors.previous_month(timezone.localdate())
    return services.ledger_write_month(month=day)
