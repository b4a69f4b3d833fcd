"""The size of a week before it is solved: pairs from a sample of its shifts, and the memory of one solve."""

from matching import parse_problem
from matching.candidates import build_candidates
from matching.generate import generate
from matching.sizing import estimate, memory_mib


def test_a_week_of_up_to_the_sample_is_counted_exactly():
    # given a small week (125 shifts)
    p = parse_problem(generate("small", 1))
    # when
    size = estimate(p)
    # then
    assert (size.shifts, size.pairs) == (125, build_candidates(p).n_pairs)
    assert size.memory_mib == memory_mib(size.pairs)


def test_a_larger_week_is_estimated_from_every_kth_shift():
    # given the small week, sampled at every 2nd of its 125 shifts
    p = parse_problem(generate("small", 1))
    exact = build_candidates(p).n_pairs
    # when
    size = estimate(p, sample=63)
    # then the scaled-up count is near the real one (the district week: 1,128,160 for 1,167,195)
    assert (size.shifts, exact, size.pairs) == (125, 2482, 2474)


def test_memory_grows_with_the_pairs_from_a_base():
    assert memory_mib(0) == 256.0
    assert memory_mib(1_000_000) == 256.0 + 1300.0
