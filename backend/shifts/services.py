"""Writes on shifts: a week's shifts generated from posts, weekly and one-off projects and published needs, and
ad-hoc ones.

Generation is idempotent: every generated shift carries a key naming its source and date, so running it
twice for the same week creates nothing new.
"""
import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.weeks import district_zone, monday_of
from geo.models import Community
from needs.models import Need
from posts.models import Post
from projects.models import Project
from resources.models import Resource
from shifts.models import ResourceRequest, Shift


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


@dataclass(frozen=True)
class GenerationResult:
    week: dt.date
    created: int
    existing: int
    by_origin: dict


def _post_shifts(week: dt.date, communities) -> list[tuple[Shift, dict | None]]:
    result: list[tuple[Shift, dict | None]] = []
    posts = Post.objects.filter(community__in=communities, active=True)
    for post in posts:
        for weekday in post.weekdays:
            day = week + dt.timedelta(days=weekday - 1)
            shift = Shift(
                community_id=post.community_id, title=post.name, origin=Shift.Origin.POST, post=post,
                start=_at(day, post.start_time), end=_at(day, post.end_time), seats=post.seats,
                priority=post.priority, required_skills=post.required_skills, lat=post.lat, lng=post.lng,
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
        community__in=communities, frequency__in=PROJECT_FREQUENCIES_GENERATED, seats__gt=0,
        start_date__lte=last_day, end_date__gte=week,
    ).select_related("community")
    for project in projects:
        if not project.weekdays or project.start_time is None or project.end_time is None:
            continue
        for weekday in project.weekdays:
            day = week + dt.timedelta(days=weekday - 1)
            if not project.start_date <= day <= project.end_date:
                continue
            shift = Shift(
                community_id=project.community_id, title=project.name, origin=Shift.Origin.PROJECT, project=project,
                start=_at(day, project.start_time), end=_at(day, project.end_time), seats=project.seats,
                priority=3, required_skills=project.required_skills,
                lat=project.community.lat, lng=project.community.lng,
                generation_key=f"project:{project.pk}:{day.isoformat()}",
            )
            request = (
                {"kind": project.resource_kind, "min_capacity": project.resource_min_capacity}
                if project.resource_kind else None
            )
            result.append((shift, request))
    return result


def _need_shifts(week: dt.date, communities) -> list[tuple[Shift, dict | None]]:
    result: list[tuple[Shift, dict | None]] = []
    start, end = _at(week, dt.time.min), _at(week + dt.timedelta(days=7), dt.time.min)
    needs = Need.objects.filter(
        community__in=communities, status=Need.Status.PUBLISHED, headcount__gt=0,
        wanted_start__gte=start, wanted_start__lt=end, wanted_end__isnull=False,
        type__in=[Need.Type.SERVICE, Need.Type.EXPERTISE, Need.Type.VENUE],
    ).select_related("community")
    for need in needs:
        if need.wanted_start is None or need.wanted_end is None:  # never: both filtered above
            continue
        shift = Shift(
            community_id=need.community_id, title=need.title, origin=Shift.Origin.NEED, need=need,
            start=need.wanted_start, end=need.wanted_end, seats=need.headcount, priority=need.urgency,
            required_skills=need.required_skills, lat=need.community.lat, lng=need.community.lng,
            generation_key=f"need:{need.pk}",
        )
        request = (
            {"kind": Resource.Category.VENUE, "min_capacity": need.headcount} if need.type == Need.Type.VENUE else None
        )
        result.append((shift, request))
    return result


@transaction.atomic
def shift_generate_week(*, week: dt.date, communities=None) -> GenerationResult:
    """Create the week's shifts for the given communities (all when None); returns how many were new."""
    week = monday_of(week)
    communities = Community.objects.all() if communities is None else communities
    planned = _post_shifts(week, communities) + _project_shifts(week, communities) + _need_shifts(week, communities)
    keys = [shift.generation_key for shift, _ in planned]
    existing = set(Shift.objects.filter(generation_key__in=keys).values_list("generation_key", flat=True))
    fresh = [(shift, request) for shift, request in planned if shift.generation_key not in existing]
    for shift, _ in fresh:
        shift.week = week
    Shift.objects.bulk_create([shift for shift, _ in fresh], batch_size=1000, ignore_conflicts=True)
    wanted = {shift.generation_key: request for shift, request in fresh if request}
    if wanted:
        ids = dict(Shift.objects.filter(generation_key__in=list(wanted)).values_list("generation_key", "id"))
        ResourceRequest.objects.bulk_create(
            [ResourceRequest(shift_id=ids[key], **request) for key, request in wanted.items() if key in ids],
            ignore_conflicts=True,
        )
    by_origin: dict[str, int] = {}
    for shift, _ in fresh:
        by_origin[shift.origin] = by_origin.get(shift.origin, 0) + 1
    return GenerationResult(week=week, created=len(fresh), existing=len(existing), by_origin=by_origin)


@transaction.atomic
def shift_save(*, shift: Shift | None, resource_request: dict | None, remove_request: bool = False, **fields) -> Shift:
    """Create or update an ad-hoc shift together with its optional resource request."""
    shift = shift or Shift()
    for name, value in fields.items():
        setattr(shift, name, value)
    shift.week = monday_of(timezone.localtime(shift.start, district_zone()).date())
    shift.save()
    if resource_request is not None:
        ResourceRequest.objects.update_or_create(shift=shift, defaults=resource_request)
    elif remove_request:
        ResourceRequest.objects.filter(shift=shift).delete()
    return Shift.objects.select_related("community", "resource_request").get(pk=shift.pk)
