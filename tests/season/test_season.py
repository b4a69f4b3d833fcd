"""The season simulator (benchmarks/season.py) at small scale for two weeks with faults: every invariant holds after
every week, and the behaviours and faults the simulator drives did happen. It starts its own PostgreSQL cluster and
Redis (never the shared ones), so it needs initdb, redis-server and root (to run initdb as the postgres user)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INITDB = Path("/usr/lib/postgresql/15/bin/initdb")


def _missing() -> str | None:
    if not INITDB.exists():
        return f"needs PostgreSQL 15's initdb at {INITDB}"
    if not shutil.which("redis-server") or not shutil.which("redis-cli"):
        return "needs redis-server and redis-cli"
    if os.geteuid() != 0 or not shutil.which("runuser"):
        return "needs root and runuser, to run initdb as the postgres user"
    return None


@pytest.fixture
def season(tmp_path):
    reason = _missing()
    if reason:
        pytest.skip(reason)
    # under the repository's var/, not tmp_path: the postgres user must reach its cluster's folder
    var = REPO / "var" / f"season-test-{os.getpid()}"

    def run(*args: str) -> tuple[subprocess.CompletedProcess, dict]:
        out = tmp_path / "season.json"
        done = subprocess.run(
            [sys.executable, str(REPO / "benchmarks" / "season.py"), "--var", str(var), "--json", str(out), *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=900,
            # only what the simulator needs: it must not reach the shared services through the caller's variables
            env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8"},
        )
        report = json.loads(out.read_text()) if out.exists() else {}
        return done, report

    yield run
    shutil.rmtree(var, ignore_errors=True)


def test_two_weeks_with_faults_keep_every_invariant(season):
    # given a small district, when two weeks are lived through with faults
    done, report = season("--scale", "small", "--weeks", "2", "--seed", "7", "--faults", "--time-limit", "5")
    # then the run ends well and every invariant was checked after each of the two weeks
    assert done.returncode == 0, (report.get("violation"), done.stdout[-3000:], done.stderr[-3000:])
    assert report["weeks"] == 2
    assert report["violation"] is None
    checks = report["invariant_checks_passed"]
    assert len(checks) >= 11 and set(checks.values()) == {2}, checks
    # and people acted: plans published, answers both ways, backfills, attendance, records reviewed
    actions = report["actions"]
    for kind in ("publish", "pin", "remove", "rerun", "accept", "decline", "backfills_done", "check_in", "check_out"):
        assert actions.get(kind, 0) > 0, (kind, actions)
    assert actions.get("no_show", 0) > 0 and actions.get("never_answered", 0) > 0, actions
    # and the faults planned for two weeks struck: workers killed, services restarted, races
    assert sum(report["faults"].values()) >= 4, report["faults"]
    # and beat's tasks were sent as the simulated time passed their schedule
    assert report["beat_tasks_sent"]["planning.prepare_next_week"] >= 2
    assert [row["week"] for row in report["plan_quality"]] and all(row["filled"] > 0 for row in report["plan_quality"])
