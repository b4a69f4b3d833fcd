"""A matching run from start to stored plan, in process: the real optimizer, the one-active-run rule,
cancel, failures with their message, the all-or-nothing save, the reaper."""

import datetime as dt
import time

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

import factories as f
from planning import services
from planning.models import Assignment, MatchingRun, ResourceBooking, UnfilledSeat
from runs import heartbeat

from .conftest import SATURDAY, WEEK

pytestmark = pytest.mark.django_db


def _week_of_a1(world):
    """Two Saturday shifts at the same time in A1: legal advice (2 seats, priority 5, needs a room) and a
    patrol (1 seat); V1 is the only lawyer, V3 is free then, V4 (a lawyer) only on Sunday."""
    for volunteer in (world.v1,):
        f.WeeklyAvailabilityFactory(volunteer=volunteer, weekday=6, start_time=dt.time(8), end_time=dt.time(12))
    v3 = f.VolunteerFactory(home_community=world.a1)
    f.WeeklyAvailabilityFactory(volunteer=v3, weekday=6, start_time=dt.time(9), end_time=dt.time(11))
    v4 = f.VolunteerFactory(home_community=world.a1, skills={"legal_advice": 5})
    f.WeeklyAvailabilityFactory(volunteer=v4, weekday=7, start_time=dt.time(9), end_time=dt.time(11))
    legal = f.ShiftFactory(
        community=world.a1,
        title="法律咨询",
        seats=2,
        priority=5,
        required_skills={"legal_advice": 2},
        start=f.at(SATURDAY, 9),
        end=f.at(SATURDAY, 11),
    )
    patrol = f.ShiftFactory(
        community=world.a1, title="巡逻", seats=1, priority=2, start=f.at(SATURDAY, 9), end=f.at(SATURDAY, 11)
    )
    request = f.ResourceRequestFactory(shift=legal, kind="venue", min_capacity=30, features=["projector"])
    room = f.ResourceFactory(community=world.a1, unit=world.u1, capacity=40, features=["projector"])
    f.ResourceSlotFactory(resource=room, weekday=6, start_time=dt.time(8), end_time=dt.time(18))
    return {"v3": v3, "v4": v4, "legal": legal, "patrol": patrol, "request": request, "room": room}


def test_a_run_through_the_api_stores_a_plan_that_keeps_every_rule(
    world, client_as, eager, django_capture_on_commit_callbacks
):
    # given the week of A1
    w = _week_of_a1(world)
    client = client_as("community")
    # when the community coordinator starts a run and the task runs in process with the real optimizer
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            "/api/planning/runs/", {"week": "2026-12-02", "community": world.a1.pk, "time_limit": 10}, format="json"
        )
    # then the API answered 202 with the queued run, and the task left it done
    assert response.status_code == 202
    assert len(callbacks) == 1
    started = response.json()
    assert (started["status"], started["week"], started["version"], started["level"]) == (
        "queued",
        "2026-11-30",
        1,
        "community",
    )
    run = client.get(f"/api/planning/runs/{started['id']}/").json()
    assert (run["status"], run["progress"], run["stage"]) == ("done", 100, "Done")
    assert run["message"] == "Filled 2 of 3 seats."
    # the tiny week is solved to proof: optimal, its gap within the solver's tolerance beside it
    assert (run["solver_status"], run["stats"]["status"]) == ("optimal", "optimal")
    assert run["gap"] == run["stats"]["gap"] and run["gap"] <= 1e-4
    assert run["stats"]["problem"] == {
        "volunteers": 3,
        "shifts": 2,
        "resources": 1,
        "resource_requests": 1,
        "seats": 3,
        "locks": 0,
        "forbidden": 0,
    }
    assert run["metrics"]["filled_seats"] == 2
    assert run["gap"] is not None and run["attempts"] == 1
    # and the plan: V1 on the legal shift (the room booked), V3 on the patrol; one legal seat unfilled
    stored = set(
        Assignment.objects.filter(run_id=run["id"]).values_list("volunteer_id", "shift_id", "pinned", "source")
    )
    assert stored == {(world.v1.pk, w["legal"].pk, False, "solver"), (w["v3"].pk, w["patrol"].pk, False, "solver")}
    assert list(ResourceBooking.objects.filter(run_id=run["id"]).values_list("resource_id", "request_id")) == [
        (w["room"].pk, w["request"].pk)
    ]
    unfilled = UnfilledSeat.objects.get(run_id=run["id"])
    assert (unfilled.shift_id, unfilled.missing) == (w["legal"].pk, 1)
    assert unfilled.reasons and all("code" in reason and "message" in reason for reason in unfilled.reasons)
    # and every stored assignment keeps the hard rules the mapper fed the solver
    for assignment in Assignment.objects.filter(run_id=run["id"]).select_related("shift", "volunteer"):
        shift, volunteer = assignment.shift, assignment.volunteer
        for skill, level in shift.required_skills.items():
            assert volunteer.skills.get(skill, 0) >= level
        start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
        assert any(
            a.weekday == start.isoweekday() and a.start_time <= start.time() and end.time() <= a.end_time
            for a in volunteer.availability.all()
        )


