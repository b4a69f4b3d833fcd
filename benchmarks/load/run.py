"""Load figures of the read endpoints (issue 7): gunicorn on the seeded district, driven by locust.

    .venv/bin/python benchmarks/load/run.py [--seconds 30] [--users 50] [--workers 4] [--reset]

1. PostgreSQL database `bench_load` on 127.0.0.1:5432 (user root, trust auth): created if missing (dropped
   first with --reset), migrated, seeded with the district (`seed_demo --scale district --seed 1`) and this
   week's plan published (`publish_demo_week`); both commands leave an already seeded database alone. Then
   ANALYZE, as autovacuum would have done on a database in use.
2. Readers and their API tokens are picked by prepare.py (tokens made in the database, not through
   /api/auth/token/, so that login throttling and lockout play no part).
3. gunicorn serves `config.wsgi` with the production settings (DEBUG off), `--workers 4` sync workers:
   the requests are CPU-bound Python on a 2-core machine, so threads would only queue behind the GIL; two
   processes per core keep both cores busy while one waits on PostgreSQL. Pending requests wait in the
   listen backlog, so their queueing time is part of the latency the clients see.
4. locust 2.47.0 (its own venv var/bench-venv, from benchmarks/load/requirements.txt) runs headless, one
   endpoint at a time, `--users` users with no think time for `--seconds` each, after a short warm-up; then
   the trivial endpoint and my posts again with `--think` seconds between a user's requests (people, not a
   closed loop: the latency without the queue a saturated server builds).

Prints a table (requests/s, p50, p99, failures, throughput relative to the trivial endpoint), then cost.py's
(queries, CPU and wall time of one request alone), and writes both to benchmarks/load/last.json. The load
generator runs on the same machine as the server and takes CPU from it.
"""

import argparse
import csv
import datetime as dt
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BACKEND = REPO / "backend"
PYTHON = REPO / ".venv" / "bin" / "python"
BENCH_VENV = REPO / "var" / "bench-venv"
OUT = REPO / "var" / "bench-load"
DATABASE = "bench_load"
DATABASE_URL = f"postgres://root@127.0.0.1:5432/{DATABASE}"
PORT = 8765

# (key, label): the trivial endpoint first, so that every ratio has its reference.
ENDPOINTS = [
    ("me", "GET /api/auth/me/ (trivial: the caller's account)"),
    ("my_posts", "GET /api/me/posts/ (volunteer)"),
    ("shifts", "GET /api/shifts/?start_from&community&page_size=50"),
    ("review", "GET /api/planning/runs/<id>/assignments/?page_size=50"),
]
ENDPOINTS_BY_KEY = dict(ENDPOINTS)
GOALS = {"my_posts_ratio": 1 / 3, "p99_ms": 200}


def say(text: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {text}", flush=True)


def server_env() -> dict:
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        # Redis as in production: the throttle counters are shared by the workers (db 9 is this benchmark's).
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
    }


