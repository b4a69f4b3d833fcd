"""Writes of post allocation (定岗): start a run, execute it (the Celery task's one service), cancel it, publish a
finished one as the year's post holdings, a member's decline of a holding, and the sweeper that sends again what
a broker outage or a dead worker left behind.

A run moves queued -> solving -> done, or ends failed or cancelled, through the lifecycle every kind of run
shares (runs.lifecycle); what is allocation's own is here: the scope, the post problem, solving it, saving the
plan in one transaction together with the move to done, and writing the holdings a publication makes.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from allocation import mapper, selectors
from allocation.models import (
    AllocationPublication,
    AllocationRun,
    Exclusion,
    HoldingDecline,
    Proposal,
    UnfilledPost,
)
from audit.services import audit_record_change
from core.errors import Conflict
from core.models import pk_of
from core.queue import send_or_log, task_named
from geo.models import Community, SubDistrict
from matching.errors import ProblemError
from matching.posts import allocate_posts, parse_post_problem
from notifications.models import Notification
from notifications.selectors import community_coordinators
from notifications.services import Message, notification_send, notification_send_each
from people.models import Volunteer
from posts.models import PostHolding
from runs import lifecycle
from runs.errors import AlreadyPublished, RunAlreadyActive, RunEnded, RunNotAllowed, RunNotDone, ScopeNotFound

log = logging.getLogger(__name__)
Status = AllocationRun.Status


# The refusals are the kernel's (one meaning, one class, one code); named here for the callers of these services.
__all__ = ["AlreadyPublished", "RunAlreadyActive", "RunEnded", "RunNotAllowed", "RunNotDone", "ScopeNotFound"]


class HoldingEnded(Conflict):
    """A holding that has ended cannot be declined."""

    code = "holding_ended"


def setting_time_limit() -> float:
    return settings.ALLOCATION_TIME_LIMIT_SECONDS


# ---------------------------------------------------------------- start


def _is_admin(user: User) -> bool:
    return user.is_superuser or user.role == User.Role.ADMIN


def _resolve_scope(*, user: User, community: int | None, sub_district: int | None) -> dict:
    """The run's scope fields, refusing (404) what the caller may not allocate."""
    if not (user.is_superuser or user.is_coordinator):
        raise RunNotAllowed(_("Only coordinators start post allocation runs."))
    if community is not None:
        found = Community.objects.filter(pk=community).first()
        if found is None or not (
            _is_admin(user)
            or (user.role == User.Role.COMMUNITY and found.pk == user.community_id)
            or (user.role == User.Role.SUBDISTRICT and found.sub_district_id == user.sub_district_id)
        ):
            raise ScopeNotFound(_("No such community in your scope."), fields={"community": [_("Not found.")]})
        return {
            "level": AllocationRun.Level.COMMUNITY,
            "community": found,
            "sub_district_id": found.sub_district_id,
            "scope_key": f"community:{found.pk}",
        }
    area = SubDistrict.objects.filter(pk=sub_district).first() if sub_district is not None else None
    if area is None or not (
        _is_admin(user) or (user.role == User.Role.SUBDISTRICT and area.pk == user.sub_district_id)
    ):
        raise ScopeNotFound(_("No such sub-district in your scope."), fields={"sub_district": [_("Not found.")]})
    return {
        "level": AllocationRun.Level.SUB_DISTRICT,
        "community": None,
        "sub_district_id": area.pk,
        "scope_key": f"sub_district:{area.pk}",
    }


def allocation_run_start(
    *,
    user: User,
    year: int,
    community: Community | int | None = None,
    sub_district: SubDistrict | int | None = None,
    time_limit: float | None = None,
) -> AllocationRun:
    """Queue a post allocation run for the year and the scope named (a community or a sub-district, objects or
    ids). It follows the latest finished version of the same scope and year: its pins and removed pairs carry."""
    scope = _resolve_scope(user=user, community=pk_of(community), sub_district=pk_of(sub_district))
    limit = setting_time_limit() if time_limit is None else float(time_limit)
    return _run_create(scope=scope, year=year, time_limit=min(limit, lifecycle.MAX_TIME_LIMIT), user=user)


def allocation_run_rerun(*, user: User, run: AllocationRun) -> AllocationRun:
    """A new version of the run's scope and year; it keeps the pins and removed pairs of the latest done one."""
    return allocation_run_start(
        user=user,
        year=run.year,
        community=run.community_id,
        sub_district=None if run.community_id else run.sub_district_id,
        time_limit=run.time_limit,
    )


