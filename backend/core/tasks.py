"""Background work of the platform itself: the daily backup (core.backup)."""

from celery import shared_task

from core.backup import backup_create


@shared_task(name="core.backup")
def backup_task() -> str:
    """A new backup each run (a second run the same day is a second backup); old ones are pruned."""
    return str(backup_create().path)