def test_the_api_lists_the_plan_and_the_unfilled_seats(world, client_as, queued_run):
    # given a finished run with its rows (written by the service, as the task would)
    w = _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=10)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    client = client_as("subdistrict")
    # when
    assignments = client.get(f"/api/planning/runs/{run.pk}/assignments/").json()
    unfilled = client.get(f"/api/planning/runs/{run.pk}/unfilled/").json()
    # then
    assert assignments["count"] == 2
    by_shift = {row["shift"]: row for row in assignments["results"]}
    assert by_shift[w["legal"].pk] == {
        "id": by_shift[w["legal"].pk]["id"],
        "shift": w["legal"].pk,
        "shift_title": "法律咨询",
        "shift_start": "2026-12-05T09:00:00+08:00",
        "shift_end": "2026-12-05T11:00:00+08:00",
        "community_name": "秦江社区",
        "volunteer": world.v1.pk,
        "volunteer_number": world.v1.number,
        "volunteer_name": world.v1.name,
        "pinned": False,
        "source": "solver",
        "unverified_skills": ["legal_advice"],  # V1's level is their own claim
    }
    assert unfilled["count"] == 1
    row = unfilled["results"][0]
    assert (row["shift"], row["shift_title"], row["shift_priority"], row["missing"]) == (
        w["legal"].pk,
        "法律咨询",
        5,
        1,
    )
    assert row["reasons"] and isinstance(row["suggestion"], str)


def test_the_saved_plan_and_a_cancel_are_in_the_runs_audit_history(world, client_as, queued_run):
    # given a run the worker finished (the plan written in bulk: no signals) and a second one cancelled
    from auditlog.models import LogEntry

    _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=10)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    other = queued_run(community=world.a2, time_limit=10)
    services.matching_run_cancel(user=world.users["subdistrict"], run=other)
    # then each run's history has one entry saying what happened, with the plan's counts
    (saved,) = [e for e in LogEntry.objects.get_for_object(run) if "assignments" in e.changes_dict]
    assert saved.changes_dict == {
        "status": ["saving", "done"],
        "assignments": ["", "2"],
        "resource_bookings": ["", str(ResourceBooking.objects.filter(run=run).count())],
        "unfilled_seats": ["", "1"],
    }
    (cancelled,) = [
        e for e in LogEntry.objects.get_for_object(other) if "cancelled" in e.changes_dict.get("status", [])
    ]
    assert cancelled.changes_dict == {"status": ["queued", "cancelled"]}
    # and the creation entry holds the run's own fields, not its reverse relations
    created = LogEntry.objects.get_for_object(run).get(action=LogEntry.Action.CREATE)
    assert "assignments" not in created.changes_dict and created.changes_dict["status"] == ["None", "queued"]


def test_running_the_task_twice_does_nothing_the_second_time(world, queued_run):
    _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=10)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    rows = list(Assignment.objects.filter(run=run).values_list("pk", flat=True))
    # when the task is delivered again
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then the plan is the same rows, and the run was attempted once
    assert list(Assignment.objects.filter(run=run).values_list("pk", flat=True)) == rows
    assert MatchingRun.objects.get(pk=run.pk).attempts == 1


