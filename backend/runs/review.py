"""Review of a done run by hand, as every kind of run has it: the run locked for the change (only a done run whose
period is not published), and the unfilled seats kept in step when a seat is filled or freed by hand. What a pair
is and which rules it must keep stay with the app (planning.review, allocation.review)."""

from collections.abc import Callable
from typing import Protocol, TypeVar

from django.db.models import F
from django.utils.translation import gettext as _

from runs.errors import RunNotEditable
from runs.models import DONE, Run, RunUnfilled

R = TypeVar("R", bound=Run)


class Pair(Protocol):
    """A pair of a run's plan (a volunteer on a shift, a member on a post) that a coordinator may pin."""

    pinned: bool

    def save(self, *, update_fields: list[str]) -> None: ...


P = TypeVar("P", bound=Pair)
U = TypeVar("U", bound=RunUnfilled)


def run_lock_for_review(run: R, *, published: Callable[[R], bool], published_message: str) -> R:
    """The run, locked for a change of its plan by hand: only a done run whose period is not published."""
    run = type(run)._default_manager.select_for_update().get(pk=run.pk)
    if run.status != DONE:
        raise RunNotEditable(
            _("Only a run that is done can be reviewed; this run is %(status)s.") % {"status": run.get_status_display()}
        )
    if published(run):
        raise RunNotEditable(published_message)
    return run


def unfilled_seat_taken(model: type[U], *, run: Run, **seat) -> None:
    """A seat filled by hand: the row of `model` (unfilled seats of the run, by `seat`) misses one fewer, and goes at
    none."""
    unfilled = model._default_manager.filter(run=run, **seat).first()
    if unfilled is None:
        return
    if unfilled.missing <= 1:
        unfilled.delete()
    else:
        model._default_manager.filter(pk=unfilled.pk).update(missing=F("missing") - 1)


def unfilled_seat_freed(model: type[U], *, run: Run, **seat) -> None:
    """A seat freed by hand: listed as unfilled again, removed by a coordinator."""
    unfilled, created = model._default_manager.get_or_create(
        run=run,
        **seat,
        defaults={"missing": 1, "reasons": [{"code": "removed", "message": _("Removed by a coordinator.")}]},
    )
    if not created:
        model._default_manager.filter(pk=unfilled.pk).update(missing=F("missing") + 1)


def pair_pin(pair: P, *, pinned: bool) -> P:
    """Pin a pair of the plan (the next version of the scope and period keeps it) or unpin it."""
    pair.pinned = pinned
    pair.save(update_fields=["pinned"])
    return pair