def _run_create(*, scope: dict, year: int, time_limit: float, user: User | None) -> AllocationRun:
    return lifecycle.run_create(
        AllocationRun,
        scope=scope,
        period={"year": year},
        time_limit=time_limit,
        user=user,
        enqueue=_enqueue,
        busy=_("A post allocation run of this scope and year is already queued or solving."),
    )


def _enqueue(run_id: int) -> None:
    """Called once committed. If the broker is down the run stays queued, and the sweeper sends it again."""
    send_or_log(task_named("allocation.run"), run_id)


# ---------------------------------------------------------------- cancel


def allocation_run_cancel(*, user: User, run: AllocationRun) -> AllocationRun:
    """Cancel a queued or solving run; the worker checks before it saves, so no plan is stored."""
    if not (user.is_superuser or user.is_coordinator):
        raise RunNotAllowed(_("Only coordinators cancel post allocation runs."))
    return lifecycle.run_cancel(run, user=user)


# ---------------------------------------------------------------- execute (the task's service)


def _save(run: AllocationRun, rows: mapper.PlanRows, mapped: mapper.MappedProblem) -> None:
    """The plan and the move to done, in one transaction: all of it or nothing. RunStopped if it was cancelled."""
    metrics = rows.stats["metrics"]
    message = _("Filled %(filled)s of %(total)s seats.") % {
        "filled": metrics["filled_seats"],
        "total": metrics["total_seats"],
    }
    if mapped.dropped_pins:
        message += " " + _("%(count)d pin(s) of the previous version no longer keep the rules and were dropped.") % {
            "count": len(mapped.dropped_pins)
        }
    if rows.stats["status"] == "time_limit":
        message += " " + _("The time limit came first: this is the best plan found by then.")
    with transaction.atomic():
        lifecycle.run_finish(
            run,
            stats=rows.stats,
            message=message,
            counts={"proposals": len(rows.proposals), "unfilled_posts": len(rows.unfilled)},
        )
        for model in (Proposal, UnfilledPost, Exclusion):  # idempotent should an earlier attempt have written
            model.objects.filter(run=run).delete()
        Proposal.objects.bulk_create(rows.proposals)
        UnfilledPost.objects.bulk_create(rows.unfilled)
        Exclusion.objects.bulk_create(
            Exclusion(run=run, post_id=post, volunteer_id=volunteer) for post, volunteer in sorted(mapped.excluded)
        )


def allocation_run_execute(*, run_id: int) -> str:
    """Build the run's post problem, solve it and store the plan (runs.lifecycle.run_execute: safe to run twice, a
    failure ends the run `failed`). Returns the run's status afterwards."""
    return lifecycle.run_execute(AllocationRun, run_id, work=_solve_save, failure=_failure, stage=_("Solving"))


def _solve_save(run: AllocationRun) -> str:
    mapped = mapper.build_problem(run)
    problem = parse_post_problem(mapped.data)
    allocation = allocate_posts(problem, time_limit=run.time_limit)  # forks from prefork workers too
    _save(run, mapper.solution_rows(run, mapped, allocation), mapped)
    return Status.DONE


def _failure(run: AllocationRun, exc: Exception) -> str:
    if isinstance(exc, ProblemError):
        return _("The posts and members could not be turned into an allocation problem: %(error)s") % {"error": exc}
    return _("The run failed: %(kind)s: %(error)s") % {"kind": type(exc).__name__, "error": exc}


# ---------------------------------------------------------------- sweeper (beat)


def allocation_sweep(
    *,
    now: dt.datetime | None = None,
    stale_minutes: float | None = None,
    max_attempts: int | None = None,
    notice_minutes: float = 2.0,
) -> dict:
    """Work a broker outage or a dead worker left behind, sent again (every task is safe to run twice): runs still
    queued after `stale_minutes`; runs solving for longer (the worker died), queued again while attempts remain
    and failed after; publications whose members were not told after `notice_minutes`."""
    now = now or timezone.now()
    stale_minutes = settings.ALLOCATION_STALE_MINUTES if stale_minutes is None else stale_minutes
    max_attempts = settings.ALLOCATION_MAX_ATTEMPTS if max_attempts is None else max_attempts
    reaped = lifecycle.run_reap_stale(
        AllocationRun,
        enqueue=_enqueue,
        now=now,
        stale_minutes=stale_minutes,
        max_attempts=max_attempts,
        messages=lifecycle.ReapMessages(
            requeued=_("Queued again: the worker stopped answering (attempt %(n)d of %(max)d)."),
            failed=_("Failed: the worker stopped answering %(n)d times."),
        ),
    )
    unannounced = lifecycle.publication_resend_notices(
        AllocationPublication, enqueue=_enqueue_publication_notice, now=now, older_than_minutes=notice_minutes
    )
    return {"runs": sorted(reaped.resent + reaped.requeued), "failed": reaped.failed, "notices": unannounced}


