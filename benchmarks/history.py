"""A year of history (issue 18): the read endpoints people use every day, on a database with one week of history
and on its copy with 51 weeks of published plans, attendance and records, measured in one run.

    .venv/bin/python benchmarks/history.py [--rounds 40] [--requests 5] [--reset] [--only my_posts,review]

1. PostgreSQL on 127.0.0.1:5432 (user root, trust auth). `bench_hist_week`: created if missing (dropped first with
   --reset), migrated, seeded with the district (`seed_demo --scale district --seed 1`) and this week's plan
   published (`publish_demo_week`), as benchmarks/load/run.py does; then history_seed.sql copies this week into
   the week before (one week of history). `bench_hist_year`: made from it with CREATE DATABASE ... TEMPLATE, then
   history_seed.sql adds the 50 weeks before that (about half a million assignments in all, in SQL: about a
   minute); each database's monthly unit ledgers are written by the product's own service. A database already
   seeded is left alone (only migrated, so that it has this code's indexes). Then ANALYZE both, as autovacuum
   would have done. Redis db 10 is this benchmark's (BENCH_REDIS_URL to change it).
2. One child process per database (`--serve <database>`) sets Django up with the production settings (DEBUG off,
   Redis db 10 for the throttles) and picks the same readers in both: volunteers with posts this week, the
   community coordinators of the communities with the most shifts, the sub-district coordinators of this week's
   published runs, unit representatives with consenting in-office members; each gets an API token made in the
   database.
3. Rounds alternate between the two children (which one goes first alternates too), endpoint by endpoint, one
   request at a time through Django's test client, so that both databases see the same machine load. Per endpoint:
   SQL queries per request (per reader the same in both databases, or the run says so), the median CPU time
   (time.process_time of the serving process) and wall time per request, and PostgreSQL's shared buffers per
   request (EXPLAIN (ANALYZE, BUFFERS) of the reads of one request in each of the first four rounds): the
   database's own work, which the machine's other load does not change.

Prints a table (week, year, year/week) and writes benchmarks/history-last.json. Goal: year at most 1.2 x week in
CPU per request with the same queries (wall and buffers shown beside it). Pages whose answer is the history itself
(my attendance, my records, the unit's records of the year) show more rows with a year: each has a variant with the
same rows in both databases (a page of one, or last week only), which is what the goal is judged on for them.
"""

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BACKEND = REPO / "backend"
PYTHON = REPO / ".venv" / "bin" / "python"
sys.path.insert(0, str(HERE / "load"))

from run import server_env  # noqa: E402  (the server's production settings, as the load run has them)

WEEK_DB, YEAR_DB = "bench_hist_week", "bench_hist_year"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
EARLIER_WEEKS = 51
GOAL = 1.2
OUT = HERE / "history-last.json"

# (key, label): what each page asks for on opening, with the reader's own token.
ENDPOINTS = [
    ("me", "GET /api/auth/me/ (trivial)"),
    ("my_posts", "GET /api/me/posts/ (volunteer)"),
    ("my_hours", "GET /api/attendance/mine/?page_size=200 (volunteer)"),
    ("my_hours_one", "  the same, page_size=1 (one row in both)"),
    ("records_summary", "GET /api/records/mine/summary/ (volunteer)"),
    ("my_records", "GET /api/records/ (volunteer, first page)"),
    ("my_records_week", "  the same, last week only (same rows in both)"),
    ("shifts", "GET /api/shifts/?week&ordering=start (community)"),
    ("record_review", "GET /api/records/?status=pending&source=manual (community)"),
    ("no_shows", "GET /api/attendance/?status=no_show&week=last (community)"),
    ("review", "GET /api/planning/runs/<id>/assignments/?page_size=200"),
    ("dashboard_runs", "GET /api/planning/runs/?week&status=done&page_size=1"),
    ("dashboard_needs", "GET /api/needs/overdue-count/ (dashboard)"),
    ("unit_bookings", "GET /api/unit/bookings/?week&page_size=50 (unit)"),
    ("unit_records", "GET /api/records/?date_from=Jan 1&page_size=200 (unit)"),
    ("unit_records_week", "  the same, last week only (same rows in both)"),
]


