"""A first-come greedy plan: the baseline the optimizer must beat and the fallback when a solver overruns.

Requests are booked first (highest priority, then earliest, nearest resource); then shifts are staffed in
order of priority and start, each seat going to the best-scoring candidate who is still free and has hours.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .candidates import Arrays, Candidates
from .problem import Problem


class PlanState:
    """Who is busy when, hours used, seats taken and resources booked: incremental feasibility checks."""

    def __init__(self, problem: Problem, cands: Candidates, arrays: Arrays):
        self.problem, self.cands, self.arrays = problem, cands, arrays
        self.busy: dict[int, list[tuple[int, int]]] = {}
        self.minutes = np.zeros(len(problem.volunteers), dtype=np.int64)
        self.taken = np.zeros(len(problem.shifts), dtype=np.int64)
        self.booked: dict[int, list[tuple[int, int]]] = {}
        self.met = np.zeros(len(problem.resource_requests), dtype=bool)
        self.x: set[int] = set()
        self.y: set[int] = set()

    def can_assign(self, j: int) -> bool:
        v, s = int(self.cands.vol[j]), int(self.cands.shift[j])
        a = self.arrays
        if self.taken[s] >= a.s_seats[s] or self.minutes[v] + a.s_minutes[s] > a.v_max_minutes[v]:
            return False
        q = a.s_request[s]
        if q >= 0 and not self.met[q]:
            return False
        start, end = a.s_start[s], a.s_end[s]
        return all(end <= b0 or e0 <= start for b0, e0 in self.busy.get(v, ()))

    def assign(self, j: int) -> None:
        v, s = int(self.cands.vol[j]), int(self.cands.shift[j])
        self.busy.setdefault(v, []).append((int(self.arrays.s_start[s]), int(self.arrays.s_end[s])))
        self.minutes[v] += self.arrays.s_minutes[s]
        self.taken[s] += 1
        self.x.add(j)

    def unassign(self, j: int) -> None:
        v, s = int(self.cands.vol[j]), int(self.cands.shift[j])
        self.busy[v].remove((int(self.arrays.s_start[s]), int(self.arrays.s_end[s])))
        self.minutes[v] -= self.arrays.s_minutes[s]
        self.taken[s] -= 1
        self.x.discard(j)

    def can_book(self, k: int) -> bool:
        r, q = int(self.cands.res[k]), int(self.cands.req[k])
        if self.met[q]:
            return False
        start, end = self.arrays.q_start[q], self.arrays.q_end[q]
        return all(end <= b0 or e0 <= start for b0, e0 in self.booked.get(r, ()))

    def book(self, k: int) -> None:
        r, q = int(self.cands.res[k]), int(self.cands.req[k])
        self.booked.setdefault(r, []).append((int(self.arrays.q_start[q]), int(self.arrays.q_end[q])))
        self.met[q] = True
        self.y.add(k)


def greedy_fill(state: PlanState, shifts: np.ndarray | None = None) -> PlanState:
    """Fill remaining seats of `shifts` (all, by priority then start, if None) from their candidates."""
    problem, cands, a = state.problem, state.cands, state.arrays
    if cands.n_pairs == 0:
        return state
    order = np.lexsort((-cands.bonus, cands.shift))
    sorted_shift = cands.shift[order]
    first = np.searchsorted(sorted_shift, np.arange(len(problem.shifts)), "left")
    last = np.searchsorted(sorted_shift, np.arange(len(problem.shifts)), "right")
    if shifts is None:
        shifts = np.lexsort((a.s_start, -a.s_priority))
    for s in shifts:
        need = a.s_seats[s] - state.taken[s]
        if need <= 0:
            continue
        q = a.s_request[s]
        if q >= 0 and not state.met[q]:
            continue
        for j in order[first[s] : last[s]]:
            if state.can_assign(int(j)):
                state.assign(int(j))
                need -= 1
                if need == 0:
                    break
    return state


def greedy_book(state: PlanState) -> PlanState:
    cands, a = state.cands, state.arrays
    if cands.res.size == 0:
        return state
    for k in np.lexsort((-cands.res_bonus, a.q_start[cands.req], -a.q_priority[cands.req])):
        if state.can_book(int(k)):
            state.book(int(k))
    return state


def greedy_plan(problem: Problem, cands: Candidates, arrays: Arrays, locked: Sequence[int] = ()) -> PlanState:
    state = PlanState(problem, cands, arrays)
    locked_shifts = {int(cands.shift[j]) for j in locked if j >= 0}
    # requests of locked shifts first, so the locked people can keep their seats
    needed = {int(arrays.s_request[s]) for s in locked_shifts if arrays.s_request[s] >= 0}
    if needed and cands.res.size:
        for k in np.flatnonzero(np.isin(cands.req, list(needed))):
            if state.can_book(int(k)):
                state.book(int(k))
    greedy_book(state)
    for j in locked:
        if j >= 0 and state.can_assign(int(j)):
            state.assign(int(j))
    return greedy_fill(state)
