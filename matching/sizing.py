"""How big a week is before it is solved: an estimate of its candidate pairs and of the memory one solve of it
needs, so that a caller can decide whether one process holds it whole or it must be split (decompose).

The estimate runs candidate generation on an even sample of the shifts and scales up; memory per pair was
measured on district weeks (1.17M pairs: 1.0-1.7 GiB for the whole process tree, 0.25 GiB of it before the
solver starts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .candidates import VolunteerTable, build_candidates
from .problem import Problem

SAMPLE_SHIFTS = 300
BASE_MIB = 256.0  # the process, the problem and the volunteer table
MIB_PER_MILLION_PAIRS = 1300.0  # candidates, the model's arrays, HiGHS and the child's copy, per million pairs


@dataclass(frozen=True)
class Size:
    shifts: int
    pairs: int  # estimated feasible volunteer-shift pairs
    memory_mib: float  # estimated peak memory of one whole solve (all its processes)


def memory_mib(pairs: int) -> float:
    """Peak memory of one whole solve of a week with this many pairs."""
    return BASE_MIB + MIB_PER_MILLION_PAIRS * pairs / 1e6


def estimate(problem: Problem, *, sample: int = SAMPLE_SHIFTS) -> Size:
    """Pairs of an even sample of the shifts (every k-th), scaled to all of them; exact up to `sample` shifts."""
    shifts = problem.shifts
    if not shifts:
        return Size(0, 0, memory_mib(0))
    step = max(1, math.ceil(len(shifts) / sample))
    picked = shifts[::step]
    # the sample's locks and forbidden pairs would name absent shifts; they change a count by a pair or two
    part = replace(problem, shifts=picked, locks=(), forbidden=())
    pairs = build_candidates(part, VolunteerTable(part)).n_pairs
    total = round(pairs * len(shifts) / len(picked))
    return Size(len(shifts), total, memory_mib(total))
