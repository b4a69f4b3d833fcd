"""Reads of a volunteer's own posts: their assignments in published plans, who else is on each shift, the
calendar token's owner; and what is open to take: the seats of published plans still unfilled, and the published
micro-wishes (微心愿). Nothing here ever reaches another volunteer's or a requester's phone number or name."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from core.weeks import monday_of
from geo.models import Community
from needs.models import Need
from people.models import Volunteer
from planning.models import Assignment, MatchingRun, Publication, UnfilledSeat
from shifts.models import Shift
from volunteering.models import AssignmentResponse, CalendarToken


def volunteer_of(user: User) -> Volunteer | None:
    return getattr(user, "volunteer", None) if user.is_authenticated else None


def _in_published_run(*, weeks_from: dt.date | None = None) -> Q:
    """A subquery of the published runs, not a join through the run to its publication: with the joins of what a
    post shows, PostgreSQL spent more time planning that join than running the whole query. `weeks_from` (a
    Monday): only the plans of that week and later."""
    publications = Publication.objects.all() if weeks_from is None else Publication.objects.filter(week__gte=weeks_from)
    return Q(run_id__in=publications.values("run_id"))


def published_assignment_list(*, volunteer: Volunteer, weeks_from: dt.date | None = None) -> QuerySet[Assignment]:
    """Every assignment of the volunteer in a published run (of the week `weeks_from` and later, if given), with
    what a post shows, by start time."""
    return (
        Assignment.objects.filter(_in_published_run(weeks_from=weeks_from), volunteer=volunteer)
        .select_related("shift", "shift__community", "shift__post", "response")
        .order_by("shift__start", "shift_id", "pk")
    )


def my_post_list(
    *, volunteer: Volunteer, start: dt.date | None = None, end: dt.date | None = None
) -> QuerySet[Assignment]:
    """The volunteer's published posts from `start` (default: this week's Monday) to `end` (inclusive, local days)."""
    start = start or monday_of()
    zone = timezone.get_current_timezone()
    # A run's shifts are all of its week (the mapper's problem holds the scope's shifts of the week, and every way
    # onto a plan checks the shift is among them): the plans of earlier weeks, a year of them, are not read.
    posts = published_assignment_list(volunteer=volunteer, weeks_from=monday_of(start)).filter(
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


# ---------------------------------------------------------------- open seats and micro-wishes


def runs_covering(community: Community) -> Q:
    """The runs whose scope holds the community: its own, its sub-district's and its district's."""
    return (
        Q(level=MatchingRun.Level.COMMUNITY, community_id=community.pk)
        | Q(level=MatchingRun.Level.SUB_DISTRICT, sub_district_id=community.sub_district_id)
        | Q(level=MatchingRun.Level.DISTRICT, district_id=community.sub_district.district_id)
    )


def published_runs_of(*, volunteer: Volunteer) -> QuerySet[MatchingRun]:
    """Published runs the volunteer is a candidate of (their home community is in the run's scope, as the mapper
    has it), the oldest week first."""
    return (
        MatchingRun.objects.filter(pk__in=Publication.objects.values("run_id"))
        .filter(runs_covering(volunteer.home_community))
        .order_by("week", "pk")
    )


def standing_counts(*, run_ids: set[int], shift_ids: set[int]) -> dict[tuple[int, int], int]:
    """(run pk, shift pk) -> people on the shift in the run's plan as it stands."""
    rows = (
        Assignment.objects.filter(run_id__in=run_ids, shift_id__in=shift_ids)
        .exclude(response__status__in=AssignmentResponse.OFF)
        .values_list("run_id", "shift_id")
    )
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for key in rows:
        counts[key] += 1
    return counts


def open_seats(seat: UnfilledSeat, standing: int) -> int:
    """Seats still open: what the plan left unfilled (kept in step by claims, backfills and review), never more
    than the shift has free now."""
    return max(0, min(seat.missing, seat.shift.seats - standing))


def open_seat_list(*, volunteer: Volunteer, now: dt.datetime | None = None) -> list[tuple[UnfilledSeat, int]]:
    """(unfilled seat row, seats open) of published plans the volunteer is a candidate of, for shifts not started,
    not cancelled and not theirs already; by start time. Whether they may take one is the eligibility's to say."""
    now = now or timezone.now()
    seats = list(
        UnfilledSeat.objects.filter(run__in=published_runs_of(volunteer=volunteer), missing__gt=0, shift__start__gt=now)
        .exclude(shift__status=Shift.Status.CANCELLED)
        .select_related("run", "shift", "shift__community", "shift__post")
        .order_by("shift__start", "shift_id", "run_id")
    )
    runs, shifts = {s.run_id for s in seats}, {s.shift_id for s in seats}
    counts = standing_counts(run_ids=runs, shift_ids=shifts)
    mine = set(
        Assignment.objects.filter(run_id__in=runs, shift_id__in=shifts, volunteer=volunteer)
        .exclude(response__status__in=AssignmentResponse.OFF)
        .values_list("run_id", "shift_id")
    )
    found = []
    for seat in seats:
        key = (seat.run_id, seat.shift_id)
        free = open_seats(seat, counts.get(key, 0))
        if free > 0 and key not in mine:
            found.append((seat, free))
    return found


def claimable_run_of(*, volunteer: Volunteer, shift: Shift) -> MatchingRun | None:
    """The published run in which the volunteer may claim a seat of the shift: one of theirs whose scope and week
    hold the shift, the one with a seat left unfilled first. None: the shift is none of their business (404)."""
    runs = list(
        published_runs_of(volunteer=volunteer).filter(runs_covering(shift.community), week=shift.week).order_by("pk")
    )
    unfilled = set(UnfilledSeat.objects.filter(run__in=runs, shift=shift).values_list("run_id", flat=True))
    return next((run for run in runs if run.pk in unfilled), runs[0] if runs else None)


def wish_list(*, community_id: int | None = None) -> QuerySet[Need]:
    """Published micro-wishes (微心愿), the most urgent and the nearest deadline first."""
    wishes = Need.objects.filter(is_micro_wish=True, status=Need.Status.PUBLISHED).select_related("community")
    if community_id is not None:
        wishes = wishes.filter(community_id=community_id)
    return wishes.order_by("-urgency", F("deadline").asc(nulls_last=True), "-id")
