"""Claimed and verified skills in 定岗: a skill that requires verification counts for a member only as far as a
coordinator verified it; other skills count as claimed, and the review marks proposals resting on a claim."""

import pytest

from allocation import mapper
from allocation.models import Proposal
from people.models import Skill, SkillVerification

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal_needs_verification(world):
    return Skill.objects.filter(code="legal_advice").update(requires_verification=True)


def test_an_unverified_legal_claim_does_not_count_and_a_verified_one_does(
    world, done_run, a1_posts, legal_needs_verification
):
    # given legal advice requires verification: M1 (claims 3) verified at 2, M4 (claims 2) not verified
    SkillVerification.objects.create(volunteer=a1_posts.m1, skill=Skill.objects.get(code="legal_advice"), level=2)
    # when A1's post problem is built
    mapped = mapper.build_problem(done_run())
    # then M1 holds the verified level, M4 nothing, and only M1 qualifies for the legal post
    assert (mapped.members[a1_posts.m1.pk]["skills"], mapped.members[a1_posts.m4.pk]["skills"]) == (
        {"legal_advice": 2},
        {},
    )
    assert mapper.pair_violations(mapped, a1_posts.legal.pk, a1_posts.m1.pk, plan=[]) == {}
    assert mapper.pair_violations(mapped, a1_posts.legal.pk, a1_posts.m4.pk, plan=[]) == {
        "volunteer": ["Skill legal_advice is at level 0; the post needs 2."]
    }


def test_the_review_marks_proposals_resting_on_an_unverified_claim(world, client_as, done_run, a1_posts):
    # given proposals of M1 (legal advice claimed, an ordinary skill here) and M3 on patrol (no skill needed)
    run = done_run()
    Proposal.objects.create(run=run, post=a1_posts.legal, volunteer=a1_posts.m1)
    Proposal.objects.create(run=run, post=a1_posts.patrol, volunteer=a1_posts.m3)
    # when the proposals are read
    rows = client_as("community").get(f"/api/allocation/runs/{run.pk}/proposals/").json()["results"]
    # then
    assert [(row["volunteer"], row["unverified_skills"]) for row in rows] == [
        (a1_posts.m1.pk, ["legal_advice"]),
        (a1_posts.m3.pk, []),
    ]
