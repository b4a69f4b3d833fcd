"""The fan-out across borders: the bound over all pairs holds against an exact whole solve, the join never loses a
pinned pair, and every step's solver limit fits the run's time limit."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import check, parse_problem
from matching.border import lagrangian_bound
from matching.candidates import build_candidates, problem_arrays
from matching.decompose import (
    JOIN_SECONDS_PER_PAIR,
    join,
    join_reserve,
    piece_time_limit,
    solve_decomposed,
    solve_piece,
    split,
)
from matching.formulation import build_model
from matching_factories import problem_dict, request, resource, shift, volunteer


def _week(seed: int, *, locks=()) -> dict:
    """Three areas 2 km apart, people who may travel 3-5 km: many pairs cross a border."""
    rng = np.random.default_rng(seed)
    areas = ["A", "B", "C"]
    vols = [
        volunteer(
            f"v{i}",
            km=2.0 * (i % 3) + rng.uniform(-0.5, 0.5),
            area=areas[i % 3],
            skills={"patrol": int(rng.integers(1, 4))} if rng.random() < 0.7 else {},
            free=[(d, f"{int(rng.integers(7, 11)):02d}:00", f"{int(rng.integers(14, 21)):02d}:00") for d in (0, 1)],
            max_hours=int(rng.choice([3, 4, 6])),
            max_distance_km=float(rng.choice([3.0, 5.0])),
        )
        for i in range(14)
    ]
    shifts, requests = [], []
    for j in range(12):
        start = int(rng.integers(8, 16))
        extra = {}
        if j % 5 == 0:
            requests.append(
                request(
                    f"q{j}",
                    day=j % 2,
                    start=f"{start:02d}:00",
                    end=f"{start + 2:02d}:00",
                    km=2.0 * (j % 3),
                    area=areas[j % 3],
                )
            )
            extra["resource_request"] = f"q{j}"
        end = f"{start + int(rng.integers(1, 3)):02d}:00"
        shifts.append(
            shift(
                f"s{j}",
                day=j % 2,
                start=f"{start:02d}:00",
                end=end,
                seats=int(rng.integers(1, 4)),
                priority=int(rng.integers(1, 6)),
                km=2.0 * (j % 3) + rng.uniform(-0.5, 0.5),
                area=areas[j % 3],
                skills={"patrol": int(rng.integers(1, 3))} if rng.random() < 0.5 else {},
                **extra,
            )
        )
    resources = [resource("r1", km=0.0, free=[(d, "08:00", "22:00") for d in (0, 1)])]
    return problem_dict(vols, shifts, resources, requests, locks=[{"volunteer": v, "shift": s} for v, s in locks])


def _exact_worker(conn, p) -> None:
    from matching import highs_backend as hb

    model = build_model(p, build_candidates(p), problem_arrays(p))
    status, objective, _, _ = hb.solve_mip(model, time_limit=60, gap=0.0)
    conn.send((status, objective / model.scale))


def _exact_optimum(p) -> float:
    """The whole week's integer optimum in seat units, by HiGHS with no gap (tiny weeks only). In a child, as every
    HiGHS call of the package: HiGHS's threads do not survive a fork, so the parent never starts them."""
    import time

    from matching.supervise import run_with_deadline

    messages, finished = run_with_deadline(_exact_worker, (p,), time.monotonic() + 120)
    assert finished and messages[0][0] == "kOptimal"
    return messages[0][1]


@pytest.mark.parametrize("seed", range(6))
def test_the_bound_over_all_pairs_is_at_least_the_whole_weeks_optimum(seed):
    # given a week of three areas split one piece per area, each piece solved with its prices
    p = parse_problem(_week(seed))
    pieces = split(p, piece_shifts=0)
    assert len(pieces) == 3
    results = [solve_piece(piece, time_limit=10) for piece in pieces]
    # when the pieces' prices bound the whole week, and the pieces are joined without and with the border solve
    cands = build_candidates(p)
    priced = lagrangian_bound(p, cands, problem_arrays(p), [r["prices"] for r in results])["bound"]
    greedy_join = join(p, results, piece_time_limit=10, pieces_seconds=0.0)
    border_join = join(p, results, piece_time_limit=10, pieces_seconds=0.0, time_limit=20)
    # then no plan of the whole week beats either bound, and neither joined plan beats its own bound
    optimum = _exact_optimum(p)
    assert priced >= optimum - 1e-6
    for joined in (greedy_join, border_join):
        assert joined.bound >= optimum - 1e-6
        assert joined.objective <= joined.bound + 1e-9
        assert check(p, joined) == []
    # and the border solve, over every pair of so small a week, finds the whole week's optimum
    assert border_join.objective == pytest.approx(optimum, abs=1e-6)


