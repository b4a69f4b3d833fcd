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
from django.db.models import F
from django.utils.translation import gettext as _

import matching
from core.errors import ApplicationError, Conflict
from people import selectors as people_selectors
from people.models import Volunteer
from planning import mapper
from planning.models import Assignment, MatchingRun, Publication, RemovedPair, ResourceBooking, UnfilledSeat
from shifts.models import Shift


class RunNotEditable(Conflict):
    """Only a done run whose week is not yet published can be reviewed."""

    code = "run_not_editable"


class RuleBroken(ApplicationError):
    """The assignment asked for would break a hard rule (availability, skill, overlap, hours, distance, seats)."""

    code = "rule_broken"


def _guard(run: MatchingRun) -> None:
    if run.status != MatchingRun.Status.DONE:
        raise RunNotEditable(_("Only a run that is done can be reviewed; this run is %s.") % run.get_status_display())
    if Publication.objects.filter(scope_key=run.scope_key, week=run.week).exists():
        raise RunNotEditable(_("This week is already published for this scope; the plan can no longer change."))


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
        _("%(skill)s needs a coordinator's verification: claimed at level %(claimed)d, verified at %(verified)d, "
          "level %(level)d required.") % {
            "skill": code, "claimed": volunteer.skills.get(code, 0), "verified": verified.get(code, 0), "level": level,
        }
        for code, level in sorted(shift.required_skills.items())
        if code in requiring and volunteer.skills.get(code, 0) >= level > verified.get(code, 0)
    ]


@transaction.atomic
def assignment_add(*, run: MatchingRun, volunteer: Volunteer, shift: Shift) -> Assignment:
    """Put a volunteer on a shift by hand (pinned), if every hard rule still holds."""
    run = MatchingRun.objects.select_for_update().get(pk=run.pk)
    _guard(run)
    if Assignment.objects.filter(run=run, volunteer=volunteer, shift=shift).exists():
        raise RuleBroken(_("The volunteer is already on this shift."), fields={"volunteer": [_("Already assigned.")]})
    broken = _unverified_claims(volunteer, shift) or _violations(run, volunteer, shift)
    if broken:
        raise RuleBroken(_("This assignment would break a rule: %s") % broken[0], fields={"volunteer": broken})
    assignment = Assignment.objects.create(
        run=run, volunteer=volunteer, shift=shift, pinned=True, source=Assignment.Source.MANUAL
    )
    RemovedPair.objects.filter(run=run, volunteer=volunteer, shift=shift).delete()  # added back: allowed again
    seat = UnfilledSeat.objects.filter(run=run, shift=shift).first()
    if seat is not None:
        if seat.missing <= 1:
            seat.delete()
        else:
            UnfilledSeat.objects.filter(pk=seat.pk).update(missing=F("missing") - 1)
    return assignment


@transaction.atomic
def assignment_pin(*, run: MatchingRun, assignment: Assignment, pinned: bool) -> Assignment:
    """Pin (keep through the next run) or unpin an assignment."""
    _guard(MatchingRun.objects.select_for_update().get(pk=run.pk))
    assignment.pinned = pinned
    assignment.save(update_fields=["pinned"])
    return assignment


@transaction.atomic
def assignment_remove(*, run: MatchingRun, assignment: Assignment, user=None) -> None:
    """Take an assignment out of the plan; its seat is listed as unfilled again, and the next runs of the scope
    and week do not offer the volunteer that shift again."""
    _guard(MatchingRun.objects.select_for_update().get(pk=run.pk))
    shift = assignment.shift
    RemovedPair.objects.get_or_create(
        run=run, shift=shift, volunteer_id=assignment.volunteer_id, defaults={"removed_by": user}
    )
    assignment.delete()
    seat, created = UnfilledSeat.objects.get_or_create(
        run=run, shift=shift,
        defaults={"missing": 1, "reasons": [{"code": "removed", "message": _("Removed by a coordinator.")}]},
    )
    if not created:
        UnfilledSeat.objects.filter(pk=seat.pk).update(missing=F("missing") + 1)
