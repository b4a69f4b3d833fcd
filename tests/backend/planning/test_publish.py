"""Publishing a run: done runs only, one publication per scope and week (the database decides a race), the
coordinators' scope, and the volunteers' notice queued once the publication is committed."""

import datetime as dt
import threading

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from core.errors import Conflict
from planning import services
from planning.models import MatchingRun, Publication

from .conftest import WEEK

ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")

RUNS = "/api/planning/runs/"


def _publish(client, run):
    return client.post(f"{RUNS}{run.pk}/publish/")


@pytest.mark.django_db
def test_publish_makes_the_run_the_weeks_plan_and_queues_one_notice(
    world, client_as, done_run, django_capture_on_commit_callbacks, monkeypatch
):
    # given a done run of A1
    run = done_run(community=world.a1)
    queued = []
    monkeypatch.setattr(services, "_enqueue_publication_notice", queued.append)
    # when the community coordinator publishes it
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = _publish(client_as("community"), run)
    # then the run answers as published, a publication is stored, and the notice was queued after commit
    assert response.status_code == 200
    body = response.json()
    publication = Publication.objects.get()
    assert (body["id"], body["status"], body["published"]) == (run.pk, "done", True)
    assert body["published_at"] is not None
    assert (publication.run_id, publication.scope_key, publication.week, publication.published_by) == (
        run.pk,
        f"community:{world.a1.pk}",
        WEEK,
        world.users["community"],
    )
    assert len(callbacks) == 1 and queued == [run.pk]
    # and the detail shows it
    detail = client_as("community").get(f"{RUNS}{run.pk}/").json()
    assert (detail["published"], detail["published_at"]) == (True, body["published_at"])


@pytest.mark.django_db
def test_an_unpublished_run_says_so(world, client_as, done_run):
    run = done_run(community=world.a1)
    body = client_as("community").get(f"{RUNS}{run.pk}/").json()
    assert (body["published"], body["published_at"]) == (False, None)


@pytest.mark.django_db
def test_publishing_twice_answers_409_and_keeps_one_publication(
    world, client_as, done_run, monkeypatch, django_capture_on_commit_callbacks
):
    # given a published run, and a later version of the same scope and week
    queued = []
    monkeypatch.setattr(services, "_enqueue_publication_notice", queued.append)
    first = done_run(community=world.a1, version=1)
    second = done_run(community=world.a1, version=2)
    client = client_as("community")
    with django_capture_on_commit_callbacks(execute=True):
        assert _publish(client, first).status_code == 200
    expected = {
        "message": "This week is already published for this scope (version 1).",
        "extra": {"code": "already_published", "fields": {}},
    }
    # when the same run, or the other version, is published again (by another coordinator too)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = _publish(client, first)
        other = _publish(client_as("subdistrict"), second)
    # then both answer 409 naming the published version, nothing changed, and nobody is notified again
    assert (again.status_code, again.json()) == (409, expected)
    assert (other.status_code, other.json()) == (409, expected)
    assert list(Publication.objects.values_list("run_id", flat=True)) == [first.pk]
    assert (callbacks, queued) == ([], [first.pk])


@pytest.mark.django_db
def test_another_week_or_another_community_publishes_separately(world, client_as, done_run, monkeypatch):
    monkeypatch.setattr(services, "_enqueue_publication_notice", lambda run_id: None)
    client = client_as("subdistrict")
    runs = [
        done_run(community=world.a1),
        done_run(community=world.a2),
        done_run(community=world.a1, week=WEEK + dt.timedelta(days=7)),
    ]
    assert [_publish(client, run).status_code for run in runs] == [200, 200, 200]
    assert Publication.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "label"),
    [("queued", "Queued"), ("solving", "Solving"), ("failed", "Failed"), ("cancelled", "Cancelled")],
)
def test_only_a_done_run_can_be_published(world, client_as, done_run, status, label):
    # given a run that is not done
    run = done_run(community=world.a1, status=status)
    # when it is published
    response = _publish(client_as("community"), run)
    # then 409, and no publication
    assert response.status_code == 409
    assert response.json() == {
        "message": f"Only a run that is done can be published; this run is {label}.",
        "extra": {"code": "run_not_done", "fields": {}},
    }
    assert not Publication.objects.exists()


@pytest.mark.django_db
def test_publish_outside_the_callers_scope_answers_404(world, client_as, done_run):
    # given runs of A2 and B1, outside the community coordinator's A1
    a2, b1 = done_run(community=world.a2), done_run(community=world.b1)
    client = client_as("community")
    # when / then
    for run in (a2, b1):
        response = _publish(client, run)
        assert (response.status_code, response.json()) == (
            404,
            {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}},
        )
    assert _publish(client_as("subdistrict"), b1).status_code == 404
    assert _publish(client, MatchingRun(pk=999999)).status_code == 404
    assert not Publication.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["volunteer", "unit"])
def test_volunteers_and_units_cannot_publish(world, client_as, done_run, role):
    run = done_run(community=world.a1)
    response = _publish(client_as(role), run)
    assert (response.status_code, response.json()) == (
        403,
        {"message": "Only coordinators work with matching runs.", "extra": {"code": "permission_denied", "fields": {}}},
    )
    assert _publish(client_as("anonymous"), run).status_code == 401
    assert not Publication.objects.exists()


