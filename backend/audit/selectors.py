"""Reads of the audit history: the entries of one tracked model (and object), as far as the caller's scope
reaches (audit.tracked); an object outside the scope is a 404, as everywhere else, and so is an import run whose
rows are asked for."""

import datetime as dt

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from audit.tracked import TRACKED


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def audit_entry_list(
    *,
    user: User,
    model: str,
    object_id: int | None = None,
    actor: int | None = None,
    import_run: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[LogEntry]:
    tracked = TRACKED[model]
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(tracked.model))
    condition = tracked.visible(user)
    if object_id is not None:
        if condition is not None and not tracked.model._default_manager.filter(condition, pk=object_id).exists():
            raise Http404("No such object.")
        entries = entries.filter(object_id=object_id)
    elif condition is not None:
        entries = entries.filter(object_id__in=tracked.model._default_manager.filter(condition).values("pk"))
    if actor is not None:
        entries = entries.filter(actor_id=actor)
    if import_run is not None:
        runs = TRACKED["import_run"]
        runs_seen = runs.visible(user)
        if runs_seen is not None and not runs.model._default_manager.filter(runs_seen, pk=import_run).exists():
            raise Http404("No such import run.")
        entries = entries.filter(additional_data__import_run=import_run)
    if date_from is not None:
        entries = entries.filter(timestamp__gte=_day_start(date_from))
    if date_to is not None:
        entries = entries.filter(timestamp__lt=_day_start(date_to + dt.timedelta(days=1)))
    return entries.select_related("actor").order_by("-timestamp", "-id")
