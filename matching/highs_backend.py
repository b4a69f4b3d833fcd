"""Solving the array model with HiGHS through highspy: whole arrays in, no per-term Python objects.

`relax_and_round` is the optimizer's main path: the LP relaxation (near-totally-unimodular, so usually
integral) gives the bound; fractional leftovers are fixed by a small MIP over their neighbourhood only.
The MIP and column generation can report their figures while they run (`Figures` callbacks).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Callable

import numpy as np

from .formulation import Model

INT_TOL = 1e-6
SIMPLEX_PRIMAL = 4  # HiGHS's simplex_strategy for primal simplex

# progress(objective, bound) in the model's units, either None when unknown; it must not raise (HiGHS calls
# it from C++ during the MIP)
Figures = Callable[[float | None, float | None], None]


def _finite(value: float) -> float | None:
    """HiGHS says "none yet" with infinities (no incumbent, no dual bound before the root LP)."""
    import highspy

    value = float(value)
    return value if math.isfinite(value) and abs(value) < highspy.kHighsInf else None


@contextlib.contextmanager
def quiet_stdout():
    """HiGHS prints a banner on stdout from C++; the package must not print, so fd 1 goes to /dev/null."""
    try:
        saved = os.dup(1)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def new_highs(threads: int | None = None):
    import highspy

    with quiet_stdout():
        h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    if threads:
        h.setOptionValue("threads", int(threads))
    return h


def pass_model(h, model: Model, *, integer: bool, lower=None, upper=None, reduce: bool = False) -> Reduced:
    """Give HiGHS the model; with `reduce`, with the columns that `lower` and `upper` fix taken out (their share
    moved into the row bounds, rows left with no free column dropped): a neighbourhood of a district week frees a
    few percent of a million columns, and HiGHS then reads and presolves only those. Returns how to map HiGHS's
    answer back."""
    import highspy

    lower = model.lower if lower is None else np.asarray(lower, dtype=np.float64)
    upper = model.upper if upper is None else np.asarray(upper, dtype=np.float64)
    reduced = Reduced(model, lower, upper, reduce=reduce)
    csc = reduced.matrix
    lp = highspy.HighsLp()
    lp.num_col_ = reduced.free.size
    lp.num_row_ = csc.shape[0]
    lp.col_cost_ = model.cost[reduced.free]
    lp.col_lower_ = lower[reduced.free]
    lp.col_upper_ = upper[reduced.free]
    lp.row_lower_ = reduced.row_lower
    lp.row_upper_ = reduced.row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = csc.indptr.astype(np.int32)
    lp.a_matrix_.index_ = csc.indices.astype(np.int32)
    lp.a_matrix_.value_ = csc.data
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.offset_ = reduced.fixed_value
    if integer:
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if i else highspy.HighsVarType.kContinuous
            for i in model.integer[reduced.free]
        ]
    h.passModel(lp)
    return reduced


class Reduced:
    """A model with its fixed columns (lower == upper) taken out if `reduce`; `full` maps a point of the rest back."""

    def __init__(self, model: Model, lower: np.ndarray, upper: np.ndarray, *, reduce: bool):
        fixed = (lower == upper) if reduce else np.zeros(model.n_cols, dtype=bool)
        self.free = np.flatnonzero(~fixed)
        self.fixed_at = np.where(fixed, lower, 0.0)
        self.fixed_value = float(model.cost @ self.fixed_at)
        matrix = model.columns()
        used = matrix @ self.fixed_at
        row_lo, row_hi = model.row_bounds()
        sub = matrix[:, self.free]
        keep = np.flatnonzero(np.diff(sub.tocsr().indptr) > 0) if reduce else np.arange(matrix.shape[0])
        dropped = np.ones(matrix.shape[0], dtype=bool)
        dropped[keep] = False
        # a row the fixed columns alone break: what HiGHS would have called infeasible
        self.infeasible = bool(np.any(dropped & ((used < row_lo - INT_TOL) | (used > row_hi + INT_TOL))))
        self.matrix = sub[keep, :].tocsc()
        self.row_lower = (row_lo - used)[keep]
        self.row_upper = (row_hi - used)[keep]
        self.rows = keep  # model row of each row given to HiGHS

    def full(self, values) -> np.ndarray:
        point = self.fixed_at.copy()
        point[self.free] = values
        return point


def status_name(h) -> str:
    return str(h.getModelStatus()).split(".")[-1]


def solve_lp(
    model: Model, *, time_limit: float, threads: int | None = None, method: str = "choose", duals: bool = False
):
    """Return (status, objective, column values) of the LP relaxation, and its row duals if `duals`."""
    h = new_highs(threads)
    h.setOptionValue("time_limit", max(0.01, float(time_limit)))
    h.setOptionValue("solver", method)
    pass_model(h, model, integer=False)
    h.run()
    status = status_name(h)
    if status != "kOptimal":
        return (status, None, None, None) if duals else (status, None, None)
    sol = h.getSolution()
    out = (status, float(h.getInfo().objective_function_value), np.asarray(sol.col_value))
    return (*out, np.asarray(sol.row_dual)) if duals else out


def solve_mip(
    model: Model,
    *,
    time_limit: float,
    gap: float,
    lower=None,
    upper=None,
    threads: int | None = None,
    progress: Figures | None = None,
    start: np.ndarray | None = None,
):
    """Return (status, objective, dual bound, column values or None) of the MIP (bounds may fix columns).

    progress, if given, receives the incumbent and the dual bound whenever HiGHS finds a better plan or
    checks its limits (between nodes); without it HiGHS runs with no callback at all. start: a feasible
    point (all columns) HiGHS begins from, so what it returns is never worse.
    """
    h = new_highs(threads)
    h.setOptionValue("time_limit", max(0.01, float(time_limit)))
    h.setOptionValue("mip_rel_gap", float(gap))
    reduced = pass_model(h, model, integer=True, lower=lower, upper=upper, reduce=True)
    if reduced.infeasible:
        return "kInfeasible", 0.0, 0.0, None
    if start is not None:
        import highspy

        point = highspy.HighsSolution()
        point.col_value = np.asarray(start, dtype=np.float64)[reduced.free]
        point.value_valid = True
        h.setSolution(point)
    if progress is not None:

        def figures(event) -> None:
            progress(_finite(event.data_out.mip_primal_bound), _finite(event.data_out.mip_dual_bound))

        h.cbMipImprovingSolution.subscribe(figures)
        h.cbMipInterrupt.subscribe(figures)
    h.run()
    status = status_name(h)
    info = h.getInfo()
    values = None
    if info.primal_solution_status >= 2:  # a feasible solution exists
        values = reduced.full(np.asarray(h.getSolution().col_value))
    return status, float(info.objective_function_value), float(info.mip_dual_bound), values


def fractional(values: np.ndarray, model: Model) -> np.ndarray:
    n = model.n_x + model.n_y
    v = values[:n]
    return np.flatnonzero((v > INT_TOL) & (v < 1 - INT_TOL))


def lagrangian_bound(
    model: Model, csr_t, y: np.ndarray, choice_rows: np.ndarray, group: np.ndarray, cap: np.ndarray
) -> float:
    """A valid upper bound on the full LP from any row prices y >= 0, tighter than pricing alone.

    The "choice" rows (seats of a shift, one resource per request: unit coefficients, each column in at most
    one) are kept; every other row is priced by y. The relaxed problem then splits per shift: take the `cap`
    columns with the best positive reduced cost. Its value is sum(y * b) over priced rows plus those picks.
    """
    y = np.maximum(y, 0.0)
    y_priced = y.copy()
    y_priced[choice_rows] = 0.0
    _, row_hi = model.row_bounds()
    rc = model.cost - csr_t @ y_priced
    value = float(y_priced[np.isfinite(row_hi)] @ row_hi[np.isfinite(row_hi)])
    free = group < 0
    value += float((np.maximum(rc[free], 0.0) * np.where(np.isinf(model.upper[free]), 0.0, model.upper[free])).sum())
    if np.any(np.isinf(model.upper[free]) & (rc[free] > 1e-9)):
        return np.inf
    idx = np.flatnonzero(~free)
    order = idx[np.lexsort((-rc[idx], group[idx]))]
    g = group[order]
    rank = np.arange(order.size) - np.searchsorted(g, g, "left")
    take = order[(rank < cap[g]) & (rc[order] > 0)]
    return value + float(rc[take].sum())


def column_generation(
    model: Model,
    initial: np.ndarray,
    *,
    time_limit: float,
    threads: int | None = None,
    batch: int = 60_000,
    log=None,
    choice=None,
    stop_gap: float = 0.0,
    progress: Figures | None = None,
):
    """The LP relaxation over all columns, solved on a growing subset priced by reduced cost.

    Only the columns that can improve the LP are ever given to HiGHS: start from `initial` (plus every
    non-pair column), solve, price every column with the row duals (reduced cost c - A'y), add the best
    `batch` with positive reduced cost, repeat until none is left. At every round
    restricted objective + sum of positive reduced costs x upper bound is a valid bound on the full LP
    (a dual-feasible point), so the bound is proven even if the deadline stops the pricing early.

    progress, if given, receives the proven bound after every round (the restricted LP's value is no plan,
    so no objective).

    Returns (status, objective, bound, values over all columns, active mask, rounds, row duals of the last
    optimal round: prices any caller may use as Lagrangian multipliers, zeros if no round finished).
    """
    import time

    import highspy

    start = time.monotonic()
    csc = model.columns()
    csr_t = csc.T.tocsr()  # A' for pricing: rc = c - A'y
    row_lo, row_hi = model.row_bounds()
    n = model.n_cols
    active = np.zeros(n, dtype=bool)
    active[initial] = True
    active[model.n_x + model.n_y :] = True
    active[model.lower > 0] = True
    order = np.flatnonzero(active)  # column position in HiGHS -> model column
    h = new_highs(threads)
    h.setOptionValue("solver", "simplex")
    inf = highspy.kHighsInf
    h.addRows(
        row_lo.size,
        np.where(np.isinf(row_lo), -inf, row_lo),
        np.where(np.isinf(row_hi), inf, row_hi),
        0,
        np.zeros(0, np.int32),
        np.zeros(0, np.int32),
        np.zeros(0),
    )
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)

    def add(cols: np.ndarray) -> None:
        sub = csc[:, cols]
        h.addCols(
            cols.size,
            model.cost[cols],
            model.lower[cols],
            np.where(np.isinf(model.upper[cols]), inf, model.upper[cols]),
            sub.nnz,
            sub.indptr[:-1].astype(np.int32),
            sub.indices.astype(np.int32),
            sub.data,
        )

    add(order)
    rounds, bound, status, obj = 0, np.inf, "kNotset", None
    values = np.zeros(n)  # the last optimal restricted LP point (an interrupted solve is no plan)
    duals = np.zeros(row_lo.size)
    while True:
        rounds += 1
        remaining = time_limit - (time.monotonic() - start)
        if remaining <= 0.05:
            break
        h.setOptionValue("time_limit", float(remaining))
        if rounds == 2:
            # new columns leave the last basis primal feasible: primal simplex goes on from it, where the
            # default dual simplex starts over (district week: 0.1 s against 5 s for the last round)
            h.setOptionValue("simplex_strategy", SIMPLEX_PRIMAL)
        h.run()
        status = status_name(h)
        if status != "kOptimal":
            break
        sol = h.getSolution()
        obj = float(h.getInfo().objective_function_value)
        values = np.zeros(n)
        values[order] = np.asarray(sol.col_value)[: order.size]
        y = np.asarray(sol.row_dual)
        duals = y
        rc = model.cost - csr_t @ y
        rc[active] = 0.0
        positive = np.flatnonzero(rc > 1e-7 * max(1.0, model.scale))
        bound = min(bound, obj + float((rc[positive] * model.upper[positive]).sum()))
        if choice is not None:
            bound = min(bound, lagrangian_bound(model, csr_t, y, *choice))
        if log:
            log.info(
                "column generation round %d: %d columns, LP %.4f, bound %.4f, %d priced in",
                rounds,
                active.sum(),
                obj / model.scale,
                bound / model.scale,
                positive.size,
            )
        if progress is not None:
            progress(None, bound)
        if positive.size == 0:
            bound = obj
            break
        if bound - obj <= stop_gap * abs(bound):
            break  # the bound is already within the requested gap: stop pricing
        take = positive[np.argsort(-rc[positive])[:batch]]
        active[take] = True
        order = np.concatenate([order, take])
        add(take)
    return status, obj, bound, values, active, rounds, duals
