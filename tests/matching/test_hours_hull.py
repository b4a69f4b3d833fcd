"""The hours hull: facets of how many shifts of each length fit in a person's hours, added to tighten the LP."""

from itertools import product

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from matching import Status, solve
from matching.candidates import VolunteerTable, build_candidates, problem_arrays
from matching.formulation import build_model, hours_hull
from matching.highs_backend import solve_lp
from matching.highs_strategies import primary_model
from matching_factories import problem, shift, volunteer


def integer_points(lengths, max_minutes):
    ranges = [range(max_minutes // n + 1) for n in lengths]
    return [p for p in product(*ranges) if np.dot(p, lengths) <= max_minutes]


@settings(max_examples=60, deadline=None)
@given(
    lengths=st.lists(st.sampled_from([60, 90, 120, 150, 180, 240, 300]), min_size=2, max_size=4, unique=True),
    max_minutes=st.sampled_from([180, 240, 300, 360, 480, 600]),
    weights=st.lists(st.integers(0, 9), min_size=4, max_size=4),
)
def test_the_facets_with_the_hours_and_count_rows_give_exactly_the_integer_best(lengths, max_minutes, weights):
    """Valid: no shift pattern that fits is cut off. Exact: the LP over hours, count and facet rows is no better
    than the best pattern that fits, whatever the shifts are worth."""
    lengths = sorted(lengths)
    if lengths[0] > max_minutes:
        return
    lengths = [n for n in lengths if n <= max_minutes]
    points = integer_points(lengths, max_minutes)
    facets = hours_hull(tuple(lengths), max_minutes)
    for coef, rhs in facets:
        assert all(np.dot(coef, p) <= rhs for p in points)
    value = np.array(weights[: len(lengths)], dtype=float)
    count = max(sum(p) for p in points)
    rows = [lengths, [1] * len(lengths), *[list(c) for c, _ in facets]]
    rhs = [max_minutes, count, *[b for _, b in facets]]
    lp = linprog(-value, A_ub=rows, b_ub=rhs, bounds=[(0, None)] * len(lengths), method="highs")
    best = max(np.dot(value, p) for p in points)
    assert -lp.fun <= best + 1e-6


def test_two_and_a_half_hours_twice_do_not_fit_in_four():
    """4 h with shifts of 2 h and 2.5 h: two 2 h shifts or one 2.5 h one, never 1.6 of the longer."""
    assert hours_hull((120, 150), 240) == (((1, 2), 2),)
    assert hours_hull((120, 180), 180) == ()  # one shift whatever its length: the count row says it


def four_hours_and_long_shifts():
    """Ada has 4 h: a 2.5 h shift worth 5, or two 2 h shifts worth 3 each."""
    return problem(
        volunteers=[volunteer("ada", max_hours=4)],
        shifts=[
            shift("a", start="08:00", end="10:30", priority=5),
            shift("b", start="11:00", end="13:00", priority=3),
            shift("c", start="14:00", end="16:00", priority=3),
        ],
    )


def test_the_lp_of_a_week_knows_the_long_shifts_do_not_fit_twice():
    p = four_hours_and_long_shifts()
    cands = build_candidates(p, VolunteerTable(p))
    model = primary_model(build_model(p, cands, problem_arrays(p)))
    assert "hours_hull" in {b.rule for b in model.blocks}
    status, value, _ = solve_lp(model, time_limit=10)
    # without the hull the LP gives her 1.6 of the long shift (4 h, two shifts at most): 8; a plan gives 6
    assert status == "kOptimal" and value == 6.0


def test_a_week_whose_lp_meets_the_plan_is_proven_optimal():
    solution = solve(four_hours_and_long_shifts(), time_limit=20)
    assert solution.status == Status.OPTIMAL
    assert sorted(shift for _, shift in solution.assignments) == ["b", "c"]
