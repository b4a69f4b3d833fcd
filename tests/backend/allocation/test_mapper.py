"""The mapper: who and what is in a post problem, pins as locks and removed pairs as forbidden pairs, and the
optimizer's allocation read back into rows."""

import pytest

import factories as f
from allocation import mapper
from allocation.models import AllocationRun, Exclusion, Proposal
from matching.posts import allocate_posts, parse_post_problem

from .conftest import LEGAL_AT, YEAR

pytestmark = pytest.mark.django_db


def _next(run):
    return AllocationRun.objects.create(
        level=run.level,
        scope_key=run.scope_key,
        sub_district=run.sub_district,
        community=run.community,
        year=run.year,
        version=run.version + 1,
        status="queued",
        time_limit=10.0,
    )


def test_members_are_the_eligible_party_members_of_the_scope_and_posts_its_active_ones(world, done_run, a1_posts):
    # given, besides A1's four members and two posts: an inactive post, A2's post and member, a team
    f.PostFactory(community=world.a1, active=False)
    a2_post = f.PostFactory(community=world.a2)
    a2_member = f.VolunteerFactory(home_community=world.a2, kind="non_post")
    team = f.TeamFactory(community=world.a1)
    team.members.add(a1_posts.m2)
    a1_posts.patrol.team = team
    a1_posts.patrol.save()
    f.PostHoldingFactory(post=a1_posts.patrol, volunteer=a1_posts.m3, year=YEAR - 1)
    # when A1's and S1's problems are built
    a1 = mapper.build_problem(done_run())
    s1 = mapper.build_problem(done_run(sub_district=world.s1))
    # then
    assert set(a1.members) == {a1_posts.m1.pk, a1_posts.m2.pk, a1_posts.m3.pk, a1_posts.m4.pk}
    assert set(a1.posts) == {a1_posts.legal.pk, a1_posts.patrol.pk}
    assert set(s1.members) == set(a1.members) | {a2_member.pk}
    assert set(s1.posts) == set(a1.posts) | {a2_post.pk}
    patrol = a1.posts[a1_posts.patrol.pk]
    assert patrol == {
        "id": f"p{a1_posts.patrol.pk}",
        "name": "治安巡逻岗",
        "category": "patrol",
        "seats": 2,
        "priority": 3,
        "location": {"lat": 34.76, "lng": 113.63},
        "required_skills": {},
        "place": "秦江社区",
        "duties": ["巡查楼院安全隐患"],
        "groups": [f"t{team.pk}"],
    }
    assert a1.members[a1_posts.m2.pk]["group"] == f"t{team.pk}"
    assert a1.members[a1_posts.m3.pk]["current_posts"] == [f"p{a1_posts.patrol.pk}"]
    assert a1.data["max_distance_km"] == 5.0
    parse_post_problem(a1.data)  # a valid problem


def test_pins_become_locks_and_come_back_pinned_in_the_plan(world, done_run, a1_posts):
    # given a done run with M3 pinned on patrol and M1 pinned on legal though the legal post now needs more skill
    previous = done_run()
    Proposal.objects.create(run=previous, post=a1_posts.patrol, volunteer=a1_posts.m3, pinned=True)
    Proposal.objects.create(run=previous, post=a1_posts.legal, volunteer=a1_posts.m4, pinned=True, source="manual")
    Proposal.objects.create(run=previous, post=a1_posts.patrol, volunteer=a1_posts.m2)  # not pinned
    a1_posts.legal.required_skills = {"legal_advice": 3}
    a1_posts.legal.save()
    run = _next(previous)
    # when
    mapped = mapper.build_problem(run)
    # then the patrol pin is kept as a lock, the legal one dropped (M4 has level 2 only); seats stay whole
    assert mapped.pins == {(a1_posts.patrol.pk, a1_posts.m3.pk): "solver"}
    assert mapped.dropped_pins == [(a1_posts.legal.pk, a1_posts.m4.pk)]
    assert mapped.data["locks"] == [{"member": f"m{a1_posts.m3.pk}", "post": f"p{a1_posts.patrol.pk}"}]
    assert mapped.data["forbidden"] == []
    posts = {p["id"]: p for p in mapped.data["posts"]}
    members = {m["id"]: m for m in mapped.data["members"]}
    assert posts[f"p{a1_posts.patrol.pk}"]["seats"] == 2
    assert members[f"m{a1_posts.m3.pk}"]["max_posts"] == 1
    # and the plan read back carries the pin with the optimizer's pairs; the figures count the whole seats
    rows = mapper.solution_rows(run, mapped, allocate_posts(parse_post_problem(mapped.data), time_limit=10))
    pairs = {(p.post_id, p.volunteer_id, p.pinned) for p in rows.proposals}
    assert (a1_posts.patrol.pk, a1_posts.m3.pk, True) in pairs
    assert (a1_posts.legal.pk, a1_posts.m1.pk, False) in pairs
    assert len(pairs) == 3
    assert (rows.stats["metrics"]["filled_seats"], rows.stats["metrics"]["total_seats"]) == (3, 3)
    assert rows.stats["problem"]["pins_dropped"] == 1


