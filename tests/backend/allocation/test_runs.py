"""Allocation runs: who starts which scope, one active run per scope and year, the list and detail through the
scope, cancel, and the task's execution (twice is harmless; a failure ends the run `failed` with a message)."""

import pytest
from django.db import IntegrityError, transaction

from allocation import services, tasks
from allocation.models import AllocationRun, Proposal

from .conftest import RUNS, YEAR

pytestmark = pytest.mark.django_db


def _start(client, **body):
    return client.post(RUNS, {"year": YEAR, **body}, format="json")


def test_coordinators_start_runs_of_their_own_scope_only(world):
    # given the scopes: A1 (community coordinator), S1 = A1 + A2 (sub-district coordinator), everything (admin)
    allowed = [
        ("community", {"community": world.a1.pk}),
        ("subdistrict", {"community": world.a2.pk}),
        ("subdistrict", {"sub_district": world.s1.pk}),
        ("admin", {"community": world.b1.pk}),
        ("admin", {"sub_district": world.s2.pk}),
    ]
    refused = [
        ("community", {"community": world.a2.pk}, "community"),
        ("community", {"sub_district": world.s1.pk}, "sub_district"),
        ("subdistrict", {"community": world.b1.pk}, "community"),
        ("subdistrict", {"sub_district": world.s2.pk}, "sub_district"),
    ]
    # when / then
    for role, scope in allowed:
        run = services.allocation_run_start(user=world.users[role], year=YEAR, **scope)
        assert (run.status, run.version, run.created_by) == ("queued", 1, world.users[role])
    for role, scope, field in refused:
        with pytest.raises(services.ScopeNotFound) as error:
            services.allocation_run_start(user=world.users[role], year=YEAR + 1, **scope)
        assert list(error.value.fields) == [field]
    assert AllocationRun.objects.filter(year=YEAR + 1).count() == 0


def test_start_answers_202_with_the_queued_run(world, client_as):
    response = _start(client_as("subdistrict"), sub_district=world.s1.pk, time_limit=5)
    assert response.status_code == 202
    body = response.json()
    assert {
        k: body[k]
        for k in (
            "level",
            "community",
            "sub_district",
            "sub_district_name",
            "year",
            "version",
            "status",
            "time_limit",
            "created_by",
            "published",
        )
    } == {
        "level": "sub_district",
        "community": None,
        "sub_district": world.s1.pk,
        "sub_district_name": "林山寨街道",
        "year": YEAR,
        "version": 1,
        "status": "queued",
        "time_limit": 5.0,
        "created_by": "jiedao",
        "published": False,
    }


def test_start_outside_scope_is_a_404_and_for_other_roles_a_403(world, client_as):
    response = _start(client_as("community"), community=world.b1.pk)
    assert (response.status_code, response.json()) == (
        404,
        {
            "message": "No such community in your scope.",
            "extra": {"code": "not_found", "fields": {"community": ["Not found."]}},
        },
    )
    for role in ("volunteer", "unit"):
        response = _start(client_as(role), community=world.a1.pk)
        assert (response.status_code, response.json()) == (
            403,
            {
                "message": "Only coordinators work with post allocation runs.",
                "extra": {"code": "permission_denied", "fields": {}},
            },
        )
    assert _start(client_as("anonymous"), community=world.a1.pk).status_code == 401
    assert not AllocationRun.objects.exists()


def test_a_second_active_run_of_the_scope_and_year_is_a_409(world, client_as):
    client = client_as("community")
    assert _start(client, community=world.a1.pk).status_code == 202
    # when the same scope and year is started again while the first is queued
    again = _start(client, community=world.a1.pk)
    # then 409 in the error shape, and still one run; another year is independent
    assert (again.status_code, again.json()) == (
        409,
        {
            "message": "A post allocation run of this scope and year is already queued or solving.",
            "extra": {"code": "run_active", "fields": {}},
        },
    )
    assert AllocationRun.objects.count() == 1
    assert client.post(RUNS, {"year": YEAR + 1, "community": world.a1.pk}, format="json").status_code == 202


def test_the_database_holds_one_active_run_per_scope_and_year(world, done_run):
    done_run(status="queued")
    with pytest.raises(IntegrityError), transaction.atomic():
        done_run(version=2, status="solving")
    done_run(version=2, status="failed")  # ended runs are not counted
    assert AllocationRun.objects.count() == 2


