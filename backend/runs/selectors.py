"""Reads of runs, always through the caller's scope: a community coordinator sees their community's runs, a
sub-district coordinator the runs of their sub-district and of its communities, the administrator every run;
volunteers and unit representatives see none. Every kind of run carries the same sub_district and community
columns, so this is the one rule."""

from typing import TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import User
from runs.models import Run

NOTHING = Q(pk__in=[])
R = TypeVar("R", bound=Run)


def run_scope(user: User | AnonymousUser) -> Q | None:
    """The filter of the runs the user may see; None means every run."""
    if not user.is_authenticated:
        return NOTHING
    if user.is_superuser or user.role == User.Role.ADMIN:
        return None
    if user.role == User.Role.SUBDISTRICT:
        return Q(sub_district_id=user.sub_district_id)
    if user.role == User.Role.COMMUNITY:
        return Q(community_id=user.community_id)
    return NOTHING


def run_list(model: type[R], *, user: User | AnonymousUser) -> QuerySet[R]:
    runs = model._default_manager.select_related("community", "sub_district", "created_by", "publication")
    condition = run_scope(user)
    return runs if condition is None else runs.filter(condition)


def run_get(model: type[R], *, user: User | AnonymousUser, run_id: int) -> R:
    """The run, or 404 when it does not exist or lies outside the caller's scope."""
    run = run_list(model, user=user).filter(pk=run_id).first()
    if run is None:
        raise Http404(f"No such {model._meta.verbose_name}.")
    return run
