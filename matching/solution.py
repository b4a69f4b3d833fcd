"""The result of a matching run: a frozen Solution with status, objective, bound and gap, the plan,
every unfilled seat with its reasons, and what each soft rule contributed (the score analysis); and the
interim `Progress` figures reported while a run is still solving."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypedDict

from .errors import ProblemError
from .problem import read_json

# A plan is called optimal only when its proven relative gap is within the solver's own tolerance (HiGHS's
# default mip_rel_gap): "no better plan exists" up to rounding, never "close enough for this run".
OPTIMAL_GAP = 1e-4
# What solve() aims for by default: it keeps improving until the proven gap is this small or the time is up.
DEFAULT_GAP = 5e-4


class Status(StrEnum):
    OPTIMAL = "optimal"  # proven optimal: gap at most OPTIMAL_GAP
    WITHIN_GAP = "within_gap"  # proven within the requested gap (larger than OPTIMAL_GAP); `gap` says how far
    FEASIBLE = "feasible"  # a valid plan, not proven within the requested gap
    TIME_LIMIT = "time_limit"  # the deadline came first: the best plan known by then (greedy at worst)
    INFEASIBLE = "infeasible"  # the locks cannot all be kept; no plan


def status_for(gap: float, *, requested: float, finished: bool = True) -> Status:
    """The honest status of a plan from its proven gap: optimal only within the solver's tolerance, whether
    the deadline came first or not (the bound proves it either way); otherwise the deadline says time_limit,
    and a finished solve says within_gap or feasible by the gap that was asked for."""
    if gap <= OPTIMAL_GAP + 1e-12:
        return Status.OPTIMAL
    if not finished:
        return Status.TIME_LIMIT
    return Status.WITHIN_GAP if gap <= requested + 1e-12 else Status.FEASIBLE


@dataclass(frozen=True)
class Reason:
    code: str  # no_skill_in_range | no_one_free | all_busy | all_at_hour_limit | no_room
    message: str
    skill: str | None = None
    level: int | None = None
    count: int | None = None  # how many people the reason is about (no_one_free, all_busy, ...)


@dataclass(frozen=True)
class Unfilled:
    shift: str
    missing: int
    reasons: tuple[Reason, ...] = ()
    suggestion: str = ""  # the smallest change that would fill the seats


@dataclass(frozen=True)
class Solution:
    status: Status
    objective: float  # priority-weighted seats + met requests, plus soft rules scaled below one seat
    bound: float  # proven upper bound on the objective (same units)
    gap: float  # (bound - objective) / bound: how far from the best plan at most
    seconds: float
    solver: str
    assignments: tuple[tuple[str, str], ...]  # (volunteer, shift)
    resource_assignments: tuple[tuple[str, str], ...]  # (resource, request)
    unfilled: tuple[Unfilled, ...] = ()
    metrics: Mapping[str, Any] = field(default_factory=dict)
    moved: int | None = None  # repair only: people moved from their published shift
    message: str = ""

    def to_dict(self) -> dict:
        out = {
            "status": self.status.value,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "seconds": round(self.seconds, 3),
            "solver": self.solver,
            "assignments": [{"volunteer": v, "shift": s} for v, s in self.assignments],
            "resource_assignments": [{"resource": r, "request": q} for r, q in self.resource_assignments],
            "unfilled": [
                {
                    "shift": u.shift,
                    "missing": u.missing,
                    "reasons": [{k: v for k, v in r.__dict__.items() if v is not None} for r in u.reasons],
                    "suggestion": u.suggestion,
                }
                for u in self.unfilled
            ],
            "metrics": dict(self.metrics),
        }
        if self.moved is not None:
            out["moved"] = self.moved
        if self.message:
            out["message"] = self.message
        return out

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


class Progress(TypedDict, total=False):
    """What a `progress` callback receives while solving, in the units of `Solution` (seat units)."""

    phase: str  # "greedy" (the fallback plan, before the solver starts) | "solving"
    objective: float | None  # the best plan known so far (never below the greedy plan's)
    bound: float | None  # the best proven upper bound so far (at first the trivial one)
    gap: float | None  # (bound - objective) / bound, as Solution.gap; None while either is unknown
    seconds: float  # since the call started
    pieces_done: int  # solve_decomposed only: pieces finished ...
    pieces_total: int  # ... out of this many


def progress_report(phase: str, objective: float | None, bound: float | None, seconds: float, **extra: Any) -> Progress:
    """One progress dict; the gap is computed as for a Solution (the bound never below the objective)."""
    gap = None
    if objective is not None and bound is not None:
        bound = max(bound, objective)
        gap = round((bound - objective) / bound, 9) if bound > 0 else 0.0
    report = Progress(
        phase=phase,
        objective=None if objective is None else round(float(objective), 9),
        bound=None if bound is None else round(float(bound), 9),
        gap=gap,
        seconds=round(seconds, 3),
    )
    report.update(extra)  # type: ignore[typeddict-item]  # the few optional keys a caller adds (pieces_done, ...)
    return report


def solution_from_dict(data: Any) -> Solution:
    """Read a solution file (only the fields `check` and `repair` need are required)."""
    if not isinstance(data, Mapping):
        raise ProblemError("solution: expected a JSON object at the top level")

    def pairs(key: str, a: str, b: str) -> tuple[tuple[str, str], ...]:
        items = data.get(key, [])
        if not isinstance(items, list):
            raise ProblemError(f"{key}: expected a list")
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, Mapping) or a not in item or b not in item:
                raise ProblemError(f'{key}[{i}]: expected {{"{a}", "{b}"}}')
            out.append((str(item[a]), str(item[b])))
        return tuple(out)

    if "assignments" not in data:
        raise ProblemError("assignments: missing field")
    try:
        status = Status(data.get("status", "feasible"))
    except ValueError:
        raise ProblemError(f"status: unknown status {data.get('status')!r}") from None
    return Solution(
        status=status,
        objective=float(data.get("objective", 0.0)),
        bound=float(data.get("bound", 0.0)),
        gap=float(data.get("gap", 0.0)),
        seconds=float(data.get("seconds", 0.0)),
        solver=str(data.get("solver", "")),
        assignments=pairs("assignments", "volunteer", "shift"),
        resource_assignments=pairs("resource_assignments", "resource", "request"),
        metrics=dict(data.get("metrics", {})),
    )


def load_solution(path: str) -> Solution:
    data = read_json(path)
    return solution_from_dict(data)