def test_a_run_keeps_the_pins_of_the_previous_run(world, queued_run):
    # given a finished run in which V1 is pinned to the patrol, which the optimizer alone would not choose
    w = _week_of_a1(world)
    first = queued_run(community=world.a1, time_limit=10)
    services.matching_run_execute(run_id=first.pk)
    Assignment.objects.filter(run=first).delete()
    Assignment.objects.create(run=first, shift=w["patrol"], volunteer=world.v1, pinned=True, source="manual")
    # when the coordinator runs again
    second = queued_run(community=world.a1, time_limit=10)
    assert services.matching_run_execute(run_id=second.pk) == "done"
    # then the pin is kept, still pinned and still by hand
    assert Assignment.objects.filter(run=second, volunteer=world.v1).get().shift_id == w["patrol"].pk
    pinned = Assignment.objects.get(run=second, volunteer=world.v1)
    assert (pinned.pinned, pinned.source) == (True, "manual")
    assert second.version == 2


def test_pins_that_break_a_rule_fail_the_run_with_the_reason(world, queued_run):
    w = _week_of_a1(world)
    first = queued_run(community=world.a1, time_limit=10)
    MatchingRun.objects.filter(pk=first.pk).update(status="done")
    Assignment.objects.create(run=first, shift=w["legal"], volunteer=world.v1, pinned=True)
    Assignment.objects.create(run=first, shift=w["patrol"], volunteer=world.v1, pinned=True)
    second = queued_run(community=world.a1, time_limit=10)
    # when
    assert services.matching_run_execute(run_id=second.pk) == "failed"
    # then
    second.refresh_from_db()
    assert second.status == "failed"
    assert second.message.startswith("No plan keeps every pinned assignment: ")
    assert not Assignment.objects.filter(run=second).exists()


def test_one_active_run_per_scope_and_week_is_a_database_rule(world, queued_run):
    # given a queued run of A1
    run = queued_run(community=world.a1)
    # when a second active row of the same scope and week is inserted directly
    with pytest.raises(IntegrityError), transaction.atomic():
        MatchingRun.objects.create(
            level="community",
            scope_key=run.scope_key,
            district=run.district,
            sub_district=run.sub_district,
            community=run.community,
            week=run.week,
            version=2,
            status="solving",
            time_limit=5,
            solver="highs",
        )
    # then ended runs of the same scope and week, and active runs of other weeks or scopes, are fine
    MatchingRun.objects.create(
        level="community",
        scope_key=run.scope_key,
        district=run.district,
        sub_district=run.sub_district,
        community=run.community,
        week=run.week,
        version=3,
        status="done",
        time_limit=5,
        solver="highs",
    )
    queued_run(community=world.a1, week=WEEK + dt.timedelta(days=7))
    queued_run(community=world.a2)
    queued_run(sub_district=world.s1)
    assert MatchingRun.objects.filter(status="queued").count() == 4


def test_start_takes_objects_or_ids_and_refuses_what_is_out_of_scope(world):
    community_coordinator = world.users["community"]
    run = services.matching_run_start(user=community_coordinator, week=WEEK, community=world.a1)
    assert (run.level, run.community, run.sub_district, run.scope_key) == (
        "community",
        world.a1,
        world.s1,
        f"community:{world.a1.pk}",
    )
    with pytest.raises(services.ScopeNotFound):
        services.matching_run_start(user=community_coordinator, week=WEEK, community=world.a2.pk)
    with pytest.raises(services.RunNotAllowed):
        services.matching_run_start(user=world.users["volunteer"], week=WEEK, community=world.a1)
    with pytest.raises(services.RunNotAllowed):
        services.matching_run_cancel(user=world.users["unit"], run=run)


def test_a_second_start_while_one_is_active_is_refused(world, queued_run):
    queued_run(community=world.a1)
    with pytest.raises(services.RunAlreadyActive):
        queued_run(community=world.a1, week=WEEK + dt.timedelta(days=3))  # any day of the same week
    # after it ends, the next run is the next version
    MatchingRun.objects.update(status="failed")
    assert queued_run(community=world.a1).version == 2


def test_a_cancelled_run_is_not_executed(world, queued_run):
    _week_of_a1(world)
    run = queued_run(community=world.a1)
    services.matching_run_cancel(user=world.users["community"], run=run)
    # when its task arrives
    assert services.matching_run_execute(run_id=run.pk) == "cancelled"
    # then
    run.refresh_from_db()
    assert (run.status, run.attempts, run.message) == ("cancelled", 0, "Cancelled by shequ.")
    assert run.finished_at is not None


