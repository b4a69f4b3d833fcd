"""Writes of the weekly planning: start a matching run, execute it (the Celery task's one service), cancel it,
publish a finished one, and reap runs whose worker stopped answering.

A run moves queued -> building -> solving -> saving -> done, or ends failed or cancelled, through the lifecycle
every kind of run shares (runs.lifecycle); what is the planning's own is here: the scope, building the week's
problem, solving it (whole, or fanned out over the workers) and saving the plan in one transaction together with
the move to done.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import matching
from accounts.models import User
from core.models import pk_of
from core.queue import send_or_log, task_named
from core.weeks import monday_of
from geo.models import Community, District, SubDistrict
from planning import fanout, mapper
from planning.models import Assignment, MatchingRun, Publication, ResourceBooking, SolveJob, UnfilledSeat
from runs import lifecycle
from runs.errors import AlreadyPublished, RunAlreadyActive, RunEnded, RunNotAllowed, RunNotDone, ScopeNotFound
from runs.heartbeat import Heartbeat
from runs.lifecycle import RunStopped
from shifts.models import ResourceRequest, Shift

log = logging.getLogger(__name__)
Status = MatchingRun.Status


# The refusals are the kernel's (one meaning, one class, one code); named here for the callers of these services.
__all__ = ["AlreadyPublished", "RunAlreadyActive", "RunEnded", "RunNotAllowed", "RunNotDone", "ScopeNotFound"]


def setting_time_limit() -> float:
    return settings.PLANNING_TIME_LIMIT_SECONDS


def setting_max_attempts() -> int:
    return settings.PLANNING_MAX_ATTEMPTS


def setting_solver() -> str:
    return settings.PLANNING_SOLVER


def setting_gap() -> float:
    """The proven gap at which a run stops early; short of it the solver uses its whole time limit."""
    return settings.PLANNING_GAP


# ---------------------------------------------------------------- start


def _resolve_scope(*, user: User, community: int | None, sub_district: int | None) -> dict:
    """The run's scope fields, refusing (404) what the caller may not plan."""
    if not (user.is_superuser or user.role in (User.Role.ADMIN, User.Role.SUBDISTRICT, User.Role.COMMUNITY)):
        raise RunNotAllowed(_("Only coordinators start matching runs."))
    is_admin = user.is_superuser or user.role == User.Role.ADMIN
    if community is not None:
        found = Community.objects.select_related("sub_district").filter(pk=community).first()
        if found is None or not (
            is_admin
            or (user.role == User.Role.COMMUNITY and found.pk == user.community_id)
            or (user.role == User.Role.SUBDISTRICT and found.sub_district_id == user.sub_district_id)
        ):
            raise ScopeNotFound(_("No such community in your scope."), fields={"community": [_("Not found.")]})
        return _community_scope(found)
    if sub_district is not None:
        area = SubDistrict.objects.filter(pk=sub_district).first()
        if area is None or not (is_admin or (user.role == User.Role.SUBDISTRICT and area.pk == user.sub_district_id)):
            raise ScopeNotFound(_("No such sub-district in your scope."), fields={"sub_district": [_("Not found.")]})
        return {
            "level": MatchingRun.Level.SUB_DISTRICT,
            "community": None,
            "sub_district": area,
            "district_id": area.district_id,
            "scope_key": f"sub_district:{area.pk}",
        }
    districts = list(District.objects.order_by("pk")[:2])
    if not is_admin or len(districts) != 1:
        # The whole district is the administrator's; the platform serves one district.
        raise ScopeNotFound(_("The whole district is not in your scope; name a community or sub-district."))
    return {
        "level": MatchingRun.Level.DISTRICT,
        "community": None,
        "sub_district": None,
        "district_id": districts[0].pk,
        "scope_key": f"district:{districts[0].pk}",
    }


def _community_scope(community: Community) -> dict:
    return {
        "level": MatchingRun.Level.COMMUNITY,
        "community": community,
        "sub_district": community.sub_district,
        "district_id": community.sub_district.district_id,
        "scope_key": f"community:{community.pk}",
    }


