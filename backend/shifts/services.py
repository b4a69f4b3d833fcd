"""Writes on shifts: a week's shifts generated from posts, weekly and one-off projects and published needs (or
previewed, by the same code), ad-hoc ones, edits that keep a published plan whole, and cancellation.

Generation is idempotent: every generated shift carries a key naming its source and date, so running it
twice for the same week creates nothing new, and a cancelled shift is not made again.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from audit.services import audit_record_change, audit_record_change_bulk
from core.errors import Conflict
from core.weeks import district_zone, monday_of
from geo.models import Community
from needs.models import Need
from notifications.models import Notification
from notifications.services import notification_booking_released, notification_send, shift_when
from planning.models import Assignment, Publication, ResourceBooking
from posts.models import Post
from projects.models import Project
from resources.models import Resource
from shifts import selectors
from shifts.models import ResourceRequest, Shift
from volunteering.models import AssignmentResponse

log = logging.getLogger(__name__)


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def _post_shifts(week: dt.date, communities) -> list[tuple[Shift, dict | None]]:
    result: list[tuple[Shift, dict | None]] = []
    posts = Post.objects.filter(community__in=communities, active=True)
    for post in posts:
        for weekday in post.weekdays:
            day = week + dt.timedelta(days=weekday - 1)
            shift = Shift(
                community_id=post.community_id,
                title=post.name,
                origin=Shift.Origin.POST,
                post=post,
                start=_at(day, post.start_time),
                end=_at(day, post.end_time),
                seats=post.seats,
                priority=post.priority,
                required_skills=post.required_skills,
                lat=post.lat,
                lng=post.lng,
                generation_key=f"post:{post.pk}:{day.isoformat()}",
            )
            result.append((shift, None))
    return result


# A weekly project meets on its weekdays all through its period, a one-off one on its weekdays within its (short)
# period; a monthly one has no rule for its week of the month, so its sessions are entered as shifts by hand.
PROJECT_FREQUENCIES_GENERATED = (Project.Frequency.WEEKLY, Project.Frequency.ONCE)


def _project_shifts(week: dt.date, communities) -> list[tuple[Shift, dict | None]]:
    result: list[tuple[Shift, dict | None]] = []
    last_day = week + dt.timedelta(days=6)
    projects = Project.objects.filter(
        community__in=communities,
        frequency__in=PROJECT_FREQUENCIES_GENERATED,
        seats__gt=0,
        start_date__lte=last_day,
        end_date__gte=week,
    ).select_related("community")
    for project in projects:
        if not project.weekdays or project.start_time is None or project.end_time is None:
            continue
        for weekday in project.weekdays:
            day = week + dt.timedelta(days=weekday - 1)
            if not project.start_date <= day <= project.end_date:
                continue
            shift = Shift(
                community_id=project.community_id,
                title=project.name,
                origin=Shift.Origin.PROJECT,
                project=project,
                start=_at(day, project.start_time),
                end=_at(day, project.end_time),
                seats=project.seats,
                priority=3,
                required_skills=project.required_skills,
                lat=project.community.lat,
                lng=project.community.lng,
                generation_key=f"project:{project.pk}:{day.isoformat()}",
            )
            request = (
                {"kind": project.resource_kind, "min_capacity": project.resource_min_capacity}
                if project.resource_kind
                else None
            )
            result.append((shift, request))
    return result


def _need_shifts(week: dt.date, communities) -> list[tuple[Shift, dict | None]]:
    result: list[tuple[Shift, dict | None]] = []
    start, end = _at(week, dt.time.min), _at(week + dt.timedelta(days=7), dt.time.min)
    needs = Need.objects.filter(
        community__in=communities,
        status=Need.Status.PUBLISHED,
        headcount__gt=0,
        wanted_start__gte=start,
        wanted_start__lt=end,
        wanted_end__isnull=False,
        type__in=[Need.Type.SERVICE, Need.Type.EXPERTISE, Need.Type.VENUE],
    ).select_related("community")
    for need in needs:
        if need.wanted_start is None or need.wanted_end is None:  # never: both filtered above
            continue
        shift = Shift(
            community_id=need.community_id,
            title=need.title,
            origin=Shift.Origin.NEED,
            need=need,
            start=need.wanted_start,
            end=need.wanted_end,
            seats=need.headcount,
            priority=need.urgency,
            required_skills=need.required_skills,
            lat=need.community.lat,
            lng=need.community.lng,
            generation_key=f"need:{need.pk}",
        )
        request = (
            {"kind": Resource.Category.VENUE, "min_capacity": need.headcount} if need.type == Need.Type.VENUE else None
        )
        result.append((shift, request))
    return result


@dataclass(frozen=True)
class PlannedShift:
    """One shift a source asks for on one day: not saved yet, or the one already made from it (`existing`)."""

    shift: Shift
    request: dict | None
    existing: Shift | None = None


@dataclass(frozen=True)
class GenerationResult:
    week: dt.date
    created: int
    existing: int
    by_origin: dict
    # The new shifts (saved, or in a preview as they would be) then the ones already there, by start.
    items: list[PlannedShift] = field(default_factory=list)


def shift_generate_week(*, week: dt.date, communities=None, dry_run: bool = False) -> GenerationResult:
    """Create the week's shifts for the given communities (all when None); returns how many were new.

    `dry_run` answers the same question without writing: the preview a coordinator confirms is what this call then
    adds (one code path), less what somebody else added in between."""
    with transaction.atomic():
        return _generate(monday_of(week), Community.objects.all() if communities is None else communities, dry_run)


def _generate(week: dt.date, communities, dry_run: bool) -> GenerationResult:
    planned = _post_shifts(week, communities) + _project_shifts(week, communities) + _need_shifts(week, communities)
    keys = [shift.generation_key for shift, _request in planned]
    existing = {
        shift.generation_key: shift
        for shift in Shift.objects.filter(generation_key__in=keys).select_related("community", "resource_request")
    }
    fresh = [(shift, request) for shift, request in planned if shift.generation_key not in existing]
    for shift, _request in fresh:
        shift.week = week
    if not dry_run:
        _create(fresh)
    by_origin: dict[str, int] = {}
    for shift, _request in fresh:
        by_origin[shift.origin] = by_origin.get(shift.origin, 0) + 1
    items = sorted(
        [PlannedShift(shift, request) for shift, request in fresh]
        + [
            PlannedShift(shift, request, existing[shift.generation_key])
            for shift, request in planned
            if shift.generation_key in existing
        ],
        key=lambda item: (item.existing is not None, item.shift.start, item.shift.generation_key),
    )
    return GenerationResult(week=week, created=len(fresh), existing=len(existing), by_origin=by_origin, items=items)


def _create(fresh: list[tuple[Shift, dict | None]]) -> None:
    Shift.objects.bulk_create([shift for shift, _request in fresh], batch_size=1000, ignore_conflicts=True)
    ids = dict(
        Shift.objects.filter(generation_key__in=[s.generation_key for s, _request in fresh]).values_list(
            "generation_key", "id"
        )
    )
    wanted = {shift.generation_key: request for shift, request in fresh if request}
    if wanted:
        ResourceRequest.objects.bulk_create(
            [ResourceRequest(shift_id=ids[key], **request) for key, request in wanted.items() if key in ids],
            ignore_conflicts=True,
        )
    # bulk_create sends no signal: each new shift's history starts with the generation that made it (one entry per
    # shift, written in bulk: a district's Friday makes thousands).
    made = [shift for shift, _request in fresh if shift.generation_key in ids]
    for shift in made:
        shift.pk = ids[shift.generation_key]
    audit_record_change_bulk(changes=[(shift, {"generated": ("", shift.generation_key)}) for shift in made])


class ShiftCancelled(Conflict):
    """A cancelled shift stays as it was cancelled, for the record and for the volunteers who were told."""

    code = "shift_cancelled"


class ShiftStarted(Conflict):
    """A shift that has started happens as planned: it can no longer be changed or cancelled."""

    code = "shift_started"


def _refuse_started(shift: Shift, now: dt.datetime | None, message: str) -> dt.datetime:
    """ShiftStarted once the shift's start has passed (aware times: the district's clock); returns `now`."""
    now = now or timezone.now()
    if shift.start <= now:
        raise ShiftStarted(message)
    return now


class PublishedPlanBroken(Conflict):
    """The change would break the plan volunteers were told about: cancel the shift, or change it in a new run."""

    code = "published_plan"


# What volunteers of a published plan were told (when, where, with which skills): changing it breaks their plan.
TOLD_FIELDS = ("community", "start", "end", "required_skills", "address", "lat", "lng")


def _breaks_published_plan(shift: Shift, fields: dict, resource_request: dict | None, remove_request: bool) -> dict:
    """field -> why the change breaks the shift's published plan; empty when it breaks nothing."""
    held = selectors.shift_published_assignment_list(shift=shift).count()
    if not held:
        return {}
    told = ngettext(
        "%(count)d volunteer was told about this shift in a published plan.",
        "%(count)d volunteers were told about this shift in a published plan.",
        held,
    ) % {"count": held}
    broken = {name: [told] for name in TOLD_FIELDS if name in fields and fields[name] != getattr(shift, name)}
    if fields.get("seats") is not None and fields["seats"] < held:
        broken["seats"] = [
            ngettext(
                "A published plan holds %(count)d volunteer on this shift; seats may not go below that.",
                "A published plan holds %(count)d volunteers on this shift; seats may not go below that.",
                held,
            )
            % {"count": held}
        ]
    current = getattr(shift, "resource_request", None)
    changed_request = remove_request or (
        resource_request is not None
        and (current is None or any(getattr(current, key) != value for key, value in resource_request.items()))
    )
    if changed_request and selectors.shift_request_booked(shift=shift):
        broken["resource_request"] = [_("A published plan booked a resource for this request.")]
    return broken