def test_a_run_cancelled_while_solving_saves_nothing(world, queued_run, monkeypatch):
    # given a solve during which the coordinator cancels
    _week_of_a1(world)
    run = queued_run(community=world.a1)
    real_solve = services.matching.solve

    def solve_and_cancel(problem, **kwargs):
        services.matching_run_cancel(user=world.users["community"], run=MatchingRun.objects.get(pk=run.pk))
        return real_solve(problem, **kwargs)

    monkeypatch.setattr(services.matching, "solve", solve_and_cancel)
    # when
    assert services.matching_run_execute(run_id=run.pk) == "cancelled"
    # then
    assert MatchingRun.objects.get(pk=run.pk).status == "cancelled"
    assert not Assignment.objects.filter(run=run).exists()
    assert not UnfilledSeat.objects.filter(run=run).exists()


def test_a_shift_cancelled_while_the_run_solves_gets_nothing_from_its_plan(world, queued_run, monkeypatch):
    from shifts.services import shift_cancel

    # given a solve during which the coordinator cancels the legal advice shift (two seats and a room)
    week = _week_of_a1(world)
    run = queued_run(community=world.a1)
    real_solve = services.matching.solve

    def solve_and_cancel(problem, **kwargs):
        shift_cancel(shift=week["legal"], user=world.users["community"], reason="律师临时有事", now=f.at(WEEK, 8))
        return real_solve(problem, **kwargs)

    monkeypatch.setattr(services.matching, "solve", solve_and_cancel)
    # when the run saves its plan (its problem still held the shift)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then nobody is assigned to the cancelled shift, its room is not booked and no seat of it is reported unfilled
    assert set(Assignment.objects.filter(run=run).values_list("shift_id", flat=True)) == {week["patrol"].pk}
    assert not ResourceBooking.objects.filter(run=run).exists()
    assert list(UnfilledSeat.objects.filter(run=run).values_list("shift_id", flat=True)) == []
    # and the run's history counts what the plan holds
    from auditlog.models import LogEntry

    saved = LogEntry.objects.get_for_object(run).latest("pk").changes_dict
    assert (saved["assignments"], saved["resource_bookings"], saved["unfilled_seats"]) == (
        ["", "1"],
        ["", "0"],
        ["", "0"],
    )


def test_cancelling_an_ended_run_is_refused(world, queued_run):
    run = queued_run(community=world.a1)
    MatchingRun.objects.filter(pk=run.pk).update(status="done")
    with pytest.raises(services.RunEnded):
        services.matching_run_cancel(user=world.users["community"], run=run)
    assert MatchingRun.objects.get(pk=run.pk).status == "done"


def test_a_solver_error_ends_the_run_failed_with_a_clear_message(world, queued_run, monkeypatch):
    _week_of_a1(world)
    run = queued_run(community=world.a1)

    def explode(problem, **kwargs):
        raise RuntimeError("solver exploded")

    monkeypatch.setattr(services.matching, "solve", explode)
    # when
    assert services.matching_run_execute(run_id=run.pk) == "failed"
    # then
    run.refresh_from_db()
    assert (run.status, run.stage) == ("failed", "Failed")
    assert run.message == "The run failed while solving: RuntimeError: solver exploded"
    assert run.finished_at is not None and run.attempts == 1


def test_rows_that_make_no_valid_problem_fail_the_run_naming_the_field(world, queued_run):
    # given a volunteer whose stored skill level is outside 1-5 (written around the validators)
    f.VolunteerFactory(home_community=world.a1, skills={"legal_advice": 9})
    run = queued_run(community=world.a1)
    # when
    assert services.matching_run_execute(run_id=run.pk) == "failed"
    # then
    run.refresh_from_db()
    assert run.message.startswith("The week's data could not be turned into a matching problem: volunteers[")
    assert "skills.legal_advice" in run.message


def test_a_failure_in_the_middle_of_saving_leaves_no_rows(world, queued_run, monkeypatch):
    # given a database that fails after the assignments were written, before the bookings
    _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=10)

    def disk_full(*args, **kwargs):
        assert Assignment.objects.filter(run=run).count() == 2  # really in the middle
        raise RuntimeError("disk full")

    monkeypatch.setattr(ResourceBooking.objects, "bulk_create", disk_full)
    # when
    assert services.matching_run_execute(run_id=run.pk) == "failed"
    # then nothing of the plan is stored, and the run says why
    assert not Assignment.objects.filter(run=run).exists()
    assert not UnfilledSeat.objects.filter(run=run).exists()
    run.refresh_from_db()
    assert run.status == "failed"
    assert run.message == "The run failed while saving the plan: RuntimeError: disk full"
    assert run.metrics == {}


