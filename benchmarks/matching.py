"""Side-by-side benchmark of the weekly matching on one generated instance, all in one run.

    .venv/bin/python benchmarks/matching.py --scale district --seed 1 --time-limit 30

Rows: a first-come greedy baseline, one naive monolithic PuLP model with every feasible pair (built term by term
with lpSum, solved by CBC trusting its own time limit), and ours (matching.solve with its deadline; at city scale
the sub-district decomposition), and `pieces` (one piece per sub-district on two processes: what a district run
fanned out over two Celery workers computes), `pieces_old` (the same pieces joined by the greedy border fill only, as
before issue 17), and `lp`: the LP relaxation's value built from the problem file alone
by `lp_relaxation` (no code of `matching`), against which ours is reported as a fraction (`--seeds 1,2,3`,
`--seats-factor 1.5` for a tight week, 0.7 for a loose one). Each method runs in its own subprocess so its wall time
and peak memory (largest resident set of the process tree, sampled with psutil) are its own. Figures are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from itertools import pairwise

import psutil

# ---------------------------------------------------------------- the methods (run inside a child process)


def run_greedy(problem, args) -> dict:
    from matching import solve

    return solve(problem, solver="greedy", explain_unfilled=False).to_dict()


def run_ours(problem, args) -> dict:
    from matching import solve

    if args.scale == "city":
        from matching.decompose import solve_decomposed

        return solve_decomposed(problem, time_limit=args.time_limit).to_dict()
    return solve(problem, time_limit=args.time_limit, solver=args.solver).to_dict()


def run_pieces(problem, args) -> dict:
    """What a fanned-out district run does: one piece per sub-district, solved side by side (here by two
    processes, as by two Celery workers), then joined with the border fill."""
    from matching.decompose import solve_decomposed

    return solve_decomposed(problem, time_limit=args.time_limit, workers=2, piece_shifts=0).to_dict()


def run_pieces_old(problem, args) -> dict:
    """The same pieces (one per sub-district at district scale, of about 4,000 shifts at city scale) joined as
    before issue 17: the greedy border fill only; its old bound, the sum of the pieces' bounds, is in its metrics
    (`pieces_bound_sum`)."""
    from matching.decompose import solve_decomposed

    return solve_decomposed(
        problem, time_limit=args.time_limit, workers=2, piece_shifts=4000 if args.scale == "city" else 0, border=False
    ).to_dict()


def run_naive(problem, args) -> dict:
    """Every feasible pair as a PuLP variable, every rule as lpSum rows, CBC with its own time limit."""
    import pulp

    from matching.candidates import build_candidates, problem_arrays
    from matching.formulation import build_model
    from matching.metrics import score

    t0 = time.monotonic()
    cands = build_candidates(problem)
    arrays = problem_arrays(problem)
    scale = build_model(problem, cands, arrays).scale if cands.n_pairs < 2_000_000 else 1e6
    prob = pulp.LpProblem("naive", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(cands.n_pairs)]
    y = [pulp.LpVariable(f"y{k}", cat="Binary") for k in range(cands.res.size)]
    prob += pulp.lpSum(
        (scale * arrays.s_priority[cands.shift[j]] + cands.bonus[j]) * x[j] for j in range(cands.n_pairs)
    ) + pulp.lpSum((scale * arrays.q_priority[cands.req[k]] + cands.res_bonus[k]) * y[k] for k in range(len(y)))
    by_shift, by_vol, by_req, by_res = {}, {}, {}, {}
    for j in range(cands.n_pairs):
        by_shift.setdefault(int(cands.shift[j]), []).append(j)
        by_vol.setdefault(int(cands.vol[j]), []).append(j)
    for k in range(len(y)):
        by_req.setdefault(int(cands.req[k]), []).append(k)
        by_res.setdefault(int(cands.res[k]), []).append(k)
    for s, js in by_shift.items():
        prob += pulp.lpSum(x[j] for j in js) <= int(arrays.s_seats[s])
        q = arrays.s_request[s]
        if q >= 0:
            prob += pulp.lpSum(x[j] for j in js) <= int(arrays.s_seats[s]) * pulp.lpSum(y[k] for k in by_req.get(q, []))
    for v, js in by_vol.items():
        prob += pulp.lpSum(int(arrays.s_minutes[cands.shift[j]]) * x[j] for j in js) <= int(arrays.v_max_minutes[v])
        for j in js:  # at each shift start, at most one of the person's shifts running
            s = cands.shift[j]
            running = [
                i for i in js if arrays.s_start[cands.shift[i]] <= arrays.s_start[s] < arrays.s_end[cands.shift[i]]
            ]
            if len(running) > 1:
                prob += pulp.lpSum(x[i] for i in running) <= 1
    for ks in by_req.values():
        prob += pulp.lpSum(y[k] for k in ks) <= 1
    for ks in by_res.values():
        for k in ks:
            q = cands.req[k]
            running = [i for i in ks if arrays.q_start[cands.req[i]] <= arrays.q_start[q] < arrays.q_end[cands.req[i]]]
            if len(running) > 1:
                prob += pulp.lpSum(y[i] for i in running) <= 1
    built = time.monotonic() - t0
    prob.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=args.naive_time_limit, gapRel=0.005))
    xs = [j for j in range(cands.n_pairs) if (x[j].varValue or 0) > 0.5]
    ys = [k for k in range(len(y)) if (y[k].varValue or 0) > 0.5]
    sc = score(problem, cands, arrays, scale, xs, ys)
    return {
        "status": pulp.LpStatus[prob.status] + f" (sol_status {prob.sol_status})",
        "objective": sc["objective"],
        "bound": None,
        "gap": None,
        "seconds": time.monotonic() - t0,
        "metrics": {
            "filled_seats": len(xs),
            "weighted_filled": sc["primary"],
            "build_seconds": built,
            "pairs": cands.n_pairs,
        },
    }


def run_repair(problem, args) -> dict:
    """Publish the greedy plan, decline 50 of its seats (fixed seed), time repair() alone."""
    import random

    from matching import check, solve
    from matching.repair import repair

    published = solve(problem, solver="greedy", explain_unfilled=False)
    declines = random.Random(1).sample(list(published.assignments), min(50, len(published.assignments)))
    t0 = time.monotonic()
    result = repair(problem, published, declines, time_limit=10)
    seconds = time.monotonic() - t0
    out = result.to_dict()
    out["seconds"] = seconds
    out["metrics"]["violations"] = len(check(problem, result))
    out["metrics"]["declines"] = len(declines)
    return out


def lp_relaxation(path: str) -> dict:
    """The LP relaxation's value of priority-weighted seats plus met requests, built from the problem file alone
    (numpy, scipy and highspy; nothing of `matching`): every feasible pair, no pruning, the hard rules as rows
    (seats, one shift at a time per person at each start, hours, one resource per request, a resource on one
    request at a time, staff only with the room), objective the priorities only (soft rules left out)."""
    import highspy
    import numpy as np
    from scipy import sparse

    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    t0 = time.monotonic()

    def minutes(values) -> np.ndarray:
        return np.array(values, dtype="datetime64[m]").astype(np.int64)

    def km(lat, lng, lat0, lng0) -> np.ndarray:
        lat, lng, lat0, lng0 = map(np.radians, (lat, lng, lat0, lng0))
        h = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat) * np.cos(lat0) * np.sin((lng - lng0) / 2) ** 2
        return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(h)))

    default_km = float(data.get("max_distance_km", 5.0))
    vols, shifts = data["volunteers"], data["shifts"]
    vlat = np.array([v["location"]["lat"] for v in vols])
    vlng = np.array([v["location"]["lng"] for v in vols])
    vlimit = np.array([v.get("max_distance_km") or default_km for v in vols], dtype=float)
    vmax = np.array([round(float(v.get("max_hours", 0)) * 60) for v in vols])
    owner = np.array([i for i, v in enumerate(vols) for _ in v["availability"]], dtype=np.int64)
    spans = [a for v in vols for a in v["availability"]]
    a_start = minutes([a[0] for a in spans])
    a_end = minutes([a[1] for a in spans])
    skills = sorted({k for v in vols for k in v["skills"]} | {k for s in shifts for k in s.get("required_skills", {})})
    level = np.zeros((len(vols), len(skills)), dtype=np.int64)
    for i, v in enumerate(vols):
        for k, lv in v["skills"].items():
            level[i, skills.index(k)] = int(lv)
    forbidden = {(f["volunteer"], f["shift"]) for f in data.get("forbidden", [])}
    s_start = minutes([s["start"] for s in shifts])
    s_end = minutes([s["end"] for s in shifts])
    free_cache: dict = {}
    cols_v, cols_s = [], []
    for j, s in enumerate(shifts):
        key = (s_start[j], s_end[j])
        if key not in free_cache:
            free = np.zeros(len(vols), dtype=bool)
            free[owner[(a_start <= key[0]) & (key[1] <= a_end)]] = True
            free_cache[key] = free
        mask = free_cache[key] & (vmax >= key[1] - key[0])
        for k, lv in s.get("required_skills", {}).items():
            mask &= level[:, skills.index(k)] >= int(lv)
        idx = np.flatnonzero(mask)
        idx = idx[km(vlat[idx], vlng[idx], s["location"]["lat"], s["location"]["lng"]) <= vlimit[idx] + 1e-9]
        if forbidden:
            idx = np.array([i for i in idx if (vols[i]["id"], s["id"]) not in forbidden], dtype=np.int64)
        if s["seats"] > 0:
            cols_v.append(idx)
            cols_s.append(np.full(idx.size, j))
    xv, xs = np.concatenate(cols_v), np.concatenate(cols_s)
    reqs, res = data.get("resource_requests", []), data.get("resources", [])
    qindex = {q["id"]: i for i, q in enumerate(reqs)}
    yq, yr = [], []
    for qi, q in enumerate(reqs):
        limit = q.get("max_distance_km") or default_km
        qs, qe = minutes([q["start"], q["end"]])
        for ri, r in enumerate(res):
            if (
                r["kind"] != q["kind"]
                or r["capacity"] < q["min_capacity"]
                or not set(q.get("features", [])) <= set(r.get("features", []))
            ):
                continue
            if not any(minutes([a])[0] <= qs and qe <= minutes([b])[0] for a, b in r["availability"]):
                continue
            if (
                km(
                    np.array([r["location"]["lat"]]),
                    np.array([r["location"]["lng"]]),
                    q["location"]["lat"],
                    q["location"]["lng"],
                )[0]
                <= limit + 1e-9
            ):
                yq.append(qi)
                yr.append(ri)
    yq, yr = np.array(yq, dtype=np.int64), np.array(yr, dtype=np.int64)
    nx, ny = xv.size, yq.size
    rows, cols, vals, hi = [], [], [], []

    def block(r, c, v, upper) -> None:
        base = len(hi)
        rows.append(np.asarray(r) + base)
        cols.append(np.asarray(c))
        vals.append(np.asarray(v, dtype=float))
        hi.extend(upper)

    block(xs, np.arange(nx), np.ones(nx), [s["seats"] for s in shifts])  # seats
    block(xv, np.arange(nx), s_end[xs] - s_start[xs], vmax.tolist())  # hours
    # one shift at a time: for each person and each start of one of their pairs, the pairs running then
    order = np.lexsort((s_start[xs], xv))
    r_, c_, n_rows = [], [], 0
    bounds = np.flatnonzero(np.diff(np.concatenate([[-1], xv[order], [-2]])))
    for a, b in pairwise(bounds):
        js = order[a:b]
        st, en = s_start[xs[js]], s_end[xs[js]]
        for t in np.unique(st):
            running = js[(st <= t) & (t < en)]
            if running.size > 1:
                r_.append(np.full(running.size, n_rows))
                c_.append(running)
                n_rows += 1
    if n_rows:
        block(np.concatenate(r_), np.concatenate(c_), np.ones(sum(len(c) for c in c_)), [1] * n_rows)
    block(yq, nx + np.arange(ny), np.ones(ny), [1] * len(reqs))  # one resource
    q_start = minutes([q["start"] for q in reqs]) if reqs else np.zeros(0, dtype=np.int64)
    q_end = minutes([q["end"] for q in reqs]) if reqs else np.zeros(0, dtype=np.int64)
    r_, c_, n_rows = [], [], 0
    for ri in np.unique(yr):
        ks = np.flatnonzero(yr == ri)
        for t in np.unique(q_start[yq[ks]]):
            running = ks[(q_start[yq[ks]] <= t) & (t < q_end[yq[ks]])]
            if running.size > 1:
                r_.append(np.full(running.size, n_rows))
                c_.append(nx + running)
                n_rows += 1
    if n_rows:
        block(np.concatenate(r_), np.concatenate(c_), np.ones(sum(len(c) for c in c_)), [1] * n_rows)
    # staff only with the room: seats of a shift with a request <= seats x (its request met)
    room = np.array([qindex.get(s.get("resource_request"), -1) for s in shifts])
    staffed = np.flatnonzero(room[xs] >= 0)
    booked = np.flatnonzero(np.isin(yq, room[room >= 0]))
    shift_row = {j: i for i, j in enumerate(np.flatnonzero(room >= 0))}
    rr = [shift_row[j] for j in xs[staffed]]
    rc = staffed.tolist()
    rv = [1.0] * staffed.size
    for j, i in shift_row.items():
        ks = booked[yq[booked] == room[j]]
        rr.extend([i] * ks.size)
        rc.extend((nx + ks).tolist())
        rv.extend([-float(shifts[j]["seats"])] * ks.size)
    block(np.array(rr, dtype=np.int64), np.array(rc, dtype=np.int64), np.array(rv), [0] * len(shift_row))
    a = sparse.csc_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(len(hi), nx + ny)
    )
    cost = np.concatenate(
        [
            np.array([s["priority"] for s in shifts], dtype=float)[xs],
            np.array([q["priority"] for q in reqs], dtype=float)[yq],
        ]
    )
    built = time.monotonic() - t0
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    # interior point, then crossover to a vertex: the same optimum as the simplex, many times faster on tight weeks
    h.setOptionValue("solver", "ipm")
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = nx + ny, len(hi)
    lp.col_cost_, lp.col_lower_, lp.col_upper_ = cost, np.zeros(nx + ny), np.ones(nx + ny)
    lp.row_lower_, lp.row_upper_ = np.full(len(hi), -highspy.kHighsInf), np.array(hi, dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = a.indptr, a.indices, a.data
    lp.sense_ = highspy.ObjSense.kMaximize
    h.passModel(lp)
    h.run()
    return {
        "status": str(h.getModelStatus()).split(".")[-1],
        "objective": float(h.getInfo().objective_function_value),
        "bound": None,
        "gap": None,
        "seconds": time.monotonic() - t0,
        "metrics": {"pairs": int(nx), "resource_pairs": int(ny), "rows": len(hi), "build_seconds": built},
    }


LP_HARD_LIMIT = 3600.0


def run_lp(problem, args) -> dict:
    return lp_relaxation(args.problem)


METHODS = {
    "lp": run_lp,
    "greedy": run_greedy,
    "naive": run_naive,
    "ours": run_ours,
    "pieces": run_pieces,
    "pieces_old": run_pieces_old,
    "repair": run_repair,
}


def child(args) -> None:
    from matching import load_problem

    problem = None if args.method == "lp" else load_problem(args.problem)
    t0 = time.monotonic()
    result = METHODS[args.method](problem, args)
    result["wall"] = time.monotonic() - t0
    with open(args.result, "w", encoding="utf-8") as handle:
        json.dump(
            {k: result.get(k) for k in ("status", "objective", "bound", "gap", "seconds", "wall", "metrics")},
            handle,
            ensure_ascii=False,
        )


# ---------------------------------------------------------------- the parent: run each method, measure


def measure(method: str, args, problem_path: str, hard_limit: float) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        result_path = tmp.name
    cmd = [
        sys.executable,
        os.path.abspath(__file__),
        "--child",
        method,
        "--problem",
        problem_path,
        "--result",
        result_path,
        "--scale",
        args.scale,
        "--time-limit",
        str(args.time_limit),
        "--naive-time-limit",
        str(args.naive_time_limit),
        "--solver",
        args.solver,
    ]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, start_new_session=True)
    ps = psutil.Process(proc.pid)
    peak, killed = 0, False
    while proc.poll() is None:
        try:
            tree = [ps] + ps.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if time.monotonic() - start > hard_limit:
            os.killpg(proc.pid, 9)
            killed = True
            proc.wait()
            break
        time.sleep(0.1)
    wall = time.monotonic() - start
    out = {"method": method, "wall_incl_load": wall, "peak_mib": peak / 2**20, "killed": killed}
    if not killed and os.path.getsize(result_path) > 0:
        with open(result_path, encoding="utf-8") as handle:
            out.update(json.load(handle))
    os.unlink(result_path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["small", "district", "city"], default="district")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seeds", help="several instances in one run, e.g. 1,2,3,4,5 (overrides --seed)")
    parser.add_argument(
        "--seats-factor", type=float, default=1.0, help="scale every shift's seats: 1.5 a tight week, 0.7 a loose one"
    )
    parser.add_argument("--time-limit", type=float, default=30.0, help="ours: wall-clock limit in seconds")
    parser.add_argument("--naive-time-limit", type=int, default=120, help="naive: CBC's own timeLimit")
    parser.add_argument("--solver", default="highs")
    parser.add_argument("--methods", default="greedy,naive,ours,repair")
    parser.add_argument("--child")
    parser.add_argument("--problem")
    parser.add_argument("--result")
    args = parser.parse_args()
    if args.child:
        args.method = args.child
        child(args)
        return
    from matching.generate import generate

    summary = []
    for seed in [int(x) for x in str(args.seeds or args.seed).split(",")]:
        rows = instance(args, generate, seed)
        report(rows)
        by = {r["method"]: r for r in rows}
        lp, ours = by.get("lp", {}).get("objective"), by.get("ours", {})
        if lp and ours.get("objective") is not None:
            primary = math.floor(ours["objective"] + 1e-6)  # seats by priority + met requests
            summary.append(
                (
                    seed,
                    args.seats_factor,
                    lp,
                    primary,
                    primary / lp,
                    ours.get("status"),
                    ours.get("gap"),
                    ours.get("wall"),
                    ours["peak_mib"],
                )
            )
    if summary:
        print("\nours against the independent LP relaxation (priority-weighted seats + met requests):")
        print(
            f"{'seed':>4} {'seats x':>7} {'LP value':>10} {'ours':>8} {'of LP':>8} {'status':>10} {'gap':>8} "
            f"{'wall s':>7} {'peak MiB':>8}"
        )
        for seed, factor, lp, primary, share, status, gap, wall, peak in summary:
            print(
                f"{seed:>4} {factor:>7} {lp:>10.2f} {primary:>8} {share:>8.4%} {status:>10} "
                f"{(gap or 0):>8.4%} {wall or 0:>7.1f} {peak:>8.0f}"
            )


def instance(args, generate, seed: int) -> list[dict]:
    """One generated week (seats scaled by --seats-factor: 1.5 a tight week, 0.7 a loose one), every method."""
    with tempfile.TemporaryDirectory() as tmp:
        problem_path = os.path.join(tmp, "problem.json")
        data = generate(args.scale, seed)
        if args.seats_factor != 1.0:
            for shift in data["shifts"]:
                shift["seats"] = max(1, math.ceil(shift["seats"] * args.seats_factor))
        with open(problem_path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        seats = sum(s["seats"] for s in data["shifts"])
        print(
            f"instance: {args.scale} seed {seed} seats x{args.seats_factor}: {len(data['volunteers'])} volunteers, "
            f"{len(data['shifts'])} shifts, {seats} seats, {len(data['resources'])} resources, "
            f"{len(data['resource_requests'])} requests; machine: {os.cpu_count()} cores",
            flush=True,
        )
        del data
        rows = []
        for method in args.methods.split(","):
            # the LP is the reference, not a contestant: it gets the time it needs (a tight week's takes minutes)
            hard = {"naive": args.naive_time_limit * 3 + 300, "lp": LP_HARD_LIMIT}.get(
                method, args.time_limit * 3 + 300
            )
            rows.append(measure(method, args, problem_path, hard))
            r = rows[-1]
            print(f"  done {method}: {r.get('wall', r['wall_incl_load']):.1f} s", flush=True)
    return rows


def _or_dash(value):
    """A figure a method may not have (a fanned-out plan whose join could not score it in time): "-"."""
    return "-" if value is None else value


def report(rows: list[dict]) -> None:
    print()
    head = (
        f"{'method':8} {'wall s':>8} {'incl. load':>10} {'peak MiB':>9} {'filled':>7} {'weighted':>9} "
        f"{'objective':>11} {'bound':>11} {'gap':>8}  status"
    )
    print(head)
    print("-" * len(head))
    repairs = [r for r in rows if r["method"] == "repair"]
    rows = [r for r in rows if r["method"] != "repair"]
    for r in rows:
        m = r.get("metrics") or {}
        gap = f"{r['gap']:.3%}" if r.get("gap") is not None else "-"
        bound = f"{r['bound']:.2f}" if r.get("bound") is not None else "-"
        obj = f"{r['objective']:.2f}" if r.get("objective") is not None else "-"
        status = "killed at the hard limit" if r["killed"] else r.get("status", "?")
        wall = f"{r['wall']:.1f}" if r.get("wall") is not None else "-"
        print(
            f"{r['method']:8} {wall:>8} {r['wall_incl_load']:>10.1f} {r['peak_mib']:>9.0f} "
            f"{m.get('filled_seats', '-'):>7} {_or_dash(m.get('weighted_filled')):>9} {obj:>11} {bound:>11} {gap:>8}"
            f"  {status}"
        )
    for r in rows:
        m = r.get("metrics") or {}
        if "pieces_bound_sum" in m:
            shares = m.get("time_shares") or {}
            print(
                f"  {r['method']}: {m.get('pieces')} pieces ({m.get('piece_statuses')}), pieces' bounds summed "
                f"{m['pieces_bound_sum']:.2f}, border fill {m.get('border_filled_seats')} seats, border solve "
                f"{m.get('border_solve')} over {m.get('border_columns', '-')} pairs (limit {shares.get('border')} s, "
                f"gain {m.get('border_gain_weighted')}), bounds {m.get('bounds')}; wall {r.get('wall', 0):.1f} s "
                f"of {shares.get('time_limit')} s"
            )
    for r in repairs:
        m = r.get("metrics") or {}
        print(
            f"\nrepair: {m.get('declines')} declines on the published greedy plan: repair() took "
            f"{r.get('seconds', float('nan')):.2f} s, refilled {m.get('refilled_seats')} of {m.get('freed_seats')} "
            f"freed seats, moved {m.get('moved')} people, {m.get('neighbourhood_shifts')} shifts re-planned, "
            f"{m.get('violations')} violations, peak {r['peak_mib']:.0f} MiB"
        )
    print(
        "\nwall s: inside the method (after reading the problem); incl. load: the whole subprocess, "
        "including Python start-up and JSON parsing. gap: (bound - objective) / bound, proven by our bound."
    )


if __name__ == "__main__":
    main()
