"""/metrics (core.metrics): Prometheus text for allowed callers only; django-prometheus's request and query
figures, runs by status and solve seconds from the database, queue lengths, notices and imports."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

import factories as f
from notifications import channels
from notifications import services as notifications
from planning.models import MatchingRun
from test_weekly_cycle import _until

pytestmark = pytest.mark.django_db
BACKEND = Path(__file__).resolve().parents[3] / "backend"


def _samples(response) -> dict:
    """{(name, (label pairs...)): value} of a scrape."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def _scrape(**headers) -> dict:
    response = Client(REMOTE_ADDR="127.0.0.1", **headers).get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    return _samples(response)


def test_a_caller_from_elsewhere_without_the_token_is_refused(settings):
    # given a token configured, and callers from an address not on the list
    settings.METRICS_TOKEN = "scrape-token-0123456789"
    stranger = Client(REMOTE_ADDR="10.1.2.3")
    # when they ask without the token, or with a wrong one
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer guessed"}, {"HTTP_X_FORWARDED_FOR": "127.0.0.1"}):
        response = stranger.get("/metrics", **headers)
        # then they are refused in the error shape
        assert response.status_code == 403
        assert response.json() == {
            "message": "你无权读取监控指标。",
            "extra": {"code": "permission_denied", "fields": {}},
        }
    # and with the token they are let in
    assert stranger.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-token-0123456789").status_code == 200


def test_requests_latencies_and_queries_are_counted(world, client_as):
    # given a scrape before
    key = (
        "django_http_responses_total_by_status_view_method_total",
        (("method", "GET"), ("status", "200"), ("view", "me")),
    )
    before = _scrape()
    # when a signed-in user calls the API
    assert client_as("volunteer").get("/api/auth/me/").status_code == 200
    # then the request, its latency and database queries were counted
    after = _scrape()
    assert after[key] == before.get(key, 0) + 1
    assert ("django_http_requests_latency_seconds_by_view_method_count", (("method", "GET"), ("view", "me"))) in after
    assert any(name == "django_db_execute_total" and value > 0 for (name, _), value in after.items())


def test_runs_by_status_and_solve_seconds_come_from_the_database(world):
    # given two finished runs of HiGHS (3.5 s and 1.5 s) and a failed one
    for version, (status, seconds) in enumerate([("done", 3.5), ("done", 1.5), ("failed", None)], start=1):
        MatchingRun.objects.create(
            level="community",
            scope_key=f"community:{world.a1.pk}",
            district_id=world.s1.district_id,
            sub_district=world.s1,
            community=world.a1,
            week=dt.date(2026, 11, 30),
            version=version,
            status=status,
            time_limit=10.0,
            solver="highs",
            stats={} if seconds is None else {"seconds": seconds},
        )
    # when scraped
    samples = _scrape()
    # then every status is there, and the solver's seconds are summed
    runs = {
        dict(labels)["status"]: value for (name, labels), value in samples.items() if name == "volunteer_matching_runs"
    }
    assert runs == {"queued": 0, "building": 0, "solving": 0, "saving": 0, "done": 2, "failed": 1, "cancelled": 0}
    assert samples[("volunteer_matching_solve_seconds_count", (("solver", "highs"),))] == 2
    assert samples[("volunteer_matching_solve_seconds_sum", (("solver", "highs"),))] == 5.0


def test_queue_length_counts_the_waiting_tasks(settings):
    # given nothing queued on the tests' default queue: the figure is there (its value is the broker's business)
    assert ("volunteer_queue_length", (("queue", "celery"),)) in _scrape()


class Broken(channels.Channel):
    name = "broken"

    def address(self, user):
        return "somewhere"

    def send(self, delivery):
        raise RuntimeError("gateway down")


def test_notices_sent_skipped_and_failed_are_counted(world, settings, eager, django_capture_on_commit_callbacks):
    # given email as the only channel besides a broken one (one attempt, sent in process), and two users, one
    # without an address
    settings.NOTIFICATION_CHANNELS = [f"{__name__}.Broken", "notifications.channels.EmailChannel"]
    settings.DELIVERY_MAX_ATTEMPTS = 1
    before = _scrape()
    users = [f.UserFactory(email="a@example.org"), f.UserFactory(email="")]
    # when they are notified
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notification_send(
            recipients=users, kind="plan_published", event_key="metrics:1", title="标题", body="正文"
        )
    # then each delivery is counted by channel and outcome
    after = _scrape()
    for channel, outcome, n in [("email", "sent", 1), ("email", "skipped", 1), ("broken", "failed", 2)]:
        key = ("volunteer_notices_total", (("channel", channel), ("outcome", outcome)))
        assert after[key] - before.get(key, 0) == n, key