def test_the_reaper_requeues_stale_runs_then_fails_them(world, queued_run, django_capture_on_commit_callbacks):
    # given a run silent for 20 minutes after one attempt, one after three, and a fresh one
    now = timezone.now()
    stale = queued_run(community=world.a1)
    exhausted = queued_run(community=world.a2)
    fresh = queued_run(sub_district=world.s2)
    MatchingRun.objects.filter(pk=stale.pk).update(
        status="solving", attempts=1, heartbeat=now - dt.timedelta(minutes=20)
    )
    MatchingRun.objects.filter(pk=exhausted.pk).update(
        status="building", attempts=3, heartbeat=now - dt.timedelta(minutes=20)
    )
    MatchingRun.objects.filter(pk=fresh.pk).update(
        status="solving", attempts=1, heartbeat=now - dt.timedelta(minutes=2)
    )
    # when the reaper runs with a 15-minute limit and three attempts
    with django_capture_on_commit_callbacks() as callbacks:
        result = services.matching_run_reap_stale(now=now, stale_minutes=15, max_attempts=3)
    # then
    assert result == {"requeued": [stale.pk], "failed": [exhausted.pk]}
    assert len(callbacks) == 1  # the requeued run's task
    stale.refresh_from_db()
    exhausted.refresh_from_db()
    assert (stale.status, stale.message) == ("queued", "Requeued: no heartbeat for 15 minutes (attempt 1 of 3).")
    assert (exhausted.status, exhausted.message) == (
        "failed",
        "Failed: no heartbeat for 15 minutes after 3 attempts; the worker stopped.",
    )
    assert MatchingRun.objects.get(pk=fresh.pk).status == "solving"
    # and both moves are in the runs' histories, without an actor (the beat did it)
    from auditlog.models import LogEntry

    def update(run):
        (entry,) = [
            e
            for e in LogEntry.objects.get_for_object(run).filter(action=LogEntry.Action.UPDATE)
            if "message" in e.changes_dict
        ]
        return entry

    requeue, failure = update(stale), update(exhausted)
    assert (requeue.changes_dict["status"], requeue.actor) == (["solving", "queued"], None)
    assert (failure.changes_dict["status"], failure.actor) == (["building", "failed"], None)
    assert failure.changes_dict["message"][1] == exhausted.message


