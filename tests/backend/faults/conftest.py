"""Fault tests with the real services: Redis and PostgreSQL are stopped and started again by the tests, and
worker processes are killed. They need what CI runs (PostgreSQL through DATABASE_URL, Redis through
REDIS_URL) and root, as CI has, to restart the database server; elsewhere they are skipped with the reason."""

import glob
import os
import shutil
import subprocess
import time
from urllib.parse import urlparse

import pytest
from django.db import connection, connections


def _need_redis() -> urlparse:
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("needs Redis: set REDIS_URL (CI does)")
    return urlparse(url)


def _redis_cli(url, *args, check=True) -> str:
    command = ["redis-cli", "-h", url.hostname or "127.0.0.1", "-p", str(url.port or 6379), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=20)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {done.stderr or done.stdout}")
    return done.stdout


def _redis_up(url) -> bool:
    return _redis_cli(url, "ping", check=False).strip() == "PONG"


def _wait(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


class RedisServer:
    """Stops and starts the Redis of REDIS_URL, started again as it was (its config file, or CI's flags)."""

    def __init__(self, url):
        self.url = url
        info = dict(line.split(":", 1) for line in _redis_cli(url, "INFO", "server").splitlines() if ":" in line)
        # Redis reports the path it was started by, relative to its working directory at the time.
        executable = (info.get("executable") or "").strip()
        self.executable = executable if os.path.isfile(executable) else shutil.which("redis-server") or "redis-server"
        self.config_file = (info.get("config_file") or "").strip()
        self.stopped = False

    def stop(self) -> None:
        _redis_cli(self.url, "shutdown", "nosave", check=False)
        self.stopped = True
        _wait(lambda: not _redis_up(self.url), 20, "Redis to stop")

    def start(self) -> None:
        if self.config_file:
            command = [self.executable, self.config_file, "--daemonize", "yes"]
        else:
            command = [
                self.executable,
                "--daemonize",
                "yes",
                "--bind",
                self.url.hostname or "127.0.0.1",
                "--port",
                str(self.url.port or 6379),
                "--save",
                "",
                "--appendonly",
                "no",
            ]
        subprocess.run(command, check=True, capture_output=True, timeout=20)
        _wait(lambda: _redis_up(self.url), 20, "Redis to start")
        self.stopped = False


@pytest.fixture
def redis_server():
    server = RedisServer(_need_redis())
    yield server
    if server.stopped:  # a failed test must not leave the rest of the suite without a broker
        server.start()


class PostgresServer:
    """Restarts the local PostgreSQL cluster (pg_ctlcluster, as root) that the tests' database lives on."""

    def __init__(self):
        versions = sorted(os.path.basename(p) for p in glob.glob("/etc/postgresql/*"))
        self.version = versions[-1]

    def started_at(self):
        with connection.cursor() as cursor:
            cursor.execute("select pg_postmaster_start_time()")
            return cursor.fetchone()[0]

    def restart(self) -> None:
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, "main", "restart"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        connections.close_all()  # this process's connections died with the server


@pytest.fixture
def postgres_server():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL (CI does)")
    if os.geteuid() != 0 or not glob.glob("/etc/postgresql/*") or not shutil.which("pg_ctlcluster"):
        pytest.skip("restarting PostgreSQL needs root and pg_ctlcluster (CI has both)")
    return PostgresServer()


@pytest.fixture
def wait():
    return _wait