# ---------------------------------------------------------------- publish


def _already_published(run: AllocationRun, published: AllocationPublication | None = None) -> AlreadyPublished:
    published = published or selectors.overlapping_publication(run)
    if published is not None and published.scope_key != run.scope_key:
        return AlreadyPublished(
            _("This year is already published for an overlapping scope (%(scope)s, version %(version)s).")
            % {"scope": _scope_name(published.run), "version": published.run.version}
        )
    return AlreadyPublished(
        _("This year is already published for this scope (version %(version)s).")
        % {"version": None if published is None else published.run.version}
    )


def _scope_name(run: AllocationRun) -> str:
    return run.community.name if run.community is not None else run.sub_district.name


def _published(run: AllocationRun) -> AllocationPublication | None:
    return selectors.overlapping_publication(run)


def allocation_run_publish(*, user: User, run: AllocationRun) -> AllocationPublication:
    """Publish a done run as its scope's post holdings for the year, and tell its members once committed.

    Every proposal becomes an active holding of the year; the scope's other active or proposed holdings of the
    year end. One publication per scope and year, and none where an overlapping scope (the sub-district, or one
    of its communities) is published for the year: the sub-district and the runs of the scope and year are locked
    first (PostgreSQL), so a second publisher waits and then reads the first one's publication; everywhere the
    unique constraint decides for the same scope, and its IntegrityError becomes the same 409.
    """
    if not (user.is_superuser or user.is_coordinator):
        raise RunNotAllowed(_("Only coordinators publish post allocation runs."))
    with transaction.atomic():
        # The sub-district first: publishers of it and of its communities (overlapping scopes) queue up here.
        SubDistrict.objects.select_for_update().filter(pk=run.sub_district_id).first()
        publication = lifecycle.run_publish(
            run,
            user=user,
            publication_model=AllocationPublication,
            published=_published,
            already_published=_already_published,
        )
        counts = _write_holdings(publication.run)
        transaction.on_commit(lambda: _enqueue_publication_notice(publication.pk))
    log.info("allocation run %s publication wrote the holdings: %s", run.pk, counts)
    return publication


def _write_holdings(run: AllocationRun) -> dict:
    planned = set(Proposal.objects.filter(run=run).values_list("post_id", "volunteer_id"))
    existing = {
        (post, volunteer): (pk, status)
        for pk, post, volunteer, status in PostHolding.objects.filter(
            year=run.year, **run.community_lookup("post__community")
        ).values_list("pk", "post_id", "volunteer_id", "status")
    }
    activate = [
        pk for pair, (pk, status) in existing.items() if pair in planned and status != PostHolding.Status.ACTIVE
    ]
    end = [
        pk
        for pair, (pk, status) in existing.items()
        if pair not in planned and status in (PostHolding.Status.ACTIVE, PostHolding.Status.PROPOSED)
    ]
    now = timezone.now()
    PostHolding.objects.filter(pk__in=activate).update(status=PostHolding.Status.ACTIVE, updated_at=now)
    HoldingDecline.objects.filter(holding_id__in=activate).delete()  # offered again: the old answer is history
    PostHolding.objects.filter(pk__in=end).update(status=PostHolding.Status.ENDED, updated_at=now)
    PostHolding.objects.bulk_create(
        PostHolding(post_id=post, volunteer_id=volunteer, year=run.year, status=PostHolding.Status.ACTIVE)
        for post, volunteer in sorted(planned - set(existing))
    )
    counts = {"created": len(planned - set(existing)), "activated": len(activate), "ended": len(end)}
    # Updates and bulk creates send no signals: the run's entry says what its publication did to the holdings.
    audit_record_change(instance=run, changes={f"post_holdings_{name}": ("", count) for name, count in counts.items()})
    return counts


def _enqueue_publication_notice(publication_id: int) -> None:
    """Called once committed. A publication left unannounced (the broker was down) is sent again by the sweeper."""
    send_or_log(task_named("allocation.notify_publication"), publication_id)


