"""A worker process killed in the middle of a run: the broker gives the task back (acks late, reject on worker
lost), the new delivery waits until the run's heartbeat has stopped, takes the run over and finishes it; with
no attempts left it ends the run `failed` with a clear message. Never stuck `running`."""

import datetime as dt
import os
import random
import signal

import psutil
import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import translation

import factories as f
import matching
from accounts.models import User
from people.models import Volunteer, WeeklyAvailability
from planning import mapper, services
from planning.models import Assignment, MatchingRun
from planning.tasks import run_matching_task
from shifts.models import Shift

QUEUE = f"faults-kill-{os.getpid()}"
WEEK = dt.date(2026, 11, 30)
VOLUNTEERS, SHIFTS = 2500, 500


@pytest.fixture
def busy_week(world):
    """A community week big enough that building and solving it takes the worker a few seconds."""
    rng = random.Random(7)
    community = world.a1
    password = make_password(None)
    users = User.objects.bulk_create(
        [User(username=f"kill{i}", password=password, role=User.Role.VOLUNTEER) for i in range(VOLUNTEERS)]
    )
    skills = ["legal_advice", "first_aid"]
    volunteers = Volunteer.objects.bulk_create(
        [
            Volunteer(
                user=user,
                number=f"K{i:07d}",
                name=f"志愿者{i}",
                kind=Volunteer.Kind.RETIRED,
                home_community=community,
                lat=34.75 + rng.uniform(-0.02, 0.02),
                lng=113.62 + rng.uniform(-0.02, 0.02),
                skills={rng.choice(skills): rng.randint(1, 3)},
            )
            for i, user in enumerate(users)
        ]
    )
    WeeklyAvailability.objects.bulk_create(
        [
            WeeklyAvailability(volunteer=v, weekday=day, start_time=dt.time(hour), end_time=dt.time(hour + 4))
            for v in volunteers
            for day, hour in (
                (rng.randint(1, 7), rng.choice([8, 9, 13, 14])),
                (rng.randint(1, 7), rng.choice([8, 9, 13, 14])),
            )
        ]
    )
    shifts = []
    for i in range(SHIFTS):
        day = WEEK + dt.timedelta(days=rng.randint(0, 6))
        hour = rng.choice([8, 9, 10, 13, 14, 15])
        shifts.append(
            Shift(
                community=community,
                title=f"班次{i}",
                week=WEEK,
                start=f.at(day, hour),
                end=f.at(day, hour + 2),
                seats=rng.randint(1, 6),
                priority=rng.randint(1, 5),
                required_skills={rng.choice(skills): 1} if rng.random() < 0.5 else {},
                lat=34.75 + rng.uniform(-0.02, 0.02),
                lng=113.62 + rng.uniform(-0.02, 0.02),
            )
        )
    Shift.objects.bulk_create(shifts)
    return community


def _pool_children(worker: psutil.Popen | object) -> list[psutil.Process]:
    return psutil.Process(worker.pid).children()


def _kill_while_working(run_id: int, worker, wait) -> str:
    """Wait until the worker works on the run, then SIGKILL its pool process; the stage it was killed in."""
    runs = MatchingRun.objects.filter(pk=run_id)
    wait(lambda: runs.filter(status__in=MatchingRun.WORKING).exists(), 120, "the worker to take the run")
    status = runs.values_list("status", flat=True).get()
    for child in _pool_children(worker):
        child.send_signal(signal.SIGKILL)
    return status


def _start(world, monkeypatch, start_celery_worker):
    monkeypatch.setattr(services, "_enqueue", lambda run_id: run_matching_task.apply_async((run_id,), queue=QUEUE))
    log = start_celery_worker(QUEUE, pool="prefork")
    worker = start_celery_worker.processes[-1]
    return log, worker


def test_a_run_whose_worker_is_killed_is_taken_over_and_finished(
    world, busy_week, monkeypatch, start_celery_worker, wait
):
    # given a real prefork worker, and a run of a busy week
    log, worker = _start(world, monkeypatch, start_celery_worker)
    wait(lambda: len(_pool_children(worker)) >= 1, 60, "the worker's pool")
    run = services.matching_run_start(user=world.users["community"], week=WEEK, community=busy_week, time_limit=60)
    # when its pool process is killed while it builds or solves
    killed_in = _kill_while_working(run.pk, worker, wait)
    assert killed_in in ("building", "solving")
    # then the task comes back, waits out the silent heartbeat, takes the run over and finishes it
    wait(
        lambda: MatchingRun.objects.filter(pk=run.pk, status__in=MatchingRun.ENDED).exists(),
        300,
        f"the run to end (worker log {log})",
    )
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("done", 2), (run.message, log.read_text()[-3000:])
    assert "taken over from a worker that stopped" in log.read_text()
    # and the plan it saved keeps every rule
    problem = matching.parse_problem(mapper.build_problem(run).data)
    pairs = [
        {"volunteer": mapper.vid(v), "shift": mapper.sid(s)}
        for v, s in Assignment.objects.filter(run=run).values_list("volunteer_id", "shift_id")
    ]
    assert pairs
    plan = matching.solution_from_dict({"status": "feasible", "assignments": pairs, "resource_assignments": []})
    assert matching.check(problem, plan) == []


def test_with_no_attempt_left_the_run_ends_failed_and_says_why(
    world, busy_week, monkeypatch, start_celery_worker, wait
):
    # given runs get a single attempt
    monkeypatch.setenv("PLANNING_MAX_ATTEMPTS", "1")
    log, worker = _start(world, monkeypatch, start_celery_worker)
    wait(lambda: len(_pool_children(worker)) >= 1, 60, "the worker's pool")
    run = services.matching_run_start(user=world.users["community"], week=WEEK, community=busy_week, time_limit=60)
    # when the worker is killed during it
    _kill_while_working(run.pk, worker, wait)
    # then the run ends failed, saying the worker stopped, and stores no plan
    wait(
        lambda: MatchingRun.objects.filter(pk=run.pk, status__in=MatchingRun.ENDED).exists(),
        300,
        f"the run to end (worker log {log})",
    )
    run.refresh_from_db()
    assert run.status == "failed", (run.status, log.read_text()[-3000:])
    with translation.override(settings.LANGUAGE_CODE):  # the worker writes in the default language
        expected = translation.gettext("Failed: the worker stopped during attempt %(n)d of %(max)d.") % {
            "n": 1,
            "max": 1,
        }
    assert run.message == expected
    assert not Assignment.objects.filter(run=run).exists()