def test_the_list_and_detail_follow_the_scope(world, client_as, done_run):
    # given runs of A1, A2, B1 and the sub-district S1
    a1, a2, b1 = done_run(community=world.a1), done_run(community=world.a2), done_run(community=world.b1)
    s1 = done_run(sub_district=world.s1)
    expected = {"community": {a1.pk}, "subdistrict": {a1.pk, a2.pk, s1.pk}, "admin": {a1.pk, a2.pk, b1.pk, s1.pk}}
    for role, ids in expected.items():
        client = client_as(role)
        # when / then
        assert {row["id"] for row in client.get(RUNS).json()["results"]} == ids, role
        for run in (a1, a2, b1, s1):
            assert client.get(f"{RUNS}{run.pk}/").status_code == (200 if run.pk in ids else 404), (role, run)
    for role in ("volunteer", "unit"):
        assert client_as(role).get(RUNS).status_code == 403
        assert client_as(role).get(f"{RUNS}{a1.pk}/").status_code == 403
    assert client_as("anonymous").get(RUNS).status_code == 401


def test_the_list_filters(world, client_as, done_run):
    first, failed = done_run(), done_run(version=2, status="failed")
    other_year = done_run(year=YEAR + 1)
    client = client_as("community")
    assert [r["id"] for r in client.get(RUNS, {"year": YEAR, "status": "done"}).json()["results"]] == [first.pk]
    assert [r["id"] for r in client.get(RUNS, {"status": "failed"}).json()["results"]] == [failed.pk]
    assert [r["id"] for r in client.get(RUNS, {"year": YEAR + 1}).json()["results"]] == [other_year.pk]


def test_cancel_a_queued_run_and_then_409(world, client_as):
    run = services.allocation_run_start(user=world.users["community"], year=YEAR, community=world.a1)
    client = client_as("community")
    response = client.post(f"{RUNS}{run.pk}/cancel/")
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    assert response.json()["message"] == "Cancelled by shequ."
    again = client.post(f"{RUNS}{run.pk}/cancel/")
    assert (again.status_code, again.json()) == (
        409,
        {"message": "The run has already ended (Cancelled).", "extra": {"code": "run_ended", "fields": {}}},
    )
    # and the task, delivered late, leaves it cancelled
    assert tasks.run_allocation_task.apply(args=[run.pk]).get() == "cancelled"


def test_a_run_cancelled_while_it_solves_stores_no_plan(world, a1_posts, monkeypatch):
    run = services.allocation_run_start(user=world.users["community"], year=YEAR, community=world.a1)
    real = services.allocate_posts

    def solve_then_cancel(problem, *, time_limit):
        result = real(problem, time_limit=time_limit)
        services.allocation_run_cancel(user=world.users["community"], run=run)
        return result

    monkeypatch.setattr(services, "allocate_posts", solve_then_cancel)
    assert services.allocation_run_execute(run_id=run.pk) == "cancelled"
    assert not Proposal.objects.filter(run=run).exists()


def test_a_second_delivery_of_the_task_changes_nothing(world, a1_posts):
    run = services.allocation_run_start(user=world.users["community"], year=YEAR, community=world.a1)
    assert tasks.run_allocation_task.apply(args=[run.pk]).get() == "done"
    stored = list(Proposal.objects.filter(run=run).values_list("pk", "post_id", "volunteer_id"))
    # when the same task is delivered again
    assert tasks.run_allocation_task.apply(args=[run.pk]).get() == "done"
    # then the plan is the same rows, and the run was claimed once
    assert list(Proposal.objects.filter(run=run).values_list("pk", "post_id", "volunteer_id")) == stored
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("done", 1)
    assert tasks.run_allocation_task.apply(args=[999999]).get() == "missing"


def test_the_task_is_registered_with_late_acknowledgement():
    task = tasks.run_allocation_task
    assert (task.name, task.acks_late, task.reject_on_worker_lost) == ("allocation.run", True, True)


def test_a_failure_ends_the_run_failed_with_a_message_and_never_raises(world, a1_posts, monkeypatch):
    run = services.allocation_run_start(user=world.users["community"], year=YEAR, community=world.a1)

    def broken(problem, *, time_limit):
        raise RuntimeError("solver exploded")

    monkeypatch.setattr(services, "allocate_posts", broken)
    assert tasks.run_allocation_task.apply(args=[run.pk]).get() == "failed"
    run.refresh_from_db()
    assert (run.status, run.message) == ("failed", "The run failed: RuntimeError: solver exploded")
    assert run.finished_at is not None
    # and the scope and year are free for a new run
    assert services.allocation_run_start(user=world.users["community"], year=YEAR, community=world.a1).version == 2


def test_an_empty_scope_is_done_with_nothing_to_fill(world):
    run = services.allocation_run_start(user=world.users["admin"], year=YEAR, community=world.b1)
    assert services.allocation_run_execute(run_id=run.pk) == "done"
    run.refresh_from_db()
    assert run.message == "Filled 0 of 0 seats."
