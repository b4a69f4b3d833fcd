"""The season simulator (issue 18): weeks of a district lived through the real stack (its own PostgreSQL cluster and
Redis, two Celery worker processes, beat's tasks sent as the simulated time passes their schedule) with a clock it
moves (core.clock), people acting through the REST API, faults injected by seed, and invariants checked after every
week with the simulator's own SQL. A violation stops the run with the seed and the week.

    .venv/bin/python benchmarks/season.py --scale small --weeks 2 --seed 1 [--no-faults] [--json out.json]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import heapq
import io
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import zoneinfo
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BACKEND = REPO / "backend"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
FINAL = ("done", "failed", "cancelled")
DECLINE_REASONS = ["家中有事", "临时加班", "身体不适", "外出探亲", "时间冲突"]
FAULT_KINDS = (
    "worker_killed_solving",
    "worker_killed_backfilling",
    "worker_killed_notices",
    "worker_killed_export",
    "redis_restarted",
    "postgres_restarted",
    "publish_twice_at_once",
    "answer_twice_at_once",
)


class InvariantViolation(AssertionError):
    """An invariant of the season does not hold; the run stops with the seed and the week."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(what: str, predicate, seconds: float = 120, every: float = 0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise TimeoutError(f"timed out after {seconds} s waiting for {what}")


# ---------------------------------------------------------------- the services the simulator owns


class Postgres:
    """A PostgreSQL cluster of the simulator's own (initdb into var/season/pg on a free port), restartable."""

    def __init__(self, root: Path):
        self.data = root / "pg"
        self.port = free_port()
        self.log = root / "pg.log"

    def _as_postgres(self, *command: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, timeout=300)

    def start(self) -> None:
        if not (self.data / "PG_VERSION").exists():
            self.data.mkdir(parents=True, exist_ok=True)
            shutil.chown(self.data, "postgres", "postgres")
            self._as_postgres(
                str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"
            )
        self.log.touch()
        shutil.chown(self.log, "postgres", "postgres")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.data} -c fsync=off"
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start"
        )

    def stop(self) -> None:
        self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


