"""Writes to the audit history that auditlog's signals cannot see.

auditlog records save() and delete() of the tracked models (audit.tracked); QuerySet.update() and bulk_create()
send no signals. Apps that change tracked rows that way (a run's status moved by a conditional update, the
assignments a solver saves in bulk) call `audit_record_change` with what changed, once per object, or
`audit_record_change_bulk` for many objects at once (a week's generated shifts): the same entries in one INSERT
per batch. The actor is the signed-in user of the request, as for every entry, and none in a Celery task.
"""

from collections.abc import Iterable

from auditlog.cid import get_cid
from auditlog.diff import get_mask_function
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import pre_save
from django.utils.encoding import smart_str

Changes = dict[str, tuple[object, object]]


class NotTracked(ValueError):
    """The model keeps no audit history (audit.tracked)."""


def _changes(model: type[models.Model], changes: Changes) -> dict[str, list[str]]:
    """field -> [old, new] as text, the model's personal fields masked as auditlog masks them on save."""
    fields = auditlog.get_model_fields(model)
    mask = get_mask_function(fields.get("mask_callable"))
    return {
        name: [mask(smart_str(old)), mask(smart_str(new))]
        if name in fields["mask_fields"]
        else [smart_str(old), smart_str(new)]
        for name, (old, new) in changes.items()
    }


def _entry(instance: models.Model, changes: Changes) -> LogEntry:
    """The unsaved update entry auditlog's own `LogEntry.objects.log_create` would write for `instance`, field by
    field; the actor and the request's address come with the save (auditlog.context's pre_save receiver)."""
    model = type(instance)
    if not auditlog.contains(model):
        raise NotTracked(model.__name__)
    pk = instance.pk
    get_additional_data = getattr(instance, "get_additional_data", None)
    return LogEntry(
        action=LogEntry.Action.UPDATE,
        changes=_changes(model, changes),
        content_type=ContentType.objects.get_for_model(instance),
        object_pk=smart_str(pk),
        object_id=pk if isinstance(pk, int) else None,
        object_repr=smart_str(instance),
        serialized_data=LogEntry.objects._get_serialized_data_or_none(instance),
        additional_data=get_additional_data() if callable(get_additional_data) else None,
        cid=get_cid(),
    )


def audit_record_change(*, instance: models.Model, changes: Changes) -> LogEntry:
    """One update entry of `instance`: field (or a summary such as "assignments") -> (old, new); the model's
    personal fields (audit.tracked's `mask`) are masked as in every other entry."""
    entry = _entry(instance, changes)
    entry.save()
    return entry


def audit_record_change_bulk(*, changes: Iterable[tuple[models.Model, Changes]]) -> list[LogEntry]:
    """The entries `audit_record_change` would write, one per (instance, changes), in one INSERT per 1000: each
    entry goes through the pre_save receivers a save would run (the actor of the request, its address), which
    bulk_create alone skips."""
    entries = [_entry(instance, fields) for instance, fields in changes]
    for entry in entries:
        pre_save.send(sender=LogEntry, instance=entry, raw=False, using=entry._state.db, update_fields=None)
    return LogEntry.objects.bulk_create(entries, batch_size=1000)