def stamp() -> dict:
    """When and from which commit a result is, for the JSON files of the load runs."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "commit": commit.stdout.strip()}


def manage(*args: str) -> None:
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=BACKEND, env=env, check=True)


def database(reset: bool) -> None:
    psql = ["psql", "-h", "127.0.0.1", "-U", "root", "-d", "postgres", "-Atc"]
    if reset:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {DATABASE}"], check=True)
    exists = subprocess.run(
        [*psql, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"], check=True, capture_output=True, text=True
    ).stdout.strip()
    if not exists:
        subprocess.run([*psql, f"CREATE DATABASE {DATABASE}"], check=True)
    started = time.perf_counter()
    manage("migrate", "-v", "0")
    manage("seed_demo", "--scale", "district", "--seed", "1")
    manage("publish_demo_week")
    # Fresh statistics, as autovacuum would have gathered on a database in use (just after the bulk seeding the
    # planner would guess from empty tables).
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "root", "-d", DATABASE, "-qc", "ANALYZE"], check=True)
    say(f"database ready in {time.perf_counter() - started:.0f} s")


def bench_venv() -> Path:
    locust = BENCH_VENV / "bin" / "locust"
    if not locust.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run(
            [str(BENCH_VENV / "bin" / "pip"), "install", "-q", "-r", str(HERE / "requirements.txt")], check=True
        )
    return locust


def prepare(script: str = "prepare.py", into: str = "targets.json") -> Path:
    """Runs a preparation script of the benchmark against bench_load; its last line of output (JSON) is kept."""
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "PYTHONPATH": str(BACKEND),
    }  # the Django project, as manage.py has it
    out = subprocess.run(
        [str(PYTHON), str(HERE / script)], cwd=BACKEND, env=env, check=True, capture_output=True, text=True
    ).stdout
    path = OUT / into
    path.write_text(out.strip().splitlines()[-1], encoding="utf-8")
    return path


def start_server(workers: int) -> subprocess.Popen:
    log = (OUT / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            str(REPO / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--backlog",
            "2048",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=BACKEND,
        env=server_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/auth/me/", timeout=2)
        except urllib.error.HTTPError:
            return server  # 401 without a token: the app answers
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer; see {OUT / 'gunicorn.log'}")


def drive(
    binary: Path, targets: Path, endpoint: str, users: int, seconds: int, csv_prefix: Path, think: float = 0
) -> None:
    env = {**os.environ, "BENCH_TARGETS": str(targets), "BENCH_ENDPOINT": endpoint, "BENCH_THINK": str(think)}
    subprocess.run(
        [
            str(binary),
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--host",
            f"http://127.0.0.1:{PORT}",
            # With think time the users start spread over one pause, not as one burst the first second.
            "--users",
            str(users),
            "--spawn-rate",
            f"{users / think if think else users:g}",
            "--run-time",
            f"{seconds}s",
            "--only-summary",
            "--csv",
            str(csv_prefix),
            "--loglevel",
            "WARNING",
        ],
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=(OUT / f"{csv_prefix.name}.log").open("w"),
    )


def _number(text: str) -> float | None:
    return None if text in ("", "N/A") else float(text)  # N/A: no request finished


def read_stats(csv_prefix: Path) -> dict:
    with open(f"{csv_prefix}_stats.csv", newline="", encoding="utf-8") as stats:
        row = next(r for r in csv.DictReader(stats) if r["Name"] == "Aggregated")
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "rps": round(float(row["Requests/s"]), 1),
        "p50_ms": _number(row["50%"]),
        "p99_ms": _number(row["99%"]),
        "mean_ms": round(float(row["Average Response Time"]), 1),
        "bytes": round(float(row["Average Content Size"])),
    }


def summary(targets: dict) -> dict:
    """What was read, without the tokens."""
    shifts = [row["shifts"] for row in targets["shifts"]]
    rows = [row["assignments"] for row in targets["review"]]
    return {
        "volunteers": len(targets["volunteer_tokens"]),
        "their_posts": targets["volunteer_posts"],
        "communities": len(shifts),
        "shifts_per_community": [min(shifts), max(shifts)],
        "runs": len(rows),
        "assignments_per_run": [min(rows), max(rows)],
        "start_from": targets["start_from"],
    }


def table(results: dict, endpoints: list) -> str:
    lines = [f"{'endpoint':<58} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'fail':>5} {'vs trivial':>10}", "-" * 99]
    for key, label in endpoints:
        r = results[key]
        p50, p99 = (f"{r[k]:>7.0f}" if r[k] is not None else f"{'-':>7}" for k in ("p50_ms", "p99_ms"))
        lines.append(f"{label:<58} {r['rps']:>7.1f} {p50} {p99} {r['failures']:>5} {r['ratio']:>10.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=30, help="measured seconds per endpoint")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured seconds before each endpoint")
    parser.add_argument("--users", type=int, default=50, help="concurrent users (no think time)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument(
        "--think",
        type=float,
        default=5.0,
        help="then the trivial endpoint and my posts again, each user waiting this many seconds on "
        "average between requests (0: skip)",
    )
    parser.add_argument("--reset", action="store_true", help="drop and rebuild the bench_load database")
    parser.add_argument("--only", help="comma-separated endpoint keys (default: all)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if shutil.which("psql") is None:
        raise SystemExit("psql is needed (PostgreSQL client)")
    database(args.reset)
    binary = bench_venv()
    targets = prepare()
    server = start_server(args.workers)
    results = {}
    try:
        for key, label in ENDPOINTS:
            if args.only and key not in args.only.split(",") and key != "me":
                continue
            say(f"{label}: {args.warmup} s warm-up, {args.seconds} s measured")
            if args.warmup:
                drive(binary, targets, key, args.users, args.warmup, OUT / f"warmup-{key}")
            drive(binary, targets, key, args.users, args.seconds, OUT / key)
            results[key] = read_stats(OUT / key)
        paced = {}
        for key, label in ENDPOINTS[:2] if args.think else []:
            say(f"{label}: {args.seconds} s measured, {args.think:g} s between a user's requests")
            drive(binary, targets, key, args.users, args.seconds, OUT / f"paced-{key}", think=args.think)
            paced[key] = read_stats(OUT / f"paced-{key}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    say("cost of one request, without concurrency (cost.py)")
    subprocess.run([str(PYTHON), str(HERE / "cost.py")], env={**os.environ, "PYTHONPATH": str(BACKEND)}, check=True)
    cost = json.loads((OUT / "cost.json").read_text(encoding="utf-8"))
    trivial = results["me"]["rps"] or 1
    for result in results.values():
        result["ratio"] = round(result["rps"] / trivial, 2)
    measured = [(key, label) for key, label in ENDPOINTS if key in results]
    print(table(results, measured))
    for key, r in paced.items():
        print(
            f"with {args.think:g} s between a user's requests: {ENDPOINTS_BY_KEY[key]:<50} {r['rps']:>6.1f} req/s, "
            f"p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, {r['failures']} failed"
        )
    load = os.getloadavg()
    report = {
        **stamp(),
        "users": args.users,
        "seconds": args.seconds,
        "gunicorn_workers": args.workers,
        "cpus": os.cpu_count(),
        "load_average_after": [round(x, 2) for x in load],
        "targets": summary(json.loads(targets.read_text())),
        "endpoints": {key: {"label": label, **results[key], "alone": cost[key]} for key, label in measured},
        "paced": {"think_seconds": args.think, **paced} if paced else None,
        "goals": GOALS,
    }
    if "my_posts" in results:
        report["goals_met"] = {
            "my_posts_ratio": results["my_posts"]["ratio"] >= GOALS["my_posts_ratio"],
            "my_posts_p99": (results["my_posts"]["p99_ms"] or float("inf")) < GOALS["p99_ms"],
            "my_posts_p99_paced": (paced.get("my_posts", {}).get("p99_ms") or float("inf")) < GOALS["p99_ms"],
        }
    (HERE / "last.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    say(f"written {HERE / 'last.json'}; load average after: {load[0]:.2f}")


if __name__ == "__main__":
    main()
