"""Cost of one request of each benchmarked endpoint, measured without concurrency; optionally against an older
revision in the same run.

    PYTHONPATH=backend .venv/bin/python benchmarks/load/cost.py [--requests 200] [--rounds 5]
        [--baseline REV] [--only me,my_posts]

Run after run.py (it reads var/bench-load/targets.json and the bench_load database). Each endpoint is read through
Django's test client with the production settings, one request after the other; reported per request: SQL queries
(ATOMIC_REQUESTS' BEGIN and COMMIT are not queries here), the server process's CPU time (time.process_time: Python,
serializers, the database driver) and the wall time (which adds PostgreSQL's and Redis' work and, on a busy machine,
waiting for a core). CPU time is what the load run's throughput divides among the cores, and it is much less
disturbed by other work on the machine than the load run's latencies.

Each code tree is measured by a process of its own (this file with `--serve`, its imports from that tree): the
current checkout, and with `--baseline REV` also REV, checked out into a temporary `git worktree` (removed at the
end). The two processes take turns, `--rounds` rounds of `--requests` requests per endpoint each, so that the
machine's load falls on both alike; the medians are over every request of every round.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT = REPO / "var" / "bench-load"
# (key, label), as run.py names them (run.py is not imported here: --serve runs with another tree's backend).
ENDPOINTS = [
    ("me", "GET /api/auth/me/ (trivial: the caller's account)"),
    ("my_posts", "GET /api/me/posts/ (volunteer)"),
    ("shifts", "GET /api/shifts/?start_from&community&page_size=50"),
    ("review", "GET /api/planning/runs/<id>/assignments/?page_size=50"),
]


def paths(targets: dict) -> dict:
    """endpoint key -> [(token, path)], as the load run's users read them."""
    return {
        "me": [(token, "/api/auth/me/") for token in targets["volunteer_tokens"]],
        "my_posts": [(token, "/api/me/posts/") for token in targets["volunteer_tokens"]],
        "shifts": [
            (row["token"], f"/api/shifts/?start_from={targets['start_from']}&community={row['community']}&page_size=50")
            for row in targets["shifts"]
        ],
        "review": [
            (row["token"], f"/api/planning/runs/{row['run']}/assignments/?page_size=50") for row in targets["review"]
        ],
    }


# -- one tree's measuring process ----------------------------------------------------------------------------------


def serve(tree: Path) -> None:
    """Answers `key n` lines on stdin with one JSON line: the queries of one request, and the CPU and wall
    milliseconds of n requests, the clients taking turns where the last round stopped."""
    os.chdir(tree / "backend")
    sys.path[:0] = [str(tree / "backend"), str(tree)]
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    reads = paths(json.loads((OUT / "targets.json").read_text(encoding="utf-8")))
    clients, turn = {}, {}
    for line in sys.stdin:
        key, requests = line.split()
        if key not in clients:
            clients[key] = [
                (Client(HTTP_AUTHORIZATION=f"Token {token}", HTTP_HOST="127.0.0.1"), path) for token, path in reads[key]
            ]
            for client, path in clients[key][:10]:  # warm-up: imports, caches, prepared plans
                assert client.get(path).status_code == 200
            turn[key] = 0
        queries = []

        def count(execute, sql, *rest, queries=queries):
            queries.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client, path = clients[key][0]
            client.get(path)
        cpu, wall = [], []
        for _ in range(int(requests)):
            client, path = clients[key][turn[key] % len(clients[key])]
            turn[key] += 1
            started_cpu, started = time.process_time(), time.perf_counter()
            response = client.get(path)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        print(json.dumps({"queries": len(queries), "cpu": cpu, "wall": wall}), flush=True)


class Tree:
    """A measuring process on one code tree."""

    def __init__(self, name: str, tree: Path):
        env = {**os.environ, "PYTHONPATH": f"{tree / 'backend'}:{tree}"}
        env.update(server_env())
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--serve", str(tree)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        self.cpu, self.wall, self.queries = {}, {}, {}

    def round(self, key: str, requests: int) -> None:
        self.process.stdin.write(f"{key} {requests}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the measuring process of {self.name} ended (exit {self.process.wait()})")
        result = json.loads(line)
        self.queries[key] = result["queries"]
        self.cpu.setdefault(key, []).extend(result["cpu"])
        self.wall.setdefault(key, []).extend(result["wall"])

    def result(self, key: str) -> dict:
        return {
            "queries": self.queries[key],
            "cpu_ms": round(statistics.median(self.cpu[key]), 2),
            "wall_ms": round(statistics.median(self.wall[key]), 2),
        }

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


def server_env() -> dict:
    """The server's settings as run.py gives them: production, DEBUG off, Redis, bench_load."""
    sys.path.insert(0, str(HERE))
    from run import server_env as run_server_env

    return {key: value for key, value in run_server_env().items() if key != "PYTHONPATH"}


def baseline_tree(rev: str, into: Path) -> Path:
    tree = into / "tree"
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), rev], check=True)
    (tree / ".venv").symlink_to(REPO / ".venv")
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint per round")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--baseline", metavar="REV", help="also measure this revision, in turns with the current one")
    parser.add_argument("--only", help="comma-separated endpoint keys (default: all)")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    endpoints = [(key, label) for key, label in ENDPOINTS if not args.only or key in args.only.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="cost-baseline-", dir=REPO / "var")) if args.baseline else None
    trees = [Tree("current", REPO)]
    if args.baseline:
        rev = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", args.baseline], check=True, capture_output=True, text=True
        ).stdout.strip()
        trees.insert(0, Tree(f"baseline {rev}", baseline_tree(rev, scratch)))
    try:
        for key, _label in endpoints:
            for n in range(args.rounds):
                for tree in trees if n % 2 == 0 else trees[::-1]:
                    tree.round(key, args.requests)
    finally:
        for tree in trees:
            tree.close()
        if scratch:
            worktree = str(scratch / "tree")
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", worktree], check=False)
            scratch.rmdir()
    load = os.getloadavg()
    print(
        f"medians of {args.rounds} x {args.requests} requests per endpoint and tree; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print(f"{'endpoint':<58} {'tree':<17} {'queries':>7} {'CPU ms':>7} {'wall ms':>7}")
    for key, label in endpoints:
        for tree in trees:
            r = tree.result(key)
            print(f"{label:<58} {tree.name:<17} {r['queries']:>7} {r['cpu_ms']:>7.2f} {r['wall_ms']:>7.2f}")
        if args.baseline:
            old, new = trees[0].result(key), trees[1].result(key)
            print(f"{'':<58} {'current/baseline':<17} {'':>7} {new['cpu_ms'] / old['cpu_ms']:>7.2f}")
    current = trees[-1]
    results = {key: current.result(key) for key, _label in endpoints}
    if args.baseline:
        results["baseline"] = {"rev": trees[0].name.split()[-1], **{key: trees[0].result(key) for key, _ in endpoints}}
    (OUT / "cost.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
