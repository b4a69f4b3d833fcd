"""Review of a done run by hand, as every kind of run has it: the run locked for the change (only a done run whose
period is not published), and the unfilled seats kept in step when a seat is filled or freed by hand. What a pair
is and which rules it must keep stay with the app (planning.review, allocation.review)."""
from collections.abc import Callable

from django.db.models import F, Model
from django.utils.translation import gettext as _

from runs.errors import RunNotEditable
from runs.models import DONE, Run


def run_lock_for_review(run: Run, *, published: Callable[[Run], bool], published_message: str) -> Run:
    """The run, locked for a change of its plan by hand: only a done run whose period is not published."""
    run = type(run).objects.select_for_update().get(pk=run.pk)
    if run.status != DONE:
        raise RunNotEditable(_("Only a run that is done can be reviewed; this run is %(status)s.")
                             % {"status": run.get_status_display()})
    if published(run):
        raise RunNotEditable(published_message)
    return run


def unfilled_seat_taken(model: type[Model], *, run: Run, **seat) -> None:
    """A seat filled by hand: the row of `model` (unfilled seats of the run, by `seat`) misses one fewer, and goes at
    none."""
    unfilled = model.objects.filter(run=run, **seat).first()
    if unfilled is None:
        return
    if unfilled.missing <= 1:
        unfilled.delete()
    else:
        model.objects.filter(pk=unfilled.pk).update(missing=F("missing") - 1)


def unfilled_seat_freed(model: type[Model], *, run: Run, **seat) -> None:
    """A seat freed by hand: listed as unfilled again, removed by a coordinator."""
    unfilled, created = model.objects.get_or_create(
        run=run, **seat,
        defaults={"missing": 1, "reasons": [{"code": "removed", "message": _("Removed by a coordinator.")}]},
    )
    if not created:
        model.objects.filter(pk=unfilled.pk).update(missing=F("missing") + 1)


def pair_pin(pair: Model, *, pinned: bool) -> Model:
    """Pin a pair of the plan (the next version of the scope and period keeps it) or unpin it."""
    pair.pinned = pinned
    pair.save(update_fields=["pinned"])
    return pair
