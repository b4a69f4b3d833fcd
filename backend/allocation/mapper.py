"""The one bridge between rows and the post optimizer: a run's scope and year -> a post problem dict (the format
of matching/README.md, "Post allocation format"), a PostAllocation -> unsaved Proposal and UnfilledPost rows,
and the optimizer's hard rules for one pair (to check a pin or a hand-made proposal).

Who is in a problem (documented choice): members are the active non-post and retired party members (无职党员,
离退休党员: those 一编三定 organises, see DOMAIN.md) whose home community is in the scope, with their skills as
matching may use them (people.selectors: verified levels of skills that require verification, claims of the
others); posts are the scope's active posts. Ids are prefixed by kind ("m12", "p3", "t5") so that explanations say
what an id is.

What the version this run follows decided carries over in the post format's own terms:
- a pin that still keeps every hard rule (`pair_violations`) is a lock; one that no longer does is dropped and
  counted;
- a removed pair (an Exclusion) is forbidden, so the optimizer never proposes it and says, for a post left short,
  how many qualified members the coordinator removed ("removed" reason). Only an add by hand brings the pair
  back (review.proposal_add lifts the exclusion), so `pair_violations` does not refuse it; a pair both pinned
  and removed (possible only through the admin) stays pinned.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from allocation.models import AllocationRun, Exclusion, Proposal, UnfilledPost
from matching.geo import distance_km
from people import selectors as people_selectors
from people.models import Volunteer
from posts.models import Post, PostHolding, Team

ELIGIBLE_KINDS = (Volunteer.Kind.NON_POST, Volunteer.Kind.RETIRED)


def default_max_distance_km() -> float:
    return settings.ALLOCATION_MAX_DISTANCE_KM


def max_posts() -> int:
    return settings.ALLOCATION_MAX_POSTS


def mid(pk: int) -> str:
    return f"m{pk}"


def pid(pk: int) -> str:
    return f"p{pk}"


def tid(pk: int) -> str:
    return f"t{pk}"


def _pk(text: str, prefix: str) -> int:
    if not text.startswith(prefix) or not text[len(prefix) :].isdigit():
        raise ValueError(f"unexpected id {text!r} in the allocation (expected {prefix}<number>)")
    return int(text[len(prefix) :])


Pair = tuple[int, int]  # (post pk, volunteer pk)


@dataclass
class MappedProblem:
    """The problem dict to solve and what is needed to check a pair and to read the allocation back."""

    members: dict[int, dict]  # volunteer pk -> member item
    posts: dict[int, dict]  # post pk -> post item
    max_distance_km: float | None
    max_posts: int
    pins: dict[Pair, str] = field(default_factory=dict)  # pins kept -> their source
    dropped_pins: list[Pair] = field(default_factory=list)  # pins the rules no longer allow
    excluded: set[Pair] = field(default_factory=set)
    data: dict = field(default_factory=dict)

    @property
    def counts(self) -> dict:
        return {
            "members": len(self.members),
            "posts": len(self.posts),
            "seats": sum(p["seats"] for p in self.posts.values()),
            "pins": len(self.pins),
            "pins_dropped": len(self.dropped_pins),
            "excluded": len(self.excluded),
        }


# ---------------------------------------------------------------- rows -> problem


def eligible_members(run: AllocationRun):
    return Volunteer.objects.filter(active=True, kind__in=ELIGIBLE_KINDS, **run.community_lookup("home_community"))


def scope_posts(run: AllocationRun):
    return Post.objects.filter(active=True, **run.community_lookup())


def _posts(run: AllocationRun) -> dict[int, dict]:
    result = {}
    for post in scope_posts(run).select_related("community").order_by("pk"):
        item = {
            "id": pid(post.pk),
            "name": post.name,
            "category": post.category,
            "seats": post.seats,
            "priority": post.priority,
            "location": {"lat": post.lat, "lng": post.lng},
            "required_skills": {k: v for k, v in dict(post.required_skills).items() if v > 0},
            "place": post.community.name,
        }
        if post.duties:
            item["duties"] = [post.duties]
        if post.team_id is not None:
            item["groups"] = [tid(post.team_id)]
        result[post.pk] = item
    return result


def _members(run: AllocationRun, posts: dict[int, dict], limit: int) -> dict[int, dict]:
    verified = people_selectors.verified_levels(volunteers=eligible_members(run).values("pk"))
    requiring = people_selectors.skills_requiring_verification()
    volunteers = (
        eligible_members(run)
        .prefetch_related(
            Prefetch(
                "teams", queryset=Team.objects.filter(**run.community_lookup()).order_by("pk"), to_attr="scope_teams"
            ),
            Prefetch(
                "post_holdings",
                queryset=PostHolding.objects.filter(
                    status=PostHolding.Status.ACTIVE, year__in=[run.year, run.year - 1]
                ),
                to_attr="recent_holdings",
            ),
        )
        .order_by("pk")
    )
    result = {}
    for volunteer in volunteers:
        item = {
            "id": mid(volunteer.pk),
            "location": {"lat": volunteer.lat, "lng": volunteer.lng},
            "skills": people_selectors.matching_levels(
                claimed=volunteer.skills, verified=verified.get(volunteer.pk, {}), requiring=requiring
            ),
            "max_posts": limit,
        }
        if volunteer.scope_teams:
            item["group"] = tid(volunteer.scope_teams[0].pk)
        current = sorted({h.post_id for h in volunteer.recent_holdings if h.post_id in posts})
        if current:
            item["current_posts"] = [pid(pk) for pk in current]  # the keep weight: holders stay where they are
        result[volunteer.pk] = item
    return result


def previous_run(run: AllocationRun) -> AllocationRun | None:
    """The latest finished earlier version of the same scope and year: its pins and exclusions carry over."""
    return (
        AllocationRun.objects.filter(
            scope_key=run.scope_key, year=run.year, status=AllocationRun.Status.DONE, version__lt=run.version
        )
        .order_by("-version")
        .first()
    )


def build_problem(run: AllocationRun) -> MappedProblem:
    posts = _posts(run)
    mapped = MappedProblem(
        members=_members(run, posts, max_posts()),
        posts=posts,
        max_distance_km=default_max_distance_km(),
        max_posts=max_posts(),
    )
    previous = previous_run(run)
    if previous is not None:
        # all of them carry over (a member may be back in scope next time); only those in scope are encoded
        mapped.excluded = set(Exclusion.objects.filter(run=previous).values_list("post_id", "volunteer_id"))
        pins = Proposal.objects.filter(run=previous, pinned=True).order_by("pk")
        for post, volunteer, source in pins.values_list("post_id", "volunteer_id", "source"):
            if pair_violations(mapped, post, volunteer, plan=list(mapped.pins)):
                mapped.dropped_pins.append((post, volunteer))
            else:
                mapped.pins[(post, volunteer)] = source
    mapped.data = _problem_data(run, mapped)
    return mapped


def _problem_data(run: AllocationRun, mapped: MappedProblem) -> dict:
    # exclusions of members or posts out of scope carry over to the next version but are not this problem's
    forbidden = sorted(
        pair
        for pair in mapped.excluded
        if pair[0] in mapped.posts and pair[1] in mapped.members and pair not in mapped.pins
    )
    return {
        "name": f"allocation run {run.pk}: {run.scope_key} {run.year} v{run.version}",
        "max_distance_km": mapped.max_distance_km,
        "posts": list(mapped.posts.values()),
        "members": list(mapped.members.values()),
        "locks": [{"member": mid(volunteer), "post": pid(post)} for post, volunteer in mapped.pins],
        "forbidden": [{"member": mid(volunteer), "post": pid(post)} for post, volunteer in forbidden],
    }


# ---------------------------------------------------------------- the hard rules for one pair


def pair_violations(mapped: MappedProblem, post: int, volunteer: int, *, plan: list[Pair]) -> dict[str, list[str]]:
    """The hard rules the optimizer enforces that the pair breaks next to `plan` (the other pairs of the plan),
    by the input field they concern: in scope, skills at their level, travel limit, seats, posts per member."""
    member, item = mapped.members.get(volunteer), mapped.posts.get(post)
    if member is None:
        return {
            "volunteer": [
                _(
                    "The volunteer is not eligible for this run's posts: only active non-post and "
                    "retired party members living in its scope are."
                )
            ]
        }
    if item is None:
        return {"post": [_("The post is not among this run's posts (inactive, or outside its scope).")]}
    broken: dict[str, list[str]] = defaultdict(list)
    for skill, level in sorted(item["required_skills"].items()):
        have = member["skills"].get(skill, 0)
        if have < level:
            broken["volunteer"].append(
                _("Skill %(skill)s is at level %(have)s; the post needs %(need)s.")
                % {"skill": skill, "have": have, "need": level}
            )
    if mapped.max_distance_km is not None:
        km = distance_km(
            member["location"]["lat"], member["location"]["lng"], item["location"]["lat"], item["location"]["lng"]
        )
        if km > mapped.max_distance_km + 1e-9:
            broken["volunteer"].append(
                _("Lives %(km).1f km from the post; the limit is %(limit)g km.")
                % {"km": km, "limit": mapped.max_distance_km}
            )
    if sum(1 for p, _v in plan if p == post) >= item["seats"]:
        broken["post"].append(_("All %(seats)d seats of the post are taken.") % {"seats": item["seats"]})
    if sum(1 for _p, v in plan if v == volunteer) >= member["max_posts"]:
        broken["volunteer"].append(
            _("Already holds %(count)d post(s) in this plan, the most one member may.") % {"count": member["max_posts"]}
        )
    return dict(broken)


# ---------------------------------------------------------------- allocation -> rows


def _plain(value):
    """JSON-safe copy of optimizer output (numpy numbers, NaN) for a JSONField."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _reason(reason: dict) -> dict:
    """An optimizer's reason as the run shows it: a forbidden pair is a pair the coordinator removed."""
    if reason.get("code") != "forbidden":
        return reason
    return {
        "code": "removed",
        "count": reason["count"],
        "message": ngettext(
            "%(count)d qualified member within range was removed from this post by a coordinator.",
            "%(count)d qualified members within range were removed from this post by a coordinator.",
            reason["count"],
        )
        % {"count": reason["count"]},
    }


