"""Reads of import runs, through the one scope rule of every kind of run (runs.selectors.run_scope): a community
coordinator sees their community's imports, a sub-district coordinator those of their sub-district and its
communities, the administrator every one."""

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from runs.selectors import run_scope
from transfer.models import ImportRun


def import_run_list(*, user: User) -> QuerySet[ImportRun]:
    runs = ImportRun.objects.select_related("community", "created_by")
    condition = run_scope(user)
    return runs if condition is None else runs.filter(condition)


def import_run_get(*, user: User, run_id: int) -> ImportRun:
    """The run, or 404 when it does not exist or lies outside the caller's scope."""
    run = import_run_list(user=user).filter(pk=run_id).first()
    if run is None:
        raise Http404("No such import run.")
    return run
