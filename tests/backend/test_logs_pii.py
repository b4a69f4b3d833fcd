"""No personal data in the logs (issue 7): a week end to end through the API, with a real worker process, while
every log record of this process and of the worker is written at DEBUG to files; then no volunteer's phone
number, no ID number, health or hardship note, no password and no token may appear in them.

The volunteer model keeps no ID number, health or hardship fields: such data reaches the system only as free
text a volunteer types (a decline reason, a record's content and evidence), so that is where they are seeded.
The flow: a coordinator creates shifts, runs the matching and publishes; a volunteer signs in for an API token
(one wrong password first), reads their posts and calendar feed and declines with a reason; the worker
backfills; another volunteer checks in by QR code and files a service record, which the coordinator rejects.
The worker also sends the notices' SMS and e-mails and a login code (the console provider, which logs a line per
text), so the delivery tasks' log lines are read too.
"""

import datetime as dt
import json
import logging
import logging.config
import os
import subprocess

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

import factories as f
import test_weekly_cycle as cycle
from notifications.models import Delivery, Notification
from notifications.sms import queue_sms
from test_weekly_cycle import _pairs, _run, _until

worker = cycle.worker  # the weekly cycle's fixture: a worker of its own queue

PHONES = ["13911170001", "13911170002", "13911170003", "13911170004"]
ID_NUMBER = "410102197705236615"
HEALTH_NOTE = "高血压复诊-健康备注Q7H"
HARDSHIP_NOTE = "低保困难户-帮扶备注Q7H"
PASSWORD = "Lao-Li-secret-7731"
WRONG_PASSWORD = "Lao-Li-wrong-8842"
REQUEST_ID = f"pii-flow-{os.getpid()}"
LOGIN_CODE = "730519"


@pytest.fixture
def api_language():
    return "en"


@pytest.fixture
def app_log(tmp_path, settings):
    """The project's LOGGING with every handler writing to one file at DEBUG, and every logger at DEBUG."""
    path = tmp_path / "app.log"
    config = {
        **settings.LOGGING,
        "root": {**settings.LOGGING["root"], "level": "DEBUG"},
        "handlers": {
            name: {
                **{k: v for k, v in handler.items() if k != "stream"},
                "class": "logging.FileHandler",
                "filename": str(path),
                "level": "DEBUG",
            }
            for name, handler in settings.LOGGING["handlers"].items()
        },
    }
    logging.config.dictConfig(config)
    loggers = [logger for logger in logging.root.manager.loggerDict.values() if isinstance(logger, logging.Logger)]
    saved = {logger: (logger.level, list(logger.handlers)) for logger in loggers}
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        if not logger.propagate:  # e.g. django.server: it would not reach the root's file
            logger.handlers.extend(logging.root.handlers)
    yield path
    for logger, (level, handlers) in saved.items():
        logger.setLevel(level)
        logger.handlers[:] = handlers
    logging.config.dictConfig(settings.LOGGING)


@pytest.fixture(autouse=True)
def _workers_log_at_debug(monkeypatch, settings):
    """The worker the weekly cycle's fixture starts logs at DEBUG here (the shared fixture says INFO), on a queue
    apart from the weekly cycle's (what that test left queued is not this worker's)."""
    monkeypatch.setattr(cycle, "QUEUE", f"logs-pii-{os.getpid()}")
    settings.DELIVERY_QUEUE = cycle.QUEUE  # the SMS and e-mails, queued here and by the worker, go to it too
    monkeypatch.setenv("DELIVERY_QUEUE", cycle.QUEUE)
    monkeypatch.setenv("SMS_QUIET_START", "0")  # texts at any hour the test runs
    monkeypatch.setenv("SMS_QUIET_END", "0")
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("LOG_FORMAT", "json")  # production's format (core.logs), with the request id
    popen = subprocess.Popen

    def at_debug(args, **kwargs):
        return popen(
            [
                ("DEBUG" if previous == "--loglevel" else arg)
                for previous, arg in zip([None, *args], args, strict=False)
            ],
            **kwargs,
        )

    monkeypatch.setattr(subprocess, "Popen", at_debug)


