"""Publishing an allocation: done runs only, one publication per scope and year (the database decides a race),
holdings written for the scope only, and the members' notice queued once the publication is committed."""

import threading

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

import factories as f
from allocation import services
from allocation.models import AllocationPublication, Proposal
from core.errors import Conflict
from posts.models import PostHolding

from .conftest import RUNS, YEAR

ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def _publish(client, run):
    return client.post(f"{RUNS}{run.pk}/publish/")


@pytest.fixture
def quiet(monkeypatch):
    """The publication notices queued, not sent."""
    queued = []
    monkeypatch.setattr(services, "_enqueue_publication_notice", queued.append)
    return queued


@pytest.mark.django_db
def test_publishing_twice_answers_409_and_keeps_one_publication(
    world, client_as, done_run, quiet, django_capture_on_commit_callbacks
):
    # given a published run, and a later version of the same scope and year
    first, second = done_run(version=1), done_run(version=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert _publish(client_as("community"), first).status_code == 200
    expected = {
        "message": "This year is already published for this scope (version 1).",
        "extra": {"code": "already_published", "fields": {}},
    }
    # when the same run, or the other version, is published again (by another coordinator too)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = _publish(client_as("community"), first)
        other = _publish(client_as("subdistrict"), second)
    # then both answer 409, nothing changed, and nobody is told again
    assert (again.status_code, again.json()) == (409, expected)
    assert (other.status_code, other.json()) == (409, expected)
    assert list(AllocationPublication.objects.values_list("run_id", flat=True)) == [first.pk]
    assert (callbacks, quiet) == ([], [AllocationPublication.objects.get().pk])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "label"),
    [("queued", "Queued"), ("solving", "Solving"), ("failed", "Failed"), ("cancelled", "Cancelled")],
)
def test_only_a_done_run_can_be_published(world, client_as, done_run, status, label):
    response = _publish(client_as("community"), done_run(status=status))
    assert (response.status_code, response.json()) == (
        409,
        {
            "message": f"Only a run that is done can be published; this run is {label}.",
            "extra": {"code": "run_not_done", "fields": {}},
        },
    )
    assert not AllocationPublication.objects.exists()


@pytest.mark.django_db
def test_publish_is_scoped(world, client_as, done_run, quiet):
    a2, b1 = done_run(community=world.a2), done_run(community=world.b1)
    assert _publish(client_as("community"), a2).status_code == 404
    assert _publish(client_as("subdistrict"), b1).status_code == 404
    for role in ("volunteer", "unit"):
        assert _publish(client_as(role), a2).status_code == 403
    assert _publish(client_as("anonymous"), a2).status_code == 401
    assert not AllocationPublication.objects.exists()
    assert _publish(client_as("subdistrict"), a2).status_code == 200


@pytest.mark.django_db
def test_publish_writes_the_holdings_of_its_scope_only(world, done_run, quiet):
    # given a plan of A1 (M on patrol), holdings of A1 this year (one to keep, one to end, one declined),
    # and holdings of A2 and of last year that the plan does not concern
    patrol = f.PostFactory(community=world.a1)
    member, leaving, declined = (f.VolunteerFactory(home_community=world.a1) for _ in range(3))
    a2_holding = f.PostHoldingFactory(post=f.PostFactory(community=world.a2), year=YEAR)
    last_year = f.PostHoldingFactory(post=patrol, volunteer=leaving, year=YEAR - 1)
    kept = f.PostHoldingFactory(post=patrol, volunteer=member, year=YEAR, status="proposed")
    ending = f.PostHoldingFactory(post=patrol, volunteer=leaving, year=YEAR)
    refused = f.PostHoldingFactory(post=patrol, volunteer=declined, year=YEAR, status="declined")
    run = done_run()
    Proposal.objects.create(run=run, post=patrol, volunteer=member)
    # when
    services.allocation_run_publish(user=world.users["community"], run=run)
    # then
    statuses = dict(PostHolding.objects.values_list("pk", "status"))
    assert statuses == {
        a2_holding.pk: "active",
        last_year.pk: "active",
        kept.pk: "active",
        ending.pk: "ended",
        refused.pk: "declined",
    }
    # and the run's audit history says what the publication did to the holdings (bulk writes send no signals)
    from auditlog.models import LogEntry

    (entry,) = [e for e in LogEntry.objects.get_for_object(run) if "post_holdings_created" in e.changes_dict]
    assert {name: new for name, (_old, new) in entry.changes_dict.items()} == {
        "post_holdings_created": "0",
        "post_holdings_activated": "1",
        "post_holdings_ended": "1",
    }


