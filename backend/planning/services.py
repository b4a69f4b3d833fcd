"""Writes of the weekly planning: start a matching run, execute it (the Celery task's one service), cancel it,
publish a finished one, and reap runs whose worker stopped answering.

A run moves queued -> building -> solving -> saving -> done, or ends failed or cancelled. Every move is a
conditional UPDATE on the current status, so a cancel, a reaper and a duplicate task delivery never
overwrite each other; the plan itself is written in one transaction together with the move to done.
"""
from __future__ import annotations

import datetime as dt
import logging
import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

import matching
from accounts.models import User
from audit.services import audit_record_change
from core.weeks import monday_of
from core.errors import ApplicationError, Conflict
from core.queue import send_or_log, task_named
from geo.models import Community, District, SubDistrict
from planning import fanout, mapper
from planning.heartbeat import HEARTBEAT_SECONDS, Heartbeat
from planning.models import Assignment, MatchingRun, Publication, ResourceBooking, SolveJob, UnfilledSeat

log = logging.getLogger(__name__)
Status = MatchingRun.Status

DEFAULT_TIME_LIMIT = 30.0
MAX_TIME_LIMIT = 600.0
DEFAULT_STALE_MINUTES = 15
DEFAULT_MAX_ATTEMPTS = 3


class ScopeNotFound(ApplicationError):
    """The community, sub-district or district named is not in the caller's scope (or does not exist)."""

    code = "not_found"
    status_code = 404


class RunAlreadyActive(Conflict):
    """Another run of the same scope and week is still queued or working."""

    code = "run_active"


class RunEnded(Conflict):
    """The run has already ended; only a queued or working run can be cancelled."""

    code = "run_ended"


class RunNotDone(Conflict):
    """Only a run that has finished with a plan (done) can be published."""

    code = "run_not_done"


class AlreadyPublished(Conflict):
    """The scope and week already have a published plan; a week is published once."""

    code = "already_published"


class RunNotAllowed(ApplicationError):
    """Only coordinators start, cancel and publish matching runs."""

    code = "permission_denied"
    status_code = 403


def setting_time_limit() -> float:
    return float(getattr(settings, "PLANNING_TIME_LIMIT_SECONDS", DEFAULT_TIME_LIMIT))