class Redis:
    """A redis-server of the simulator's own on a free port, restartable; with an append-only file, as
    docker-compose.yml runs production's, so that a restart keeps the queued tasks."""

    def __init__(self, root: Path):
        self.port = free_port()
        self.log = root / "redis.log"
        self.data = root / "redis"
        self.data.mkdir(exist_ok=True)
        self.process: subprocess.Popen | None = None

    def _ping(self) -> bool:
        done = subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True)
        return done.stdout.strip() == "PONG"

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "yes", "--dir", str(self.data)]
        self.process = subprocess.Popen(command, stdout=self.log.open("a"), stderr=subprocess.STDOUT)
        wait_for("Redis to start", self._ping, 30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def restart(self) -> None:
        self.stop()
        self.start()

    def cli(self, *args: str) -> str:
        return subprocess.run(["redis-cli", "-p", str(self.port), *args], capture_output=True, text=True).stdout

    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


class Workers:
    """Two Celery worker processes (solo pool, as the fault tests start them) on the simulated clock; a killed one
    is started again, as a service manager would."""

    def __init__(self, root: Path, env: dict, count: int = 2):
        self.root, self.env, self.count = root, env, count
        self.processes: list[subprocess.Popen | None] = [None] * count

    def start(self, index: int) -> None:
        log = (self.root / f"worker-{index}.log").open("a")
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "--loglevel", "INFO"]
        command += ["--without-heartbeat", "--without-gossip", "--without-mingle", "-n", f"season{index}@%h"]
        self.processes[index] = subprocess.Popen(
            command, cwd=BACKEND, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def start_all(self) -> None:
        for index in range(self.count):
            self.start(index)

    def kill(self, index: int) -> None:
        process = self.processes[index]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        self.start(index)

    def revive(self) -> int:
        """Starts again every worker that exited by itself (as a service manager with a restart policy would);
        how many."""
        dead = [i for i, process in enumerate(self.processes) if process is not None and process.poll() is not None]
        for index in dead:
            self.start(index)
        return len(dead)

    def stop_all(self) -> None:
        for process in self.processes:
            if process and process.poll() is None:
                process.terminate()
        for process in self.processes:
            if process:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(
            line
            for index in range(self.count)
            for line in (self.root / f"worker-{index}.log").read_text(errors="replace").splitlines()[-lines:]
        )


# ---------------------------------------------------------------- the report


@dataclass
class Report:
    seed: int
    scale: str
    weeks: int = 0
    actions: collections.Counter = field(default_factory=collections.Counter)
    faults: collections.Counter = field(default_factory=collections.Counter)
    checks: collections.Counter = field(default_factory=collections.Counter)
    beat: collections.Counter = field(default_factory=collections.Counter)
    quality: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    setup_seconds: float = 0.0
    violation: str | None = None

    def as_dict(self) -> dict:
        return {
            "seed": self.seed,
            "scale": self.scale,
            "weeks": self.weeks,
            "actions": dict(sorted(self.actions.items())),
            "faults": dict(sorted(self.faults.items())),
            "invariant_checks_passed": dict(sorted(self.checks.items())),
            "beat_tasks_sent": dict(sorted(self.beat.items())),
            "plan_quality": self.quality,
            "setup_seconds": round(self.setup_seconds, 1),
            "wall_seconds": round(self.seconds, 1),
            "violation": self.violation,
        }

    def print(self) -> None:
        print(f"season: seed {self.seed}, scale {self.scale}, {self.weeks} weeks in {self.seconds:.0f} s", flush=True)
        print(f"  setup (cluster, migrate, seed): {self.setup_seconds:.0f} s")
        print("  actions: " + ", ".join(f"{k} {v}" for k, v in sorted(self.actions.items())))
        print("  faults: " + (", ".join(f"{k} {v}" for k, v in sorted(self.faults.items())) or "none"))
        print("  beat tasks sent: " + ", ".join(f"{k} {v}" for k, v in sorted(self.beat.items())))
        print("  invariant checks passed: " + ", ".join(f"{k} {v}" for k, v in sorted(self.checks.items())))
        for row in self.quality:
            print(
                f"  week {row['week']}: seats {row['seats']}, filled {row['filled']}, unfilled {row['unfilled']},"
                f" worst gap {row['worst_gap']}"
            )
        if self.violation:
            print(f"  VIOLATION: {self.violation}")


# ---------------------------------------------------------------- beat, by the simulated clock


class Beat:
    """Sends beat's tasks (settings.CELERY_BEAT_SCHEDULE) once for every move of the clock that passes at least one
    of their due minutes, as beat itself does after a pause (it does not replay every missed minute)."""

    def __init__(self, schedule: dict, send, report: Report):
        self.entries = [(name, entry["task"], entry["schedule"]) for name, entry in schedule.items()]
        self.send, self.report = send, report

    @staticmethod
    def _due(cron, local: dt.datetime) -> bool:
        return (
            local.minute in cron.minute
            and local.hour in cron.hour
            and local.isoweekday() % 7 in cron.day_of_week
            and local.day in cron.day_of_month
            and local.month in cron.month_of_year
        )

    def passed(self, start: dt.datetime, end: dt.datetime) -> list[str]:
        """Task names with a due minute in (start, end], in schedule order."""
        due, minute = [], start.astimezone(ZONE).replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
        end = end.astimezone(ZONE)
        pending = list(self.entries)
        while minute <= end and pending:
            for entry in list(pending):
                if self._due(entry[2], minute):
                    due.append(entry[1])
                    pending.remove(entry)
            minute += dt.timedelta(minutes=1)
        return due

    def fire(self, start: dt.datetime, end: dt.datetime) -> None:
        for task in self.passed(start, end):
            self.send(task)
            self.report.beat[task] += 1


# ---------------------------------------------------------------- the season


class Season:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.report = Report(seed=args.seed, scale=args.scale)
        self.root = Path(args.var).resolve()
        self.workers = self.redis = self.postgres = None
        self.clock_file = self.root / "clock"
        self.week_number = 0
        self.now: dt.datetime | None = None
        self.timeline: list = []
        self.sequence = 0
        self.faults_now: set[str] = set()
        self.current = ""
        self.published: dict[dt.date, list[int]] = {}
        self.tokens: dict[int, str] = {}
        self.present: dict[int, list] = collections.defaultdict(list)

    # -------------------------------------------- set-up and tear-down

    def setup(self, first_monday: dt.date) -> None:
        started = time.monotonic()
        if self.root.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True)
        os.chmod(self.root, 0o755)
        self.postgres, self.redis = Postgres(self.root), Redis(self.root)
        self.postgres.start()
        self.redis.start()
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(PG_BIN / "createdb"), "-h", "127.0.0.1"]
            + ["-p", str(self.postgres.port), "season"],
            check=True,
            capture_output=True,
        )
        self.now = dt.datetime.combine(first_monday - dt.timedelta(days=3), dt.time(12), tzinfo=ZONE)
        from_file = {
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DATABASE_URL": self.postgres.url("season"),
            "REDIS_URL": self.redis.url(),
            "SIMULATED_CLOCK_FILE": str(self.clock_file),
            "VAR_DIR": str(self.root / "var"),
            "DJANGO_DEBUG": "false",
            "LOG_LEVEL": "WARNING",
            "PLANNING_TIME_LIMIT_SECONDS": str(self.args.time_limit),
            "PLANNING_SOLVER": "highs",
            "AXES_ENABLED": "false",
            "THROTTLE_RATE_USER": "100000/minute",
            "THROTTLE_RATE_ANON": "100000/minute",
            # counters of its own processes in a folder of its own, not in the working directory or another's
            "PROMETHEUS_MULTIPROC_DIR": str(self.root / "metrics"),
        }
        (self.root / "metrics").mkdir()
        os.environ.update(from_file)
        self.env = {**os.environ}
        sys.path.insert(0, str(BACKEND))
        from core.clock import clock_set

        clock_set(self.clock_file, self.now)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("seed_demo", scale=self.args.scale, seed=self.args.seed, week=first_monday, stdout=io.StringIO())
        from django.conf import settings

        from config.celery import app

        self.app = app
        self.beat = Beat(settings.CELERY_BEAT_SCHEDULE, lambda task: app.send_task(task), self.report)
        self.workers = Workers(self.root, self.env)
        self.workers.start_all()
        self.report.setup_seconds = time.monotonic() - started

    def teardown(self) -> None:
        for service, stop in ((self.workers, "stop_all"), (self.redis, "stop"), (self.postgres, "stop")):
            if service is None:
                continue
            try:
                getattr(service, stop)()
            except Exception as error:  # noqa: BLE001 - tear-down goes on: the other services must stop too
                print(f"tear-down: {error}", file=sys.stderr)

    # -------------------------------------------- time

    def advance(self, to: dt.datetime) -> None:
        """Moves every process's clock to `to` and sends the beat tasks whose schedule it passed."""
        from core.clock import clock_set, now

        start = now()
        if to <= start:
            return
        clock_set(self.clock_file, to)
        self.now = to
        self.beat.fire(start, to)

    def advance_by(self, **delta) -> None:
        from core.clock import now

        self.advance(now() + dt.timedelta(**delta))

    # -------------------------------------------- the API

    def client(self, user):
        from rest_framework.test import APIClient

        client = APIClient()
        client.force_authenticate(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    def act(self, kind: str, response, allowed=(200, 201, 202, 204), refused=()) -> dict | None:
        """Counts an action and returns its body. A status in `refused` is a refusal the product owes in the one
        error shape (counted as such); any other status outside `allowed` stops the run: a bug worth seeing."""
        if response.status_code in refused:
            body = response.json()
            if set(body) != {"message", "extra"}:
                raise InvariantViolation(f"{kind}: HTTP {response.status_code} not in the one error shape: {body}")
            self.report.actions[f"{kind}_refused_{body['extra'].get('code', response.status_code)}"] += 1
            return None
        if response.status_code not in allowed:
            body = response.content[:1000].decode(errors="replace")
            raise InvariantViolation(f"{kind}: HTTP {response.status_code}: {body}")
        self.report.actions[kind] += 1
        return response.json() if response.content and response["Content-Type"].startswith("application/json") else None

    def queue_idle(self) -> bool:
        """Nothing waiting in the queue. (A task taken by a worker that was killed stays in kombu's `unacked` until
        its visibility timeout; the product's sweepers and reaper take its work up sooner, by the clock.)"""
        return self.redis.cli("llen", "celery").strip() in ("0", "")

    def settle(self, what: str, done=lambda: True, seconds: float = 300) -> None:
        """Waits (in real time; the simulated clock runs on with it) until the queue is empty and `done` holds; a
        run whose worker died is taken up by the reaper once the clock passes its stale time."""
        deadline = time.monotonic() + seconds
        idle_since = None
        while time.monotonic() < deadline:
            # a worker exits on some faults by itself (e.g. its result store lost with PostgreSQL): noted, restarted
            self.report.actions["worker_exited_and_restarted"] += self.workers.revive()
            if self.queue_idle() and done():
                if idle_since and time.monotonic() - idle_since > 0.5:
                    return
                idle_since = idle_since or time.monotonic()
            else:
                idle_since = None
            time.sleep(0.2)
        raise InvariantViolation(f"{what}: not settled after {seconds} s\n{self.workers.log_tail()}")

    # -------------------------------------------- faults

    def plan_faults(self) -> dict[int, set[str]]:
        """Which faults strike in which week: every kind once per round, shuffled by the seed."""
        plan: dict[int, set[str]] = collections.defaultdict(set)
        if not self.args.faults:
            return plan
        kinds = list(FAULT_KINDS) * max(1, -(-self.args.weeks * 4 // len(FAULT_KINDS)))
        self.rng.shuffle(kinds)
        for index, kind in enumerate(kinds[: max(len(FAULT_KINDS), self.args.weeks * 4)]):
            plan[index % self.args.weeks].add(kind)
        return plan

    def fault(self, kind: str) -> bool:
        """Whether `kind` strikes now (once per week it is planned for)."""
        if kind in self.faults_now:
            self.faults_now.discard(kind)
            self.report.faults[kind] += 1
            return True
        return False

    def kill_workers_when(self, kind: str, busy) -> None:
        """SIGKILL both workers the moment `busy()` holds (a task of that kind is in hand), if this fault is due."""
        if kind not in self.faults_now:
            return
        try:
            wait_for(kind, busy, seconds=60, every=0.05)
        except TimeoutError:
            return  # the work finished before it could be caught; the fault stays planned for a later moment
        self.fault(kind)
        for index in range(self.workers.count):
            self.workers.kill(index)

    def restart_services_if_due(self) -> None:
        from django.db import connections

        if self.fault("redis_restarted"):
            self.redis.restart()
        if self.fault("postgres_restarted"):
            connections.close_all()
            self.postgres.restart()
            connections.close_all()

    # -------------------------------------------- the week

    def users(self):
        from django.contrib.auth import get_user_model

        return get_user_model()

    def schedule(self, at: dt.datetime, what: str, action) -> None:
        """Puts `action` on the timeline at `at` (weeks overlap: next week's Friday preparation comes before this
        week's weekend shifts)."""
        self.sequence += 1
        heapq.heappush(self.timeline, (at, self.sequence, what, action))

    def schedule_week(self, monday: dt.date) -> None:
        friday, saturday, sunday_before = (monday - dt.timedelta(days=n) for n in (3, 2, 1))

        def at(day, hour, minute=0, second=0):
            return dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=ZONE)

        self.schedule(at(friday, 18, 0, 30), f"{monday} Friday preparation", lambda: self.prepare(monday))
        self.schedule(at(saturday, 10), f"{monday} review and publication", lambda: self.review(monday))
        self.schedule(at(saturday, 15), f"{monday} answers", lambda: self.answer(monday))
        self.schedule(at(sunday_before, 10), f"{monday} claims", lambda: self.claim_open_seats(monday))
        self.schedule(at(sunday_before, 11), f"{monday} withdrawal", lambda: self.withdraw_a_resource(monday))
        self.schedule(at(sunday_before, 12), f"{monday} shifts", lambda: self.schedule_shifts(monday))
        self.schedule(at(monday + dt.timedelta(days=6), 20), f"{monday} records", lambda: self.manual_records(monday))
        self.schedule(at(monday + dt.timedelta(days=7), 5), f"{monday} export", lambda: self.export(monday))
        self.schedule(at(monday + dt.timedelta(days=7), 6), f"{monday} invariants", lambda: self.close_week(monday))

    def prepare(self, monday: dt.date) -> None:
        """Friday 18:00: beat's preparation (sent as the clock passed it) makes the week's shifts and a draft run
        per community; the simulator waits for them."""
        from planning.models import MatchingRun
        from shifts.models import Shift

        self.kill_workers_when(
            "worker_killed_solving", lambda: MatchingRun.objects.filter(week=monday, status="solving").exists()
        )
        self.restart_services_if_due()
        self.settle_with_time("the week's shifts", lambda: Shift.objects.filter(week=monday).exists())
        communities = set(Shift.objects.filter(week=monday).values_list("community_id", flat=True))
        self.settle_runs(monday, communities)

    def export(self, monday: dt.date) -> None:
        """Monday morning the district's administrator exports last week's service records as a workbook."""
        from reports.models import ExportJob

        admin = self.users().objects.filter(role="admin", is_active=True).order_by("pk").first()
        body = {
            "kind": "service_records",
            "format": "xlsx",
            "date_from": monday.isoformat(),
            "date_to": (monday + dt.timedelta(days=6)).isoformat(),
        }
        job = self.act("export_requested", self.client(admin).post("/api/exports/", body, format="json"))
        self.kill_workers_when(
            "worker_killed_export", lambda: ExportJob.objects.filter(pk=job["id"], status="running").exists()
        )
        self.settle_with_time(
            "the export", lambda: ExportJob.objects.filter(pk=job["id"], status__in=("done", "failed")).exists()
        )
        self.report.actions[f"export_{ExportJob.objects.get(pk=job['id']).status}"] += 1

    def close_week(self, monday: dt.date) -> None:
        from django.db import connections

        self.settle("the week's last tasks", seconds=300)
        connections.close_all()
        self.check_invariants(monday)
        self.report.quality.append(self.quality(monday, self.published.get(monday, [])))
        from ledgers.models import UnitLedger
        from reports.models import FeedbackReport

        # beat's monthly ledgers and quarterly feedback reports, written when the clock passed their dates
        self.report.actions["unit_ledgers_written_so_far"] = UnitLedger.objects.count()
        self.report.actions["feedback_reports_written_so_far"] = FeedbackReport.objects.count()
        self.report.weeks += 1
        print(f"week {self.report.weeks} ({monday}) checked", flush=True)

    def run(self, first: dt.date) -> None:
        plan = self.plan_faults()
        for number in range(self.args.weeks):
            self.schedule_week(first + dt.timedelta(weeks=number))
        while self.timeline:
            moment, _, what, action = heapq.heappop(self.timeline)
            self.week_number = (moment.date() - first + dt.timedelta(days=3)).days // 7 + 1
            self.faults_now |= plan.pop(self.week_number - 1, set())
            self.current = what
            self.advance(moment)
            action()

    def settle_runs(self, monday: dt.date, communities: set[int], seconds: float = 600) -> None:
        """Until every community of the week has a run and none is active; the clock moves 6 minutes every few
        real seconds of waiting, so that the reaper takes up runs whose worker died."""
        from planning.models import MatchingRun

        def done() -> bool:
            runs = MatchingRun.objects.filter(week=monday, level="community")
            return (
                set(runs.values_list("community_id", flat=True)) >= communities
                and not runs.exclude(status__in=FINAL).exists()
            )

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.settle("the week's runs", done, seconds=8)
                return
            except InvariantViolation:
                self.advance_by(minutes=6)
        missing = communities - set(
            MatchingRun.objects.filter(week=monday, level="community").values_list("community_id", flat=True)
        )
        raise InvariantViolation(
            f"runs of {monday} still active or missing (communities {sorted(missing)}) after {seconds} s"
        )

    def coordinator_of(self, community_id: int):
        return (
            self.users()
            .objects.filter(role="community_coordinator", community_id=community_id, is_active=True)
            .order_by("pk")
            .first()
        )

    def review(self, monday: dt.date) -> None:
        """Per community: pin one pair, remove another, run again, publish. A coordinator who finds no plan (or a
        failed one) starts a run first."""
        from planning.models import MatchingRun
        from shifts.models import Shift

        published = []
        latest = {}
        for run in MatchingRun.objects.filter(week=monday, level="community").order_by("version"):
            latest[run.community_id] = run
        for community_id in sorted(set(Shift.objects.filter(week=monday).values_list("community_id", flat=True))):
            run = latest.get(community_id)
            coordinator = self.coordinator_of(community_id)
            if coordinator is None or (run is not None and run.status == "done"):
                continue
            body = {"week": monday.isoformat(), "community": community_id, "time_limit": self.args.time_limit}
            response = self.client(coordinator).post("/api/planning/runs/", body, format="json")
            started = self.act("run_started_by_hand", response, refused=(409,))  # 409: one is still active
            self.settle_runs(monday, {community_id})
            latest[community_id] = (
                MatchingRun.objects.filter(week=monday, level="community", community_id=community_id)
                .order_by("version")
                .last()
            )
            if started is None:
                self.report.actions["run_found_active_and_awaited"] += 1
        for community_id, run in sorted(latest.items()):
            coordinator = self.coordinator_of(community_id)
            if coordinator is None or run.status != "done":
                self.report.actions["run_not_done_left_unpublished"] += 1
                continue
            client = self.client(coordinator)
            rows = self.act("list_plan", client.get(f"/api/planning/runs/{run.pk}/assignments/?page_size=500"))
            rows = rows["results"]
            if len(rows) >= 2 and self.rng.random() < 0.6:
                pin, remove = self.rng.sample(rows, 2)
                url = f"/api/planning/runs/{run.pk}/assignments/"
                self.act("pin", client.patch(f"{url}{pin['id']}/", {"pinned": True}, format="json"))
                self.act("remove", client.delete(f"{url}{remove['id']}/"))
                body = {"week": monday.isoformat(), "community": community_id, "time_limit": self.args.time_limit}
                again = self.act("rerun", client.post("/api/planning/runs/", body, format="json"))
                self.settle_runs(monday, {community_id})
                run = MatchingRun.objects.get(pk=again["id"])
                if run.status != "done":
                    self.report.actions["run_not_done_left_unpublished"] += 1
                    continue
            if self.fault("publish_twice_at_once"):
                self.publish_twice(run.pk, community_id)
            else:
                self.act("publish", client.post(f"/api/planning/runs/{run.pk}/publish/"))
            published.append(run.pk)
        from planning.models import Publication

        self.kill_workers_when(
            "worker_killed_notices",
            lambda: Publication.objects.filter(week=monday, notified_at__isnull=True).exists(),
        )
        self.settle("publication notices", seconds=300)
        self.published[monday] = published

    def twice_at_once(self, user, request) -> list[int]:
        """The status codes of `request(client)` sent by two threads of `user` released at the same moment (two
        tabs, a double tap), each on its own client and database connection."""
        from django.db import connection

        barrier, codes = threading.Barrier(2), []

        def send():
            try:
                client = self.client(user)
                barrier.wait()
                codes.append(request(client).status_code)
            finally:
                connection.close()

        threads = [threading.Thread(target=send) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sorted(codes)

    def publish_twice(self, run_id: int, community_id: int) -> None:
        """Two coordinators (or two tabs) publish the same run at the same moment: one publication, and a refusal
        or the same answer for the other."""
        codes = self.twice_at_once(
            self.coordinator_of(community_id), lambda client: client.post(f"/api/planning/runs/{run_id}/publish/")
        )
        if codes[0] not in (200, 201) or codes[-1] >= 500:
            raise InvariantViolation(f"two publications at once answered {codes}")
        self.report.actions["publish"] += 1
        self.report.actions["publish_refused_or_repeated"] += 1

    def live_assignments(self, monday: dt.date):
        """Assignments of the week's published runs that stand (no decline, move or cancellation)."""
        from planning.models import Assignment, Publication

        return (
            Assignment.objects.filter(run_id__in=Publication.objects.filter(week=monday).values("run_id"))
            .exclude(response__status__in=("declined", "moved", "cancelled"))
            .select_related("volunteer__user", "shift", "response")
            .order_by("pk")
        )

    def answer(self, monday: dt.date) -> None:
        """About 80% accept, 10% decline with a reason, the rest never answer; declines are backfilled."""
        from volunteering.models import AssignmentResponse, Backfill

        rows = list(self.live_assignments(monday))
        declined = 0
        for index, row in enumerate(rows):
            if index == len(rows) // 2:
                self.restart_services_if_due()
            client = self.client(row.volunteer.user)
            draw = self.rng.random()
            if draw < 0.8:
                # a backfill may have moved the person meanwhile (a decline of someone else): refused, answer that one
                self.act("accept", client.post(f"/api/me/posts/{row.pk}/accept/"), refused=(409,))
            elif draw < 0.9:
                reason = {"reason": self.rng.choice(DECLINE_REASONS)}
                if self.fault("answer_twice_at_once"):
                    self.decline_twice(row, reason)
                else:
                    self.act(
                        "decline",
                        client.post(f"/api/me/posts/{row.pk}/decline/", reason, format="json"),
                        refused=(409,),
                    )
                declined += 1
                self.kill_workers_when(
                    "worker_killed_backfilling",
                    lambda: AssignmentResponse.objects.filter(
                        status="declined", assignment__backfill__isnull=True
                    ).exists(),
                )
            else:
                self.report.actions["never_answered"] += 1

        def backfilled() -> bool:
            return not AssignmentResponse.objects.filter(
                status="declined", assignment__shift__week=monday, assignment__backfill__isnull=True
            ).exists()

        self.settle_with_time("backfills", backfilled)
        self.report.actions["backfills_done"] += Backfill.objects.filter(declined__shift__week=monday).count()

    def settle_with_time(self, what: str, done, seconds: float = 600) -> None:
        """settle(), moving the clock 6 minutes every few real seconds (beat's resume and sweep tasks take up work
        whose message was lost with a broker or a worker)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.settle(what, done, seconds=8)
                return
            except InvariantViolation:
                self.advance_by(minutes=6)
        raise InvariantViolation(f"{what}: not settled after {seconds} s\n{self.workers.log_tail()}")

    def decline_twice(self, row, reason: dict) -> None:
        codes = self.twice_at_once(
            row.volunteer.user,
            lambda client: client.post(f"/api/me/posts/{row.pk}/decline/", reason, format="json"),
        )
        if codes[-1] >= 500 or 200 not in codes:
            raise InvariantViolation(f"one volunteer declining twice at once answered {codes}")
        self.report.actions["decline"] += 1
        self.report.actions["decline_repeated_at_once"] += 1

    def claim_open_seats(self, monday: dt.date) -> None:
        """Volunteers of communities with unfilled seats look at the open seats; some take one."""
        from people.models import Volunteer
        from planning.models import Publication, UnfilledSeat

        communities = list(
            UnfilledSeat.objects.filter(
                run_id__in=Publication.objects.filter(week=monday).values("run_id"), missing__gt=0
            )
            .values_list("shift__community_id", flat=True)
            .distinct()
        )
        for community_id in sorted(communities)[:10]:
            people = list(
                Volunteer.objects.filter(home_community_id=community_id, user__is_active=True)
                .order_by("pk")
                .values_list("user_id", flat=True)
            )
            for user_id in self.rng.sample(people, min(3, len(people))):
                client = self.client(self.users().objects.get(pk=user_id))
                seats = self.act("open_seats_looked_at", client.get("/api/volunteering/open-seats/"))
                if seats and self.rng.random() < 0.5:
                    seat = self.rng.choice(seats)
                    response = client.post(f"/api/volunteering/open-seats/{seat['shift']}/claim/")
                    # taken meanwhile by another claim or a backfill: a 4xx in the one error shape, not a failure
                    self.act("claim", response, refused=(400, 409))

    def withdraw_a_resource(self, monday: dt.date) -> None:
        """A unit withdraws one of its booked resources for the day it is booked; the booking is backfilled."""
        from lending.models import ResourceWithdrawal
        from planning.models import Publication, ResourceBooking

        represented = self.users().objects.filter(role="unit_representative", is_active=True).values("unit_id")
        bookings = list(
            ResourceBooking.objects.filter(
                run_id__in=Publication.objects.filter(week=monday).values("run_id"),
                resource__unit_id__in=represented,
            )
            .select_related("resource", "request__shift")
            .order_by("pk")
        )
        if not bookings:
            return
        booking = self.rng.choice(bookings)
        representative = (
            self.users()
            .objects.filter(role="unit_representative", is_active=True, unit_id=booking.resource.unit_id)
            .order_by("pk")
            .first()
        )
        day = booking.request.shift.start.astimezone(ZONE).date()
        body = {"date": day.isoformat(), "reason": "单位临时使用"}
        response = self.client(representative).post(
            f"/api/unit/resources/{booking.resource_id}/withdraw/", body, format="json"
        )
        self.act("resource_withdrawn", response, refused=(400, 409))
        self.settle_with_time(
            "resource backfills",
            lambda: not ResourceWithdrawal.objects.filter(backfilled_at__isnull=True).exists(),
        )

    def schedule_shifts(self, monday: dt.date) -> None:
        """Each published shift's people check in at its start (about 5% do not come) and out at its end (some
        forget)."""
        from shifts.models import Shift

        for shift in Shift.objects.filter(week=monday).exclude(status="cancelled").order_by("start", "pk"):
            self.schedule(shift.start + dt.timedelta(seconds=30), f"{monday} check-in", partial(self.check_in, shift))
            self.schedule(shift.end - dt.timedelta(seconds=30), f"{monday} check-out", partial(self.check_out, shift))

    def check_in(self, shift) -> None:
        if self.fault("redis_restarted"):
            self.redis.restart()
        if self.rng.random() < 0.02:
            self.restart_services_if_due()
        people = [row for row in self.live_assignments(shift.week) if row.shift_id == shift.pk]
        if not people:
            return
        coordinator = self.coordinator_of(shift.community_id)
        token = self.act("qr_token", self.client(coordinator).get(f"/api/attendance/shifts/{shift.pk}/qr-token/"))
        self.tokens[shift.pk] = token["token"]
        for row in people:
            answered = getattr(row, "response", None)
            if self.rng.random() >= (0.95 if answered is not None else 0.6):
                self.report.actions["no_show"] += 1
                continue
            response = self.client(row.volunteer.user).post(
                "/api/attendance/check-in/", {"token": self.tokens[shift.pk]}, format="json"
            )
            # a person on two overlapping shifts is refused the second check-in in the one error shape
            if self.act("check_in", response, refused=(400, 409)) is not None:
                self.present[shift.pk].append(row.volunteer.user)

    def check_out(self, shift) -> None:
        for user in self.present.pop(shift.pk, []):
            if self.rng.random() < 0.05:
                self.report.actions["check_out_forgotten"] += 1
                continue
            response = self.client(user).post(
                "/api/attendance/check-out/", {"token": self.tokens[shift.pk]}, format="json"
            )
            self.act("check_out", response)

    def manual_records(self, monday: dt.date) -> None:
        """On Sunday evening a few volunteers file hours served outside the plan; coordinators approve most."""
        from people.models import Volunteer

        sunday = monday + dt.timedelta(days=6)
        people = list(Volunteer.objects.filter(user__is_active=True).order_by("pk").values_list("pk", flat=True))
        for volunteer_id in self.rng.sample(people, min(4, len(people))):
            volunteer = Volunteer.objects.select_related("user").get(pk=volunteer_id)
            body = {
                "title": "入户走访",
                "date": sunday.isoformat(),
                "minutes": self.rng.choice([30, 60, 90, 120]),
                "evidence": "社区签到表",
            }
            record = self.act(
                "manual_record_filed", self.client(volunteer.user).post("/api/records/", body, format="json")
            )
            coordinator = self.coordinator_of(volunteer.home_community_id)
            if coordinator is None or record is None:
                continue
            client = self.client(coordinator)
            if self.rng.random() < 0.7:
                self.act(
                    "manual_record_approved", client.post(f"/api/records/{record['id']}/approve/", {}, format="json")
                )
            else:
                body = {"note": "缺少证明"}
                self.act(
                    "manual_record_rejected", client.post(f"/api/records/{record['id']}/reject/", body, format="json")
                )

    # -------------------------------------------- invariants (the simulator's own SQL, not the product's code)

    LIVE = """
        SELECT a.id, a.volunteer_id, a.run_id, s.id AS shift_id, s.start, s."end", s.seats, s.week
        FROM planning_assignment a
        JOIN planning_publication p ON p.run_id = a.run_id
        JOIN shifts_shift s ON s.id = a.shift_id
        LEFT JOIN volunteering_assignmentresponse r ON r.assignment_id = a.id
        WHERE s.status <> 'cancelled' AND (r.status IS NULL OR r.status NOT IN ('declined', 'moved', 'cancelled'))
    """

    INVARIANTS = {
        "no_person_in_two_places_on_the_plan": f"""
            WITH live AS ({LIVE})
            SELECT x.volunteer_id, x.shift_id, y.shift_id FROM live x JOIN live y
              ON x.volunteer_id = y.volunteer_id AND x.id < y.id AND x.start < y."end" AND y.start < x."end"
        """,
        "no_person_in_two_places_in_attendance": """
            SELECT x.volunteer_id, x.shift_id, y.shift_id FROM attendance_attendance x JOIN attendance_attendance y
              ON x.volunteer_id = y.volunteer_id AND x.id < y.id AND x.status = 'present' AND y.status = 'present'
             AND x.checked_in_at < COALESCE(y.checked_out_at, y.checked_in_at + interval '1 minute')
             AND y.checked_in_at < COALESCE(x.checked_out_at, x.checked_in_at + interval '1 minute')
        """,
        "no_seat_over_filled": f"""
            WITH live AS ({LIVE})
            SELECT shift_id, count(*), max(seats) FROM live GROUP BY shift_id HAVING count(*) > max(seats)
        """,
        "every_published_seat_filled_or_unfilled_with_a_reason": f"""
            WITH live AS ({LIVE}),
            seats AS (
              SELECT p.run_id, s.id AS shift_id, s.seats FROM planning_publication p
              JOIN planning_matchingrun m ON m.id = p.run_id AND m.level = 'community'
              JOIN shifts_shift s ON s.community_id = m.community_id AND s.week = m.week AND s.status <> 'cancelled'
            )
            SELECT seats.run_id, seats.shift_id, seats.seats, count(live.id), max(u.missing), max(u.reasons::text)
            FROM seats
            LEFT JOIN live ON live.run_id = seats.run_id AND live.shift_id = seats.shift_id
            LEFT JOIN planning_unfilledseat u ON u.run_id = seats.run_id AND u.shift_id = seats.shift_id
            GROUP BY seats.run_id, seats.shift_id, seats.seats
            HAVING count(live.id) + COALESCE(max(u.missing), 0) < seats.seats
                OR (COALESCE(max(u.missing), 0) > 0
                    AND COALESCE(jsonb_array_length(max(u.reasons::text)::jsonb), 0) = 0)
        """,
        "every_decline_backfilled_or_reported": """
            SELECT a.id, a.run_id FROM volunteering_assignmentresponse r
            JOIN planning_assignment a ON a.id = r.assignment_id
            JOIN planning_publication p ON p.run_id = a.run_id
            LEFT JOIN volunteering_backfill b ON b.declined_id = a.id
            WHERE r.status = 'declined' AND b.id IS NULL
        """,
        "every_notice_once": """
            SELECT recipient_id, event_key, count(*) FROM notifications_notification
            GROUP BY recipient_id, event_key HAVING count(*) > 1
            UNION ALL
            SELECT notification_id, channel, count(*) FROM notifications_delivery
            WHERE notification_id IS NOT NULL AND status = 'sent'
            GROUP BY notification_id, channel HAVING count(*) > 1
        """,
        "every_publication_told": """
            SELECT p.run_id FROM planning_publication p WHERE p.notified_at IS NULL
        """,
        "every_person_on_a_published_plan_told": f"""
            WITH live AS ({LIVE})
            SELECT DISTINCT live.run_id, live.volunteer_id FROM live
            JOIN people_volunteer v ON v.id = live.volunteer_id
            WHERE NOT EXISTS (
              SELECT 1 FROM notifications_notification n
              WHERE n.recipient_id = v.user_id AND n.kind IN ('plan_published', 'backfill', 'seat_claimed')
            )
        """,
        "no_run_stuck_beyond_its_deadline": """
            SELECT 'matching', id, status, updated_at FROM planning_matchingrun
            WHERE status NOT IN ('done', 'failed', 'cancelled') AND updated_at < %(now)s - interval '1 hour'
            UNION ALL
            SELECT 'export', id, status, updated_at FROM reports_exportjob
            WHERE status NOT IN ('done', 'failed', 'cancelled') AND updated_at < %(now)s - interval '1 hour'
        """,
        "hours_in_records_equal_attendance": """
            SELECT a.id, a.minutes_served, r.minutes FROM attendance_attendance a
            LEFT JOIN records_servicerecord r ON r.attendance_id = a.id
            WHERE a.status = 'present' AND a.minutes_served > 0 AND a.checked_out_at < %(now)s - interval '1 hour'
              AND (r.id IS NULL OR (r.minutes <> a.minutes_served AND NOT EXISTS (
                     SELECT 1 FROM records_recordchange c WHERE c.record_id = r.id AND c.field = 'minutes')))
        """,
        "every_publication_in_the_audit_log": """
            SELECT p.id FROM planning_publication p
            WHERE NOT EXISTS (
              SELECT 1 FROM auditlog_logentry l JOIN django_content_type t ON t.id = l.content_type_id
              WHERE t.app_label = 'planning' AND t.model = 'publication' AND l.object_pk = p.id::text
            )
        """,
    }

    @classmethod
    def failing_invariants(cls, cursor, now: dt.datetime) -> dict[str, list]:
        """Each invariant that fails, with up to five of its offending rows."""
        failing = {}
        for name, sql in cls.INVARIANTS.items():
            cursor.execute(sql + " LIMIT 5", {"now": now})
            rows = cursor.fetchall()
            if rows:
                failing[name] = rows
        return failing

    def check_invariants(self, monday: dt.date) -> None:
        from django.db import connection

        from core.clock import now

        with connection.cursor() as cursor:
            failing = self.failing_invariants(cursor, now())
        if failing:
            raise InvariantViolation(f"in the week of {monday} (seed {self.args.seed}): {failing}")
        for name in self.INVARIANTS:
            self.report.checks[name] += 1
        self.check_stars(monday)

    def check_stars(self, monday: dt.date) -> None:
        """Each person's cumulative hours and stars, as their own summary shows them, equal what the thresholds
        (RECORDS_STAR_HOURS) give from their approved records, summed here (a sample of ten people with records)."""
        from django.conf import settings
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT v.user_id, sum(r.minutes) FROM records_servicerecord r
                   JOIN people_volunteer v ON v.id = r.volunteer_id
                   WHERE r.status = 'approved' GROUP BY v.user_id ORDER BY v.user_id"""
            )
            totals = cursor.fetchall()
        for user_id, minutes in self.rng.sample(totals, min(10, len(totals))):
            user = self.users().objects.get(pk=user_id)
            summary = self.act("records_summary_read", self.client(user).get("/api/records/mine/summary/"))
            stars = sum(1 for hours in settings.RECORDS_STAR_HOURS if minutes >= hours * 60)
            if (summary["minutes"], summary["stars"]) != (minutes, stars):
                raise InvariantViolation(
                    f"stars_and_hours_equal_the_records fails in the week of {monday} (seed {self.args.seed}): user "
                    f"{user_id} shows {summary['minutes']} min and {summary['stars']} stars; the records give "
                    f"{minutes} min and {stars} stars"
                )
        self.report.checks["stars_and_hours_equal_the_records"] += 1

    def quality(self, monday: dt.date, published: list[int]) -> dict:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                f"""WITH live AS ({self.LIVE})
                SELECT COALESCE(sum(s.seats), 0), COALESCE(sum(LEAST(s.seats, (SELECT count(*) FROM live
                       WHERE live.shift_id = s.id))), 0)
                FROM shifts_shift s WHERE s.week = %s AND s.status <> 'cancelled'""",
                [monday],
            )
            seats, filled = cursor.fetchone()
            cursor.execute("SELECT max(gap) FROM planning_matchingrun WHERE id = ANY(%s)", [published or [0]])
            (gap,) = cursor.fetchone()
        return {
            "week": monday.isoformat(),
            "runs_published": len(published),
            "seats": int(seats),
            "filled": int(filled),
            "unfilled": int(seats - filled),
            "worst_gap": None if gap is None else round(gap, 5),
        }


