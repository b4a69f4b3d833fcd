"""Side-by-side benchmark of the weekly matching on one generated instance, all in one run.

    .venv/bin/python benchmarks/matching.py --scale district --seed 1 --time-limit 30

Rows: a first-come greedy baseline, one naive monolithic PuLP model with every feasible pair (built term by
term with lpSum, solved by CBC trusting its own time limit), and ours (matching.solve with its deadline;
at city scale the sub-district decomposition), and `pieces` (one piece per sub-district on two processes: what
a district run fanned out over two Celery workers computes). Each method runs in its own subprocess so its wall time and
peak memory (largest resident set of the process tree, sampled with psutil) are its own. Figures are
printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import psutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


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


def run_naive(problem, args) -> dict:
    """Every feasible pair as a PuLP variable, every rule as lpSum rows, CBC with its own time limit."""
    import pulp

    from matching.candidates import build_candidates, problem_arrays
    from matching.metrics import score
    from matching.formulation import build_model

    t0 = time.monotonic()
    cands = build_candidates(problem)
    arrays = problem_arrays(problem)
    scale = build_model(problem, cands, arrays).scale if cands.n_pairs < 2_000_000 else 1e6
    prob = pulp.LpProblem("naive", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(cands.n_pairs)]
    y = [pulp.LpVariable(f"y{k}", cat="Binary") for k in range(cands.res.size)]
    prob += pulp.lpSum((scale * arrays.s_priority[cands.shift[j]] + cands.bonus[j]) * x[j]
                       for j in range(cands.n_pairs)) + \
        pulp.lpSum((scale * arrays.q_priority[cands.req[k]] + cands.res_bonus[k]) * y[k] for k in range(len(y)))
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
        for j in js:    # at each shift start, at most one of the person's shifts running
            s = cands.shift[j]
            running = [i for i in js if arrays.s_start[cands.shift[i]] <= arrays.s_start[s] < arrays.s_end[cands.shift[i]]]
            if len(running) > 1:
                prob += pulp.lpSum(x[i] for i in running) <= 1
    for q, ks in by_req.items():
        prob += pulp.lpSum(y[k] for k in ks) <= 1
    for r, ks in by_res.items():
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
    return {"status": pulp.LpStatus[prob.status] + f" (sol_status {prob.sol_status})", "objective": sc["objective"],
            "bound": None, "gap": None, "seconds": time.monotonic() - t0,
            "metrics": {"filled_seats": len(xs), "weighted_filled": sc["primary"], "build_seconds": built,
                        "pairs": cands.n_pairs}}


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


METHODS = {"greedy": run_greedy, "naive": run_naive, "ours": run_ours, "pieces": run_pieces, "repair": run_repair}


def child(args) -> None:
    from matching import load_problem
    problem = load_problem(args.problem)
    t0 = time.monotonic()
    result = METHODS[args.method](problem, args)
    result["wall"] = time.monotonic() - t0
    with open(args.result, "w", encoding="utf-8") as handle:
        json.dump({k: result.get(k) for k in ("status", "objective", "bound", "gap", "seconds", "wall", "metrics")},
                  handle, ensure_ascii=False)


# ---------------------------------------------------------------- the parent: run each method, measure

def measure(method: str, args, problem_path: str, hard_limit: float) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        result_path = tmp.name
    cmd = [sys.executable, os.path.abspath(__file__), "--child", method, "--problem", problem_path,
           "--result", result_path, "--scale", args.scale, "--time-limit", str(args.time_limit),
           "--naive-time-limit", str(args.naive_time_limit), "--solver", args.solver]
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
    with tempfile.TemporaryDirectory() as tmp:
        problem_path = os.path.join(tmp, "problem.json")
        data = generate(args.scale, args.seed)
        with open(problem_path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        seats = sum(s["seats"] for s in data["shifts"])
        print(f"instance: {args.scale} seed {args.seed}: {len(data['volunteers'])} volunteers, "
              f"{len(data['shifts'])} shifts, {seats} seats, {len(data['resources'])} resources, "
              f"{len(data['resource_requests'])} requests; machine: {os.cpu_count()} cores", flush=True)
        del data
        rows = []
        for method in args.methods.split(","):
            hard = args.naive_time_limit * 3 + 300 if method == "naive" else args.time_limit * 3 + 300
            rows.append(measure(method, args, problem_path, hard))
            r = rows[-1]
            print(f"  done {method}: {r.get('wall', r['wall_incl_load']):.1f} s", flush=True)
    print()
    head = f"{'method':8} {'wall s':>8} {'incl. load':>10} {'peak MiB':>9} {'filled':>7} {'weighted':>9} " \
           f"{'objective':>11} {'bound':>11} {'gap':>8}  status"
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
        print(f"{r['method']:8} {wall:>8} {r['wall_incl_load']:>10.1f} {r['peak_mib']:>9.0f} "
              f"{m.get('filled_seats', '-'):>7} {m.get('weighted_filled', '-'):>9} {obj:>11} {bound:>11} {gap:>8}  {status}")
    for r in repairs:
        m = r.get("metrics") or {}
        print(f"\nrepair: {m.get('declines')} declines on the published greedy plan: repair() took "
              f"{r.get('seconds', float('nan')):.2f} s, refilled {m.get('refilled_seats')} of {m.get('freed_seats')} "
              f"freed seats, moved {m.get('moved')} people, {m.get('neighbourhood_shifts')} shifts re-planned, "
              f"{m.get('violations')} violations, peak {r['peak_mib']:.0f} MiB")
    print("\nwall s: inside the method (after reading the problem); incl. load: the whole subprocess, "
          "including Python start-up and JSON parsing. gap: (bound - objective) / bound, proven by our bound.")


if __name__ == "__main__":
    main()
