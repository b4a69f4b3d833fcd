"""The week end to end through the API, with a real worker process on the configured broker (Redis in CI):
start a run -> progress -> result -> pin and remove -> re-run keeps the pin and not the removed pair ->
publish -> the volunteers' notices -> a decline -> the backfill puts someone in and tells the coordinator ->
the coordinator records attendance -> the volunteer's hours."""

import datetime as dt
import os
import time

import pytest
from django.utils import timezone

import factories as f
from core.queue import send_or_log
from notifications.models import Notification
from notifications.tasks import notify_publication_task
from planning import services as planning
from planning.tasks import run_matching_task
from volunteering import services as volunteering
from volunteering.tasks import backfill_task

QUEUE = f"weekly-cycle-{os.getpid()}"


@pytest.fixture
def api_language():
    return "en"


@pytest.fixture
def worker(start_celery_worker, monkeypatch):
    """Everything this test queues goes to a worker process of its own (not another session's)."""
    monkeypatch.setattr(planning, "_enqueue", lambda pk: send_or_log(run_matching_task, pk, queue=QUEUE))
    monkeypatch.setattr(
        planning, "_enqueue_publication_notice", lambda pk: send_or_log(notify_publication_task, pk, queue=QUEUE)
    )
    monkeypatch.setattr(volunteering, "_enqueue_backfill", lambda pk: send_or_log(backfill_task, pk, queue=QUEUE))
    return start_celery_worker(QUEUE)


def _until(what: str, read, done, log, seconds: float = 120):
    deadline, value = time.monotonic() + seconds, None
    while time.monotonic() < deadline:
        value = read()
        if done(value):
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}: {value!r}\nworker log:\n{log.read_text()[-3000:]}")


def _run(client, week: dt.date, community, log) -> tuple[dict, list]:
    """Start a run, follow its status to the end; the run and the statuses seen."""
    response = client.post(
        "/api/planning/runs/", {"week": week.isoformat(), "community": community.pk, "time_limit": 10}, format="json"
    )
    assert response.status_code == 202, response.json()
    seen = []

    def read():
        run = client.get(f"/api/planning/runs/{response.json()['id']}/").json()
        seen.append((run["status"], run["progress"]))
        return run

    run = _until("the run to end", read, lambda r: r["status"] in ("done", "failed", "cancelled"), log)
    assert run["status"] == "done", run
    return run, seen


def _pairs(client, run_id: int) -> dict[tuple[int, int], dict]:
    rows = client.get(f"/api/planning/runs/{run_id}/assignments/?page_size=100").json()["results"]
    return {(row["volunteer"], row["shift"]): row for row in rows}


