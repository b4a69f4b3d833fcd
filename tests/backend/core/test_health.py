"""/healthz and /readyz (core.health): answered before host checks, the HTTPS redirect and authentication; /readyz
asks the database, the broker and a real Celery worker process."""

import os

import pytest
from django.test import Client

from test_weekly_cycle import _until


@pytest.fixture
def probe(settings):
    """A client as a container's health check is: plain HTTP to 127.0.0.1, under production's host and HTTPS rules."""
    settings.ALLOWED_HOSTS = ["volunteer.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    return Client(HTTP_HOST="127.0.0.1:8000")


def test_healthz_answers_without_the_database(probe):
    # given no database access at all (no db fixture: touching it would fail the test)
    # when the probe asks
    response = probe.get("/healthz")
    # then the process says it is up, and nothing is cached
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_other_methods_and_paths_are_not_the_probe(probe, db):
    # a POST to /healthz and /healthz/ go the usual way (here: refused by production's host rule)
    assert probe.post("/healthz").status_code == 400
    assert probe.get("/healthz/").status_code == 400


def _wait_until_ready(client, log):
    """The worker's log says it is ready (its state, not a time); then /readyz answers."""
    _until("the worker to be ready", log.read_text, lambda text: "ready." in text, log)
    return client.get("/readyz")


def test_readyz_is_ok_when_the_database_the_broker_and_a_worker_answer(probe, start_celery_worker):
    # given a real worker process on the configured broker
    log = start_celery_worker(f"readyz-{os.getpid()}")
    # when the probe asks once the worker is up
    response = _wait_until_ready(probe, log)
    # then every check passed within the time-out
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ready"
    assert body["checks"] == {"database": "ok", "broker": "ok", "workers": "ok"}
    assert body["seconds"] < 1.5


def test_readyz_is_503_in_the_error_shape_naming_what_failed(probe, transactional_db, settings):
    # given no worker running, and Redis named at a port where nothing listens
    settings.REDIS_URL = "redis://127.0.0.1:1/13"
    # when the probe asks
    response = probe.get("/readyz")
    # then it is not ready, says what failed (never an address), and asks to come back
    assert response.status_code == 503
    assert response.json() == {
        "message": "未就绪：broker, workers。",
        "extra": {
            "code": "not_ready",
            "fields": {"broker": "failed: ConnectionError", "workers": "failed: TimeoutError"},
        },
    }
    assert response["Retry-After"] == "5"
