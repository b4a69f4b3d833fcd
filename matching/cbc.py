"""How CBC solves a week, run in the solver's child process (see `supervise`): the whole model through PuLP
with named rows, `sol_status` read (never `status` alone), and the proven bound parsed from CBC's log.
"""

from __future__ import annotations

import os
import re
import tempfile
import time

import numpy as np

from .formulation import build_model


def _parse_cbc_bound(path: str, objective: float, proven: bool) -> float | None:
    """CBC's proven bound from its log, in the model's (maximised) units."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return None
    found = re.findall(r"Exiting as integer gap of\s+(-?[\d.eE+-]+)", text)
    if found:
        return objective + abs(float(found[-1]))
    found = re.findall(r"Lower bound:\s+(-?[\d.eE+-]+)", text)
    if found:
        return -float(found[-1])
    if proven:
        return objective
    found = re.findall(r"best possible\s+(-?[\d.eE+-]+)", text)
    return -float(found[-1]) if found else None


def cbc_worker(conn, problem, cands, arrays, warm, seconds: float, gap: float, threads, live: bool = False) -> None:
    """The whole MIP through PuLP's CBC (`highs_worker`'s arguments). CBC runs as a separate program and tells
    nothing until it ends: no live figures, and the greedy plan `warm` is not passed on."""
    import pulp

    from .formulation import to_pulp

    start = time.monotonic()
    model = build_model(problem, cands, arrays)  # built in the child, so the deadline covers the build too
    conn.send(("info", {"columns": model.n_cols, "rows": model.n_rows}))
    prob, cols = to_pulp(model, problem.name or "weekly_matching")
    with tempfile.TemporaryDirectory() as tmp:
        log_path = os.path.join(tmp, "cbc.log")
        remaining = seconds - (time.monotonic() - start)
        cmd = pulp.PULP_CBC_CMD(
            msg=False, timeLimit=max(1, int(remaining)), gapRel=gap, threads=threads, logPath=log_path
        )
        prob.solve(cmd)
        objective = pulp.value(prob.objective) or 0.0
        upper = _parse_cbc_bound(log_path, objective, prob.sol_status == pulp.LpSolutionOptimal)
    if prob.sol_status == pulp.LpSolutionInfeasible or prob.status == pulp.LpStatusInfeasible:
        conn.send(("infeasible", None))
        return
    if prob.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        conn.send(("failed", pulp.LpStatus[prob.status]))
        return
    values = np.array([c.varValue or 0.0 for c in cols[: model.n_x + model.n_y]])
    x = np.flatnonzero(values[: model.n_x] > 0.5)
    y = np.flatnonzero(values[model.n_x :] > 0.5)
    optimal = prob.sol_status == pulp.LpSolutionOptimal
    bound = upper / model.scale if upper is not None else None
    conn.send(("plan", {"x": x, "y": y, "bound": bound, "final": True, "phase": "cbc", "proven": optimal}))