def test_a_requeued_run_runs_again(world, queued_run):
    _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=10)
    MatchingRun.objects.filter(pk=run.pk).update(
        status="solving", attempts=1, heartbeat=timezone.now() - dt.timedelta(hours=1)
    )
    services.matching_run_reap_stale()
    assert services.matching_run_execute(run_id=run.pk) == "done"
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("done", 2)


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_and_progress_move_while_the_solver_works(world, queued_run, monkeypatch):
    # given committed rows (no test transaction, as in a worker) and a solve that takes a while
    _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=1)
    monkeypatch.setattr(heartbeat, "HEARTBEAT_SECONDS", 0.05)
    real_solve, seen = services.matching.solve, {}

    def slow_solve(problem, **kwargs):
        started = timezone.now()
        time.sleep(0.6)
        seen.update(MatchingRun.objects.filter(pk=run.pk).values("status", "progress", "heartbeat").get())
        seen["started"] = started
        return real_solve(problem, **kwargs)

    monkeypatch.setattr(services.matching, "solve", slow_solve)
    # when
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then another connection kept the run alive and moving during the solve
    assert seen["status"] == "solving"
    assert 25 < seen["progress"] <= 85
    assert seen["heartbeat"] > seen["started"]


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_starting_at_once_get_one_run(world):
    # PostgreSQL only: SQLite serialises writers and may answer "database is locked" instead of waiting
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a real race needs PostgreSQL")
    import threading

    barrier, outcomes = threading.Barrier(2), []
    users = [world.users["community"], world.users["subdistrict"]]

    def start(user):
        from django.db import connection as own

        try:
            barrier.wait(timeout=10)
            services.matching_run_start(user=user, week=WEEK, community=world.a1.pk)
            outcomes.append("started")
        except services.RunAlreadyActive:
            outcomes.append("409")
        finally:
            own.close()

    threads = [threading.Thread(target=start, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["409", "started"]
    assert MatchingRun.objects.filter(scope_key=f"community:{world.a1.pk}").count() == 1


def test_the_tasks_are_registered_late_acked_and_call_one_service(world, queued_run, monkeypatch):
    from planning import tasks

    assert tasks.run_matching_task.name == "planning.run_matching"
    assert tasks.run_matching_task.acks_late and tasks.run_matching_task.reject_on_worker_lost
    assert tasks.reap_stale_runs_task.name == "planning.reap_stale_runs"
    run = queued_run(community=world.a1)
    services.matching_run_cancel(user=world.users["admin"], run=run)
    assert tasks.run_matching_task(run.pk) == "cancelled"
    assert tasks.run_matching_task(999999) == "missing"
    assert tasks.reap_stale_runs_task() == {"requeued": [], "failed": []}


def test_a_week_with_nothing_to_plan_is_done_with_nothing_stored(world, queued_run):
    run = queued_run(community=world.a2, time_limit=5)
    assert services.matching_run_execute(run_id=run.pk) == "done"
    run.refresh_from_db()
    assert (run.status, run.message, run.stats["problem"]["shifts"]) == ("done", "Filled 0 of 0 seats.", 0)
    assert not Assignment.objects.filter(run=run).exists()


def test_a_plan_cut_short_by_the_time_limit_says_so(world, queued_run, monkeypatch):
    # given a solver that reports its deadline came first
    _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=5)
    real_solve = services.matching.solve

    def deadline(problem, **kwargs):
        solution = real_solve(problem, **kwargs)
        return services.matching.Solution(**{**vars(solution), "status": services.matching.Status.TIME_LIMIT})

    monkeypatch.setattr(services.matching, "solve", deadline)
    # when
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then the plan is kept and the message says it is the best known by then
    run.refresh_from_db()
    assert run.message == "Filled 2 of 3 seats. The time limit came first: this is the best plan found by then."
    assert run.stats["status"] == "time_limit"
    assert Assignment.objects.filter(run=run).count() == 2


def test_the_run_asks_the_solver_for_the_gap_of_the_settings(world, queued_run, monkeypatch, settings):
    # given a gap set for the site
    settings.PLANNING_GAP = 0.002
    _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=5)
    real_solve = services.matching.solve
    asked = []

    def spy(problem, **kwargs):
        asked.append(kwargs["gap"])
        return real_solve(problem, **kwargs)

    monkeypatch.setattr(services.matching, "solve", spy)
    # when
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then the solver was asked for it, and the default is the 0.05% a run keeps improving towards
    assert asked == [0.002]
    from config.settings import base

    assert base.PLANNING_GAP == 0.0005


def test_a_run_solves_inside_a_daemonic_process_like_a_prefork_worker_child(world, queued_run):
    # given this process marked daemonic, as Celery's prefork pool marks its children
    import multiprocessing

    _week_of_a1(world)
    run = queued_run(community=world.a1, time_limit=10)
    process = multiprocessing.current_process()
    saved = process._config.get("daemon")
    process._config["daemon"] = True
    try:
        # when the run executes (the optimizer forks a child to enforce its deadline)
        result = services.matching_run_execute(run_id=run.pk)
        # then it solves, and the mark is back
        assert process._config["daemon"] is True
    finally:
        process._config["daemon"] = saved
    assert result == "done", MatchingRun.objects.get(pk=run.pk).message
    assert Assignment.objects.filter(run=run).count() == 2


def test_while_solving_the_status_shows_the_solvers_gap(world, queued_run, monkeypatch):
    # given a queued run of A1's week, and a look at every figure the solver reports to the run
    _week_of_a1(world)
    run = queued_run(community=world.a1)
    seen = []
    live_gap = services._live_gap

    def watched(run):
        report = live_gap(run)

        def spy(figures):
            report(figures)
            seen.append((figures, MatchingRun.objects.values_list("status", "gap", "stage").get(pk=run.pk)))

        return spy

    monkeypatch.setattr(services, "_live_gap", watched)
    # when it executes with the real solver
    assert services.matching_run_execute(run_id=run.pk) == "done"
    # then while it was solving the run showed each reported gap, with the stage saying so
    with_gap = [(figures, row) for figures, row in seen if figures.get("gap") is not None]
    assert with_gap, seen
    for figures, (status, gap, stage) in with_gap:
        assert (status, gap) == ("solving", figures["gap"])
        assert stage == f"Solving: best plan within {100 * figures['gap']:.1f}% of the bound"