@transaction.atomic
def shift_save(
    *,
    shift: Shift | None,
    resource_request: dict | None,
    remove_request: bool = False,
    now: dt.datetime | None = None,
    **fields,
) -> Shift:
    """Create or update a shift together with its optional resource request. A cancelled shift is not changed, nor
    one that has started, nor what a published plan told its volunteers (time, place, skills, seats below those
    held, a booked request)."""
    if shift is not None:
        shift = Shift.objects.select_for_update(of=("self",)).select_related("resource_request").get(pk=shift.pk)
        if shift.status == Shift.Status.CANCELLED:
            raise ShiftCancelled(_("This shift was cancelled; it can no longer be changed."))
        _refuse_started(shift, now, _("This shift has already started; it can no longer be changed."))
        broken = _breaks_published_plan(shift, fields, resource_request, remove_request)
        if broken:
            raise PublishedPlanBroken(
                _("This change would break the published plan: cancel the shift instead, or change the plan."),
                fields=broken,
            )
        before = _request_text(getattr(shift, "resource_request", None))
    else:
        shift, before = Shift(), ""
    for name, value in fields.items():
        setattr(shift, name, value)
    shift.week = monday_of(timezone.localtime(shift.start, district_zone()).date())
    shift.save()
    if resource_request is not None:
        ResourceRequest.objects.update_or_create(shift=shift, defaults=resource_request)
    elif remove_request:
        ResourceRequest.objects.filter(shift=shift).delete()
    saved = selectors.shift_list_with_published(Shift.objects.select_related("community", "resource_request")).get(
        pk=shift.pk
    )
    after = _request_text(getattr(saved, "resource_request", None))
    if after != before:
        # The request is a row of its own that keeps no history: its changes go into the shift's.
        audit_record_change(instance=saved, changes={"resource_request": (before, after)})
    return saved


