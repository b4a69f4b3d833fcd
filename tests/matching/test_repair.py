"""Re-planning after declines: freed seats are refilled and as few published people as possible move."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import check, parse_problem, solve
from matching.repair import parse_declines, repair
from matching_factories import ROOT, cli, problem, problem_dict, shift, tiny_weeks, volunteer


def test_a_declined_seat_goes_to_a_free_person_and_nobody_moves():
    # given
    p = problem(
        [volunteer("v1"), volunteer("v2", km=1), volunteer("v3", km=2)],
        [shift("s1"), shift("s2", start="13:00", end="15:00")],
    )
    published = solve(p, gap=0.0)
    taken = dict((s, v) for v, s in published.assignments)
    # when
    result = repair(p, published, [(taken["s1"], "s1")])
    # then
    assert check(p, result) == []
    assert result.moved == 0
    assert len(result.assignments) == 2
    assert (taken["s1"], "s1") not in result.assignments
    assert (taken["s2"], "s2") in result.assignments


def test_one_person_moves_when_only_they_can_take_the_freed_seat():
    # given: only v2 has legal advice; v2 was on s2, which v3 can take instead
    p = problem(
        [
            volunteer("v1", skills={"legal_advice": 3}),
            volunteer("v2", skills={"legal_advice": 3}),
            volunteer("v3", km=4),
        ],
        [shift("s1", skills={"legal_advice": 3}), shift("s2", start="10:00", end="11:00")],
    )
    published = solve(p, gap=0.0)
    assert ("v1", "s1") in published.assignments or ("v2", "s1") in published.assignments
    plan = type(published)(**{**published.__dict__, "assignments": (("v1", "s1"), ("v2", "s2"))})
    # when
    result = repair(p, plan, [("v1", None)])
    # then
    assert result.assignments == (("v2", "s1"), ("v3", "s2"))
    assert result.moved == 1
    assert check(p, result) == []


def test_declines_name_unknown_ids():
    p = problem([volunteer("v1")], [shift("s1")])
    try:
        parse_declines([{"volunteer": "v1", "shift": "s9"}], p)
    except Exception as exc:
        assert str(exc) == "declines[0].shift: unknown shift id 's9'"
    else:
        raise AssertionError("expected an error")


def test_cli_repair(tmp_path):
    # given
    prob, sol, dec, out = (tmp_path / n for n in ("p.json", "s.json", "d.json", "r.json"))
    prob.write_text(json.dumps(problem_dict([volunteer("v1"), volunteer("v2", km=1)], [shift("s1")])))
    assert cli("solve", str(prob), "--out", str(sol), cwd=ROOT).returncode == 0
    first = json.loads(sol.read_text())["assignments"][0]["volunteer"]
    dec.write_text(json.dumps([{"volunteer": first, "shift": "s1"}]))
    # when
    result = cli("repair", str(prob), str(sol), str(dec), "--out", str(out), cwd=ROOT)
    # then
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["moved"] == 0
    assert [a["volunteer"] for a in data["assignments"]] == [{"v1": "v2", "v2": "v1"}[first]]


def test_a_seat_nobody_can_refill_is_explained():
    # given: only v1 could do s1, and v1 withdraws
    p = problem([volunteer("v1", skills={"legal_advice": 3})], [shift("s1", skills={"legal_advice": 3})])
    published = solve(p, gap=0.0)
    # when
    result = repair(p, published, [("v1", None)])
    # then
    assert result.assignments == ()
    assert [(u.shift, u.missing) for u in result.unfilled] == [("s1", 1)]
    assert [r.code for r in result.unfilled[0].reasons] == ["no_skill_in_range"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_weeks(), st.integers(0, 3), st.booleans())
def test_every_repaired_plan_passes_check_and_never_uses_a_decline(data, n_declines, withdraw):
    p = parse_problem(data)
    published = solve(p, time_limit=20)
    declines = [(v, None if withdraw else s) for v, s in published.assignments[:n_declines]]
    result = repair(p, published, declines, time_limit=10)
    assert check(p, result) == []
    gone = {v for v, s in declines if s is None}
    assert not any(v in gone or (v, s) in declines for v, s in result.assignments)


def test_a_withdrawn_volunteer_with_last_weeks_posts_is_repaired_without_them():
    # given a week whose problem carries last week's assignments, and a published plan
    from matching import check, parse_problem, solve
    from matching.generate import generate

    p = parse_problem(generate("small", 1))
    assert p.previous_assignments
    published = solve(p, time_limit=20)
    leaver = next(v for v, _ in published.assignments if v in {a for a, _ in p.previous_assignments})
    # when that person withdraws from the whole week
    repaired = repair(p, published, [(leaver, None)], time_limit=10)
    # then the plan is repaired without them and keeps every rule
    assert leaver not in {v for v, _ in repaired.assignments}
    assert check(p, repaired) == []