def test_a_removed_pair_is_forbidden_and_its_removal_is_the_reason(world, done_run, a1_posts):
    # given M1 removed from the legal post, and M4 (the other lawyer) gone
    previous = done_run()
    Exclusion.objects.create(run=previous, post=a1_posts.legal, volunteer=a1_posts.m1)
    a1_posts.m4.active = False
    a1_posts.m4.save()
    run = _next(previous)
    mapped = mapper.build_problem(run)
    # when solved
    allocation = allocate_posts(parse_post_problem(mapped.data), time_limit=10)
    rows = mapper.solution_rows(run, mapped, allocation)
    # then the pair is forbidden (no made-up skill), nobody is on the legal post, and the post says that the
    # coordinator removed its one qualified member
    assert (a1_posts.legal.pk, a1_posts.m1.pk) in mapped.excluded
    assert mapped.data["forbidden"] == [{"member": f"m{a1_posts.m1.pk}", "post": f"p{a1_posts.legal.pk}"}]
    assert {p["id"]: p["required_skills"] for p in mapped.data["posts"]} == {
        f"p{a1_posts.legal.pk}": {"legal_advice": 2},
        f"p{a1_posts.patrol.pk}": {},
    }
    assert all(p.post_id != a1_posts.legal.pk for p in rows.proposals)
    [unfilled] = rows.unfilled
    assert (unfilled.post_id, unfilled.missing) == (a1_posts.legal.pk, 1)
    assert unfilled.reasons == [
        {
            "code": "removed",
            "count": 1,
            "message": ("1 qualified member within range was removed from this post by a coordinator."),
        }
    ]
    assert unfilled.suggestion == "1 more member with legal_advice ≥ 2 within 5 km of 秦江社区"


def test_removals_out_of_scope_carry_over_unencoded_and_a_pin_outranks_a_removal(world, done_run, a1_posts):
    # given, in the previous version, M2 both pinned on patrol and removed from it (only the admin can do both),
    # and a removal of a member of another community
    previous = done_run()
    outsider = f.VolunteerFactory(home_community=world.a2, kind="non_post")
    Proposal.objects.create(run=previous, post=a1_posts.patrol, volunteer=a1_posts.m2, pinned=True)
    Exclusion.objects.create(run=previous, post=a1_posts.patrol, volunteer=a1_posts.m2)
    Exclusion.objects.create(run=previous, post=a1_posts.legal, volunteer=outsider)
    # when
    mapped = mapper.build_problem(_next(previous))
    # then both removals carry over, neither is in the problem, and the pin is a lock
    assert mapped.excluded == {(a1_posts.patrol.pk, a1_posts.m2.pk), (a1_posts.legal.pk, outsider.pk)}
    assert mapped.data["forbidden"] == []
    assert mapped.data["locks"] == [{"member": f"m{a1_posts.m2.pk}", "post": f"p{a1_posts.patrol.pk}"}]
    parse_post_problem(mapped.data)  # a valid problem


def test_the_hard_rules_of_one_pair(world, done_run, a1_posts):
    mapped = mapper.build_problem(done_run())
    legal, m1, m2 = a1_posts.legal.pk, a1_posts.m1.pk, a1_posts.m2.pk
    assert mapper.pair_violations(mapped, legal, m1, plan=[]) == {}
    assert mapper.pair_violations(mapped, legal, m2, plan=[(legal, m1)]) == {
        "volunteer": ["Skill legal_advice is at level 0; the post needs 2."],
        "post": ["All 1 seats of the post are taken."],
    }
    assert mapper.pair_violations(mapped, a1_posts.patrol.pk, m1, plan=[(legal, m1)]) == {
        "volunteer": ["Already holds 1 post(s) in this plan, the most one member may."]
    }
    assert mapped.posts[legal]["location"] == LEGAL_AT