def say(text: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {text}", file=sys.stderr, flush=True)


def database_url(name: str) -> str:
    return f"postgres://root@127.0.0.1:5432/{name}"


def psql(sql: str, database: str = "postgres") -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "root", "-d", database, "-v", "ON_ERROR_STOP=1", "-Atc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def exists(name: str) -> bool:
    return psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def manage(name: str, *args: str) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(name),
        "REDIS_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=BACKEND, env=env, check=True, stdout=subprocess.DEVNULL)


def this_monday(name: str) -> str:
    """The published week of the week's database (publish_demo_week's default: the week it was seeded in)."""
    return psql("SELECT max(week) FROM planning_publication", name)


def seed_history(name: str, first: int, last: int) -> None:
    """Weeks `first` to `last` before the published week, by history_seed.sql, then the monthly unit ledgers of the
    months they reach, written by the product's own service as the beat task does on the first of each month."""
    week = dt.date.fromisoformat(this_monday(name))
    started = time.perf_counter()
    variables = {"week": week.isoformat(), "first": first, "last": last, "zone": "Asia/Shanghai"}
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "root", "-d", name, "-q", "-f", str(HERE / "history_seed.sql")]
        + [arg for key, value in variables.items() for arg in ("-v", f"{key}={value}")],
        check=True,
    )
    months, month = [], (week - dt.timedelta(weeks=last)).replace(day=1)
    while month < week.replace(day=1):
        months.append(month.isoformat())
        month = (month + dt.timedelta(days=32)).replace(day=1)
    code = (
        "import datetime as dt; from ledgers.services import ledger_write_month\n"
        f"for m in {months!r}: ledger_write_month(month=dt.date.fromisoformat(m))"
    )
    manage(name, "shell", "-c", code)
    say(
        f"{name}: weeks {first}-{last} before {week} and {len(months)} months of ledgers in "
        f"{time.perf_counter() - started:.0f} s"
    )


def weeks_published(name: str) -> int:
    return int(psql("SELECT count(DISTINCT week) FROM planning_publication", name)) if exists(name) else 0


def seed_week() -> None:
    """The district, this week's plan published, and one week of history before it."""
    if weeks_published(WEEK_DB) == 2:
        return
    psql(f"DROP DATABASE IF EXISTS {WEEK_DB}")
    psql(f"CREATE DATABASE {WEEK_DB}")
    started = time.perf_counter()
    manage(WEEK_DB, "migrate", "-v", "0")
    manage(WEEK_DB, "seed_demo", "--scale", "district", "--seed", "1")
    manage(WEEK_DB, "publish_demo_week")
    say(f"{WEEK_DB}: seeded and published in {time.perf_counter() - started:.0f} s")
    seed_history(WEEK_DB, 1, 1)


def seed_year() -> None:
    """A copy of the week's database with the 50 weeks before its week of history."""
    if weeks_published(YEAR_DB) == EARLIER_WEEKS + 1:
        return
    psql(f"DROP DATABASE IF EXISTS {YEAR_DB}")
    psql(f"CREATE DATABASE {YEAR_DB} TEMPLATE {WEEK_DB}")
    seed_history(YEAR_DB, 2, EARLIER_WEEKS)


def sizes(name: str) -> dict:
    tables = {
        "assignments": "planning_assignment",
        "published_runs": "planning_publication",
        "shifts": "shifts_shift",
        "attendance": "attendance_attendance",
        "service_records": "records_servicerecord",
        "unit_ledgers": "ledgers_unitledger",
    }
    return {key: int(psql(f"SELECT count(*) FROM {table}", name)) for key, table in tables.items()}


# ---------------------------------------------------------------- the child: one database, Django set up on it


