"""The sweeper on beat: what a broker outage or a dead worker left behind is sent again, and a request never
fails because the broker is down."""

import datetime as dt

import pytest
from django.utils import timezone

from allocation import services
from allocation.models import AllocationPublication, AllocationRun, Proposal

from .conftest import RUNS, YEAR

pytestmark = pytest.mark.django_db


def later() -> dt.datetime:
    """Half an hour after now: taken when the sweeper runs, not when the module was imported (a suite that runs for
    longer than that would otherwise sweep in the past)."""
    return timezone.now() + dt.timedelta(minutes=30)


@pytest.fixture
def sent(monkeypatch):
    calls = []
    monkeypatch.setattr(services, "send_or_log", lambda task, *args: calls.append((task.name, *args)) or True)
    return calls


def test_stale_runs_are_sent_again_or_failed_after_their_attempts(
    world, done_run, sent, django_capture_on_commit_callbacks
):
    queued = done_run(version=1, status="queued")
    solving = done_run(version=2, status="solving", year=YEAR + 1)
    AllocationRun.objects.filter(pk=solving.pk).update(attempts=1)
    dead = done_run(version=3, status="solving", year=YEAR + 2)
    AllocationRun.objects.filter(pk=dead.pk).update(attempts=3)
    fresh = done_run(version=4, status="queued", year=YEAR + 3)
    # when the sweeper runs half an hour later (the fresh run was touched just now); tasks go once it commits
    sweep_at = later()
    AllocationRun.objects.filter(pk=fresh.pk).update(updated_at=sweep_at)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.allocation_sweep(now=sweep_at)
    # then
    assert result == {"runs": [queued.pk, solving.pk], "failed": [dead.pk], "notices": []}
    assert sorted(sent) == [("allocation.run", queued.pk), ("allocation.run", solving.pk)]
    statuses = dict(AllocationRun.objects.values_list("pk", "status"))
    assert statuses == {queued.pk: "queued", solving.pk: "queued", dead.pk: "failed", fresh.pk: "queued"}
    assert AllocationRun.objects.get(pk=dead.pk).message == "Failed: the worker stopped answering 3 times."
    # and each move is in the run's history with the message it shows (the queued run was only sent again)
    from auditlog.models import LogEntry

    def moves(run):
        return [
            e.changes_dict["status"]
            for e in LogEntry.objects.get_for_object(run)
            if e.action == LogEntry.Action.UPDATE and "status" in e.changes_dict
        ]

    assert moves(solving) == [["solving", "queued"]]
    assert moves(dead) == [["solving", "failed"]]
    assert moves(queued) == []
    entry = LogEntry.objects.get_for_object(dead).get(action=LogEntry.Action.UPDATE)
    assert entry.actor is None and entry.changes_dict["message"] == [
        "",
        "Failed: the worker stopped answering 3 times.",
    ]


def test_a_requeued_run_is_solved_by_the_task_sent_again(
    world, a1_posts, done_run, sent, django_capture_on_commit_callbacks
):
    run = done_run(status="solving")
    with django_capture_on_commit_callbacks(execute=True):
        services.allocation_sweep(now=later())
    assert sent == [("allocation.run", run.pk)]
    assert services.allocation_run_execute(run_id=run.pk) == "done"
    assert Proposal.objects.filter(run=run).count() == 3


def test_unannounced_publications_are_announced_again_once(world, done_run, sent):
    run = done_run()
    publication = services.allocation_run_publish(user=world.users["community"], run=run)
    assert services.allocation_sweep(now=later())["notices"] == [publication.pk]
    services.publication_notify(publication_id=publication.pk)
    assert AllocationPublication.objects.get().notified_at is not None
    assert services.allocation_sweep(now=later())["notices"] == []


def test_a_broker_outage_never_fails_the_request(
    world, client_as, a1_posts, monkeypatch, django_capture_on_commit_callbacks
):
    from allocation import tasks

    def down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks.run_allocation_task, "apply_async", down)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("community").post(RUNS, {"year": YEAR, "community": world.a1.pk}, format="json")
    assert (response.status_code, response.json()["status"]) == (202, "queued")
    assert AllocationRun.objects.get().status == "queued"