def _request_text(request: ResourceRequest | None) -> str:
    if request is None:
        return ""
    parts = [request.kind, f"≥{request.min_capacity}", *request.features]
    if request.max_distance_km is not None:
        parts.append(f"≤{request.max_distance_km:g}km")
    return " ".join(parts)


@transaction.atomic
def shift_cancel(*, shift: Shift, user: User | None, reason: str, now: dt.datetime | None = None) -> Shift:
    """Cancel a shift that has not started. Its assignments end (a published plan's volunteers are told, once; a
    draft's are never told), the resource booked for it is free again, a generation does not make it again, and the
    next runs leave it out. Cancelling it again changes nothing and tells nobody."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    if shift.status == Shift.Status.CANCELLED:
        return _reloaded(shift)
    now = _refuse_started(shift, now, _("This shift has already started; it can no longer be cancelled."))
    told = list(selectors.shift_published_assignment_list(shift=shift))
    shift.status, shift.cancelled_at, shift.cancelled_by, shift.cancel_reason = (
        Shift.Status.CANCELLED,
        now,
        user,
        reason,
    )
    shift.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason", "updated_at"])
    ended = _assignments_end(shift, now)
    released, published = _bookings_release(shift)
    _notify_cancelled(shift, told)
    notification_booking_released(shift=shift, resources=published)
    log.info(
        "shift %s cancelled: %d assignments ended, %d in published plans, %d resource bookings released",
        shift.pk,
        ended,
        len(told),
        released,
    )
    return _reloaded(shift)


def _assignments_end(shift: Shift, now: dt.datetime) -> int:
    """Every standing assignment of the shift, in any run, ends: reminders, check-in and backfills pass it by."""
    standing = Assignment.objects.filter(shift=shift).exclude(response__status__in=AssignmentResponse.OFF)
    count = 0
    for assignment in standing.select_related("response"):
        # one save per row, so that the audit history has each (a bulk update sends no signal)
        response = getattr(assignment, "response", None) or AssignmentResponse(assignment=assignment)
        response.status, response.answered_at = AssignmentResponse.Status.CANCELLED, now
        response.save()
        count += 1
    return count


def _bookings_release(shift: Shift) -> tuple[int, list[Resource]]:
    """The resources booked for the shift's request, in any run, are free again: every reading of a resource's
    bookings (lending's lists and backfill, the ledgers, insights) counts booking rows, so the rows go; the shift's
    history says which resource each run had booked (the bookings keep no history of their own). Returns how many
    went, and the resources that published plans had booked: their units were shown those bookings (a draft's
    never), so they are the ones to tell."""
    bookings = list(
        ResourceBooking.objects.filter(request__shift=shift)
        .select_related("resource")
        .annotate(published=Exists(Publication.objects.filter(run_id=OuterRef("run_id"))))
        .order_by("run_id", "pk")
    )
    if not bookings:
        return 0, []
    ResourceBooking.objects.filter(pk__in=[b.pk for b in bookings]).delete()
    booked = "; ".join(f"{b.resource} (run {b.run_id})" for b in bookings)
    audit_record_change(instance=shift, changes={"resource_booking": (booked, "")})
    published = {b.resource_id: b.resource for b in bookings if b.published}
    return len(bookings), list(published.values())


def _notify_cancelled(shift: Shift, told: list[Assignment]) -> None:
    """Tell the volunteers of the shift's published plans, once per volunteer and shift (the event key)."""
    recipients = sorted({a.volunteer.user_id for a in told if a.volunteer.user_id})
    if not recipients:
        return
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    facts = {"shift": shift.title, "when": shift_when(shift)}
    body = _("%(when)s %(shift)s is cancelled; you need not come.") % facts
    if shift.cancel_reason:
        body = f"{body} {_('Reason: %(reason)s') % {'reason': shift.cancel_reason}}"
    notification_send(
        recipients=recipients,
        kind=Notification.Kind.SHIFT_CANCELLED,
        event_key=f"shift_cancelled:{shift.pk}",
        title=_("Shift cancelled: %(shift)s") % facts,
        body=body,
        payload={
            "shift": shift.pk,
            "title": shift.title,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "reason": shift.cancel_reason,
            "assignments": [a.pk for a in told],
        },
    )


def _reloaded(shift: Shift) -> Shift:
    return selectors.shift_list_with_published(Shift.objects.select_related("community", "resource_request")).get(
        pk=shift.pk
    )