def _shift(coordinator, community, title: str, start: dt.datetime, minutes: int, seats: int) -> int:
    response = coordinator.post(
        "/api/shifts/",
        {
            "community": community.pk,
            "title": title,
            "start": start.isoformat(),
            "end": (start + dt.timedelta(minutes=minutes)).isoformat(),
            "seats": seats,
            "lat": 34.75,
            "lng": 113.62,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()["id"]


def _signed_in_by_token(username: str) -> tuple[APIClient, str]:
    """Exchange the password for an API token (after one wrong try); a client sending it, and the token."""
    anonymous = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    wrong = anonymous.post("/api/auth/token/", {"username": username, "password": WRONG_PASSWORD}, format="json")
    assert wrong.status_code in (400, 401), wrong.json()
    right = anonymous.post("/api/auth/token/", {"username": username, "password": PASSWORD}, format="json")
    assert right.status_code == 200, right.json()
    token = right.json()["token"]
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client, token


def test_a_week_end_to_end_leaves_no_personal_data_in_the_logs(world, client_as, app_log, worker, transactional_db):
    coordinator, community = client_as("community"), world.a1
    coordinator.defaults["HTTP_X_REQUEST_ID"] = REQUEST_ID  # carried into the tasks its requests queue
    # given four volunteers of A1 with phone numbers of their own and a password, free on Saturday and today
    people = [world.v1] + [f.VolunteerFactory(home_community=community, user__username=f"p{i}") for i in range(3)]
    today = timezone.localdate()
    # a desk shift starting in a few minutes; within one day (after midnight when it is late), so that a
    # whole-day availability covers it
    soon = timezone.localtime().replace(second=0, microsecond=0) + dt.timedelta(minutes=5)
    if (soon + dt.timedelta(minutes=15)).date() != soon.date():
        soon = soon.replace(hour=0, minute=5) + dt.timedelta(days=1)
    for person, phone in zip(people, PHONES, strict=True):
        person.user.phone = phone
        person.user.set_password(PASSWORD)
        person.user.save()
        f.WeeklyAvailabilityFactory(volunteer=person, weekday=6, start_time=dt.time(8), end_time=dt.time(12))
        f.WeeklyAvailabilityFactory(
            volunteer=person, weekday=soon.isoweekday(), start_time=dt.time(0), end_time=dt.time(23, 59)
        )
    by_pk = {person.pk: person for person in people}
    # when the coordinator creates next Saturday's patrol and the desk shift
    saturday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=12)
    patrol = _shift(coordinator, community, "巡逻", f.at(saturday, 9), 120, seats=2)
    desk = _shift(coordinator, community, "值班", soon, 15, seats=1)
    # and runs the matching of their weeks (one run when they share it) on the worker and publishes it
    plans = {}
    for day in {day - dt.timedelta(days=day.weekday()): day for day in (saturday, soon.date())}.values():
        run, _ = _run(coordinator, day, community, worker)
        assert coordinator.post(f"/api/planning/runs/{run['id']}/publish/").status_code == 200
        plans.update({shift: (run["id"], volunteer) for (volunteer, shift) in _pairs(coordinator, run["id"])})
    assert {patrol, desk} <= set(plans)
    # when a volunteer on the patrol signs in for a token, reads their posts and calendar, and declines
    leaver = by_pk[plans[patrol][1]]
    client, token = _signed_in_by_token(leaver.user.username)
    posts = client.get("/api/me/posts/").json()["results"]
    post = next(p for p in posts if p["shift"] == patrol)
    feed = client.get("/api/me/calendar-token/").json()["url"]
    assert client.get(feed.replace("http://testserver", "")).status_code == 200
    declined = client.post(f"/api/me/posts/{post['id']}/decline/", {"reason": HEALTH_NOTE}, format="json")
    assert declined.status_code == 200, declined.json()
    reports = Notification.objects.filter(recipient=world.users["community"], kind="backfill_report")
    _until("the backfill report", reports.count, lambda n: n >= 1, worker)
    # and the desk's volunteer checks in by the shift's QR code and files a service record
    desk_person = by_pk[plans[desk][1]]
    qr = coordinator.get(f"/api/attendance/shifts/{desk}/qr-token/").json()["token"]
    volunteer = client_as("anonymous")
    volunteer.force_authenticate(desk_person.user)
    assert volunteer.post("/api/attendance/check-in/", {"token": qr}, format="json").status_code == 200
    refused = volunteer.post(
        "/api/records/",
        {
            "title": "入户走访",
            "date": today.isoformat(),
            "minutes": 0,
            "content": HARDSHIP_NOTE,
            "evidence": f"身份证 {ID_NUMBER}",
        },
    )
    assert refused.status_code == 400, refused.json()
    filed = volunteer.post(
        "/api/records/",
        {
            "title": "入户走访",
            "date": today.isoformat(),
            "minutes": 60,
            "content": HARDSHIP_NOTE,
            "evidence": f"身份证 {ID_NUMBER}",
        },
    )
    assert filed.status_code == 201, filed.json()
    # which the coordinator lists and rejects, quoting it
    assert coordinator.get("/api/records/").status_code == 200
    rejected = coordinator.post(f"/api/records/{filed.json()['id']}/reject/", {"note": f"请勿填写{ID_NUMBER}"})
    assert rejected.status_code == 200, rejected.json()
    assert volunteer.get("/api/records/").status_code == 200
    # and the desk's volunteer asks for a login code by SMS
    code = queue_sms(desk_person.user.phone, "login_code", {"code": LOGIN_CODE, "minutes": 5}, "pii:login_code:1")
    _until("the login code", lambda: Delivery.objects.get(pk=code.pk).status, lambda s: s == "sent", worker)
    # and the probes and the metrics are read, as a monitor does (a scrape from elsewhere is refused)
    assert APIClient().get("/readyz").status_code == 200
    assert APIClient().get("/metrics").status_code == 200
    assert APIClient(REMOTE_ADDR="10.9.8.7").get("/metrics").status_code == 403
    # then the logs of both processes were written at DEBUG, the worker's as JSON lines
    logs = {"this process": app_log.read_text(encoding="utf-8"), "worker": worker.read_text(encoding="utf-8")}
    assert f"run {plans[patrol][0]} published" in logs["this process"]
    assert "DEBUG" in logs["worker"] and "backfill of" in logs["worker"]
    assert "(template login_code, parameters code, minutes)" in logs["worker"]
    assert "(template plan_published, parameters title)" in logs["worker"]
    worker_lines = [json.loads(line) for line in logs["worker"].splitlines() if line.startswith("{")]
    # and the coordinator's request id followed the run into the worker
    assert f"[{REQUEST_ID}]" in logs["this process"]
    assert {line["logger"] for line in worker_lines if line["request_id"] == REQUEST_ID} >= {
        "matching.candidates",
        "notifications.services",
        "celery.app.trace",
    }
    # and none of them holds personal data, a password or a token
    calendar_token = feed.rstrip("/").rsplit("/", 1)[-1].removesuffix(".ics")
    secrets = {
        **{f"phone of {p.user.username}": p.user.phone for p in people},
        "ID number": ID_NUMBER,
        "health note": HEALTH_NOTE,
        "hardship note": HARDSHIP_NOTE,
        "password": PASSWORD,
        "wrong password": WRONG_PASSWORD,
        "API token": token,
        "calendar token": calendar_token,
        "login code": LOGIN_CODE,
    }
    leaks = [
        f"{name} in the log of {where}"
        for where, text in logs.items()
        for name, value in secrets.items()
        if value in text
    ]
    assert leaks == []