def serve(name: str) -> None:
    """Answers the parent's requests to measure, one JSON line each, on `name`."""
    os.chdir(BACKEND)
    sys.path.insert(0, str(BACKEND))
    os.environ.update(server_env())
    os.environ.update({"DATABASE_URL": database_url(name), "REDIS_URL": REDIS_URL})
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    reads = readers(name)
    clients = {
        key: [(Client(HTTP_AUTHORIZATION=f"Token {token}", HTTP_HOST="127.0.0.1"), path) for token, path in rows]
        for key, rows in reads.items()
    }
    for key, rows in clients.items():  # warm-up: imports, caches, prepared plans
        for client, path in rows[:5]:
            response = client.get(path)
            assert response.status_code == 200, (key, path, response.status_code, response.content[:300])
    print(json.dumps({"readers": {key: len(rows) for key, rows in clients.items()}}), flush=True)
    for line in sys.stdin:
        order = json.loads(line)
        rows, start = clients[order["key"]], order["offset"]
        queries = []
        with connection.execute_wrapper(
            lambda execute, sql, params, *rest, seen=queries: seen.append((sql, params)) or execute(sql, params, *rest)
        ):
            client, path = rows[start % len(rows)]
            body = client.get(path).json()
        # rows in the answer: a page's results, or 1 for an object
        shown = len(body["results"]) if isinstance(body, dict) and "results" in body else 1
        cpu, wall = [], []
        for n in range(order["requests"]):
            client, path = rows[(start + n) % len(rows)]
            started_cpu, started = time.process_time(), time.perf_counter()
            response = client.get(path)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        # The token's last-use stamp (written once per interval, whichever request comes then) is not the endpoint's.
        queries = [(sql, params) for sql, params in queries if not sql.startswith('UPDATE "accounts_apitoken"')]
        buffers = shared_buffers(connection, queries) if order.get("explain") else None
        print(json.dumps({"queries": len(queries), "rows": shown, "buffers": buffers, "cpu": cpu, "wall": wall}))
        sys.stdout.flush()


def shared_buffers(connection, queries: list) -> int:
    """PostgreSQL's shared buffers (pages hit or read) that the request's reads touch, by EXPLAIN (ANALYZE,
    BUFFERS) of each again: what the database does for the request, whatever else runs on the machine."""
    total = 0
    with connection.cursor() as cursor:
        for sql, params in queries:
            if sql.lstrip().upper().startswith("SELECT"):
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params)
                plan = cursor.fetchone()[0]
                plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
                total += plan.get("Shared Hit Blocks", 0) + plan.get("Shared Read Blocks", 0)
    return total