def test_prices_count_a_cross_border_pair_against_its_persons_time():
    # given: v1 lives in B, where two shifts at the same time want her; a third at that time is across the border in A
    p = parse_problem(
        problem_dict(
            [volunteer("v1", km=2, area="B")],
            [
                shift("a", area="A", priority=5),
                shift("b1", km=2, area="B", priority=5),
                shift("b2", km=2, area="B", priority=5),
            ],
        )
    )
    results = [solve_piece(piece, time_limit=10) for piece in split(p, piece_shifts=0)]
    # when the whole week is bounded with B's prices
    bound = lagrangian_bound(p, build_candidates(p), problem_arrays(p), [r["prices"] for r in results])
    # then B's price of v1's morning counts against A's shift too: one seat in all, not two (the soft rules add
    # less than one seat)
    assert 5.0 <= bound["bound"] < 6.0


def test_prices_count_a_cross_border_pair_against_its_persons_hours_hull():
    # given: v1 (4 h) lives in B, where two 2 h shifts and a 2.5 h one want her; a 2.5 h shift across the border in A
    # is worth more than any, but no plan gives her a 2.5 h shift and another (4.5 h or more)
    p = parse_problem(
        problem_dict(
            [volunteer("v1", km=2, area="B", max_hours=4)],
            [
                shift("a", area="A", start="08:00", end="10:30", priority=5),
                shift("b1", km=2, area="B", start="11:00", end="13:00", priority=3),
                shift("b2", km=2, area="B", start="14:00", end="16:00", priority=3),
                shift("b3", km=2, area="B", start="17:00", end="19:30", priority=4),
            ],
        )
    )
    results = [solve_piece(piece, time_limit=10) for piece in split(p, piece_shifts=0)]
    prices = [r["prices"] for r in results]
    assert any(price.get("hull") for price in prices)  # B's piece priced her hours' hull row
    # when the whole week is bounded with those prices, and without the hull's
    bound = lagrangian_bound(p, build_candidates(p), problem_arrays(p), prices)["bound"]
    unhulled = lagrangian_bound(p, build_candidates(p), problem_arrays(p), [{**q, "hull": []} for q in prices])
    # then the bound holds the best plan (both 2 h shifts) and is tighter than without the hull's prices
    assert _exact_optimum(p) - 1e-6 <= bound < unhulled["bound"]


def test_the_join_keeps_every_pinned_pair():
    # given a week where a person of area A is pinned to a shift in B, and one of B to the least valued shift she
    # could take (pairs an unpinned plan would not all choose)
    free = parse_problem(_week(3))
    cands = build_candidates(free)
    vols, shifts = free.volunteers, free.shifts
    pairs = [(vols[v].id, shifts[s].id) for v, s in zip(cands.vol, cands.shift, strict=True)]
    across = next(
        (v, s)
        for v, s in pairs
        if free.volunteers[free.volunteer_index()[v]].area == "A" and free.shifts[free.shift_index()[s]].area == "B"
    )
    low = min(
        (
            pair
            for pair in pairs
            if pair[0] != across[0]
            and pair[1] != across[1]
            and free.volunteers[free.volunteer_index()[pair[0]]].area == "B"
        ),
        key=lambda pair: free.shifts[free.shift_index()[pair[1]]].priority,
    )
    p = parse_problem(_week(3, locks=[across, low]))
    # when it is fanned out and joined with the border solve
    solution = solve_decomposed(p, time_limit=30, piece_shifts=0)
    # then both pinned pairs are in the plan, which keeps every rule
    assert {across, low} <= set(solution.assignments)
    assert check(p, solution) == []


