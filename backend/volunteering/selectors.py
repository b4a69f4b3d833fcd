"""Reads of a volunteer's own posts: their assignments in published plans, who else is on each shift, and the
calendar token's owner. Nothing here ever reaches another volunteer's phone number or volunteer number."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from core.weeks import monday_of
from people.models import Volunteer
from planning.models import Assignment, Publication
from volunteering.models import AssignmentResponse, CalendarToken


def volunteer_of(user: User) -> Volunteer | None:
    return getattr(user, "volunteer", None) if user.is_authenticated else None


def _in_published_run() -> Q:
    """A subquery of the published runs, not a join through the run to its publication: with the joins of what a
    post shows, PostgreSQL spent more time planning that join than running the whole query."""
    return Q(run_id__in=Publication.objects.values("run_id"))


def published_assignment_list(*, volunteer: Volunteer) -> QuerySet[Assignment]:
    """Every assignment of the volunteer in a published run, with what a post shows, by start time."""
    return (
        Assignment.objects.filter(_in_published_run(), volunteer=volunteer)
        .select_related("shift", "shift__community", "shift__post", "response")
        .order_by("shift__start", "shift_id", "pk")
    )


def my_post_list(
    *, volunteer: Volunteer, start: dt.date | None = None, end: dt.date | None = None
) -> QuerySet[Assignment]:
    """The volunteer's published posts from `start` (default: this week's Monday) to `end` (inclusive, local days)."""
    start = start or monday_of()
    zone = timezone.get_current_timezone()
    posts = published_assignment_list(volunteer=volunteer).filter(
        shift__start__gte=dt.datetime.combine(start, dt.time(0), tzinfo=zone)
    )
    if end is not None:
        posts = posts.filter(shift__start__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=zone))
    return posts


def my_post_get(*, volunteer: Volunteer | None, assignment_id: int, lock: bool = False) -> Assignment:
    """The volunteer's own published assignment, or 404 (someone else's looks exactly like a missing one)."""
    posts = Assignment.objects.filter(_in_published_run(), pk=assignment_id)
    if lock:
        posts = posts.select_for_update(of=("self",))
    found = posts.select_related("shift", "run").filter(volunteer=volunteer).first() if volunteer else None
    if found is None:
        raise Http404("No such post of yours.")
    return found


def colleague_names(*, assignments: list[Assignment]) -> dict[int, list[str]]:
    """assignment id -> names of the others on the same shift of the same run (still on it), in one query."""
    keys = {(a.run_id, a.shift_id) for a in assignments}
    if not keys:
        return {}
    rows = (
        Assignment.objects.filter(run_id__in={r for r, _ in keys}, shift_id__in={s for _, s in keys})
        .exclude(response__status__in=AssignmentResponse.OFF)
        .order_by("volunteer__name", "volunteer_id")
        .values_list("run_id", "shift_id", "volunteer_id", "volunteer__name")
    )
    on_shift = defaultdict(list)
    for run_id, shift_id, volunteer_id, name in rows:
        on_shift[(run_id, shift_id)].append((volunteer_id, name))
    return {
        a.pk: [name for volunteer_id, name in on_shift[(a.run_id, a.shift_id)] if volunteer_id != a.volunteer_id]
        for a in assignments
    }


def calendar_token_owner(*, token: str) -> Volunteer:
    """The feed's volunteer while the feed is theirs to have: an active volunteer profile of an active volunteer
    account whose credentials are those the token was made under. Otherwise 404, as for an unknown token."""
    found = CalendarToken.objects.select_related("volunteer__user").filter(token=token).first()
    if found is None or not _calendar_token_live(found):
        raise Http404("No such calendar.")
    return found.volunteer


def _calendar_token_live(token: CalendarToken) -> bool:
    volunteer, user = token.volunteer, token.volunteer.user
    return (
        volunteer.active
        and user.is_active
        and user.role == User.Role.VOLUNTEER
        and token.credentials_version == user.credentials_version
    )
