"""Writes to the audit history that auditlog's signals cannot see.

auditlog records save() and delete() of the tracked models (audit.tracked); QuerySet.update() and bulk_create()
send no signals. Apps that change tracked rows that way (a run's status moved by a conditional update, the
assignments a solver saves in bulk) call `audit_record_change` with what changed, once per object: the actor
is the signed-in user of the request, as for every entry, and none in a Celery task.
"""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.db import models
from django.utils.encoding import smart_str


class NotTracked(ValueError):
    """The model keeps no audit history (audit.tracked)."""


def audit_record_change(*, instance: models.Model, changes: dict[str, tuple[object, object]]) -> LogEntry:
    """One update entry of `instance`: field (or a summary such as "assignments") -> (old, new). Personal values
    are not masked here: pass none."""
    if not auditlog.contains(type(instance)):
        raise NotTracked(type(instance).__name__)
    return LogEntry.objects.log_create(
        instance,
        action=LogEntry.Action.UPDATE,
        changes={name: [smart_str(old), smart_str(new)] for name, (old, new) in changes.items()},
    )