def test_imports_are_counted_by_outcome(world, client_as):
    # given the volunteers exported as a sheet, and a sheet with a header nobody knows
    before = _scrape()
    admin = client_as("admin")
    exported = admin.get("/api/volunteers/export/?format=csv")
    assert exported.status_code == 200
    # when an administrator checks the sheet, imports it and sends the bad one
    for content, dry_run in [(exported.content, True), (exported.content, False), (b"nonsense\n1\n", False)]:
        upload = SimpleUploadedFile("volunteers.csv", content, content_type="text/csv")
        admin.post("/api/volunteers/import/", {"file": upload, "dry_run": dry_run}, format="multipart")
    # then each is counted by outcome, and the imported rows too
    after = _scrape()
    for outcome in ("checked", "imported", "rejected"):
        key = ("volunteer_imports_total", (("outcome", outcome), ("sheet", "volunteer")))
        assert after.get(key, 0) - before.get(key, 0) == 1, (outcome, after.get(key))
    rows = ("volunteer_imported_rows_total", (("sheet", "volunteer"),))
    assert after[rows] - before.get(rows, 0) == 2  # v1 and v2 of the shared world, updated


def test_the_web_server_empties_the_metrics_folder_when_it_starts(tmp_path):
    # given counters an earlier run of the stack left in the folder every process shares
    folder = tmp_path / "metrics"
    folder.mkdir()
    for name in ("counter_8.db", "histogram_9.db"):
        (folder / name).write_bytes(b"from an earlier run")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "VAR_DIR": str(tmp_path / "var"),
        "PROMETHEUS_MULTIPROC_DIR": str(folder),
    }
    # when gunicorn starts with the project's hooks (config/gunicorn.py), as the image and the compose stack run it
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "config/gunicorn.py",
            "config.wsgi:application",
            "--bind",
            "127.0.0.1:0",
            "--workers",
            "1",
        ],
        cwd=BACKEND,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = []
    try:
        for line in server.stderr:  # until its worker boots (or it exits: the end of its output)
            log.append(line)
            if "Booting worker" in line:
                break
    finally:
        server.terminate()
        server.wait()
    # then the earlier files were removed before its worker started, and it said so
    assert any("Booting worker" in line for line in log), "".join(log)
    assert any("2 files of an earlier run removed" in line for line in log), "".join(log)
    assert not (folder / "counter_8.db").exists() and not (folder / "histogram_9.db").exists()


def test_a_worker_service_empties_its_metrics_folder_when_it_starts(tmp_path, monkeypatch, start_celery_worker):
    # given counters an earlier run of the worker service left in its folder
    folder = tmp_path / "metrics-worker"
    folder.mkdir()
    (folder / "counter_8.db").write_bytes(b"from an earlier run")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(folder))
    # when a real worker process starts on it
    log = start_celery_worker(f"metrics-{os.getpid()}")
    _until("the worker to be ready", log.read_text, lambda text: "ready." in text, log)
    # then the earlier file is gone
    assert not (folder / "counter_8.db").exists()


def test_metrics_sum_the_counters_of_the_folders_of_other_services(tmp_path, monkeypatch, settings):
    # given a counter a process of the worker service kept in the worker's folder (a process of its own, as there)
    web, worker = tmp_path / "metrics-backend", tmp_path / "metrics-worker"
    web.mkdir(), worker.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from prometheus_client import Counter; Counter('volunteer_from_the_worker', 'A worker counter.').inc(3)",
        ],
        env={"PATH": os.environ.get("PATH", ""), "PROMETHEUS_MULTIPROC_DIR": str(worker)},
        check=True,
    )
    assert [path.name for path in worker.iterdir()] != []
    # when the web service, with its own folder, reads the worker's too
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(web))
    settings.METRICS_READ_DIRS = [str(worker)]
    # then its scrape counts what the worker counted
    assert _scrape()[("volunteer_from_the_worker_total", ())] == 3
    # and without the worker's folder it does not
    settings.METRICS_READ_DIRS = []
    assert ("volunteer_from_the_worker_total", ()) not in _scrape()


def test_a_dead_web_worker_leaves_its_counters_but_not_its_live_gauges(tmp_path, monkeypatch):
    # given the files of gunicorn worker 7 in the shared folder
    from config import gunicorn

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    for name in ("counter_7.db", "gauge_livesum_7.db", "gauge_liveall_7.db", "counter_8.db"):
        (tmp_path / name).write_bytes(b"")
    # when the worker exits
    gunicorn.child_exit(server=None, worker=SimpleNamespace(pid=7))
    # then its counters still count, its live gauges do not (prometheus_client's mark_process_dead)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["counter_7.db", "counter_8.db"]