def matching_run_start(
    *,
    user: User,
    week: dt.date,
    community: Community | int | None = None,
    sub_district: SubDistrict | int | None = None,
    time_limit: float | None = None,
) -> MatchingRun:
    """Queue a matching run for the week (any day of it; stored as its Monday) and the scope named: a
    community, a sub-district (objects or ids), or neither for the whole district."""
    scope = _resolve_scope(user=user, community=pk_of(community), sub_district=pk_of(sub_district))
    limit = setting_time_limit() if time_limit is None else float(time_limit)
    return _run_create(scope=scope, week=monday_of(week), time_limit=limit, user=user)


def _run_create(*, scope: dict, week: dt.date, time_limit: float, user: User | None) -> MatchingRun:
    """The next version of the scope's run for the week, queued once the transaction commits."""
    return lifecycle.run_create(
        MatchingRun,
        scope=scope,
        period={"week": week},
        time_limit=time_limit,
        user=user,
        solver=setting_solver(),
        busy=_("A matching run of this scope and week is already in progress; wait for it or cancel it."),
        enqueue=_enqueue,
    )


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
    return lifecycle.run_cancel(run, user=user)


# ---------------------------------------------------------------- publish


def _is_published(run: MatchingRun) -> bool:
    return Publication.objects.filter(scope_key=run.scope_key, week=run.week).exists()


def _already_published(run: MatchingRun) -> AlreadyPublished:
    version = (
        Publication.objects.filter(scope_key=run.scope_key, week=run.week)
        .values_list("run__version", flat=True)
        .first()
    )
    return AlreadyPublished(
        _("This week is already published for this scope (version %(version)s).") % {"version": version}
    )


def matching_run_publish(*, user: User, run: MatchingRun) -> Publication:
    """Publish a done run as the plan of its scope and week (one per scope and week), and tell its volunteers
    once committed."""
    if not (user.is_superuser or user.is_coordinator):
        raise RunNotAllowed(_("Only coordinators publish matching runs."))
    with transaction.atomic():
        publication = lifecycle.run_publish(
            run,
            user=user,
            publication_model=Publication,
            published=_is_published,
            already_published=lambda current, found: _already_published(current),
        )
        transaction.on_commit(lambda: _enqueue_publication_notice(publication.run_id))
    return publication


def _enqueue_publication_notice(run_id: int) -> None:
    """Called once committed. A publication left unannounced (the broker was down) is sent again by
    publication_resend_notices."""
    send_or_log(task_named("notifications.notify_publication"), run_id)


def publication_resend_notices(*, older_than_minutes: float = 2.0) -> list[int]:
    """Beat's sweeper: publications whose volunteers were not yet told (the notice could not be queued, or
    its task was lost) are sent again; the notice itself sends each volunteer one notification."""
    return lifecycle.publication_resend_notices(
        Publication,
        enqueue=_enqueue_publication_notice,
        by="run_id",
        now=timezone.now(),
        older_than_minutes=older_than_minutes,
    )


# ---------------------------------------------------------------- execute (the task's service)


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


def _not_fanned_out(run: MatchingRun) -> bool:
    """Runs fanned out to piece tasks are the pieces' business (and the reaper's), never taken over by a
    redelivered task."""
    return not run.solve_jobs.filter(attempt=run.attempts).exists()


def _summary(run: MatchingRun, solution) -> str:
    metrics = run.metrics
    filled, total = metrics.get("filled_seats"), metrics.get("total_seats")
    text = _("Filled %(filled)s of %(total)s seats.") % {"filled": filled, "total": total}
    if solution.status == matching.Status.TIME_LIMIT:
        text += " " + _("The time limit came first: this is the best plan found by then.")
    return text