@dataclass
class PlanRows:
    proposals: list[Proposal]
    unfilled: list[UnfilledPost]
    stats: dict


def solution_rows(run: AllocationRun, mapped: MappedProblem, allocation) -> PlanRows:
    """Unsaved rows of the run's plan: the pins kept (the problem's locks), then the optimizer's other pairs; the
    posts left short."""
    proposals = [
        Proposal(run=run, post_id=post, volunteer_id=volunteer, pinned=True, source=source)
        for (post, volunteer), source in sorted(mapped.pins.items())
    ]
    for member, post in allocation.assignments:
        pair = (_pk(post, "p"), _pk(member, "m"))
        if pair not in mapped.pins:
            proposals.append(Proposal(run=run, post_id=pair[0], volunteer_id=pair[1]))
    unfilled = [
        UnfilledPost(
            run=run,
            post_id=_pk(item["post"], "p"),
            missing=item["missing"],
            reasons=_plain([_reason(r) for r in item["reasons"]]),
            suggestion=item.get("suggestion", ""),
        )
        for item in allocation.unfilled
    ]
    stats = _plain(
        {
            "status": allocation.status,
            "objective": allocation.objective,
            "bound": allocation.bound,
            "gap": allocation.gap,
            "seconds": round(allocation.seconds, 3),
            "problem": mapped.counts,
            "metrics": allocation.metrics,
        }
    )
    return PlanRows(proposals=proposals, unfilled=unfilled, stats=stats)
