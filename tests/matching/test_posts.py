"""Standing post allocation (定岗): skills, seats, post limits, locks and forbidden pairs are hard; nearness,
preference, group and current holders decide among qualified members."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import ProblemError
from matching.posts import allocate_posts, parse_post_problem
from matching_factories import ROOT, at, cli


def post(pid, *, seats=1, priority=3, km=0.0, skills=None, **extra):
    return {
        "id": pid,
        "name": extra.pop("name", pid),
        "seats": seats,
        "priority": priority,
        "location": at(km),
        "required_skills": skills or {},
        **extra,
    }


def member(mid, *, km=0.0, skills=None, **extra):
    return {"id": mid, "location": at(km), "skills": skills or {}, **extra}


def allocate(posts, members, **top):
    return allocate_posts(parse_post_problem({"posts": posts, "members": members, **top}), time_limit=20)


def test_skills_and_seats_are_hard_and_priority_comes_first():
    # given: m1 can mediate; the mediation post has priority 5
    result = allocate(
        [post("mediation", priority=5, skills={"mediation": 3}), post("patrol", seats=2)],
        [member("m1", skills={"mediation": 4}), member("m2", skills={"mediation": 2}), member("m3")],
    )
    # then
    assert result.assignments == (("m1", "mediation"), ("m2", "patrol"), ("m3", "patrol"))
    assert result.status == "optimal"


def test_a_member_holds_at_most_max_posts():
    result = allocate([post("a"), post("b", km=1)], [member("m1", max_posts=1), member("m2", max_posts=0)])
    assert len(result.assignments) == 1
    assert result.unfilled[0]["reasons"][0]["code"] == "all_at_post_limit"


def test_nearness_preference_group_and_holders_decide_ties():
    # given: same skills; m_far prefers the post, is in its group and holds it now
    result = allocate(
        [post("p1", groups=["第一网格"])],
        [member("m_near", km=0.2), member("m_far", km=2.5, preferences=["p1"], group="第一网格", current_posts=["p1"])],
    )
    assert result.assignments == (("m_far", "p1"),)
    assert result.metrics["holders_kept"] == 1 and result.metrics["first_choices"] == 1


def test_travel_limit_and_explanation():
    result = allocate(
        [post("legal", skills={"legal_advice": 2}, place="秦江社区")],
        [member("m1", km=6, skills={"legal_advice": 3})],
        max_distance_km=3,
    )
    assert result.assignments == ()
    assert result.unfilled == (
        {
            "post": "legal",
            "missing": 1,
            "reasons": [{"code": "no_skill_in_range", "message": "nobody with legal_advice ≥ 2 within range"}],
            "suggestion": "1 more member with legal_advice ≥ 2 within 3 km of 秦江社区",
        },
    )


def test_bad_post_problem_names_the_id():
    with pytest.raises(ProblemError) as exc:
        parse_post_problem({"posts": [post("p1")], "members": [member("m1", current_posts=["p9"])]})
    assert str(exc.value) == "members[0] (id m1).current_posts[0]: unknown post id 'p9'"


def test_a_locked_pair_is_kept_though_the_member_would_fill_a_more_important_post():
    # given: one member, a priority-5 post and a priority-1 post; the member is locked to the second
    result = allocate(
        [post("mediation", priority=5), post("patrol", priority=1)],
        [member("m1")],
        locks=[{"member": "m1", "post": "patrol"}],
    )
    # then the lock holds, and the first post is short because the only member holds their maximum
    assert result.assignments == (("m1", "patrol"),)
    assert result.status == "optimal"
    assert result.unfilled == (
        {
            "post": "mediation",
            "missing": 1,
            "reasons": [
                {"code": "all_at_post_limit", "message": "all 1 qualified members already hold their maximum posts"}
            ],
            "suggestion": "1 more member with no particular skill near mediation",
        },
    )


def test_locks_fill_a_post_beside_what_the_optimizer_adds():
    # given: two seats, m_far locked; m_near is the better pick for the other seat
    result = allocate(
        [post("patrol", seats=2)],
        [member("m_far", km=2), member("m_near"), member("m_mid", km=1)],
        locks=[{"member": "m_far", "post": "patrol"}],
    )
    # then
    assert result.assignments == (("m_far", "patrol"), ("m_near", "patrol"))


def test_a_forbidden_pair_is_never_made_and_is_a_reason_of_its_own():
    # given: the only lawyer is forbidden on the legal post; the patrol takes anyone
    result = allocate(
        [post("legal", priority=5, skills={"legal_advice": 2}, place="秦江社区"), post("patrol")],
        [member("m1", skills={"legal_advice": 3})],
        forbidden=[{"member": "m1", "post": "legal"}],
        max_distance_km=3,
    )
    # then m1 goes to the patrol, and the legal post says why nobody took it
    assert result.assignments == (("m1", "patrol"),)
    assert result.unfilled == (
        {
            "post": "legal",
            "missing": 1,
            "reasons": [{"code": "forbidden", "count": 1, "message": "1 qualified member is forbidden on this post"}],
            "suggestion": "1 more member with legal_advice ≥ 2 within 3 km of 秦江社区",
        },
    )


def test_forbidden_members_are_counted_apart_from_those_at_their_post_limit():
    # given: m1 may hold no post, m2 and m3 are forbidden on the legal post (m3 listed twice)
    result = allocate(
        [post("legal"), post("patrol", seats=2)],
        [member("m1", max_posts=0), member("m2"), member("m3")],
        forbidden=[
            {"member": "m2", "post": "legal"},
            {"member": "m3", "post": "legal"},
            {"member": "m3", "post": "legal"},
        ],
    )
    # then m2 and m3 take the patrol, and the legal post counts m1 at its limit and the two forbidden apart
    assert result.assignments == (("m2", "patrol"), ("m3", "patrol"))
    assert result.unfilled[0]["reasons"] == [
        {"code": "all_at_post_limit", "message": "all 1 qualified members already hold their maximum posts"},
        {"code": "forbidden", "count": 2, "message": "2 qualified members are forbidden on this post"},
    ]


@pytest.mark.parametrize(
    "top, message",
    [
        ({"locks": [{"member": "m9", "post": "p1"}]}, "locks[0].member: unknown member id 'm9'"),
        ({"forbidden": [{"member": "m1", "post": "p9"}]}, "forbidden[0].post: unknown post id 'p9'"),
        ({"locks": [{"member": "m1"}]}, "locks[0].post: missing field"),
        (
            {"locks": [{"member": "m1", "post": "p1"}], "forbidden": [{"member": "m1", "post": "p1"}]},
            "locks[0] (m1 -> p1): the pair is also forbidden",
        ),
        (
            {"locks": [{"member": "m2", "post": "p2"}]},
            "locks[0] (m2 -> p2): m2 has legal_advice at level 1, p2 requires 2",
        ),
        (
            {"locks": [{"member": "m1", "post": "p1"}], "max_distance_km": 3},
            "locks[0] (m1 -> p1): m1 lives 4.0 km from p1, beyond the 3 km limit",
        ),
        (
            {"locks": [{"member": "m1", "post": "p2"}, {"member": "m2", "post": "p1"}, {"member": "m3", "post": "p1"}]},
            "locks[2] (m3 -> p1): locks put 2 members on p1, which has 1 seat",
        ),
        (
            {"locks": [{"member": "m1", "post": "p1"}, {"member": "m1", "post": "p2"}]},
            "locks[1] (m1 -> p2): locks give m1 2 posts, beyond its max_posts 1",
        ),
    ],
)
def test_bad_locks_and_forbidden_pairs_name_the_pair(top, message):
    # given: p1 4 km from everyone, p2 needs legal advice 2
    data = {
        "posts": [post("p1", km=4), post("p2", skills={"legal_advice": 2})],
        "members": [member("m1", skills={"legal_advice": 3}), member("m2", skills={"legal_advice": 1}), member("m3")],
        **top,
    }
    # when / then
    with pytest.raises(ProblemError) as exc:
        parse_post_problem(data)
    assert str(exc.value) == message


@st.composite
def post_problems(draw):
    """Tiny post problems with valid locks and forbidden pairs: up to 4 posts and 6 members, one skill."""
    posts = [
        post(
            f"p{i}",
            seats=draw(st.integers(0, 2)),
            priority=draw(st.integers(1, 5)),
            km=draw(st.floats(0, 3)),
            skills={"s": draw(st.integers(0, 2))},
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    members = [
        member(
            f"m{i}", km=draw(st.floats(0, 3)), skills={"s": draw(st.integers(1, 2))}, max_posts=draw(st.integers(0, 2))
        )
        for i in range(draw(st.integers(1, 6)))
    ]
    every = [(m["id"], p["id"]) for m in members for p in posts]
    forbidden = draw(st.lists(st.sampled_from(every), max_size=4))
    locks, seats, held = [], {}, {}
    for m, p in draw(st.lists(st.sampled_from(every), max_size=4, unique=True)):
        the_post = next(x for x in posts if x["id"] == p)
        the_member = next(x for x in members if x["id"] == m)
        if (
            (m, p) not in forbidden
            and the_member["skills"]["s"] >= the_post["required_skills"]["s"]
            and seats.get(p, 0) < the_post["seats"]
            and held.get(m, 0) < the_member["max_posts"]
        ):
            locks.append((m, p))
            seats[p], held[m] = seats.get(p, 0) + 1, held.get(m, 0) + 1
    return {
        "posts": posts,
        "members": members,
        "locks": [{"member": m, "post": p} for m, p in locks],
        "forbidden": [{"member": m, "post": p} for m, p in forbidden],
    }


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post_problems())
def test_every_allocation_keeps_the_locks_and_avoids_the_forbidden_pairs(data):
    # given
    problem = parse_post_problem(data)
    # when
    result = allocate_posts(problem, time_limit=20)
    # then every hard rule holds
    plan = set(result.assignments)
    assert result.status == "optimal"
    assert set(problem.locks) <= plan
    assert not set(problem.forbidden) & plan
    for p in problem.posts:
        assert sum(1 for _m, q in plan if q == p.id) <= p.seats
    for m in problem.members:
        assert sum(1 for n, _q in plan if n == m.id) <= m.max_posts
    post_of = {p.id: p for p in problem.posts}
    assert all(dict(problem.members[int(m[1:])].skills)["s"] >= post_of[p].required_skills["s"] for m, p in plan)


def test_cli_allocate_posts(tmp_path):
    prob, out = tmp_path / "p.json", tmp_path / "o.json"
    prob.write_text(json.dumps({"posts": [post("p1")], "members": [member("m1")]}), encoding="utf-8")
    result = cli("allocate-posts", str(prob), "--out", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["assignments"] == [{"member": "m1", "post": "p1"}]
    prob.write_text("[", encoding="utf-8")
    bad = cli("allocate-posts", str(prob), "--out", str(out), cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_cli_allocate_posts_keeps_locks_and_refuses_a_lock_that_breaks_a_rule(tmp_path):
    # given: m2 locked to p1 though m1 is nearer; m1 forbidden on p2
    prob, out = tmp_path / "p.json", tmp_path / "o.json"
    data = {
        "posts": [post("p1"), post("p2", km=1)],
        "members": [member("m1"), member("m2", km=1)],
        "locks": [{"member": "m2", "post": "p1"}],
        "forbidden": [{"member": "m1", "post": "p2"}],
    }
    prob.write_text(json.dumps(data), encoding="utf-8")
    # when
    result = cli("allocate-posts", str(prob), "--out", str(out), cwd=ROOT)
    # then
    assert result.returncode == 0, result.stderr
    written = json.loads(out.read_text())
    assert written["assignments"] == [{"member": "m2", "post": "p1"}]
    assert written["unfilled"][0]["reasons"][-1] == {
        "code": "forbidden",
        "count": 1,
        "message": "1 qualified member is forbidden on this post",
    }
    # and when the lock also names a forbidden pair: exit 2, one line naming it
    prob.write_text(json.dumps(dict(data, locks=[{"member": "m1", "post": "p2"}])), encoding="utf-8")
    bad = cli("allocate-posts", str(prob), "--out", str(out), cwd=ROOT)
    assert (bad.returncode, bad.stderr) == (2, "error: locks[0] (m1 -> p2): the pair is also forbidden\n")


def test_generated_post_problem_is_valid_and_solved_optimally():
    # given
    from matching.generate import generate_posts

    data = generate_posts("small", 1)
    # when
    result = allocate_posts(parse_post_problem(data), time_limit=30)
    # then
    assert data == generate_posts("small", 1)
    assert result.status == "optimal"
    assert result.metrics["filled_seats"] > 0
    seats = {p["id"]: p["seats"] for p in data["posts"]}
    per_post, per_member = {}, {}
    for m, p in result.assignments:
        per_post[p] = per_post.get(p, 0) + 1
        per_member[m] = per_member.get(m, 0) + 1
    assert all(n <= seats[p] for p, n in per_post.items())
    assert all(n <= 1 for n in per_member.values())