def _without_cancelled_shifts(rows: mapper.PlanRows) -> mapper.PlanRows:
    """The plan less the shifts cancelled while the run built and solved it (its problem still held them): nobody
    is assigned to them, no resource booked and no seat reported unfilled, so that no reminder, check-in or
    publication ever finds them. The plan's shifts are locked (no key update, in id order) until the plan commits:
    a cancellation committed first is seen here, a later one waits and then ends what this plan wrote."""
    request_shift = dict(
        ResourceRequest.objects.filter(pk__in={b.request_id for b in rows.bookings}).values_list("pk", "shift_id")
    )
    shift_ids = (
        {a.shift_id for a in rows.assignments} | {u.shift_id for u in rows.unfilled} | set(request_shift.values())
    )
    statuses = dict(
        Shift.objects.select_for_update(no_key=True).filter(pk__in=shift_ids).order_by("pk").values_list("pk", "status")
    )
    cancelled = {pk for pk, status in statuses.items() if status == Shift.Status.CANCELLED}
    if not cancelled:
        return rows
    log.info("plan leaves out %d shifts cancelled while the run worked", len(cancelled))
    return dataclasses.replace(
        rows,
        assignments=[a for a in rows.assignments if a.shift_id not in cancelled],
        bookings=[b for b in rows.bookings if request_shift.get(b.request_id) not in cancelled],
        unfilled=[u for u in rows.unfilled if u.shift_id not in cancelled],
    )


def _save(run: MatchingRun, rows: mapper.PlanRows, solution) -> None:
    """The plan and the move to done, in one transaction: all of it or nothing."""
    with transaction.atomic():
        rows = _without_cancelled_shifts(rows)
        run.metrics = rows.metrics
        lifecycle.run_finish(
            run,
            gap=solution.gap,
            stats=rows.stats,
            metrics=rows.metrics,
            message=_summary(run, solution),
            counts={
                "assignments": len(rows.assignments),
                "resource_bookings": len(rows.bookings),
                "unfilled_seats": len(rows.unfilled),
            },
        )
        # Idempotent if a previous execution wrote a part before dying (it could not have committed).
        for model in (Assignment, ResourceBooking, UnfilledSeat):
            model.objects.filter(run=run).delete()
        Assignment.objects.bulk_create(rows.assignments)
        ResourceBooking.objects.bulk_create(rows.bookings)
        UnfilledSeat.objects.bulk_create(rows.unfilled)


def fail_run(run_id: int, message: str) -> None:
    """End a working run `failed` with the message (no-op once it has ended)."""
    lifecycle.run_fail(MatchingRun, run_id, message)


def _doing(status: str) -> str:
    doing: dict[str, str] = {
        Status.BUILDING: _("building the problem"),
        Status.SOLVING: _("solving"),
        Status.SAVING: _("saving the plan"),
    }
    return doing.get(status, status)


def matching_run_execute(*, run_id: int) -> str:
    """Build the run's problem, solve it and store the plan (runs.lifecycle.run_execute: safe to run twice, a failure
    ends the run `failed`). Returns the run's status afterwards."""
    return lifecycle.run_execute(
        MatchingRun,
        run_id,
        work=_build_solve_save,
        failure=_failure,
        stage=_("Building the problem"),
        progress=5,
        take_over=_not_fanned_out,
        max_attempts=setting_max_attempts(),
    )