def test_a_week_from_the_first_run_to_the_hours_served(world, client_as, worker, settings, transactional_db):
    coordinator, community = client_as("community"), world.a1
    # given next week's Saturday: a two-seat patrol and a one-seat desk, and five people free that morning
    saturday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday()) + dt.timedelta(days=12)
    people = [world.v1] + [f.VolunteerFactory(home_community=community, user__username=f"p{i}") for i in range(4)]
    for person in people:
        f.WeeklyAvailabilityFactory(volunteer=person, weekday=6, start_time=dt.time(8), end_time=dt.time(12))
    week = saturday - dt.timedelta(days=5)
    f.ShiftFactory(
        community=community, title="巡逻", seats=2, start=f.at(saturday, 9), end=f.at(saturday, 11), week=week
    )
    f.ShiftFactory(
        community=community, title="值班", seats=1, start=f.at(saturday, 9), end=f.at(saturday, 10), week=week
    )
    # when the coordinator runs the matching
    first, seen = _run(coordinator, saturday, community, worker)
    # then progress was reported on the way and all three seats are filled
    assert seen[-1] == ("done", 100) and all(0 <= p <= 100 for _, p in seen)
    assert first["metrics"]["filled_seats"] == 3
    plan = _pairs(coordinator, first["id"])
    # when one assignment is pinned and another removed, and the matching runs again
    (kept, kept_row), (removed, removed_row) = sorted(plan.items())[:2]
    assert (
        coordinator.patch(
            f"/api/planning/runs/{first['id']}/assignments/{kept_row['id']}/", {"pinned": True}, format="json"
        ).status_code
        == 200
    )
    assert coordinator.delete(f"/api/planning/runs/{first['id']}/assignments/{removed_row['id']}/").status_code == 204
    second, _ = _run(coordinator, saturday, community, worker)
    # then the new version keeps the pin, and the removed pair is not offered again
    assert second["version"] == 2
    again = _pairs(coordinator, second["id"])
    assert kept in again and again[kept]["pinned"] and removed not in again
    # when the coordinator publishes it, the worker tells every volunteer on it
    assert coordinator.post(f"/api/planning/runs/{second['id']}/publish/").status_code == 200
    on_plan = {volunteer for volunteer, _ in again}
    user_of = {p.pk: p.user for p in people}
    for volunteer in on_plan:
        notices = Notification.objects.filter(recipient=user_of[volunteer], kind="plan_published")
        _until("the publication notice", notices.count, lambda n: n == 1, worker)
    # when one of them declines, the worker's backfill puts someone else in and tells the coordinator
    leaver = next(v for v, s in again if (v, s) != kept)
    leaver_row = next(row for (v, s), row in again.items() if v == leaver)
    volunteer_client = client_as("anonymous")
    volunteer_client.force_authenticate(user_of[leaver])
    declined = volunteer_client.post(f"/api/me/posts/{leaver_row['id']}/decline/", {"reason": "家中有事"})
    assert declined.status_code == 200, declined.json()
    reports = Notification.objects.filter(recipient=world.users["community"], kind="backfill_report")
    _until("the backfill report", reports.count, lambda n: n >= 1, worker)
    after = _pairs(coordinator, second["id"])
    newcomers = {v for v, s in after if s == leaver_row["shift"]} - on_plan
    assert len(newcomers) == 1, after
    newcomer = newcomers.pop()
    assert Notification.objects.filter(recipient=user_of[newcomer], kind="backfill").count() == 1
    # and the decline stays on record as the leaver's answer
    mine = volunteer_client.get("/api/me/posts/").json()["results"]
    assert any(p["id"] == leaver_row["id"] and p["status"] == "declined" for p in mine)
    # given yesterday's published shift (its own week's run), when the coordinator records who served it
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    f.WeeklyAvailabilityFactory(
        volunteer=world.v1, weekday=yesterday.isoweekday(), start_time=dt.time(8), end_time=dt.time(12)
    )
    served = f.ShiftFactory(
        community=community,
        title="昨日巡逻",
        seats=1,
        start=f.at(yesterday, 9),
        end=f.at(yesterday, 10),
        week=yesterday - dt.timedelta(days=yesterday.weekday()),
    )
    past, _ = _run(coordinator, yesterday, community, worker)
    assert (world.v1.pk, served.pk) in _pairs(coordinator, past["id"])
    assert coordinator.post(f"/api/planning/runs/{past['id']}/publish/").status_code == 200
    recorded = coordinator.post(
        f"/api/attendance/shifts/{served.pk}/record/",
        {
            "volunteer": world.v1.pk,
            "checked_in_at": f.at(yesterday, 9).isoformat(),
            "checked_out_at": f.at(yesterday, 10).isoformat(),
            "reason": "纸质签到表",
        },
        format="json",
    )
    assert recorded.status_code in (200, 201), recorded.json()
    # then the volunteer's own record shows the hour served
    hours = client_as("volunteer").get("/api/attendance/mine/").json()["results"]
    assert [(row["shift"], row["minutes_served"]) for row in hours if row["shift"] == served.pk] == [(served.pk, 60)]