@pytest.mark.django_db
def test_the_service_refuses_non_coordinators(world, done_run):
    run = done_run(community=world.a1)
    with pytest.raises(services.RunNotAllowed):
        services.matching_run_publish(user=world.users["volunteer"], run=run)


@pytest.mark.django_db
def test_the_database_holds_one_publication_per_scope_and_week(world, done_run):
    # given a publication of A1's week
    first, second = done_run(community=world.a1, version=1), done_run(community=world.a1, version=2)
    Publication.objects.create(scope_key=first.scope_key, week=first.week, run=first, published_at=first.created_at)
    # when a second row for the same scope and week is written past the service
    with pytest.raises(IntegrityError), transaction.atomic():
        Publication.objects.create(
            scope_key=second.scope_key, week=second.week, run=second, published_at=second.created_at
        )
    # then the database refused it; nor can one run be published twice under another key
    with pytest.raises(IntegrityError), transaction.atomic():
        Publication.objects.create(scope_key="community:0", week=first.week, run=first, published_at=first.created_at)
    assert Publication.objects.count() == 1


@pytest.mark.django_db
def test_the_constraint_decides_when_the_check_is_passed(world, done_run, monkeypatch):
    # given a publication the service's own check does not see (as in a race on SQLite, which has no row lock)
    first, second = done_run(community=world.a1, version=1), done_run(community=world.a1, version=2)
    services.matching_run_publish(user=world.users["community"], run=first)
    monkeypatch.setattr(services, "_is_published", lambda run: False)
    # when the second version is published
    with pytest.raises(Conflict) as refused:
        services.matching_run_publish(user=world.users["community"], run=second)
    # then the IntegrityError became the same 409
    assert (refused.value.code, refused.value.message) == (
        "already_published",
        "This week is already published for this scope (version 1).",
    )
    assert list(Publication.objects.values_list("run_id", flat=True)) == [first.pk]


@pytest.mark.django_db
def test_deleting_a_published_run_is_refused(world, done_run):
    run = done_run(community=world.a1)
    services.matching_run_publish(user=world.users["community"], run=run)
    with pytest.raises(ProtectedError):
        run.delete()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(ON_SQLITE, reason="SQLite has no row locks and serialises writers; the constraint test covers it")
@pytest.mark.parametrize("same_run", [True, False], ids=["same-run", "two-versions"])
def test_two_coordinators_publishing_at_once_make_exactly_one_publication(world, done_run, monkeypatch, same_run):
    # given two done versions of A1's week and two coordinators in scope
    first, second = done_run(community=world.a1, version=1), done_run(community=world.a1, version=2)
    targets = [first, first] if same_run else [first, second]
    users = [world.users["community"], world.users["subdistrict"]]
    queued = []
    monkeypatch.setattr(services, "_enqueue_publication_notice", queued.append)
    barrier, outcomes = threading.Barrier(2), []

    def publish(user, run):
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():  # as the request would (ATOMIC_REQUESTS)
                outcomes.append(("published", services.matching_run_publish(user=user, run=run).run_id))
        except Conflict as exc:
            outcomes.append(("refused", exc.code))
        finally:
            connection.close()

    # when both publish at the same moment
    threads = [threading.Thread(target=publish, args=pair) for pair in zip(users, targets, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # then exactly one publication, one 409, and one notice
    assert sorted(kind for kind, _ in outcomes) == ["published", "refused"]
    assert ("refused", "already_published") in outcomes
    assert Publication.objects.count() == 1
    assert queued == [Publication.objects.get().run_id]


@pytest.mark.django_db
def test_the_list_filters_published_runs(world, client_as, done_run, monkeypatch):
    # given two versions of A1's week, the second published
    monkeypatch.setattr(services, "_enqueue_publication_notice", lambda run_id: None)
    first, second = done_run(community=world.a1, version=1), done_run(community=world.a1, version=2)
    services.matching_run_publish(user=world.users["community"], run=second)
    client = client_as("community")
    # when / then
    published = client.get(RUNS, {"published": "true"}).json()["results"]
    assert [(row["id"], row["published"]) for row in published] == [(second.pk, True)]
    assert [row["id"] for row in client.get(RUNS, {"published": "false"}).json()["results"]] == [first.pk]
    assert len(client.get(RUNS).json()["results"]) == 2


@pytest.mark.django_db
def test_the_run_list_reads_publications_without_extra_queries(
    world, client_as, done_run, monkeypatch, django_assert_max_num_queries
):
    # given six runs of different weeks, every other one published
    monkeypatch.setattr(services, "_enqueue_publication_notice", lambda run_id: None)
    for i in range(6):
        run = done_run(community=world.a1, week=WEEK + dt.timedelta(days=7 * i))
        if i % 2 == 0:
            services.matching_run_publish(user=world.users["community"], run=run)
    client = client_as("community")
    # when the list is read, then: session/auth, count and page, whatever the number of rows
    with django_assert_max_num_queries(4):
        rows = client.get(RUNS).json()["results"]
    assert [row["published"] for row in rows].count(True) == 3


@pytest.mark.django_db
def test_the_publication_admin_opens_read_only(world, done_run, client):
    from django.urls import reverse

    import factories as f

    run = done_run(community=world.a1)
    publication = services.matching_run_publish(user=world.users["community"], run=run)
    client.force_login(f.UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:planning_publication_changelist")).status_code == 200
    assert client.get(reverse("admin:planning_publication_change", args=[publication.pk])).status_code == 200
    assert client.get(reverse("admin:planning_publication_add")).status_code == 403
