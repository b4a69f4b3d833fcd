"""Sub-district decomposition: pieces solved in parallel, joined plan passes check, borders refilled."""
from matching import check, parse_problem
from matching.decompose import solve_decomposed, split
from matching.generate import generate
from matching_factories import problem, shift, volunteer


def test_pieces_partition_the_week():
    p = parse_problem(generate("small", 1))
    pieces = split(p)
    assert len(pieces) == 1 and len(split(p, piece_shifts=0)) == 1
    assert sum(len(x.shifts) for x in pieces) == len(p.shifts)
    assert sum(len(x.volunteers) for x in pieces) == len(p.volunteers)


def test_border_fill_uses_a_neighbour_from_another_area():
    # given: the only volunteer lives in area B, the shift is in area A, 2 km away
    p = problem([volunteer("v1", km=2, area="B")], [shift("s1", area="A"), shift("s2", km=2, area="B", start="13:00",
                                                                                    end="14:00")])
    # when
    solution = solve_decomposed(p, time_limit=30, piece_shifts=0)
    # then
    assert ("v1", "s1") in solution.assignments and ("v1", "s2") in solution.assignments
    assert solution.metrics["border_filled_seats"] == 1
    assert check(p, solution) == []


def test_decomposed_small_week_passes_check():
    p = parse_problem(generate("small", 2))
    solution = solve_decomposed(p, time_limit=30)
    assert check(p, solution) == []
    assert solution.metrics["filled_seats"] > 0
