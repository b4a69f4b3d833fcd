"""Sub-district decomposition: pieces solved in parallel, joined plan passes check, borders refilled."""

from matching import check, parse_problem, solve
from matching.decompose import solve_decomposed, split
from matching.generate import generate
from matching_factories import problem, request, shift, volunteer


def test_pieces_partition_the_week():
    p = parse_problem(generate("small", 1))
    pieces = split(p)
    assert len(pieces) == 1 and len(split(p, piece_shifts=0)) == 1
    assert sum(len(x.shifts) for x in pieces) == len(p.shifts)
    assert sum(len(x.volunteers) for x in pieces) == len(p.volunteers)


def test_border_fill_uses_a_neighbour_from_another_area():
    # given: the only volunteer lives in area B, the shift is in area A, 2 km away
    p = problem(
        [volunteer("v1", km=2, area="B")],
        [shift("s1", area="A"), shift("s2", km=2, area="B", start="13:00", end="14:00")],
    )
    # when
    solution = solve_decomposed(p, time_limit=30, piece_shifts=0)
    # then
    assert ("v1", "s1") in solution.assignments and ("v1", "s2") in solution.assignments
    assert solution.metrics["border_filled_seats"] == 1
    assert check(p, solution) == []


def test_the_joined_plan_carries_the_recruitment_list_of_what_is_still_short():
    # given: area A's patrol is filled across the border by v1 (area B); nobody can do A's legal advice, and B's
    # meeting has no room
    p = problem(
        [volunteer("v1", km=2, area="B")],
        [
            shift("patrol", area="A"),
            shift("meeting", km=2, area="B", start="13:00", end="14:00"),
            shift("legal", area="A", start="15:00", end="17:00", seats=2, skills={"legal_advice": 2}),
            shift("talk", km=2, area="B", start="18:00", end="19:00", resource_request="q1"),
        ],
        [],
        [request("q1", km=2, start="18:00", end="19:00")],
    )
    # when
    joined = solve_decomposed(p, time_limit=30, piece_shifts=0)
    # then the seat the border fill took is not wanted, the legal seats and the room are, as a whole solve says
    assert joined.metrics["border_filled_seats"] == 1
    assert joined.metrics["recruitment"] == [
        {
            "kind": "volunteers",
            "skills": {"legal_advice": 2},
            "when": "Mon 11-30 15:00-17:00",
            "near": "A",
            "count": 2,
            "what": "2 more volunteers with legal_advice ≥ 2 free Mon 11-30 15:00-17:00 within 5 km of A",
        },
        {
            "kind": "resource",
            "what": "one meeting_room for ≥ 30 free Mon 11-30 18:00-19:00 near B",
            "count": 1,
            "resource_kind": "meeting_room",
            "min_capacity": 30,
            "features": [],
            "when": "Mon 11-30 18:00-19:00",
            "near": "B",
        },
    ]
    assert joined.metrics["recruitment"] == solve(p, time_limit=30).metrics["recruitment"]


def test_decomposed_small_week_passes_check():
    p = parse_problem(generate("small", 2))
    solution = solve_decomposed(p, time_limit=30)
    assert check(p, solution) == []
    assert solution.metrics["filled_seats"] > 0


def _three_sub_districts(p):
    """The district week cut down to three sub-districts: several pieces, a few seconds to solve."""
    from dataclasses import replace

    keep = sorted({s.area for s in p.shifts})[:3]
    shifts = tuple(s for s in p.shifts if s.area in keep)
    requests = {s.resource_request for s in shifts if s.resource_request}
    return replace(
        p,
        shifts=shifts,
        volunteers=tuple(v for v in p.volunteers if v.area in keep),
        resource_requests=tuple(q for q in p.resource_requests if q.id in requests),
        locks=(),
        forbidden=(),
        previous_assignments=(),
    )


def test_pieces_solved_apart_and_joined_from_json_make_the_same_plan():
    # given a week of several sub-districts, split one piece per sub-district
    import json

    from matching.decompose import join, piece_time_limit, solve_piece
    from matching.generate import generate_district

    p = _three_sub_districts(parse_problem(generate_district(3, scale="district")))
    pieces = split(p, piece_shifts=0)
    assert len(pieces) == 3
    # when each piece is solved on its own, its result goes through JSON (as between machines), and they are joined
    limit = piece_time_limit(120, len(pieces), workers=2)
    results = [json.loads(json.dumps(solve_piece(piece, time_limit=limit))) for piece in pieces]
    joined = join(p, results, piece_time_limit=limit, pieces_seconds=1.0)
    # then the plan keeps every rule, and the one-process decomposed solve, whose join also solves the border, is
    # no worse
    assert check(p, joined) == []
    whole = solve_decomposed(p, time_limit=120, piece_shifts=0)
    assert whole.objective >= joined.objective
    assert whole.metrics["border_solve"] == "finished"
    assert joined.metrics["pieces"] == 3
    # and its dashboard figures add up as a single solve's do
    assert sum(v["filled"] for v in joined.metrics["by_priority"].values()) == joined.metrics["filled_seats"]
    assert sum(v["seats"] for v in joined.metrics["by_priority"].values()) == p.total_seats
    assert sum(joined.metrics["hours_histogram"].values()) == joined.metrics["volunteers_used"]
    assert all(reason.code for u in joined.unfilled for reason in u.reasons)


def test_a_rounded_plan_of_a_piece_without_requests_keeps_its_seats():
    # given a piece with seats but no resource request at all (its sub-district's requests went elsewhere)
    import numpy as np

    from matching.candidates import build_candidates, problem_arrays
    from matching.highs_strategies import _drop_roomless

    p = problem([volunteer("v1"), volunteer("v2")], [shift("s1", seats=2)])
    cands = build_candidates(p)
    x = np.arange(cands.n_pairs)
    # when a rounded LP plan is checked for rooms (it indexed an empty list of met requests)
    kept = _drop_roomless(cands, problem_arrays(p), p, x, np.zeros(0, dtype=np.int64))
    # then every seat stays
    assert kept.tolist() == x.tolist()
