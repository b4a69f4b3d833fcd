"""The Friday evening (issue 18): an open-loop load shaped like the hour after publication, against gunicorn behind
nginx with the production settings on PostgreSQL and Redis; a step search for the highest arrival rate at which p99
stays under 200 ms with no error, the mix and the trivial endpoint alone in turns at each rate.

    .venv/bin/python benchmarks/load/friday.py [--rates 10,20,30,...] [--seconds 30] [--workers 4] [--reset]

1. The database `bench_load` as run.py makes it (seeded district, this week's plan published); friday_prepare.py
   then tells the published runs' volunteers (once) and picks the readers, their open posts and tokens.
2. gunicorn as the image runs it (`-c config/gunicorn.py config.wsgi:application`, a multiprocess metrics folder of
   its own), `--workers` sync workers, production settings, Redis db 11 (BENCH_REDIS_URL) for the cache and the
   broker (emptied first: this benchmark's own); nginx in front with the repository's configuration
   (frontend/nginx.conf.template in .ci/nginx-main.conf, as .ci/prod-smoke.sh runs it), DJANGO_NUM_PROXIES=1.
   Every simulated calendar client comes from the generator's one address, so the per-address limits of anonymous
   callers (THROTTLE_RATE_ANON, THROTTLE_RATE_PUBLIC) are raised for the run; the throttles still run.
3. openloop.py, from the benchmark's venv (gevent), in a process of its own, sends each rate for `--seconds`: the
   trivial endpoint alone, then the mix, in turns, rising until each has failed the goal (p99 >= 200 ms or any
   error); the load average is read after each step. `--warmup` seconds of each at 10 req/s first, not counted.

Prints a table and writes benchmarks/load/friday.json.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from run import BACKEND, DATABASE_URL, HERE, OUT, REPO, bench_venv, database, prepare, say, stamp

GOAL_P99_MS = 200
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    """gunicorn and nginx in a scratch folder; stopped (the folder removed) on exit."""

    def __init__(self, workers: int):
        self.tmp = Path(tempfile.mkdtemp(prefix="friday-"))
        self.tmp.chmod(0o755)  # nginx's workers (nobody) write request bodies under it
        for folder in ("metrics", "nginx/logs", "nginx/tmp", "static"):
            (self.tmp / folder).mkdir(parents=True)
        self.backend_port, self.web_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.web_port}"
        env = {
            **os.environ,
            "DATABASE_URL": DATABASE_URL,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback
            "DJANGO_NUM_PROXIES": "1",
            "REDIS_URL": REDIS_URL,
            "LOG_LEVEL": "WARNING",
            "PROMETHEUS_MULTIPROC_DIR": str(self.tmp / "metrics"),
            "STATIC_ROOT": str(self.tmp / "static"),
            "THROTTLE_RATE_ANON": "100000/minute",
            "THROTTLE_RATE_PUBLIC": "100000/minute",
        }
        env.pop("PYTHONPATH", None)
        subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
        self.processes = [
            subprocess.Popen(
                [
                    str(REPO / ".venv" / "bin" / "gunicorn"),
                    "-c",
                    "config/gunicorn.py",
                    "config.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{self.backend_port}",
                    "--workers",
                    str(workers),
                    "--timeout",
                    "300",
                ],
                cwd=BACKEND,
                env=env,
                stdout=(self.tmp / "gunicorn.log").open("w"),
                stderr=subprocess.STDOUT,
            )
        ]
        nginx = self.tmp / "nginx"
        template = (REPO / "frontend" / "nginx.conf.template").read_text(encoding="utf-8")
        for name, value in {
            "NGINX_LISTEN": f"127.0.0.1:{self.web_port}",
            "NGINX_ROOT": str(self.tmp / "static"),
            "NGINX_BACKEND": f"127.0.0.1:{self.backend_port}",
        }.items():
            template = template.replace("${" + name + "}", value)
        (nginx / "server.conf").write_text(template, encoding="utf-8")
        shutil.copy(REPO / ".ci" / "nginx-main.conf", nginx / "nginx.conf")
        self.processes.append(subprocess.Popen(["nginx", "-p", str(nginx), "-c", str(nginx / "nginx.conf")]))
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/api/auth/me/", timeout=2)
            except urllib.error.HTTPError as error:
                if error.code == 401:  # the app answers through nginx
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise SystemExit(f"no answer through nginx; see {self.tmp}")

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def step(url: str, targets: Path, mix: str, rate: float, seconds: float) -> dict:
    out = subprocess.run(
        [
            str(REPO / "var" / "bench-venv" / "bin" / "python"),
            str(HERE / "openloop.py"),
            "--url",
            url,
            "--targets",
            str(targets),
            "--mix",
            mix,
            "--rate",
            f"{rate:g}",
            "--seconds",
            f"{seconds:g}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(out)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    result["passed"] = result["all"]["errors"] == 0 and result["unanswered"] == 0 and result["all"]["p99_ms"] < 200
    return result


def line(r: dict) -> str:
    a = r["all"]
    answers = f"answers {r['answers']['first']} first/{r['answers']['repeat']} repeat" if r["mix"] == "friday" else ""
    return (
        f"{r['mix']:<8} {r['rate']:>5g} {a['requests']:>6} {a['p50_ms']:>7} {a['p99_ms']:>7} {a['max_ms']:>8} "
        f"{a['errors']:>4} {r['lag_ms_p99']:>6} {'pass' if r['passed'] else 'FAIL':>4}  "
        f"{r['load_average'][0]:>5.2f}  {answers}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rates", default="10,20,30,40,50,60,70,80,90,100,120,140,160,180,200")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--warmup", type=float, default=10, help="seconds of each mix at 10 req/s first, not counted")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (two per core)")
    parser.add_argument("--reset", action="store_true", help="drop and rebuild the bench_load database")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    database(args.reset)
    bench_venv()
    say("preparing the readers")
    targets = prepare("friday_prepare.py", "friday-targets.json")
    stack = Stack(args.workers)
    say(f"gunicorn ({args.workers} workers) behind nginx at {stack.url}")
    results = {"trivial": [], "friday": []}
    header = (
        f"{'mix':<8} {'req/s':>5} {'sent':>6} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>8} {'err':>4} "
        f"{'lag99':>6} {'goal':>4}  load1"
    )
    try:
        # Warm-up, not counted: the workers' first requests of each kind, PostgreSQL's cache.
        step(stack.url, targets, "trivial", 10, args.warmup)
        step(stack.url, targets, "friday", 10, args.warmup)
        print(header, flush=True)
        for rate in [float(r) for r in args.rates.split(",")]:
            for mix in results:
                done = results[mix] and not results[mix][-1]["passed"] and rate > 30
                if done:
                    continue
                result = step(stack.url, targets, mix, rate, args.seconds)
                results[mix].append(result)
                print(line(result), flush=True)
            if all(r and not r[-1]["passed"] for r in results.values()) and rate >= 30:
                break
    finally:
        stack.stop()
    report = {
        **stamp(),
        "gunicorn_workers": args.workers,
        "seconds_per_step": args.seconds,
        "cpus": os.cpu_count(),
        "goal_p99_ms": GOAL_P99_MS,
        "highest_passing_rate": {
            mix: max((r["rate"] for r in rows if r["passed"]), default=None) for mix, rows in results.items()
        },
        "at_30": {mix: next((r for r in rows if r["rate"] == 30), None) for mix, rows in results.items()},
        "steps": results,
    }
    (HERE / "friday.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for mix, rate in report["highest_passing_rate"].items():
        say(f"{mix}: highest rate with p99 < {GOAL_P99_MS} ms and no error: {rate} req/s")
    shutil.rmtree(stack.tmp, ignore_errors=True)
    say(f"written {HERE / 'friday.json'}")


if __name__ == "__main__":
    main()