def readers(name: str) -> dict:
    """endpoint key -> [(token, path)]: the same accounts in both databases (they share every row of this week)."""
    from django.db.models import Count

    from accounts.models import User
    from accounts.services import api_token_create
    from people.models import Volunteer
    from planning.models import Publication
    from shifts.models import Shift

    week = dt.date.fromisoformat(this_monday(name))
    volunteers = list(
        User.objects.filter(volunteer__assignments__run__publication__week=week).distinct().order_by("pk")[:40]
    )
    busiest = (
        Shift.objects.filter(week=week).values("community").annotate(n=Count("pk")).order_by("-n", "community")[:20]
    )
    coordinators = [
        user
        for row in busiest
        if (
            user := User.objects.filter(role=User.Role.COMMUNITY, community_id=row["community"], is_active=True)
            .order_by("pk")
            .first()
        )
    ]
    runs = []
    for publication in Publication.objects.filter(week=week).order_by("run_id"):
        reviewer = (
            User.objects.filter(role=User.Role.SUBDISTRICT, sub_district__pk=publication.scope_key.split(":")[1])
            .filter(is_active=True)
            .order_by("pk")
            .first()
        )
        if reviewer is not None:
            runs.append((reviewer, publication.run_id))
    units = (
        Volunteer.objects.filter(kind=Volunteer.Kind.IN_OFFICE, consent_share_with_unit=True)
        .values("employer_unit")
        .annotate(n=Count("pk"))
        .order_by("-n", "employer_unit")[:20]
    )
    representatives = [
        user
        for row in units
        if (user := User.objects.filter(role=User.Role.UNIT, unit_id=row["employer_unit"], is_active=True).first())
    ]
    token = {user.pk: api_token_create(user=user) for user in {*volunteers, *coordinators, *representatives}}
    token.update({reviewer.pk: api_token_create(user=reviewer) for reviewer, _ in runs})
    year_start, last_week = (
        week.replace(month=1, day=1),
        f"date_from={week - dt.timedelta(days=7)}&date_to={week - dt.timedelta(days=1)}",
    )
    sub_districts = [(token[reviewer.pk], reviewer) for reviewer, _ in runs]
    return {
        "me": [(token[u.pk], "/api/auth/me/") for u in volunteers],
        "my_posts": [(token[u.pk], "/api/me/posts/") for u in volunteers],
        "my_hours": [(token[u.pk], "/api/attendance/mine/?page=1&page_size=200") for u in volunteers],
        "records_summary": [(token[u.pk], "/api/records/mine/summary/") for u in volunteers],
        "my_hours_one": [(token[u.pk], "/api/attendance/mine/?page=1&page_size=1") for u in volunteers],
        "my_records": [(token[u.pk], "/api/records/?page=1&page_size=20") for u in volunteers],
        "my_records_week": [(token[u.pk], f"/api/records/?{last_week}&page=1&page_size=20") for u in volunteers],
        "shifts": [(token[u.pk], f"/api/shifts/?week={week}&ordering=start&page=1&page_size=20") for u in coordinators],
        "record_review": [
            (token[u.pk], "/api/records/?status=pending&source=manual&page=1&page_size=20") for u in coordinators
        ],
        "no_shows": [
            (token[u.pk], f"/api/attendance/?status=no_show&week={week - dt.timedelta(days=7)}&page=1&page_size=200")
            for u in coordinators
        ],
        "review": [
            (token[reviewer.pk], f"/api/planning/runs/{run}/assignments/?page=1&page_size=200")
            for reviewer, run in runs
        ],
        "dashboard_runs": [
            (key, f"/api/planning/runs/?week={week}&status=done&page=1&page_size=1") for key, _ in sub_districts
        ],
        "dashboard_needs": [(key, "/api/needs/overdue-count/") for key, _ in sub_districts],
        "unit_bookings": [
            (token[u.pk], f"/api/unit/bookings/?week={week}&page=1&page_size=50") for u in representatives
        ],
        "unit_records": [
            (
                token[u.pk],
                f"/api/records/?date_from={year_start}&date_to={week + dt.timedelta(days=6)}&page=1&page_size=200",
            )
            for u in representatives
        ],
        "unit_records_week": [
            (token[u.pk], f"/api/records/?{last_week}&page=1&page_size=200") for u in representatives
        ],
    }


# ---------------------------------------------------------------- the parent: rounds over both children


