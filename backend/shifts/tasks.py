"""Background work on shifts: a week's generation (queued by the Friday schedule and by scripts)."""

import datetime as dt

from celery import shared_task

from core.weeks import next_monday
from geo.models import Community
from shifts import services


@shared_task(name="shifts.generate_week", acks_late=True)
def shift_generate_week_task(week: str, community_ids: list[int] | None = None) -> dict:
    """Safe to run twice: generation keys make the second run create nothing."""
    communities = None if community_ids is None else Community.objects.filter(pk__in=community_ids)
    result = services.shift_generate_week(week=dt.date.fromisoformat(week), communities=communities)
    return {"week": result.week.isoformat(), "created": result.created, "existing": result.existing}


@shared_task(name="shifts.generate_next_week", acks_late=True)
def shift_generate_next_week_task() -> dict:
    """The Friday schedule: next week's shifts for every community, so Monday's coordinator finds them."""
    monday = next_monday()
    return shift_generate_week_task(monday.isoformat())