def _build_solve_save(run: MatchingRun) -> str:
    with Heartbeat(run) as heartbeat:
        mapped = mapper.build_problem(run)
        problem = matching.parse_problem(mapped.data)
        if fanout.wanted(run, problem):
            # The pieces go out to the workers; the chord's join saves the plan (matching_run_join_pieces).
            lifecycle.run_move(
                run,
                status=Status.SOLVING,
                stage=_("Solving on the workers"),
                progress=25,
                stats={"problem": mapped.counts},
            )
            fanout.job_start(
                problem,
                time_limit=run.time_limit,
                solver=run.solver,
                gap=setting_gap(),
                run=run,
                meta=fanout.mapping_meta(mapped),
                queue=_current_queue(),
            )
            return Status.SOLVING
        lifecycle.run_move(
            run, status=Status.SOLVING, stage=_("Solving"), progress=25, stats={"problem": mapped.counts}
        )
        heartbeat.solving()
        solution = matching.solve(
            problem, time_limit=run.time_limit, solver=run.solver, gap=setting_gap(), progress=_live_gap(run)
        )
        if solution.status == matching.Status.INFEASIBLE:
            fail_run(run.pk, _("No plan keeps every pinned assignment: %(why)s") % {"why": solution.message})
            return Status.FAILED
        lifecycle.run_move(run, status=Status.SAVING, stage=_("Saving the plan"), progress=90, gap=solution.gap)
        _save(run, mapper.solution_rows(run, mapped, solution), solution)
    return Status.DONE


def _failure(run: MatchingRun, exc: Exception) -> str:
    if isinstance(exc, matching.ProblemError):
        return _("The week's data could not be turned into a matching problem: %(error)s") % {"error": exc}
    return _("The run failed while %(stage)s: %(kind)s: %(error)s") % {
        "stage": _doing(run.status),
        "kind": type(exc).__name__,
        "error": exc,
    }


def matching_run_join_pieces(*, job_id: int) -> str:
    """The chord's callback of a fanned-out run: the pieces' plans joined and saved as the run's plan, or the run
    failed with the reason (a piece failed, or no plan keeps the pins)."""
    return fanout.job_join(job_id=job_id, save=matching_run_save_joined, fail=fail_run)


def matching_run_save_joined(*, run: MatchingRun, mapped: mapper.MappedProblem, solution) -> str:
    """The end of a fanned-out run: the joined plan saved as the run's."""
    try:
        lifecycle.run_move(run, status=Status.SAVING, stage=_("Saving the plan"), progress=90, gap=solution.gap)
        _save(run, mapper.solution_rows(run, mapped, solution), solution)
    except RunStopped:
        return lifecycle.run_status(MatchingRun, run.pk) or lifecycle.MISSING
    except Exception as exc:
        log.exception("run %s failed while saving the joined plan", run.pk)
        fail_run(run.pk, _failure(run, exc))
        return Status.FAILED
    return Status.DONE


def _current_queue() -> str | None:
    """The queue the running task came from, so that its pieces go to the same workers (None outside a task)."""
    from celery import current_task

    info = getattr(getattr(current_task, "request", None), "delivery_info", None) or {}
    return info.get("routing_key") or None


# ---------------------------------------------------------------- reaper


def matching_run_reap_stale(
    *,
    now: dt.datetime | None = None,
    stale_minutes: float | None = None,
    max_attempts: int | None = None,
) -> dict:
    """Runs whose heartbeat is older than the limit: requeued while attempts remain, failed after that."""
    now = now or timezone.now()
    stale_minutes = settings.PLANNING_STALE_MINUTES if stale_minutes is None else stale_minutes
    reaped = lifecycle.run_reap_stale(
        MatchingRun,
        enqueue=_enqueue,
        now=now,
        stale_minutes=stale_minutes,
        max_attempts=setting_max_attempts() if max_attempts is None else max_attempts,
        messages=lifecycle.ReapMessages(
            requeued=_("Requeued: no heartbeat for %(minutes)g minutes (attempt %(n)d of %(max)d)."),
            failed=_("Failed: no heartbeat for %(minutes)g minutes after %(n)d attempts; the worker stopped."),
        ),
    )
    ended = reaped.requeued + reaped.failed
    if ended:
        # Fanned-out solves of those attempts will never be joined: end them, so none stays `solving`.
        SolveJob.objects.filter(run_id__in=ended, status=SolveJob.Status.SOLVING).update(
            status=SolveJob.Status.FAILED, message=_("The run's workers stopped answering."), finished_at=now
        )
    return {"requeued": sorted(reaped.resent + reaped.requeued), "failed": reaped.failed}
