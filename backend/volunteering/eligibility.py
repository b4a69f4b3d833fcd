"""Who may take an open seat of a published plan: the optimizer's hard rules (skills, availability and days off,
overlap with one's other posts, hours per week, distance, a room booked), checked by the matching package's own
independent `check` on the volunteer's problem, narrowed to them and the shifts in question (planning.mapper)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

import matching
from people.models import Volunteer
from planning import mapper
from planning.models import Assignment, MatchingRun, RemovedPair, ResourceBooking, UnfilledSeat
from volunteering.models import AssignmentResponse


@dataclass(frozen=True)
class Broken:
    """One hard rule a claim would break: its code (the check's rule name) and what to tell the volunteer."""

    rule: str
    message: str


def _rule_messages() -> dict[str, str]:
    return {
        "availability": _("You are not free for the whole shift (your weekly times or your days off)."),
        "skill": _(
            "You do not have the skill levels the shift requires (some skills count once a coordinator verified them)."
        ),
        "distance": _("The shift is farther from your home than you travel."),
        "overlap": _("The shift overlaps another of your posts."),
        "max_hours": _("The shift would take you over your hours per week."),
        "forbidden": _("A coordinator took you off this shift."),
        "needs room": _("The room or vehicle this shift needs is not booked."),
    }


def _broken(message: str) -> Broken:
    rule = message.split(":", 1)[0]
    known = _rule_messages()
    if rule in known:
        return Broken(rule=rule.replace(" ", "_"), message=known[rule])
    return Broken(rule="scope", message=_("The shift is outside the plan you belong to."))


def standing_shift_ids(*, run: MatchingRun, volunteer: Volunteer) -> set[int]:
    """The shifts the volunteer is on in the run's plan as it stands (declined, moved and cancelled rows left out)."""
    return set(
        Assignment.objects.filter(run=run, volunteer=volunteer)
        .exclude(response__status__in=AssignmentResponse.OFF)
        .values_list("shift_id", flat=True)
    )


def seat_violations(*, run: MatchingRun, volunteer: Volunteer, shift_ids: set[int]) -> dict[int, list[Broken]]:
    """shift pk -> the hard rules the volunteer would break by taking a seat of it on top of their standing posts
    in the run (an empty list: they may take it). Only what the new seat adds counts: a rule the plan already
    broke before is not held against the claim."""
    standing = standing_shift_ids(run=run, volunteer=volunteer)
    mapped = mapper.build_problem(run, only_volunteers={volunteer.pk}, only_shifts=shift_ids | standing)
    v_id = mapper.vid(volunteer.pk)
    known_shifts = {s["id"] for s in mapped.data["shifts"]}
    if v_id not in {v["id"] for v in mapped.data["volunteers"]}:
        outside = _broken("scope")
        return {shift_id: [outside] for shift_id in shift_ids}
    removed = RemovedPair.objects.filter(run=run, volunteer=volunteer).values_list("shift_id", flat=True)
    forbidden = list(mapped.data.get("forbidden", [])) + [
        {"volunteer": v_id, "shift": mapper.sid(s)} for s in removed if mapper.sid(s) in known_shifts
    ]
    # The check is about the plan as it stands: earlier pins are not this volunteer's business.
    problem = matching.parse_problem(dict(mapped.data, locks=[], forbidden=forbidden))
    bookings = [
        {"resource": mapper.rid(r), "request": mapper.qid(q)}
        for r, q in ResourceBooking.objects.filter(run=run).values_list("resource_id", "request_id")
        if q in mapped.request_shift
    ]
    mine = [{"volunteer": v_id, "shift": mapper.sid(s)} for s in sorted(standing) if mapper.sid(s) in known_shifts]

    def plan(extra: list[dict]):
        return matching.solution_from_dict(
            {"status": "feasible", "assignments": mine + extra, "resource_assignments": bookings, "unfilled": []}
        )

    before = set(matching.check(problem, plan([])))
    result: dict[int, list[Broken]] = {}
    for shift_id in sorted(shift_ids):
        s_id = mapper.sid(shift_id)
        if s_id not in known_shifts:
            result[shift_id] = [_broken("scope")]
            continue
        messages = [m for m in matching.check(problem, plan([{"volunteer": v_id, "shift": s_id}])) if m not in before]
        unique = {b.rule: b for b in map(_broken, messages)}
        result[shift_id] = list(unique.values())
    return result


def eligible_seats(*, volunteer: Volunteer, seats: list[UnfilledSeat]) -> set[tuple[int, int]]:
    """(run pk, shift pk) of the seats the volunteer may take: one narrowed problem per run."""
    by_run: dict[int, set[int]] = {}
    runs: dict[int, MatchingRun] = {}
    for seat in seats:
        by_run.setdefault(seat.run_id, set()).add(seat.shift_id)
        runs[seat.run_id] = seat.run
    return {
        (run_id, shift_id)
        for run_id, shift_ids in by_run.items()
        for shift_id, broken in seat_violations(run=runs[run_id], volunteer=volunteer, shift_ids=shift_ids).items()
        if not broken
    }
