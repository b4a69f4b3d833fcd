"""The request id (core.logs): taken from X-Request-ID or made, returned, on every log line of the request, in the
headers of the tasks it queues, and on the log lines of the worker that runs them; JSON lines in production."""

import json
import logging
import os

import pytest
from django.test import Client

from core import logs
from shifts.tasks import shift_generate_week_task
from test_weekly_cycle import _until


@pytest.fixture
def request_log(caplog):
    caplog.handler.addFilter(logs.RequestIdFilter())
    return caplog


@pytest.mark.parametrize(
    "given, kept", [("edge-7f3a.1_x", True), ("", False), ("a" * 65, False), ("id\nforged line", False)]
)
def test_the_id_is_taken_when_plain_and_made_otherwise(db, request_log, given, kept):
    # when a caller sends an id (or none, one too long, one carrying a line break) to a URL nothing answers
    response = Client(HTTP_X_REQUEST_ID=given).get("/api/no-such-thing/")
    # then the response and the request's log line carry the id kept, or a new one
    assert response.status_code == 404
    sent = response["X-Request-ID"]
    if kept:
        assert sent == given
    else:
        assert len(sent) == 32 and sent != given and int(sent, 16) >= 0
    assert [r.request_id for r in request_log.records if r.name == "django.request"] == [sent]


def test_lines_outside_a_request_say_dash(request_log):
    logging.getLogger("core").warning("no request here")
    assert request_log.records[-1].request_id == "-"


def test_json_lines_carry_the_request_id_and_no_arguments_beyond_the_message():
    # given a record made during a request
    token = logs.request_id.set("req-42")
    try:
        record = logging.LogRecord("planning", logging.INFO, __file__, 1, "run %s published", (12,), None)
        logs.RequestIdFilter().filter(record)
    finally:
        logs.request_id.reset(token)
    # when written as JSON
    line = json.loads(logs.json_formatter().format(record))
    # then it is one object with the time, level, logger, message and request id
    assert {key: line[key] for key in ("level", "logger", "message", "request_id")} == {
        "level": "INFO",
        "logger": "planning",
        "message": "run 12 published",
        "request_id": "req-42",
    }
    assert "time" in line


def test_a_task_queued_during_a_request_logs_with_its_id_in_the_worker(world, start_celery_worker, monkeypatch):
    # given a worker of its own queue writing JSON lines
    monkeypatch.setenv("LOG_FORMAT", "json")
    queue = f"request-id-{os.getpid()}"
    log = start_celery_worker(queue)
    # when a task is queued while a request's id is current
    token = logs.request_id.set("req-worker-5150")
    try:
        result = shift_generate_week_task.apply_async(("2026-12-01",), queue=queue)
    finally:
        logs.request_id.reset(token)
    result.get(timeout=90)
    # then the worker's lines written while the task ran carry the id (the "received" line comes before: "-"),
    # as JSON objects without the task's arguments or return value
    _until("the task's success line", log.read_text, lambda text: "succeeded" in text, log)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    task_lines = {line["message"].split("]")[1].split()[0]: line for line in lines if result.id in line["message"]}
    assert task_lines["succeeded"]["request_id"] == "req-worker-5150"
    assert task_lines["received"]["request_id"] == "-"
    assert set(task_lines["succeeded"]) == {"time", "level", "logger", "message", "request_id"}