@pytest.mark.parametrize(
    ("time_limit", "pieces", "workers", "pairs"),
    [(30, 3, 2, 0), (300, 10, 2, 13_000_000), (60, 12, 4, 1_200_000), (10, 1, 2, 0)],
)
def test_every_steps_limit_fits_the_runs_limit(time_limit, pieces, workers, pairs):
    # given the shares of a run's time limit
    per_piece = piece_time_limit(time_limit, pieces, workers, pairs=pairs)
    waves = -(-pieces // workers)
    # then the pieces, wave after wave, end before the join's reserve begins, which covers enumerating the pairs
    assert waves * per_piece + join_reserve(time_limit, pairs) <= time_limit
    assert join_reserve(time_limit, pairs) >= min(0.8 * time_limit, JOIN_SECONDS_PER_PAIR * pairs)


def test_the_joined_runs_solver_limits_add_up_within_its_time_limit():
    # given a week in three pieces on two workers
    p = parse_problem(_week(5))
    # when it is fanned out with a 20 s limit
    solution = solve_decomposed(p, time_limit=20, piece_shifts=0, workers=2)
    # then the join is given what the pieces left of it, and the border solve no more than the join
    shares = solution.metrics["time_shares"]
    assert shares["piece_waves"] == 2
    assert shares["join"] <= 20 - shares["pieces_seconds"]
    assert 0 < shares["border"] <= shares["join"]
    assert solution.metrics["border_solve"] == "finished"


@pytest.mark.parametrize("seed", range(6))
def test_the_pieces_summaries_bound_the_week_as_the_whole_enumeration_does(seed):
    # given a week of three areas, each piece solved with its prices and its summary of its own pairs
    from matching.border import join_candidates
    from matching.decompose import _pieces_of

    p = parse_problem(_week(seed))
    results = [solve_piece(piece, time_limit=10) for piece in split(p, piece_shifts=0)]
    of_vol, of_shift = _pieces_of(p, results)
    plan = sorted({tuple(a) for r in results for a in r["assignments"]})
    arrays = problem_arrays(p)
    every = build_candidates(p)
    # when the join builds only the pairs across borders, into open seats and of the plan
    some = join_candidates(p, of_vol, of_shift, plan)
    prices = [r["prices"] for r in results]
    whole = lagrangian_bound(p, every, arrays, prices)
    partial = lagrangian_bound(p, some, arrays, prices, [r["inside"] for r in results], of_vol, of_shift)
    # then it holds every such pair of the week and no pair that is not one
    pairs = set(zip(every.vol.tolist(), every.shift.tolist(), strict=True))
    built = set(zip(some.vol.tolist(), some.shift.tolist(), strict=True))
    assert built <= pairs
    vidx, sidx = p.volunteer_index(), p.shift_index()
    taken = np.bincount([sidx[s] for _, s in plan], minlength=len(p.shifts))
    wanted = {(v, s) for v, s in pairs if of_vol[v] != of_shift[s] or taken[s] < p.shifts[s].seats} | {
        (vidx[v], sidx[s]) for v, s in plan
    }
    assert wanted <= built
    # and the bound from the summaries is the bound over every pair (the soft rules' allowance apart), and no plan
    # of the week beats it
    assert partial["primary"] == pytest.approx(whole["primary"], abs=1e-6)
    assert partial["bound"] >= _exact_optimum(p) - 1e-6


def test_a_piece_without_a_summary_counts_its_seats_at_their_priority():
    # given a week of three areas whose first piece sent nothing (it failed)
    from matching.border import join_candidates
    from matching.decompose import _pieces_of

    p = parse_problem(_week(2))
    results = [solve_piece(piece, time_limit=10) for piece in split(p, piece_shifts=0)]
    of_vol, of_shift = _pieces_of(p, results)
    plan = sorted({tuple(a) for r in results[1:] for a in r["assignments"]})
    some = join_candidates(p, of_vol, of_shift, plan)
    inside = [{}] + [r["inside"] for r in results[1:]]
    prices = [{}] + [r["prices"] for r in results[1:]]
    # when the week is bounded from the others
    bound = lagrangian_bound(p, some, problem_arrays(p), prices, inside, of_vol, of_shift)
    # then the bound still holds, and counts at least every seat of the silent piece at its priority
    silent = sum(
        p.shifts[p.shift_index()[sid]].seats * p.shifts[p.shift_index()[sid]].priority for sid in results[0]["shifts"]
    )
    assert bound["bound"] >= _exact_optimum(p) - 1e-6
    assert bound["primary"] >= silent


def test_a_week_too_large_to_enumerate_is_joined_from_its_border_pairs(monkeypatch):
    # given a week of three areas, where the join may not enumerate every pair
    import matching.decompose as decompose

    monkeypatch.setattr(decompose, "WHOLE_BORDER_PAIRS", 1)
    p = parse_problem(_week(4))
    # when it is fanned out and joined
    solution = solve_decomposed(p, time_limit=30, piece_shifts=0)
    # then the join built only the pairs across borders, into open seats and of the plan, its plan keeps every rule,
    # and its bound (from the pieces' prices and summaries) is no less than the week's optimum
    assert solution.metrics["join_pairs"] == "across borders, into open seats and the plan"
    assert check(p, solution) == []
    assert "pieces' prices" in solution.metrics["bounds"]
    assert solution.bound >= _exact_optimum(p) - 1e-6
    assert solution.objective <= solution.bound + 1e-9


@settings(max_examples=200, deadline=None)
@given(
    box=st.lists(st.tuples(st.floats(20, 45), st.floats(100, 125)), min_size=1, max_size=6),
    person=st.tuples(st.floats(19, 46), st.floats(99, 126)),
    limit=st.floats(0.5, 400),
)
def test_nobody_in_reach_of_a_shift_is_left_out_of_its_pieces_reach(box, person, limit):
    # given shifts at `box` and a person at `person` who travels up to `limit` km
    from types import SimpleNamespace

    from matching.border import _near
    from matching.geo import distance_km

    lat, lng = np.radians([b[0] for b in box]), np.radians([b[1] for b in box])
    table = SimpleNamespace(
        lat=np.radians([person[0]]), lng=np.radians([person[1]]), limit=np.array([limit], dtype=float)
    )
    # when the join takes the people who could reach the shifts' box
    kept = _near(table, lat, lng, np.array([0]))
    # then a person within reach of any of the shifts is kept
    if min(distance_km(person[0], person[1], a, b) for a, b in box) <= limit:
        assert kept.tolist() == [0]
