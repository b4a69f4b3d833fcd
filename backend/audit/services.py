"""Writes to the audit history that auditlog's signals cannot see.

auditlog records save() and delete() of the tracked models (audit.tracked); QuerySet.update() and bulk_create()
send no signals. Apps that change tracked rows that way (a run's status moved by a conditional update, the
assignments a solver saves in bulk) call `audit_record_change` with what changed, once per object, or
`audit_record_change_bulk` for many objects at once (a week's generated shifts, an import's chunk of created and
changed rows): the same entries in one INSERT per batch. The actor is the signed-in user of the request, as for
every entry, and none in a Celery task unless the caller names the person the task works for (an import's
uploader); a context (the import run's id) goes into each entry's additional data.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import SimpleNamespace

from auditlog.cid import get_cid
from auditlog.diff import get_field_value, get_mask_function, track_field
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.signals import pre_save
from django.utils.encoding import smart_str

from accounts.models import User

Changes = dict[str, tuple[object, object]]


class NotTracked(ValueError):
    """The model keeps no audit history (audit.tracked)."""


def _concrete(model: type[models.Model], name: str) -> models.Field | None:
    """The model's own field `name` (by name or column name: home_community_id); None for a summary ("assignments")."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) and field.concrete else None


def _text(field: models.Field | None, value: object) -> str:
    """A value as auditlog's own diff writes it for `field` (JSON with sorted keys, a time in UTC, a relation's id);
    text as given (a summary, or what the caller wrote already)."""
    if field is None or isinstance(value, str):
        return smart_str(value)
    return smart_str(get_field_value(SimpleNamespace(**{field.name: value, field.attname: value}), field))


def _changes(model: type[models.Model], changes: Changes) -> dict[str, list[str]]:
    """field -> [old, new] as text, as auditlog writes them on save: a field by its name, the model's personal fields
    masked, the fields it keeps out of the history (a volunteer's home point) left out; a summary as given."""
    fields = auditlog.get_model_fields(model)
    mask = get_mask_function(fields.get("mask_callable"))
    named = {}
    for name, (old, new) in changes.items():
        field = _concrete(model, name)
        if field is not None and field.name in fields["exclude_fields"]:
            continue
        key = name if field is None else field.name
        named[key] = (_text(field, old), _text(field, new))
    return {
        name: [mask(old), mask(new)] if name in fields["mask_fields"] else [old, new]
        for name, (old, new) in named.items()
    }


def _entry(instance: models.Model, changes: dict, action: int = LogEntry.Action.UPDATE) -> LogEntry:
    """The unsaved entry auditlog's own `LogEntry.objects.log_create` would write for `instance` with `changes`
    (already as text, masked); the actor and the request's address come with the save (auditlog.context's pre_save
    receiver)."""
    pk = instance.pk
    get_additional_data = getattr(instance, "get_additional_data", None)
    return LogEntry(
        action=action,
        changes=changes,
        content_type=ContentType.objects.get_for_model(instance),
        object_pk=smart_str(pk),
        object_id=pk if isinstance(pk, int) else None,
        object_repr=smart_str(instance),
        serialized_data=LogEntry.objects._get_serialized_data_or_none(instance),
        additional_data=get_additional_data() if callable(get_additional_data) else None,
        cid=get_cid(),
    )


def _tracked(instance: models.Model) -> type[models.Model]:
    model = type(instance)
    if not auditlog.contains(model):
        raise NotTracked(model.__name__)
    return model


def _update_entry(instance: models.Model, changes: Changes) -> LogEntry:
    return _entry(instance, _changes(_tracked(instance), changes))


# auditlog's diff of a new row against none: each field's old value is its text of None.
NONE = smart_str(None)


@dataclass(frozen=True)
class _Kept:
    field: models.Field | models.ForeignObjectRel  # a reverse relation, unless registered as left out
    mask: Callable[[str], str] | None  # a personal field's mask


def _kept(model: type[models.Model]) -> list[_Kept]:
    """The fields auditlog's `model_instance_diff(None, row)` writes of a new row of `model`: not many-to-many, nor
    those its registration leaves out; the masked ones with their mask. Worked out once a model per bulk write, which
    the diff does again for each row (most of an import's cost of its history)."""
    registered = auditlog.get_model_fields(model)
    fields = [field for field in model._meta.get_fields() if track_field(field)]
    if registered["include_fields"]:
        fields = [field for field in fields if field.name in registered["include_fields"]]
    mask = get_mask_function(registered.get("mask_callable"))
    return [
        _Kept(field, mask if field.name in registered["mask_fields"] else None)
        for field in fields
        if field.name not in registered["exclude_fields"]
    ]


def _create_entry(instance: models.Model, kept: list[_Kept]) -> LogEntry:
    """The creation entry auditlog writes when `instance` is saved the first time: every kept field whose value is
    not None's text, from None (a relation left empty is written too, as the diff compares None with "None")."""
    changes = {}
    for each in kept:
        value = get_field_value(instance, each.field)
        if value != NONE:
            old, new = NONE, smart_str(value)
            changes[each.field.name] = [each.mask(old), each.mask(new)] if each.mask else [old, new]
    return _entry(instance, changes, LogEntry.Action.CREATE)


def audit_record_change(*, instance: models.Model, changes: Changes) -> LogEntry:
    """One update entry of `instance`: field (or a summary such as "assignments") -> (old, new); the model's
    personal fields (audit.tracked's `mask`) are masked as in every other entry."""
    entry = _update_entry(instance, changes)
    entry.save()
    return entry


def audit_record_change_bulk(
    *,
    changes: Iterable[tuple[models.Model, Changes]] = (),
    created: Iterable[models.Model] = (),
    actor: User | None = None,
    context: dict | None = None,
) -> list[LogEntry]:
    """The entries `audit_record_change` would write, one per (instance, changes), and the creation entries auditlog
    writes on a first save, one per instance of `created` (rows made by bulk_create), in one INSERT per 1000: each
    entry goes through the pre_save receivers a save would run (the actor of the request, its address), which
    bulk_create alone skips. A change of fields the history leaves out only (a volunteer's home point) is no entry, as
    auditlog writes none for it. `actor`: whom a background task works for, where there is no request; `context`:
    added to each entry's additional data (an import's {"import_run": id}), by which its entries are found."""
    kept: dict[type[models.Model], list[_Kept]] = {}
    entries = []
    for instance in created:
        model = _tracked(instance)
        if model not in kept:
            kept[model] = _kept(model)
        entries.append(_create_entry(instance, kept[model]))
    entries += [entry for instance, fields in changes if (entry := _update_entry(instance, fields)).changes]
    for entry in entries:
        if actor is not None:
            entry.actor, entry.actor_email = actor, getattr(actor, "email", None)  # as auditlog's set_actor
        if context:
            entry.additional_data = {**(entry.additional_data or {}), **context}
        pre_save.send(sender=LogEntry, instance=entry, raw=False, using=entry._state.db, update_fields=None)
    return LogEntry.objects.bulk_create(entries, batch_size=1000)