def child(name: str) -> subprocess.Popen:
    process = subprocess.Popen(
        # -P: not benchmarks/ first on the path, whose matching.py would hide the package
        [str(PYTHON), "-P", str(Path(__file__).resolve()), "--serve", name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    hello = json.loads(process.stdout.readline())
    say(f"{name}: readers {hello['readers']}")
    return process


def ask(process: subprocess.Popen, **order) -> dict:
    process.stdin.write(json.dumps(order) + "\n")
    process.stdin.flush()
    line = process.stdout.readline()
    if not line:
        raise SystemExit("a measuring process ended early; see its error above")
    return json.loads(line)


def measure(endpoints: list, rounds: int, requests: int) -> dict:
    children = {WEEK_DB: child(WEEK_DB), YEAR_DB: child(YEAR_DB)}
    samples = {
        key: {name: {"queries": set(), "rows": [], "buffers": [], "cpu": [], "wall": []} for name in children}
        for key, _ in endpoints
    }
    try:
        for number in range(rounds):
            order = list(children) if number % 2 == 0 else list(reversed(children))
            for key, _ in endpoints:
                for name in order:
                    got = ask(children[name], key=key, requests=requests, offset=number * requests, explain=number < 4)
                    sample = samples[key][name]
                    sample["queries"].add(got["queries"])
                    sample["rows"].append(got["rows"])
                    if got["buffers"] is not None:
                        sample["buffers"].append(got["buffers"])
                    sample["cpu"] += got["cpu"]
                    sample["wall"] += got["wall"]
            say(f"round {number + 1} of {rounds} done")
    finally:
        for process in children.values():
            process.stdin.close()
            process.wait(timeout=60)
    results = {}
    for key, label in endpoints:
        week, year = samples[key][WEEK_DB], samples[key][YEAR_DB]
        row = {"label": label}
        for name, sample in ((("week", week)), ("year", year)):
            row[name] = {
                "queries": sorted(sample["queries"]),
                "rows_median": statistics.median(sample["rows"]),
                "buffers_median": statistics.median(sample["buffers"]),
                "cpu_ms": round(statistics.median(sample["cpu"]), 2),
                "wall_ms": round(statistics.median(sample["wall"]), 2),
            }
        row["cpu_ratio"] = round(row["year"]["cpu_ms"] / row["week"]["cpu_ms"], 2)
        row["wall_ratio"] = round(row["year"]["wall_ms"] / row["week"]["wall_ms"], 2)
        row["buffers_ratio"] = round(row["year"]["buffers_median"] / max(row["week"]["buffers_median"], 1), 2)
        # per reader the same in both (a reader with an empty page skips the page's prefetches, in both databases)
        row["queries_unchanged"] = week["queries"] == year["queries"]
        row["goal_met"] = row["queries_unchanged"] and row["cpu_ratio"] <= GOAL
        row["same_rows"] = row["week"]["rows_median"] == row["year"]["rows_median"]
        results[key] = row
    return results


def verdict(row: dict) -> str:
    """The goal on CPU time: the serving process's own work, which the other sessions on this shared machine
    disturb far less than the wall time (the trivial endpoint's wall ratio in the same run shows that noise)."""
    if row["goal_met"]:
        return "met"
    return "MISSED" if row["same_rows"] else "MISSED (more rows shown)"


def table(results: dict) -> str:
    head = (
        f"{'endpoint':<60} {'rows':>7} {'queries':>9} {'CPU ms week/year':>17} {'x':>5} "
        f"{'wall ms week/year':>18} {'x':>5} {'DB buffers':>11} {'x':>5}  goal"
    )
    lines = [head, "-" * len(head)]
    for row in results.values():
        queries = "/".join(str(q) for q in row["week"]["queries"])
        if not row["queries_unchanged"]:
            queries += "->" + "/".join(str(q) for q in row["year"]["queries"])
        rows = f"{row['week']['rows_median']:g}/{row['year']['rows_median']:g}"
        buffers = f"{row['week']['buffers_median']:g}/{row['year']['buffers_median']:g}"
        lines.append(
            f"{row['label']:<60} {rows:>7} {queries:>9} {row['week']['cpu_ms']:>8.1f}/{row['year']['cpu_ms']:<8.1f} "
            f"{row['cpu_ratio']:>5.2f} {row['week']['wall_ms']:>9.1f}/{row['year']['wall_ms']:<8.1f} "
            f"{row['wall_ratio']:>5.2f} {buffers:>11} {row['buffers_ratio']:>5.2f}  {verdict(row)}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=40, help="alternating rounds over the two databases")
    parser.add_argument("--requests", type=int, default=5, help="requests per endpoint, round and database")
    parser.add_argument("--reset", action="store_true", help="drop and rebuild both databases")
    parser.add_argument("--only", help="comma-separated endpoint keys (default: all)")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.reset:
        psql(f"DROP DATABASE IF EXISTS {YEAR_DB}")
        psql(f"DROP DATABASE IF EXISTS {WEEK_DB}")
    seed_week()
    seed_year()
    for name in (WEEK_DB, YEAR_DB):
        manage(name, "migrate", "-v", "0")  # a database seeded by an earlier run gets this code's indexes too
        psql("ANALYZE", name)
    endpoints = [(key, label) for key, label in ENDPOINTS if not args.only or key in args.only.split(",")]
    load_before = os.getloadavg()
    started = time.perf_counter()
    results = measure(endpoints, args.rounds, args.requests)
    load_after = os.getloadavg()
    print(table(results))
    report = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip(),
        "rounds": args.rounds,
        "requests_per_round": args.requests,
        "seconds": round(time.perf_counter() - started),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "databases": {WEEK_DB: sizes(WEEK_DB), YEAR_DB: sizes(YEAR_DB)},
        "goal": f"year <= {GOAL} x week (CPU per request; wall shown), queries per request unchanged",
        "endpoints": results,
    }
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    say(f"written {OUT}; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")


if __name__ == "__main__":
    main()
