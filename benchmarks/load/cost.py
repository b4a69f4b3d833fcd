"""Cost of one request of each benchmarked endpoint, measured in one process without concurrency.

    PYTHONPATH=backend .venv/bin/python benchmarks/load/cost.py [--requests 200]

Run after run.py (it reads var/bench-load/targets.json and the bench_load database). Each endpoint is read through
Django's test client with the production settings, one request after the other; reported per request: SQL queries
(ATOMIC_REQUESTS' BEGIN and COMMIT are not queries here), the server process's CPU time (time.process_time: Python,
serializers, the database driver) and the wall time (which adds PostgreSQL's work and, on a busy machine, waiting
for a core). CPU time is what the load run's throughput divides among the cores, and it is much less disturbed by
other work on the machine than the load run's latencies.
"""

import argparse
import json
import os
import statistics
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
os.chdir(REPO / "backend")

from run import ENDPOINTS, OUT, server_env  # noqa: E402

os.environ.update(server_env())  # the server's settings: production, DEBUG off, Redis, bench_load

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402


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


def measure(reads: list, requests: int) -> dict:
    clients = [(Client(HTTP_AUTHORIZATION=f"Token {token}", HTTP_HOST="127.0.0.1"), path) for token, path in reads]
    for client, path in clients[:10]:  # warm-up: imports, caches, prepared plans
        assert client.get(path).status_code == 200
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        clients[0][0].get(clients[0][1])
    cpu, wall = [], []
    for n in range(requests):
        client, path = clients[n % len(clients)]
        started_cpu, started = time.process_time(), time.perf_counter()
        response = client.get(path)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return {
        "queries": len(queries),
        "cpu_ms": round(statistics.median(cpu), 2),
        "wall_ms": round(statistics.median(wall), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    reads = paths(json.loads((OUT / "targets.json").read_text(encoding="utf-8")))
    print(f"{'endpoint':<58} {'queries':>7} {'CPU ms':>7} {'wall ms':>7}  (medians of {args.requests} requests)")
    results = {}
    for key, label in ENDPOINTS:
        results[key] = measure(reads[key], args.requests)
        r = results[key]
        print(f"{label:<58} {r['queries']:>7} {r['cpu_ms']:>7.1f} {r['wall_ms']:>7.1f}", flush=True)
    (OUT / "cost.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
