"""Weekly volunteer and resource matching: a pure Python optimizer (no Django) built on PuLP and HiGHS.

Public API: parse_problem / load_problem, solve (with live `Progress` reports), repair, check, generate,
allocate_posts.
"""

from .check import check
from .errors import ProblemError
from .generate import generate
from .problem import Problem, load_problem, parse_problem, problem_to_dict
from .solution import (
    DEFAULT_GAP,
    OPTIMAL_GAP,
    Progress,
    Reason,
    Solution,
    Status,
    Unfilled,
    load_solution,
    solution_from_dict,
)
from .solve import solve

__all__ = [
    "DEFAULT_GAP",
    "OPTIMAL_GAP",
    "Problem",
    "ProblemError",
    "Progress",
    "Reason",
    "Solution",
    "Status",
    "Unfilled",
    "check",
    "generate",
    "load_problem",
    "load_solution",
    "parse_problem",
    "problem_to_dict",
    "solution_from_dict",
    "solve",
]
