"""Standing post allocation (定岗): skills, seats and post limits are hard; nearness, preference, group and
current holders decide among qualified members."""
import json

import pytest

from matching import ProblemError
from matching.posts import allocate_posts, parse_post_problem
from matching_factories import ROOT, at
from matching_factories import cli


def post(pid, *, seats=1, priority=3, km=0.0, skills=None, **extra):
    return {"id": pid, "name": extra.pop("name", pid), "seats": seats, "priority": priority, "location": at(km),
            "required_skills": skills or {}, **extra}


def member(mid, *, km=0.0, skills=None, **extra):
    return {"id": mid, "location": at(km), "skills": skills or {}, **extra}


def allocate(posts, members, **top):
    return allocate_posts(parse_post_problem({"posts": posts, "members": members, **top}), time_limit=20)


def test_skills_and_seats_are_hard_and_priority_comes_first():
    # given: m1 can mediate; the mediation post has priority 5
    result = allocate([post("mediation", priority=5, skills={"mediation": 3}), post("patrol", seats=2)],
                      [member("m1", skills={"mediation": 4}), member("m2", skills={"mediation": 2}),
                       member("m3")])
    # then
    assert result.assignments == (("m1", "mediation"), ("m2", "patrol"), ("m3", "patrol"))
    assert result.status == "optimal"


def test_a_member_holds_at_most_max_posts():
    result = allocate([post("a"), post("b", km=1)], [member("m1", max_posts=1), member("m2", max_posts=0)])
    assert len(result.assignments) == 1
    assert result.unfilled[0]["reasons"][0]["code"] == "all_at_post_limit"


def test_nearness_preference_group_and_holders_decide_ties():
    # given: same skills; m_far prefers the post, is in its group and holds it now
    result = allocate([post("p1", groups=["第一网格"])],
                      [member("m_near", km=0.2), member("m_far", km=2.5, preferences=["p1"], group="第一网格",
                                                               current_posts=["p1"])])
    assert result.assignments == (("m_far", "p1"),)
    assert result.metrics["holders_kept"] == 1 and result.metrics["first_choices"] == 1


def test_travel_limit_and_explanation():
    result = allocate([post("legal", skills={"legal_advice": 2}, place="秦江社区")],
                      [member("m1", km=6, skills={"legal_advice": 3})], max_distance_km=3)
    assert result.assignments == ()
    assert result.unfilled == ({"post": "legal", "missing": 1,
                                "reasons": [{"code": "no_skill_in_range",
                                             "message": "nobody with legal_advice ≥ 2 within range"}],
                                "suggestion": "1 more member with legal_advice ≥ 2 within 3 km of 秦江社区"},)


def test_bad_post_problem_names_the_id():
    with pytest.raises(ProblemError) as exc:
        parse_post_problem({"posts": [post("p1")], "members": [member("m1", current_posts=["p9"])]})
    assert str(exc.value) == "members[0] (id m1).current_posts[0]: unknown post id 'p9'"


def test_cli_allocate_posts(tmp_path):
    prob, out = tmp_path / "p.json", tmp_path / "o.json"
    prob.write_text(json.dumps({"posts": [post("p1")], "members": [member("m1")]}), encoding="utf-8")
    result = cli("allocate-posts", str(prob), "--out", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["assignments"] == [{"member": "m1", "post": "p1"}]
    prob.write_text("[", encoding="utf-8")
    bad = cli("allocate-posts", str(prob), "--out", str(out), cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


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