def first_monday(weeks: int) -> dt.date:
    """A Monday such that the season passes a month's end and, when it is long enough, a quarter's: the Monday of
    the week before the next quarter starts (at least a week from today)."""
    today = dt.date.today() + dt.timedelta(days=7)
    quarter = dt.date(today.year + (today.month > 9), (((today.month - 1) // 3 + 1) % 4) * 3 + 1, 1)
    start = quarter - dt.timedelta(days=7 if weeks <= 4 else 21)
    return start - dt.timedelta(days=start.weekday())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--scale", choices=("small", "district"), default="district")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--faults", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--time-limit", type=int, default=10, help="solver seconds per run")
    parser.add_argument("--var", default=str(REPO / "var" / "season"), help="the simulator's own folder")
    parser.add_argument("--json", dest="json_out", default=None, help="write the report here as JSON")
    parser.add_argument("--keep", action="store_true", help="leave the services running for a look afterwards")
    args = parser.parse_args(argv)
    season = Season(args)
    started = time.monotonic()
    monday = first_monday(args.weeks)
    code = 0
    try:
        season.setup(monday)
        season.run(monday)
    except InvariantViolation as violation:
        season.report.violation = f"seed {args.seed}, week {season.week_number} ({season.current}): {violation}"
        code = 1
    finally:
        season.report.seconds = time.monotonic() - started
        if not args.keep:
            season.teardown()
    season.report.print()
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(season.report.as_dict(), indent=2, ensure_ascii=False))
    return code


if __name__ == "__main__":
    sys.exit(main())