def _post_facts(post) -> dict:
    """What a member needs to take up the post: name, place, duty (定责) and time (定时)."""
    return {
        "post": post.pk,
        "name": post.name,
        "community": post.community.name,
        "duties": post.duties,
        "schedule": post.schedule,
        "weekdays": sorted(post.weekdays),
        "start_time": post.start_time.strftime("%H:%M"),
        "end_time": post.end_time.strftime("%H:%M"),
        "target": post.target,
    }


def _post_lines(facts: dict) -> list[str]:
    lines = [_("Post: %(name)s (%(community)s)") % facts, _("Time: %(schedule)s") % facts]
    if facts["duties"]:
        lines.append(_("Duties: %(duties)s") % facts)
    if facts["target"]:
        lines.append(_("Target: %(target)s") % facts)
    return lines


def publication_notify(*, publication_id: int) -> dict:
    """Tell every member of a published allocation their post, duty and time, once (safe to run twice)."""
    publication = AllocationPublication.objects.select_related("run").filter(pk=publication_id).first()
    if publication is None:
        log.warning("allocation publication %s is gone: nobody notified", publication_id)
        return {"publication": publication_id, "members": 0, "notified": 0}
    run = publication.run
    by_user: dict[int, list[dict]] = {}
    proposals = Proposal.objects.filter(run=run).select_related("post", "post__community", "volunteer")
    for proposal in proposals.order_by("volunteer_id", "post_id"):
        by_user.setdefault(proposal.volunteer.user_id, []).append(_post_facts(proposal.post))
    messages = []
    for user_id, posts in by_user.items():
        body = [_("Your standing post for %(year)s:") % {"year": run.year}]
        for facts in posts:
            body += [""] + _post_lines(facts)
        body += ["", _("Service is voluntary: if you cannot take the post, decline it under My posts with a reason.")]
        messages.append(
            Message(
                recipient=user_id,
                title=_("Your standing post for %(year)s") % {"year": run.year},
                body="\n".join(body),
                payload={"publication": publication.pk, "run": run.pk, "year": run.year, "posts": posts},
            )
        )
    # One call for every member (the batch form of notification_send): each is told their own posts.
    created = notification_send_each(
        kind=Notification.Kind.POST_ALLOCATED,
        event_key=f"post-allocation:{publication.pk}",
        messages=messages,
    )
    AllocationPublication.objects.filter(pk=publication.pk, notified_at__isnull=True).update(notified_at=timezone.now())
    return {"publication": publication.pk, "members": len(messages), "notified": len(created)}


# ---------------------------------------------------------------- a member declines


def _my_holding(user: User, holding_id: int) -> PostHolding:
    volunteer = getattr(user, "volunteer", None) if user.is_authenticated else None
    found = None
    if volunteer is not None:
        found = (
            PostHolding.objects.select_for_update(of=("self",))
            .select_related("post", "post__community")
            .filter(pk=holding_id, volunteer=volunteer)
            .first()
        )
    if found is None:
        raise Http404("No such post holding of yours.")
    return found


@transaction.atomic
def post_holding_decline(*, user: User, holding_id: int, reason: str = "") -> PostHolding:
    """Decline one's own post holding with a reason (service is voluntary); the community's coordinators are
    told. Declining again changes nothing; an ended holding answers 409."""
    holding = _my_holding(user, holding_id)
    if holding.status == PostHolding.Status.DECLINED:
        return holding
    if holding.status == PostHolding.Status.ENDED:
        raise HoldingEnded(_("This post holding has ended; there is nothing to decline."))
    now = timezone.now()
    holding.status = PostHolding.Status.DECLINED
    holding.save(update_fields=["status", "updated_at"])
    HoldingDecline.objects.update_or_create(holding=holding, defaults={"reason": reason, "declined_at": now})
    volunteer: Volunteer = user.volunteer
    facts = _post_facts(holding.post)
    body = [
        _("%(name)s (%(number)s) declined their standing post for %(year)s.")
        % {"name": volunteer.name, "number": volunteer.number, "year": holding.year},
        "",
    ]
    body += _post_lines(facts)
    body += ["", _("Reason: %(reason)s") % {"reason": reason or _("none given")}]
    notification_send(
        recipients=community_coordinators(community_id=holding.post.community_id),
        kind=Notification.Kind.POST_ALLOCATED,
        event_key=f"post-holding-declined:{holding.pk}",
        title=_("A standing post was declined: %(post)s") % {"post": holding.post.name},
        body="\n".join(body),
        payload={
            "holding": holding.pk,
            "volunteer": volunteer.pk,
            "year": holding.year,
            "reason": reason,
            "post": facts,
        },
    )
    return holding