def setting_max_attempts() -> int:
    return int(getattr(settings, "PLANNING_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS))


def setting_solver() -> str:
    return str(getattr(settings, "PLANNING_SOLVER", "highs"))


def setting_gap() -> float:
    """The proven gap at which a run stops early; short of it the solver uses its whole time limit."""
    return float(getattr(settings, "PLANNING_GAP", matching.DEFAULT_GAP))




# ---------------------------------------------------------------- start

def _resolve_scope(*, user: User, community: int | None, sub_district: int | None) -> dict:
    """The run's scope fields, refusing (404) what the caller may not plan."""
    if not (user.is_superuser or user.role in (User.Role.ADMIN, User.Role.SUBDISTRICT, User.Role.COMMUNITY)):
        raise RunNotAllowed(_("Only coordinators start matching runs."))
    is_admin = user.is_superuser or user.role == User.Role.ADMIN
    if community is not None:
        found = Community.objects.select_related("sub_district").filter(pk=community).first()
        allowed = found is not None and (
            is_admin
            or (user.role == User.Role.COMMUNITY and found.pk == user.community_id)
            or (user.role == User.Role.SUBDISTRICT and found.sub_district_id == user.sub_district_id)
        )
        if not allowed:
            raise ScopeNotFound(_("No such community in your scope."), fields={"community": [_("Not found.")]})
        return _community_scope(found)
    if sub_district is not None:
        found = SubDistrict.objects.filter(pk=sub_district).first()
        allowed = found is not None and (
            is_admin or (user.role == User.Role.SUBDISTRICT and found.pk == user.sub_district_id)
        )
        if not allowed:
            raise ScopeNotFound(_("No such sub-district in your scope."), fields={"sub_district": [_("Not found.")]})
        return {"level": MatchingRun.Level.SUB_DISTRICT, "community": None, "sub_district": found,
                "district_id": found.district_id, "scope_key": f"sub_district:{found.pk}"}
    districts = list(District.objects.order_by("pk")[:2])
    if not is_admin or len(districts) != 1:
        # The whole district is the administrator's; the platform serves one district.
        raise ScopeNotFound(_("The whole district is not in your scope; name a community or sub-district."))
    return {"level": MatchingRun.Level.DISTRICT, "community": None, "sub_district": None,
            "district_id": districts[0].pk, "scope_key": f"district:{districts[0].pk}"}


def _community_scope(community: Community) -> dict:
    return {"level": MatchingRun.Level.COMMUNITY, "community": community, "sub_district": community.sub_district,
            "district_id": community.sub_district.district_id, "scope_key": f"community:{community.pk}"}


def matching_run_start(
    *, user: User, week: dt.date, community: Community | int | None = None,
    sub_district: SubDistrict | int | None = None, time_limit: float | None = None,
) -> MatchingRun:
    """Queue a matching run for the week (any day of it; stored as its Monday) and the scope named: a
    community, a sub-district (objects or ids), or neither for the whole district."""
    scope = _resolve_scope(user=user, community=getattr(community, "pk", community),
                           sub_district=getattr(sub_district, "pk", sub_district))
    limit = setting_time_limit() if time_limit is None else float(time_limit)
    return _run_create(scope=scope, week=monday_of(week), time_limit=limit, user=user)


def _run_create(*, scope: dict, week: dt.date, time_limit: float, user: User | None) -> MatchingRun:
    """The next version of the scope's run for the week, queued once the transaction commits."""
    busy = _("A matching run of this scope and week is already in progress; wait for it or cancel it.")
    with transaction.atomic():
        if MatchingRun.objects.filter(scope_key=scope["scope_key"], week=week, status__in=MatchingRun.ACTIVE).exists():
            raise RunAlreadyActive(busy)
        latest = MatchingRun.objects.filter(scope_key=scope["scope_key"], week=week).aggregate(v=Max("version"))["v"]
        now = timezone.now()
        try:
            with transaction.atomic():  # a savepoint: the database's rule decides a race between two starts
                run = MatchingRun.objects.create(
                    **scope, week=week, version=(latest or 0) + 1, status=Status.QUEUED, stage=_("Queued"),
                    time_limit=time_limit, solver=setting_solver(), created_by=user, heartbeat=now,
                )
        except IntegrityError:
            raise RunAlreadyActive(busy) from None
        transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def matching_run_prepare_week(*, week: dt.date) -> dict:
    """The Friday job: the week's shifts for every community, then a draft run for each community that has
    shifts and no run of that week yet, so Monday's coordinator finds a plan waiting. Safe to run twice."""
    from shifts.models import Shift
    from shifts.services import shift_generate_week

    week = monday_of(week)
    generated = shift_generate_week(week=week)
    with_shifts = set(Shift.objects.filter(week=week).values_list("community_id", flat=True).distinct())
    planned = set(
        MatchingRun.objects.filter(week=week, level=MatchingRun.Level.COMMUNITY).values_list("community_id", flat=True)
    )
    started = 0
    for community in Community.objects.filter(pk__in=with_shifts - planned).select_related("sub_district"):
        try:
            _run_create(scope=_community_scope(community), week=week, time_limit=setting_time_limit(), user=None)
            started += 1
        except RunAlreadyActive:
            continue  # a coordinator started one meanwhile
    return {"week": week.isoformat(), "shifts_created": generated.created, "draft_runs": started}


def _enqueue(run_id: int) -> None:
    """Called once committed. If the broker is down the run stays queued, and the reaper sends it again when
    its heartbeat is stale."""
    send_or_log(task_named("planning.run_matching"), run_id)


# ---------------------------------------------------------------- cancel

def matching_run_cancel(*, user: User, run: MatchingRun) -> MatchingRun:
    """Cancel a queued or working run; the worker checks before it saves, so no plan is stored."""
    if not (user.is_superuser or user.is_coordinator):
        raise RunNotAllowed(_("Only coordinators cancel matching runs."))
    now = timezone.now()
    before = run.status
    changed = MatchingRun.objects.filter(pk=run.pk, status__in=MatchingRun.ACTIVE).update(
        status=Status.CANCELLED, stage=_("Cancelled"), finished_at=now, updated_at=now,
        message=_("Cancelled by %(user)s.") % {"user": user},
    )
    run.refresh_from_db()
    if not changed:
        raise RunEnded(_("The run has already ended (%(status)s).") % {"status": run.get_status_display()})
    audit_record_change(instance=run, changes={"status": (before, run.status)})
    return run


# ---------------------------------------------------------------- publish

def _is_published(run: MatchingRun) -> bool:
    return Publication.objects.filter(scope_key=run.scope_key, week=run.week).exists()


def _already_published(run: MatchingRun) -> AlreadyPublished:
    version = (
        Publication.objects.filter(scope_key=run.scope_key, week=run.week).values_list("run__version", flat=True).first()
    )
    return AlreadyPublished(
        _("This week is already published for this scope (version %(version)s).") % {"version": version}
    )


def matching_run_publish(*, user: User, run: MatchingRun) -> Publication:
    """Publish a done run as the plan of its scope and week, and tell its volunteers once committed.

    One publication per scope and week. On PostgreSQL the runs of the scope and week are locked first, so
    concurrent publishers queue up and the later one reads the earlier's publication (a clean 409). SQLite
    ignores the lock; there, as everywhere, the unique constraint decides and its IntegrityError becomes
    the same 409.
    """
    if not (user.is_superuser or user.is_coordinator):
        raise RunNotAllowed(_("Only coordinators publish matching runs."))
    with transaction.atomic():
        # Every version of the scope and week, in id order (no deadlock between two publishers).
        locked = list(
            MatchingRun.objects.select_for_update().filter(scope_key=run.scope_key, week=run.week).order_by("pk")
        )
        current = next((row for row in locked if row.pk == run.pk), None)
        if current is None:  # deleted since it was looked up
            raise Http404("No such matching run.")
        if current.status != Status.DONE:
            raise RunNotDone(
                _("Only a run that is done can be published; this run is %(status)s.")
                % {"status": current.get_status_display()}
            )
        if _is_published(current):
            raise _already_published(current)
        try:
            with transaction.atomic():  # a savepoint: the constraint's verdict leaves the transaction usable
                publication = Publication.objects.create(
                    scope_key=current.scope_key, week=current.week, run=current, published_by=user,
                    published_at=timezone.now(),
                )
        except IntegrityError:
            raise _already_published(current) from None
        transaction.on_commit(lambda: _enqueue_publication_notice(current.pk))
    log.info("run %s published for %s %s", current.pk, current.scope_key, current.week)
    return publication


def _enqueue_publication_notice(run_id: int) -> None:
    """Called once committed. A publication left unannounced (the broker was down) is sent again by
    publication_resend_notices."""
    send_or_log(task_named("notifications.notify_publication"), run_id)


def publication_resend_notices(*, older_than_minutes: float = 2.0) -> list[int]:
    """Beat's sweeper: publications whose volunteers were not yet told (the notice could not be queued, or
    its task was lost) are sent again; the notice itself sends each volunteer one notification."""
    cutoff = timezone.now() - dt.timedelta(minutes=older_than_minutes)
    pending = list(Publication.objects.filter(notified_at__isnull=True, published_at__lt=cutoff)
                   .order_by("pk").values_list("run_id", flat=True))
    for run_id in pending:
        _enqueue_publication_notice(run_id)
    if pending:
        log.warning("publication notices sent again for runs %s", pending)
    return pending


# ---------------------------------------------------------------- execute (the task's service)

class _Stop(Exception):
    """The run was cancelled or taken over while this execution worked on it."""


def _move(run: MatchingRun, *, status: str, **fields) -> None:
    """Move a working run on; stop if somebody else (cancel, reaper) changed its status meanwhile."""
    now = timezone.now()
    fields = {"heartbeat": now, "updated_at": now, **fields}
    if not MatchingRun.objects.filter(pk=run.pk, status=run.status).update(status=status, **fields):
        raise _Stop()
    run.status = status
    for name, value in fields.items():
        setattr(run, name, value)


def _live_gap(run: MatchingRun):
    """The solver's progress callback: the gap of the best plan so far, shown on the status endpoint while the
    run solves (the solver reports about once a second; the stage names the solver's phase)."""
    solving = MatchingRun.objects.filter(pk=run.pk, status=Status.SOLVING)

    def report(figures: dict) -> None:
        if figures.get("gap") is None:
            return
        stage = _("Solving: best plan within %(gap).1f%% of the bound") % {"gap": 100 * figures["gap"]}
        solving.update(gap=figures["gap"], stage=stage, updated_at=timezone.now())

    return report


def _claim(run_id: int) -> MatchingRun | None:
    """Take a queued run for this execution; None when it is not queued (done, cancelled, or taken).

    One conditional UPDATE: of two deliveries of the same task, exactly one finds the run still queued. A run
    found working is taken over only once its heartbeat has stopped (see _orphaned).
    """
    now = timezone.now()
    claim = {"status": Status.BUILDING, "stage": _("Building the problem"), "progress": 5, "heartbeat": now,
             "attempts": F("attempts") + 1, "updated_at": now, "started_at": Coalesce(F("started_at"), Value(now)),
             "message": ""}
    if MatchingRun.objects.filter(pk=run_id, status=Status.QUEUED).update(**claim):
        return MatchingRun.objects.get(pk=run_id)
    orphan = _orphaned(run_id)
    if orphan is None:
        return None
    same = MatchingRun.objects.filter(pk=run_id, status=orphan.status, heartbeat=orphan.heartbeat)
    if orphan.attempts >= setting_max_attempts():
        message = _("Failed: the worker stopped during attempt %(n)d of %(max)d.") % {
            "n": orphan.attempts, "max": setting_max_attempts()}
        same.update(status=Status.FAILED, stage=_("Failed"), message=message, finished_at=now, updated_at=now)
        return None
    if same.update(**claim):
        log.warning("run %s taken over from a worker that stopped (attempt %s)", run_id, orphan.attempts + 1)
        return MatchingRun.objects.get(pk=run_id)
    return None


def _orphaned(run_id: int) -> MatchingRun | None:
    """The run, if it is working but nobody works on it: its heartbeat has not moved for three beats.

    This is what a task redelivered after its worker died finds (acks late, reject on worker lost). A
    duplicate delivery while the first worker lives sees the heartbeat move and leaves the run alone. Runs
    fanned out to piece tasks are the pieces' business (and the reaper's), never taken over here.
    """
    run = MatchingRun.objects.filter(pk=run_id, status__in=MatchingRun.WORKING).first()
    if run is None or run.solve_jobs.filter(attempt=run.attempts).exists():
        return None
    silent_for = 3 * HEARTBEAT_SECONDS
    waited = 0.0
    while True:
        age = (timezone.now() - run.heartbeat).total_seconds() if run.heartbeat else silent_for
        if age >= silent_for:
            return run
        pause = min(HEARTBEAT_SECONDS, silent_for - age + 0.5)
        time.sleep(pause)
        waited += pause
        current = MatchingRun.objects.filter(pk=run_id).values_list("status", "heartbeat").first()
        if current is None or current != (run.status, run.heartbeat) or waited > 4 * silent_for:
            return None  # it moved on, or someone is beating: alive


def _summary(run: MatchingRun, solution) -> str:
    metrics = run.metrics
    filled, total = metrics.get("filled_seats"), metrics.get("total_seats")
    text = _("Filled %(filled)s of %(total)s seats.") % {"filled": filled, "total": total}
    if solution.status == matching.Status.TIME_LIMIT:
        text += " " + _("The time limit came first: this is the best plan found by then.")
    return text


def _save(run: MatchingRun, rows: mapper.PlanRows, solution) -> None:
    """The plan and the move to done, in one transaction: all of it or nothing."""
    now = timezone.now()
    with transaction.atomic():
        run.metrics = rows.metrics
        done = MatchingRun.objects.filter(pk=run.pk, status=Status.SAVING).update(
            status=Status.DONE, stage=_("Done"), progress=100, gap=solution.gap, stats=rows.stats,
            metrics=rows.metrics, message=_summary(run, solution), heartbeat=now, finished_at=now, updated_at=now,
        )
        if not done:
            raise _Stop()
        # Idempotent if a previous execution wrote a part before dying (it could not have committed).
        for model in (Assignment, ResourceBooking, UnfilledSeat):
            model.objects.filter(run=run).delete()
        Assignment.objects.bulk_create(rows.assignments)
        ResourceBooking.objects.bulk_create(rows.bookings)
        UnfilledSeat.objects.bulk_create(rows.unfilled)
        # The worker's bulk writes send no signals: one entry on the run says what the plan holds.
        audit_record_change(instance=run, changes={
            "status": (Status.SAVING, Status.DONE), "assignments": ("", len(rows.assignments)),
            "resource_bookings": ("", len(rows.bookings)), "unfilled_seats": ("", len(rows.unfilled)),
        })


def fail_run(run_id: int, message: str) -> None:
    """End a working run `failed` with the message (no-op once it has ended)."""
    now = timezone.now()
    run = MatchingRun.objects.filter(pk=run_id, status__in=MatchingRun.WORKING).first()
    if run is not None and MatchingRun.objects.filter(pk=run_id, status__in=MatchingRun.WORKING).update(
        status=Status.FAILED, stage=_("Failed"), message=message[:4000], finished_at=now, heartbeat=now, updated_at=now,
    ):
        audit_record_change(instance=run, changes={"status": (run.status, Status.FAILED)})


def _doing(status: str) -> str:
    return {
        Status.BUILDING: _("building the problem"), Status.SOLVING: _("solving"), Status.SAVING: _("saving the plan"),
    }.get(status, status)


def matching_run_execute(*, run_id: int) -> str:
    """Build the run's problem, solve it and store the plan. Safe to run twice: does nothing unless queued.

    Returns the run's status afterwards. A failure ends the run `failed` with a message; it is logged, not raised.
    """
    run = _claim(run_id)
    if run is None:
        current = MatchingRun.objects.filter(pk=run_id).values_list("status", flat=True).first()
        log.info("run %s not queued (%s): nothing to do", run_id, current)
        return current or "missing"
    try:
        with Heartbeat(run) as heartbeat:
            mapped = mapper.build_problem(run)
            problem = matching.parse_problem(mapped.data)
            if fanout.wanted(run, problem):
                # The pieces go out to the workers; the chord's join saves the plan (matching_run_join_pieces).
                _move(run, status=Status.SOLVING, stage=_("Solving on the workers"), progress=25,
                      stats={"problem": mapped.counts})
                fanout.job_start(problem, time_limit=run.time_limit, solver=run.solver, gap=setting_gap(), run=run,
                                 meta=fanout.mapping_meta(mapped), queue=_current_queue())
                return Status.SOLVING
            _move(run, status=Status.SOLVING, stage=_("Solving"), progress=25, stats={"problem": mapped.counts})
            heartbeat.solving()
            solution = matching.solve(problem, time_limit=run.time_limit, solver=run.solver, gap=setting_gap(),
                                      progress=_live_gap(run))
            if solution.status == matching.Status.INFEASIBLE:
                fail_run(run.pk, _("No plan keeps every pinned assignment: %(why)s") % {"why": solution.message})
                return Status.FAILED
            _move(run, status=Status.SAVING, stage=_("Saving the plan"), progress=90, gap=solution.gap)
            _save(run, mapper.solution_rows(run, mapped, solution), solution)
        return Status.DONE
    except _Stop:
        current = MatchingRun.objects.filter(pk=run_id).values_list("status", flat=True).first()
        log.info("run %s changed to %s while it worked: stopped", run_id, current)
        return current
    except matching.ProblemError as exc:
        log.exception("run %s: the week's rows do not make a valid problem", run_id)
        fail_run(run.pk, _("The week's data could not be turned into a matching problem: %(error)s") % {"error": exc})
    except Exception as exc:
        log.exception("run %s failed while %s", run_id, run.status)
        fail_run(run.pk, _("The run failed while %(stage)s: %(kind)s: %(error)s")
              % {"stage": _doing(run.status), "kind": type(exc).__name__, "error": exc})
    return Status.FAILED


def matching_run_join_pieces(*, job_id: int) -> str:
    """The chord's callback of a fanned-out run: the pieces' plans joined and saved as the run's plan, or the run
    failed with the reason (a piece failed, or no plan keeps the pins)."""
    return fanout.job_join(job_id=job_id, save=matching_run_save_joined, fail=fail_run)


def matching_run_save_joined(*, run: MatchingRun, mapped: mapper.MappedProblem, solution) -> str:
    """The end of a fanned-out run: the joined plan saved as the run's."""
    try:
        _move(run, status=Status.SAVING, stage=_("Saving the plan"), progress=90, gap=solution.gap)
        _save(run, mapper.solution_rows(run, mapped, solution), solution)
    except _Stop:
        return MatchingRun.objects.filter(pk=run.pk).values_list("status", flat=True).first()
    except Exception as exc:
        log.exception("run %s failed while saving the joined plan", run.pk)
        fail_run(run.pk, _("The run failed while %(stage)s: %(kind)s: %(error)s")
                 % {"stage": _doing(Status.SAVING), "kind": type(exc).__name__, "error": exc})
        return Status.FAILED
    return Status.DONE


def _current_queue() -> str | None:
    """The queue the running task came from, so that its pieces go to the same workers (None outside a task)."""
    from celery import current_task

    info = getattr(getattr(current_task, "request", None), "delivery_info", None) or {}
    return info.get("routing_key") or None


# ---------------------------------------------------------------- reaper

def matching_run_reap_stale(
    *, now: dt.datetime | None = None, stale_minutes: float | None = None, max_attempts: int | None = None,
) -> dict:
    """Runs whose heartbeat is older than the limit: requeued while attempts remain, failed after that."""
    now = now or timezone.now()
    stale_minutes = float(getattr(settings, "PLANNING_STALE_MINUTES", DEFAULT_STALE_MINUTES)
                          if stale_minutes is None else stale_minutes)
    max_attempts = setting_max_attempts() if max_attempts is None else max_attempts
    cutoff = now - dt.timedelta(minutes=stale_minutes)
    stale = MatchingRun.objects.filter(status__in=MatchingRun.ACTIVE).filter(
        Q(heartbeat__lt=cutoff) | Q(heartbeat__isnull=True, updated_at__lt=cutoff)
    )
    requeued, failed = [], []
    for run in stale.only("pk", "status", "heartbeat", "attempts"):
        same = MatchingRun.objects.filter(pk=run.pk, status=run.status, heartbeat=run.heartbeat)
        if run.attempts < max_attempts:
            message = _("Requeued: no heartbeat for %(minutes)g minutes (attempt %(n)d of %(max)d).") % {
                "minutes": stale_minutes, "n": run.attempts, "max": max_attempts}
            with transaction.atomic():
                if same.update(status=Status.QUEUED, stage=_("Queued"), message=message, heartbeat=now, updated_at=now):
                    requeued.append(run.pk)
                    audit_record_change(instance=run, changes={"status": (run.status, Status.QUEUED), "message": ("", message)})
                    transaction.on_commit(lambda pk=run.pk: _enqueue(pk))
        else:
            message = _("Failed: no heartbeat for %(minutes)g minutes after %(n)d attempts; the worker stopped.") % {
                "minutes": stale_minutes, "n": run.attempts}
            if same.update(status=Status.FAILED, stage=_("Failed"), message=message, finished_at=now, updated_at=now):
                failed.append(run.pk)
                audit_record_change(instance=run, changes={"status": (run.status, Status.FAILED), "message": ("", message)})
    if requeued or failed:
        # Fanned-out solves of those attempts will never be joined: end them, so none stays `solving`.
        SolveJob.objects.filter(run_id__in=requeued + failed, status=SolveJob.Status.SOLVING).update(
            status=SolveJob.Status.FAILED, message=_("The run's workers stopped answering."), finished_at=now)
        log.warning("reaped stale runs: requeued %s, failed %s", requeued, failed)
    return {"requeued": requeued, "failed": failed}