@pytest.mark.django_db
def test_overlapping_scopes_are_published_once_a_year(world, client_as, done_run, quiet):
    # given a published plan of A1 for the year
    assert _publish(client_as("community"), done_run(community=world.a1)).status_code == 200
    s1, a2 = done_run(sub_district=world.s1), done_run(community=world.a2)
    client = client_as("subdistrict")
    # when S1 (which holds A1) is published for the same year: refused; A2 and another year are not concerned
    response = _publish(client, s1)
    assert (response.status_code, response.json()) == (
        409,
        {
            "message": "This year is already published for an overlapping scope (秦江社区, version 1).",
            "extra": {"code": "already_published", "fields": {}},
        },
    )
    assert _publish(client, a2).status_code == 200
    assert _publish(client, done_run(sub_district=world.s1, year=YEAR + 1)).status_code == 200
    # and a community of a sub-district published for the year is refused too
    response = _publish(client, done_run(community=world.a1, year=YEAR + 1, version=1))
    assert (
        response.json()["message"] == "This year is already published for an overlapping scope (林山寨街道, version 1)."
    )
    assert AllocationPublication.objects.count() == 3


@pytest.mark.django_db
def test_the_database_holds_one_publication_per_scope_and_year(world, done_run):
    first, second = done_run(version=1), done_run(version=2)
    AllocationPublication.objects.create(scope_key=first.scope_key, year=YEAR, run=first, published_at=first.created_at)
    with pytest.raises(IntegrityError), transaction.atomic():
        AllocationPublication.objects.create(
            scope_key=second.scope_key, year=YEAR, run=second, published_at=second.created_at
        )
    assert AllocationPublication.objects.count() == 1


@pytest.mark.django_db
def test_the_constraint_decides_when_the_check_is_passed(world, done_run, quiet, monkeypatch):
    # given a publication the service's own check does not see (as in a race on SQLite, which has no row lock)
    first, second = done_run(version=1), done_run(version=2)
    services.allocation_run_publish(user=world.users["community"], run=first)
    monkeypatch.setattr(services, "_published", lambda run: None)
    # when the second version is published, then the IntegrityError became the same 409
    with pytest.raises(Conflict) as refused:
        services.allocation_run_publish(user=world.users["community"], run=second)
    assert (refused.value.code, refused.value.message) == (
        "already_published",
        "This year is already published for this scope (version 1).",
    )
    assert list(AllocationPublication.objects.values_list("run_id", flat=True)) == [first.pk]


@pytest.mark.django_db
def test_deleting_a_published_run_is_refused(world, done_run, quiet):
    run = done_run()
    services.allocation_run_publish(user=world.users["community"], run=run)
    with pytest.raises(ProtectedError):
        run.delete()


@pytest.mark.django_db
def test_the_notice_is_sent_once_whatever_the_deliveries(world, done_run, quiet):
    from allocation.tasks import notify_publication_task
    from notifications.models import Notification

    run = done_run()
    post = f.PostFactory(community=world.a1, name="文明引导岗", target="每月两次")
    member = f.VolunteerFactory(home_community=world.a1)
    Proposal.objects.create(run=run, post=post, volunteer=member)
    publication = services.allocation_run_publish(user=world.users["community"], run=run)
    assert notify_publication_task.apply(args=[publication.pk]).get() == {
        "publication": publication.pk,
        "members": 1,
        "notified": 1,
    }
    assert notify_publication_task.apply(args=[publication.pk]).get() == {
        "publication": publication.pk,
        "members": 1,
        "notified": 0,
    }
    notice = Notification.objects.get(recipient=member.user)
    assert "Target: 每月两次" in notice.body
    assert notify_publication_task.apply(args=[999999]).get() == {"publication": 999999, "members": 0, "notified": 0}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(ON_SQLITE, reason="SQLite has no row locks and serialises writers; the constraint test covers it")
@pytest.mark.parametrize("case", ["same-run", "two-versions", "overlapping-scopes"])
def test_two_coordinators_publishing_at_once_make_exactly_one_publication(world, done_run, monkeypatch, case):
    # given two done versions of A1's year and one of S1's (which holds A1), each with a plan; two coordinators
    first, second, s1 = done_run(version=1), done_run(version=2), done_run(sub_district=world.s1)
    post = f.PostFactory(community=world.a1)
    for run in (first, second, s1):
        Proposal.objects.create(run=run, post=post, volunteer=f.VolunteerFactory(home_community=world.a1))
    targets = {"same-run": [first, first], "two-versions": [first, second], "overlapping-scopes": [first, s1]}[case]
    users = [world.users["community"], world.users["subdistrict"]]
    queued = []
    monkeypatch.setattr(services, "_enqueue_publication_notice", queued.append)
    barrier, outcomes = threading.Barrier(2), []

    def publish(user, run):
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():  # as the request would (ATOMIC_REQUESTS)
                outcomes.append(("published", services.allocation_run_publish(user=user, run=run).run_id))
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
    # then exactly one publication, one 409, one notice, and the winner's plan as the holdings
    assert sorted(kind for kind, _ in outcomes) == ["published", "refused"]
    assert ("refused", "already_published") in outcomes
    publication = AllocationPublication.objects.get()
    assert queued == [publication.pk]
    winner = Proposal.objects.get(run_id=publication.run_id)
    assert list(PostHolding.objects.values_list("post_id", "volunteer_id", "status")) == [
        (winner.post_id, winner.volunteer_id, "active")
    ]
