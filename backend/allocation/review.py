"""Review of a finished allocation run before it is published: pin a proposal, remove one, or add one by hand.

A hand-made proposal is checked against every hard rule the optimizer enforces (eligible member in scope, active
post in scope, skills at their level, travel limit, seats, posts per member) on the run's rows as they are now
and the plan as it stands; a refusal names the broken rules. A removed pair is remembered as an exclusion that
the next run of the same scope and year avoids; pins are kept by that run. A run that is not done, or whose
year is already published for its scope or an overlapping one, cannot change (409).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from allocation import mapper, selectors
from allocation.models import AllocationRun, Exclusion, Proposal, UnfilledPost
from core.errors import Conflict
from people.models import Volunteer
from posts.models import Post
from runs.errors import RuleBroken
from runs.review import pair_pin, run_lock_for_review, unfilled_seat_freed, unfilled_seat_taken


class AlreadyProposed(Conflict):
    """The member is already proposed for this post in this run."""

    code = "already_proposed"


def _locked(run: AllocationRun) -> AllocationRun:
    return run_lock_for_review(
        run,
        published=lambda row: selectors.overlapping_publication(row) is not None,
        published_message=_("This year is already published for this scope; the plan can no longer change."),
    )


@transaction.atomic
def proposal_add(*, run: AllocationRun, post: Post, volunteer: Volunteer) -> Proposal:
    """Propose a member for a post by hand (pinned), if every hard rule still holds; lifts a removal of the pair."""
    run = _locked(run)
    if Proposal.objects.filter(run=run, post=post, volunteer=volunteer).exists():
        raise AlreadyProposed(
            _("The member is already proposed for this post."), fields={"volunteer": [_("Already proposed.")]}
        )
    plan = list(Proposal.objects.filter(run=run).values_list("post_id", "volunteer_id"))
    broken = mapper.pair_violations(mapper.build_problem(run), post.pk, volunteer.pk, plan=plan)
    if broken:
        first = next(iter(broken.values()))[0]
        raise RuleBroken(_("This proposal would break a rule: %(rule)s") % {"rule": first}, fields=broken)
    proposal = Proposal.objects.create(
        run=run, post=post, volunteer=volunteer, pinned=True, source=Proposal.Source.MANUAL
    )
    Exclusion.objects.filter(run=run, post=post, volunteer=volunteer).delete()
    unfilled_seat_taken(UnfilledPost, run=run, post=post)
    return proposal


@transaction.atomic
def proposal_pin(*, run: AllocationRun, proposal: Proposal, pinned: bool) -> Proposal:
    """Pin (keep through the next run of the scope and year) or unpin a proposal."""
    _locked(run)
    return pair_pin(proposal, pinned=pinned)


@transaction.atomic
def proposal_remove(*, run: AllocationRun, proposal: Proposal) -> None:
    """Take a proposal out of the plan: its seat is unfilled again and the next run will not propose the pair."""
    run = _locked(run)
    post_id, volunteer_id = proposal.post_id, proposal.volunteer_id
    proposal.delete()
    Exclusion.objects.get_or_create(run=run, post_id=post_id, volunteer_id=volunteer_id)
    unfilled_seat_freed(UnfilledPost, run=run, post_id=post_id)
