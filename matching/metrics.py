"""Scoring a plan: the objective in seat units, and what each soft rule contributed (score analysis)."""

from __future__ import annotations

import numpy as np

from .candidates import Arrays, Candidates
from .formulation import FAIRNESS_STEPS
from .problem import Problem


def fairness_cost(problem: Problem, shifts_per_vol: np.ndarray) -> float:
    steps = np.array(FAIRNESS_STEPS)
    extra = np.maximum(shifts_per_vol - 1, 0)
    per = (
        np.array([steps[1 : min(n, 3) + 1].sum() + max(0, n - 3) * steps[-1] for n in range(int(extra.max()) + 1)])
        if extra.size and extra.max() > 0
        else np.zeros(1)
    )
    return float(problem.weights.fairness * per[extra].sum())


def score(problem: Problem, cands: Candidates, arrays: Arrays, scale: float, x: np.ndarray, y: np.ndarray) -> dict:
    """Objective = priority-weighted seats and requests + (soft bonuses - fairness cost) / K, K from the model."""
    x = np.asarray(sorted(x), dtype=np.int64)
    y = np.asarray(sorted(y), dtype=np.int64)
    primary_seats = float(arrays.s_priority[cands.shift[x]].sum())
    primary_requests = float(arrays.q_priority[cands.req[y]].sum()) if y.size else 0.0
    per_vol = np.bincount(cands.vol[x], minlength=len(problem.volunteers))
    fair = fairness_cost(problem, per_vol)
    bonus = float(cands.bonus[x].sum()) + (float(cands.res_bonus[y].sum()) if y.size else 0.0)
    primary = primary_seats + primary_requests
    return {"objective": primary + (bonus - fair) / scale, "primary": primary, "bonus": bonus, "fairness": fair}


def plan_metrics(problem: Problem, cands: Candidates, arrays: Arrays, x: np.ndarray, y: np.ndarray) -> dict:
    x = np.asarray(sorted(x), dtype=np.int64)
    y = np.asarray(sorted(y), dtype=np.int64)
    w = problem.weights
    minutes = (
        np.bincount(cands.vol[x], weights=arrays.s_minutes[cands.shift[x]], minlength=len(problem.volunteers)) / 60.0
    )
    per_vol = np.bincount(cands.vol[x], minlength=len(problem.volunteers))
    used = minutes[per_vol > 0]
    hours_sorted = np.sort(used)
    gini = 0.0
    if used.size and used.sum() > 0:
        n = used.size
        gini = float((2 * np.arange(1, n + 1) - n - 1) @ hours_sorted / (n * hours_sorted.sum()))
    filled = np.bincount(cands.shift[x], minlength=len(problem.shifts))
    weighted_total = float((arrays.s_seats * arrays.s_priority).sum() + arrays.q_priority.sum())
    # for dashboards: seats and filled seats per priority, and how many people serve how many whole hours
    by_priority = {}
    for p in sorted({int(v) for v in arrays.s_priority}):
        of_p = arrays.s_priority == p
        by_priority[str(p)] = {
            "seats": int(arrays.s_seats[of_p].sum()),
            "filled": int(np.minimum(filled, arrays.s_seats)[of_p].sum()),
        }
    hours_histogram = (
        {str(h): int(n) for h, n in enumerate(np.bincount(np.floor(used).astype(np.int64))) if n} if used.size else {}
    )
    return {
        "filled_seats": int(x.size),
        "total_seats": int(arrays.s_seats.sum()),
        "weighted_filled": float(
            (arrays.s_priority[cands.shift[x]]).sum() + arrays.q_priority[cands.req[y]].sum()
            if y.size
            else (arrays.s_priority[cands.shift[x]]).sum()
        ),
        "weighted_total": weighted_total,
        "shifts_fully_staffed": int((filled >= arrays.s_seats).sum()),
        "requests_met": int(y.size),
        "requests_total": len(problem.resource_requests),
        "volunteers_used": int((per_vol > 0).sum()),
        "soft_rules": {
            "keep_post_holders": {"pairs": int(cands.keep[x].sum()), "value": float(w.keep * cands.keep[x].sum())},
            "closeness": {
                "mean_distance_km": float(cands.dist_km[x].mean()) if x.size else 0.0,
                "value": float(w.distance * cands.closeness[x].sum()),
            },
            "skill_fit": {
                "mean_fit": float(cands.fit[x].mean()) if x.size else 0.0,
                "value": float(w.skill * cands.fit[x].sum()),
            },
            "preferences": {"honoured": int(cands.pref[x].sum()), "value": float(w.preference * cands.pref[x].sum())},
            "fair_spread": {
                "cost": fairness_cost(problem, per_vol),
                "people_with_2_or_more_shifts": int((per_vol >= 2).sum()),
                "max_shifts_per_person": int(per_vol.max()) if per_vol.size else 0,
            },
        },
        "hours_spread": {
            "max": float(used.max()) if used.size else 0.0,
            "mean": float(used.mean()) if used.size else 0.0,
            "std": float(used.std()) if used.size else 0.0,
            "gini": round(gini, 4),
        },
        "by_priority": by_priority,
        "hours_histogram": hours_histogram,
    }
