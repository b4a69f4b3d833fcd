"""Reads of post allocation, always through the caller's scope: a community coordinator sees their community's
runs, a sub-district coordinator the runs of their sub-district and of its communities, the administrator every
run; volunteers and unit representatives see none. A volunteer reads their own post holdings."""

from django.db.models import QuerySet

from accounts.models import User
from allocation.models import AllocationPublication, AllocationRun, Proposal, UnfilledPost
from geo.models import Community
from people.models import Volunteer
from posts.models import PostHolding
from runs.selectors import run_get, run_list


def allocation_run_list(*, user: User) -> QuerySet[AllocationRun]:
    return run_list(AllocationRun, user=user)


def allocation_run_get(*, user: User, run_id: int) -> AllocationRun:
    """The run, or 404 when it does not exist or lies outside the caller's scope."""
    return run_get(AllocationRun, user=user, run_id=run_id)


def proposal_list(*, run: AllocationRun) -> QuerySet[Proposal]:
    return (
        Proposal.objects.filter(run=run)
        .select_related("post", "post__community", "volunteer")
        .order_by("post_id", "volunteer_id")
    )


def unfilled_post_list(*, run: AllocationRun) -> QuerySet[UnfilledPost]:
    return (
        UnfilledPost.objects.filter(run=run)
        .select_related("post", "post__community")
        .order_by("-post__priority", "post_id")
    )


def volunteer_of(user: User) -> Volunteer | None:
    return getattr(user, "volunteer", None) if user.is_authenticated else None


def my_post_holding_list(*, volunteer: Volunteer) -> QuerySet[PostHolding]:
    """The volunteer's post holdings, newest year first, with the post's duty and time and any decline."""
    return (
        PostHolding.objects.filter(volunteer=volunteer)
        .select_related("post", "post__community", "decline")
        .order_by("-year", "post_id", "pk")
    )


def overlapping_publication(run: AllocationRun) -> AllocationPublication | None:
    """The publication of the run's year for its own scope or one overlapping it (its sub-district, or one of its
    communities): a post's holders of a year come from one published plan."""
    keys = [run.scope_key, f"sub_district:{run.sub_district_id}"]
    if run.level == AllocationRun.Level.SUB_DISTRICT:
        keys += [
            f"community:{pk}"
            for pk in Community.objects.filter(sub_district_id=run.sub_district_id).values_list("pk", flat=True)
        ]
    return (
        AllocationPublication.objects.filter(year=run.year, scope_key__in=keys)
        .select_related("run")
        .order_by("pk")
        .first()
    )
