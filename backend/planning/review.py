"""Review of a finished run before it is published: pin an assignment, remove one, or add one by hand.

A hand-made assignment is checked against every hard rule by the optimizer's own independent `check`, on the
run's problem with the plan as it stands plus the new pair; a refusal names the broken rules. A run that is not
done, or whose week is already published, cannot be changed (409). Pins are kept by the next run of the same
scope and week (the mapper turns them into locks); removed pairs are recorded and the next runs never offer
them again (the mapper turns them into `forbidden`), unless a coordinator adds the pair back by hand.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _

import matching
from people import selectors as people_selectors
from people.models import Volunteer
from planning import mapper
from planning.models import Assignment, MatchingRun, Publication, RemovedPair, ResourceBooking, UnfilledSeat
from runs.errors import RuleBroken
from runs.review import pair_pin, run_lock_for_review, unfilled_seat_freed, unfilled_seat_taken
from shifts.models import Shift


def locked_for_review(run: MatchingRun) -> MatchingRun:
    """The run locked for a change of its plan by hand (assignments, bookings): a done run of a week not published."""
    return run_lock_for_review(
        run,
        published=lambda row: Publication.objects.filter(scope_key=row.scope_key, week=row.week).exists(),
        published_message=_("This week is already published for this scope; the plan can no longer change."),
    )


def _violations(run: MatchingRun, volunteer: Volunteer, shift: Shift) -> list[str]:
    """The hard rules the plan breaks once the pair is added, as far as they concern the pair."""
    mapped = mapper.build_problem(run)
    data = dict(mapped.data, locks=[])  # the check is about the plan as it stands, not about earlier pins
    v_id, s_id = mapper.vid(volunteer.pk), mapper.sid(shift.pk)
    if v_id not in {v["id"] for v in data["volunteers"]}:
        return [_("The volunteer is not among this run's volunteers (inactive, or living outside its scope).")]
    if s_id not in {s["id"] for s in data["shifts"]}:
        return [_("The shift is not among this run's shifts.")]
    pairs = [
        {"volunteer": mapper.vid(v), "shift": mapper.sid(s)}
        for v, s in Assignment.objects.filter(run=run).values_list("volunteer_id", "shift_id")
    ] + [{"volunteer": v_id, "shift": s_id}]
    bookings = [
        {"resource": mapper.rid(r), "request": mapper.qid(q)}
        for r, q in ResourceBooking.objects.filter(run=run).values_list("resource_id", "request_id")
    ]
    problem = matching.parse_problem(data)
    plan = matching.solution_from_dict(
        {"status": "feasible", "assignments": pairs, "resource_assignments": bookings, "unfilled": []}
    )
    mentions = re.compile(rf"\b({re.escape(v_id)}|{re.escape(s_id)})\b")
    return [message for message in matching.check(problem, plan) if mentions.search(message)]


def _unverified_claims(volunteer: Volunteer, shift: Shift) -> list[str]:
    """The shift's skills that the volunteer claims at the level required but that count only once verified
    (a medical, legal or electrical skill): said as such, not as a level the optimizer's check calls too low."""
    requiring = people_selectors.skills_requiring_verification()
    verified = people_selectors.verified_levels(volunteers=[volunteer.pk]).get(volunteer.pk, {})
    return [
        _(
            "%(skill)s needs a coordinator's verification: claimed at level %(claimed)d, verified at %(verified)d, "
            "level %(level)d required."
        )
        % {
            "skill": code,
            "claimed": volunteer.skills.get(code, 0),
            "verified": verified.get(code, 0),
            "level": level,
        }
        for code, level in sorted(shift.required_skills.items())
        if code in requiring and volunteer.skills.get(code, 0) >= level > verified.get(code, 0)
    ]


@transaction.atomic
def assignment_add(*, run: MatchingRun, volunteer: Volunteer, shift: Shift) -> Assignment:
    """Put a volunteer on a shift by hand (pinned), if every hard rule still holds."""
    run = locked_for_review(run)
    if Assignment.objects.filter(run=run, volunteer=volunteer, shift=shift).exists():
        raise RuleBroken(_("The volunteer is already on this shift."), fields={"volunteer": [_("Already assigned.")]})
    broken = _unverified_claims(volunteer, shift) or _violations(run, volunteer, shift)
    if broken:
        raise RuleBroken(_("This assignment would break a rule: %s") % broken[0], fields={"volunteer": broken})
    assignment = Assignment.objects.create(
        run=run, volunteer=volunteer, shift=shift, pinned=True, source=Assignment.Source.MANUAL
    )
    RemovedPair.objects.filter(run=run, volunteer=volunteer, shift=shift).delete()  # added back: allowed again
    unfilled_seat_taken(UnfilledSeat, run=run, shift=shift)
    return assignment


@transaction.atomic
def assignment_pin(*, run: MatchingRun, assignment: Assignment, pinned: bool) -> Assignment:
    """Pin (keep through the next run) or unpin an assignment."""
    locked_for_review(run)
    return pair_pin(assignment, pinned=pinned)


@transaction.atomic
def assignment_remove(*, run: MatchingRun, assignment: Assignment, user=None) -> None:
    """Take an assignment out of the plan; its seat is listed as unfilled again, and the next runs of the scope
    and week do not offer the volunteer that shift again."""
    locked_for_review(run)
    shift = assignment.shift
    RemovedPair.objects.get_or_create(
        run=run, shift=shift, volunteer_id=assignment.volunteer_id, defaults={"removed_by": user}
    )
    assignment.delete()
    unfilled_seat_freed(UnfilledSeat, run=run, shift=shift)
