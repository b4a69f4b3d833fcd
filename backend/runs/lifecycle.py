"""The lifecycle every kind of run shares: create the next version, claim it for a worker, move it from status to
status, finish, fail, cancel, reap the silent ones, and publish a done one. What a run computes and saves stays
with its app (planning, allocation); the app names its task and passes its own enqueue.

Every move is a conditional UPDATE on the current status, so a cancel, a reaper and a duplicate task delivery
never overwrite each other: the loser's UPDATE changes no row (RunStopped for a worker, RunEnded for a cancel).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record_change
from runs import heartbeat
from runs.errors import AlreadyPublished, RunAlreadyActive, RunEnded, RunNotDone
from runs.models import CANCELLED, DONE, ENDED, FAILED, QUEUED, Run, RunPublication

log = logging.getLogger(__name__)

# A kind of run (MatchingRun, AllocationRun, ...): what the kernel takes, it hands back as that kind.
R = TypeVar("R", bound=Run)
P = TypeVar("P", bound=RunPublication)


# The longest a start may ask the worker to compute (seconds).
MAX_TIME_LIMIT = 600.0
# What a task reports as the status of a run that no longer exists.
MISSING = "missing"


class RunStopped(Exception):
    """The run was cancelled or taken over while this execution worked on it."""


def _active(model: type[R]):
    return model._default_manager.exclude(status__in=ENDED)


# ---------------------------------------------------------------- create


def run_create(
    model: type[R],
    *,
    scope: dict,
    period: dict,
    time_limit: float,
    user,
    busy: str,
    enqueue: Callable[[int], None],
    **fields,
) -> R:
    """The next version of the scope's run for the period, queued (`enqueue(run_id)`) once the transaction commits;
    RunAlreadyActive with the message `busy` while another run of the scope and period is active."""
    with transaction.atomic():
        same = model._default_manager.filter(scope_key=scope["scope_key"], **period)
        if same.exclude(status__in=ENDED).exists():
            raise RunAlreadyActive(busy)
        latest = same.aggregate(v=Max("version"))["v"]
        try:
            with transaction.atomic():  # a savepoint: the database's rule decides a race between two starts
                run = model._default_manager.create(
                    **scope,
                    **period,
                    **fields,
                    version=(latest or 0) + 1,
                    status=QUEUED,
                    stage=_("Queued"),
                    time_limit=time_limit,
                    created_by=user,
                    heartbeat=timezone.now(),
                )
        except IntegrityError:
            raise RunAlreadyActive(busy) from None
        transaction.on_commit(lambda: enqueue(run.pk))
    log.info("%s %s queued for %s %s", model._meta.model_name, run.pk, run.scope_key, run.period_value)
    return run


# ---------------------------------------------------------------- the worker's moves


def run_claim(
    model: type[R],
    run_id: int,
    *,
    stage: str,
    progress: int = 0,
    take_over: Callable[[R], bool] | None = None,
    max_attempts: int = 3,
) -> R | None:
    """Take a queued run for this execution into `model.CLAIMED`; None when it is not queued (done, cancelled, or
    taken).

    One conditional UPDATE: of two deliveries of the same task, exactly one finds the run still queued. With
    `take_over`, a run found working is taken over once its heartbeat has stopped and `take_over(run)` agrees
    (see _orphaned), or failed when it has used its attempts.
    """
    now = timezone.now()
    claim = {
        "status": model.CLAIMED,
        "stage": stage,
        "progress": progress,
        "heartbeat": now,
        "attempts": F("attempts") + 1,
        "updated_at": now,
        "started_at": Coalesce(F("started_at"), Value(now)),
        "message": "",
    }
    if model._default_manager.filter(pk=run_id, status=QUEUED).update(**claim):
        return model._default_manager.get(pk=run_id)
    if take_over is None:
        return None
    orphan = _orphaned(model, run_id)
    if orphan is None or not take_over(orphan):
        return None
    same = model._default_manager.filter(pk=run_id, status=orphan.status, heartbeat=orphan.heartbeat)
    if orphan.attempts >= max_attempts:
        message = _("Failed: the worker stopped during attempt %(n)d of %(max)d.") % {
            "n": orphan.attempts,
            "max": max_attempts,
        }
        same.update(status=FAILED, stage=_("Failed"), message=message, finished_at=now, updated_at=now)
        return None
    if same.update(**claim):
        log.warning(
            "%s %s taken over from a worker that stopped (attempt %s)",
            model._meta.model_name,
            run_id,
            orphan.attempts + 1,
        )
        return model._default_manager.get(pk=run_id)
    return None


def _orphaned(model: type[R], run_id: int) -> R | None:
    """The run, if it is working but nobody works on it: its heartbeat has not moved for three beats.

    This is what a task redelivered after its worker died finds (acks late, reject on worker lost). A
    duplicate delivery while the first worker lives sees the heartbeat move and leaves the run alone.
    """
    run = model._default_manager.filter(pk=run_id, status__in=model.WORKING).first()
    if run is None:
        return None
    beat = heartbeat.HEARTBEAT_SECONDS
    silent_for = 3 * beat
    waited = 0.0
    while True:
        age = (timezone.now() - run.heartbeat).total_seconds() if run.heartbeat else silent_for
        if age >= silent_for:
            return run
        pause = min(beat, silent_for - age + 0.5)
        time.sleep(pause)
        waited += pause
        current = model._default_manager.filter(pk=run_id).values_list("status", "heartbeat").first()
        if current is None or current != (run.status, run.heartbeat) or waited > 4 * silent_for:
            return None  # it moved on, or someone is beating: alive


def run_execute(
    model: type[R],
    run_id: int,
    *,
    work: Callable[[R], str],
    failure: Callable[[R, Exception], str],
    stage: str,
    progress: int = 0,
    take_over: Callable[[R], bool] | None = None,
    max_attempts: int = 3,
) -> str:
    """The frame of a run's task: claim the run (see run_claim), then `work(run)` builds, computes and saves, moving
    it with run_move and ending with run_finish. Safe to run twice: does nothing unless the run is claimed.

    Returns the run's status afterwards (MISSING once it was deleted). A failure ends the run `failed` with
    `failure(run, exc)` as its message (run.status then says where it was); it is logged, not raised.
    """
    name = model._meta.verbose_name
    run = run_claim(model, run_id, stage=stage, progress=progress, take_over=take_over, max_attempts=max_attempts)
    if run is None:
        current = run_status(model, run_id)
        log.info("%s %s not queued (%s): nothing to do", name, run_id, current)
        return current or MISSING
    try:
        return work(run)
    except RunStopped:
        current = run_status(model, run_id)
        log.info("%s %s changed to %s while it worked: stopped", name, run_id, current)
        return current or MISSING
    except Exception as exc:
        log.exception("%s %s failed while %s", name, run_id, run.status)
        run_fail(model, run.pk, failure(run, exc))
        return FAILED


def run_move(run: Run, *, status: str, **fields) -> None:
    """Move a working run on; RunStopped if somebody else (cancel, reaper) changed its status meanwhile."""
    now = timezone.now()
    fields = {"heartbeat": now, "updated_at": now, **fields}
    if not type(run)._default_manager.filter(pk=run.pk, status=run.status).update(status=status, **fields):
        raise RunStopped()
    run.status = status
    for name, value in fields.items():
        setattr(run, name, value)


def run_finish(run: Run, *, counts: dict, **fields) -> None:
    """The move to done, inside the transaction that saves the plan; the audit entry says what the plan holds
    (`counts`: rows written by name), since the worker's bulk writes send no signals. RunStopped if the run was
    cancelled or taken over meanwhile."""
    now = timezone.now()
    # Not run_move: the object keeps its status should the transaction roll back (a failure says where it was).
    if (
        not type(run)
        ._default_manager.filter(pk=run.pk, status=run.status)
        .update(
            status=DONE,
            stage=_("Done"),
            progress=100,
            heartbeat=now,
            finished_at=now,
            updated_at=now,
            **fields,
        )
    ):
        raise RunStopped()
    audit_record_change(
        instance=run,
        changes={
            "status": (run.status, DONE),
            **{name: ("", count) for name, count in counts.items()},
        },
    )


def run_fail(model: type[R], run_id: int, message: str) -> None:
    """End a working run `failed` with the message (no-op once it has ended)."""
    now = timezone.now()
    working = model._default_manager.filter(pk=run_id, status__in=model.WORKING)
    run = working.first()
    if run is not None and working.update(
        status=FAILED, stage=_("Failed"), message=message[:4000], finished_at=now, heartbeat=now, updated_at=now
    ):
        audit_record_change(instance=run, changes={"status": (run.status, FAILED)})


def run_status(model: type[R], run_id: int) -> str | None:
    return model._default_manager.filter(pk=run_id).values_list("status", flat=True).first()


# ---------------------------------------------------------------- cancel


def run_cancel(run: R, *, user) -> R:
    """Cancel a queued or working run; its worker checks before it saves, so no plan is stored."""
    now = timezone.now()
    before = run.status
    changed = (
        _active(type(run))
        .filter(pk=run.pk)
        .update(
            status=CANCELLED,
            stage=_("Cancelled"),
            finished_at=now,
            updated_at=now,
            message=_("Cancelled by %(user)s.") % {"user": user},
        )
    )
    run.refresh_from_db()
    if not changed:
        raise RunEnded(_("The run has already ended (%(status)s).") % {"status": run.get_status_display()})
    audit_record_change(instance=run, changes={"status": (before, run.status)})
    return run


# ---------------------------------------------------------------- reaper


@dataclass(frozen=True)
class ReapMessages:
    """What a reaped run says, formatted with `minutes`, `n` (its attempts) and `max`."""

    requeued: str
    failed: str


@dataclass
class Reaped:
    resent: list[int] = field(default_factory=list)  # queued runs whose task was sent again
    requeued: list[int] = field(default_factory=list)  # working runs queued again
    failed: list[int] = field(default_factory=list)  # working runs out of attempts


def run_reap_stale(
    model: type[R],
    *,
    enqueue: Callable[[int], None],
    messages: ReapMessages,
    now: dt.datetime,
    stale_minutes: float,
    max_attempts: int,
) -> Reaped:
    """Active runs silent for `stale_minutes` (no heartbeat, or no change when they never beat): a queued one's task
    is sent again (the broker lost it); a working one is queued again while attempts remain and failed after that.
    Each task is sent once the move is committed."""
    cutoff = now - dt.timedelta(minutes=stale_minutes)
    stale = _active(model).filter(Q(heartbeat__lt=cutoff) | Q(heartbeat__isnull=True, updated_at__lt=cutoff))
    reaped = Reaped()
    for run in stale.order_by("pk").only("pk", "status", "heartbeat", "attempts"):
        same = model._default_manager.filter(pk=run.pk, status=run.status, heartbeat=run.heartbeat)
        figures = {"minutes": stale_minutes, "n": run.attempts, "max": max_attempts}
        if run.status == QUEUED:
            if same.update(heartbeat=now):  # the next sweep waits its turn again
                reaped.resent.append(run.pk)
                transaction.on_commit(partial(enqueue, run.pk))
            continue
        moved: dict[str, str | dt.datetime]
        if run.attempts < max_attempts:
            moved, into, message = {"status": QUEUED, "stage": _("Queued")}, reaped.requeued, messages.requeued
        else:
            moved, into, message = (
                {"status": FAILED, "stage": _("Failed"), "finished_at": now},
                reaped.failed,
                messages.failed,
            )
        message = message % figures
        with transaction.atomic():
            if same.update(**moved, message=message, heartbeat=now, updated_at=now):
                into.append(run.pk)
                audit_record_change(
                    instance=run, changes={"status": (run.status, moved["status"]), "message": ("", message)}
                )
                if moved["status"] == QUEUED:
                    transaction.on_commit(partial(enqueue, run.pk))
    if reaped.requeued or reaped.failed:
        log.warning(
            "reaped stale %s: requeued %s, failed %s", model._meta.verbose_name_plural, reaped.requeued, reaped.failed
        )
    return reaped


# ---------------------------------------------------------------- publish


def run_publish(
    run: R,
    *,
    user,
    publication_model: type[P],
    published: Callable[[R], P | bool | None],
    already_published: Callable[[R, P | None], AlreadyPublished],
) -> P:
    """Publish a done run as the plan of its scope and period, inside the caller's transaction.

    One publication per scope and period. On PostgreSQL every version of the scope and period is locked first,
    in id order (no deadlock between two publishers), so a later publisher waits and then reads the earlier one's
    publication (a clean 409). SQLite ignores the lock; there, as everywhere, the unique constraint decides and
    its IntegrityError becomes the same 409.
    """
    model = type(run)
    with transaction.atomic():
        locked = list(
            model._default_manager.select_for_update().filter(scope_key=run.scope_key, **run.period()).order_by("pk")
        )
        current = next((row for row in locked if row.pk == run.pk), None)
        if current is None:  # deleted since it was looked up
            raise Http404(f"No such {model._meta.verbose_name}.")
        if current.status != DONE:
            raise RunNotDone(
                _("Only a run that is done can be published; this run is %(status)s.")
                % {"status": current.get_status_display()}
            )
        found = published(current)
        if found:
            raise already_published(current, None if found is True else found)
        try:
            with transaction.atomic():  # a savepoint: the constraint's verdict leaves the transaction usable
                publication = publication_model._default_manager.create(
                    scope_key=current.scope_key,
                    **current.period(),
                    run=current,
                    published_by=user,
                    published_at=timezone.now(),
                )
        except IntegrityError:
            raise already_published(current, None) from None
    log.info("%s %s published for %s %s", model._meta.model_name, current.pk, current.scope_key, current.period_value)
    return publication


def publication_resend_notices(
    model: type[P],
    *,
    enqueue: Callable[[int], None],
    now: dt.datetime,
    older_than_minutes: float,
    by: str = "pk",
) -> list[int]:
    """The sweeper's share: publications whose people were not told yet (the notice could not be queued, or its task
    was lost) have their notice sent again, `enqueue(key)` with the publication's `by` (its pk, or its run_id); the
    notice itself tells each person once. Returns the keys sent."""
    cutoff = now - dt.timedelta(minutes=older_than_minutes)
    pending = list(
        model._default_manager.filter(notified_at__isnull=True, published_at__lt=cutoff)
        .order_by("pk")
        .values_list(by, flat=True)
    )
    for key in pending:
        enqueue(key)
    if pending:
        log.warning("notices of %s sent again: %s %s", model._meta.verbose_name_plural, by, pending)
    return pending
