"""The run kernel on its own: every kind of run (a matching run, a post allocation run) is created, claimed, moved,
finished, failed, cancelled, reaped and published by the same lifecycle, and holds the one-active-run rule in the
database. Each test runs for both kinds."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

import factories as f
from allocation.models import AllocationPublication, AllocationRun
from planning.models import MatchingRun, Publication
from runs import lifecycle
from runs.errors import AlreadyPublished, RunAlreadyActive, RunEnded, RunNotDone, RunNotEditable
from runs.lifecycle import ReapMessages, RunStopped
from runs.review import run_lock_for_review

pytestmark = pytest.mark.django_db

WEEK, YEAR = dt.date(2026, 11, 30), 2027
MESSAGES = ReapMessages(requeued="again after %(minutes)g min (%(n)d of %(max)d)", failed="gone after %(n)d")


@pytest.fixture(params=[MatchingRun, AllocationRun], ids=["matching", "allocation"])
def kind(request, world):
    """kind.start(community=...) -> a queued run of this kind through run_create; kind.make(...) one written
    directly; kind.model, kind.publication, kind.period."""
    model = request.param

    class Kind:
        period = {"week": WEEK} if model is MatchingRun else {"year": YEAR}

        @staticmethod
        def scope(community):
            scope = {
                "level": "community",
                "community": community,
                "sub_district_id": community.sub_district_id,
                "scope_key": f"community:{community.pk}",
            }
            if model is MatchingRun:
                scope.update(district_id=community.sub_district.district_id)
            return scope

        @classmethod
        def start(cls, community=None, **period):
            fields = {"solver": "highs"} if model is MatchingRun else {}
            return lifecycle.run_create(
                model,
                scope=cls.scope(community or world.a1),
                period=period or cls.period,
                time_limit=10.0,
                user=world.users["community"],
                busy="busy",
                enqueue=Kind.sent.append,
                **fields,
            )

        @classmethod
        def make(cls, *, status="queued", version=1, community=None, **fields):
            if model is MatchingRun:
                fields.setdefault("solver", "highs")
            return model.objects.create(
                **cls.scope(community or world.a1),
                **cls.period,
                version=version,
                status=status,
                time_limit=10.0,
                **fields,
            )

    Kind.model, Kind.sent = model, []
    Kind.publication = Publication if model is MatchingRun else AllocationPublication
    return Kind


def _status(run) -> str:
    return type(run).objects.get(pk=run.pk).status


# ---------------------------------------------------------------- create and the one-active rule


def test_a_start_numbers_the_version_and_queues_the_task_once_committed(kind, django_capture_on_commit_callbacks):
    # given an ended first version
    kind.make(status="failed")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        run = kind.start()
    # then
    assert (run.version, run.status, run.stage, run.attempts) == (2, "queued", "Queued", 0)
    assert run.heartbeat is not None and run.created_by.username == "shequ"
    assert kind.sent == [run.pk]


def test_a_second_start_while_one_is_active_is_refused(kind):
    # given
    first = kind.start()
    # when
    with pytest.raises(RunAlreadyActive) as refused:
        kind.start()
    # then
    assert (refused.value.code, refused.value.status_code, refused.value.message) == ("run_active", 409, "busy")
    assert list(kind.model.objects.values_list("pk", flat=True)) == [first.pk]


def test_another_scope_or_period_may_run_beside_an_active_run(kind, world):
    kind.start()
    other_scope = kind.start(community=world.a2)
    next_period = {"week": WEEK + dt.timedelta(days=7)} if "week" in kind.period else {"year": YEAR + 1}
    other_period = kind.start(**next_period)
    assert (other_scope.version, other_period.version) == (1, 1)


@pytest.mark.parametrize("active", ["queued", "solving"])
def test_the_database_holds_one_active_run_per_scope_and_period(kind, active):
    # given an active run
    kind.make(status=active)
    # when a second active one is written past the services
    with pytest.raises(IntegrityError), transaction.atomic():
        kind.make(status="queued", version=2)


@pytest.mark.parametrize("ended", ["done", "failed", "cancelled"])
def test_ended_runs_do_not_count_as_active(kind, ended):
    kind.make(status=ended)
    kind.make(status=ended, version=2)
    assert kind.make(status="queued", version=3).is_active


# ---------------------------------------------------------------- the worker's moves


def test_a_queued_run_is_claimed_by_one_delivery_only(kind):
    # given
    run = kind.make()
    # when two deliveries of its task claim it
    first = lifecycle.run_claim(kind.model, run.pk, stage="Working", progress=5)
    second = lifecycle.run_claim(kind.model, run.pk, stage="Working", progress=5)
    # then
    assert second is None
    assert (first.status, first.stage, first.progress, first.attempts) == (kind.model.CLAIMED, "Working", 5, 1)
    assert first.started_at is not None and first.heartbeat is not None


def test_a_move_after_a_cancel_stops_the_worker(kind, world):
    # given a claimed run that a coordinator cancels
    run = lifecycle.run_claim(kind.model, kind.make().pk, stage="Working")
    lifecycle.run_cancel(kind.model.objects.get(pk=run.pk), user=world.users["community"])
    # when the worker moves it on
    with pytest.raises(RunStopped):
        lifecycle.run_move(run, status="solving", progress=50)
    # then the cancel stands
    cancelled = kind.model.objects.get(pk=run.pk)
    assert (cancelled.status, cancelled.stage, cancelled.message) == ("cancelled", "Cancelled", "Cancelled by shequ.")
    assert cancelled.finished_at is not None


def test_finish_moves_a_working_run_to_done_with_the_fields_given(kind):
    run = lifecycle.run_claim(kind.model, kind.make().pk, stage="Working")
    lifecycle.run_finish(run, counts={"rows": 3}, message="Filled 3 of 3 seats.")
    done = kind.model.objects.get(pk=run.pk)
    assert (done.status, done.stage, done.progress, done.message) == ("done", "Done", 100, "Filled 3 of 3 seats.")
    assert done.finished_at is not None
    from auditlog.models import LogEntry

    entry = LogEntry.objects.get_for_object(done).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict == {"status": [kind.model.CLAIMED, "done"], "rows": ["", "3"]}


def test_fail_ends_a_working_run_and_leaves_others_alone(kind, world):
    # given a queued run and a working one
    queued = kind.make()
    working = lifecycle.run_claim(kind.model, kind.make(community=world.a2).pk, stage="Working")
    # when both are failed, the working one twice
    lifecycle.run_fail(kind.model, queued.pk, "no")
    lifecycle.run_fail(kind.model, working.pk, "x" * 5000)
    lifecycle.run_fail(kind.model, working.pk, "again")
    # then
    failed = kind.model.objects.get(pk=working.pk)
    assert _status(queued) == "queued"
    assert (failed.status, failed.stage, failed.message) == ("failed", "Failed", "x" * 4000)


@pytest.mark.parametrize("ended", ["done", "failed", "cancelled"])
def test_an_ended_run_cannot_be_cancelled(kind, world, ended):
    run = kind.make(status=ended)
    with pytest.raises(RunEnded) as refused:
        lifecycle.run_cancel(run, user=world.users["community"])
    assert (refused.value.code, refused.value.status_code) == ("run_ended", 409)
    assert _status(run) == ended


def test_a_silent_working_run_is_taken_over_then_failed_after_its_attempts(kind):
    # given a working run whose worker stopped an hour ago
    run = kind.make(status=kind.model.CLAIMED, attempts=1, heartbeat=timezone.now() - dt.timedelta(hours=1))
    # when a redelivered task claims it, allowed to take over
    taken = lifecycle.run_claim(kind.model, run.pk, stage="Working", take_over=lambda row: True, max_attempts=2)
    # then it works on it as attempt 2
    assert (taken.status, taken.attempts) == (kind.model.CLAIMED, 2)
    # and once that worker stops too, the next delivery fails it: its attempts are used
    kind.model.objects.filter(pk=run.pk).update(heartbeat=timezone.now() - dt.timedelta(hours=1))
    assert lifecycle.run_claim(kind.model, run.pk, stage="Working", take_over=lambda row: True, max_attempts=2) is None
    failed = kind.model.objects.get(pk=run.pk)
    assert (failed.status, failed.message) == ("failed", "Failed: the worker stopped during attempt 2 of 2.")


def test_a_silent_working_run_is_left_alone_without_take_over(kind):
    run = kind.make(status=kind.model.CLAIMED, attempts=1, heartbeat=timezone.now() - dt.timedelta(hours=1))
    assert lifecycle.run_claim(kind.model, run.pk, stage="Working") is None
    assert lifecycle.run_claim(kind.model, run.pk, stage="Working", take_over=lambda row: False) is None
    assert kind.model.objects.get(pk=run.pk).attempts == 1


# ---------------------------------------------------------------- the reaper


def test_the_reaper_resends_requeues_and_fails_silent_runs(kind, world, django_capture_on_commit_callbacks):
    # given, 20 minutes after their last beat: a queued run, a working one after one attempt and one after three;
    # and a working run that beat two minutes ago
    now = timezone.now()
    silent, recent = now - dt.timedelta(minutes=20), now - dt.timedelta(minutes=2)
    communities = [world.a1, world.a2, world.b1, _fourth_community(world)]
    queued = kind.make(community=communities[0], heartbeat=silent)
    retried = kind.make(community=communities[1], status=kind.model.CLAIMED, attempts=1, heartbeat=silent)
    exhausted = kind.make(community=communities[2], status=kind.model.CLAIMED, attempts=3, heartbeat=silent)
    alive = kind.make(community=communities[3], status=kind.model.CLAIMED, attempts=1, heartbeat=recent)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        reaped = lifecycle.run_reap_stale(
            kind.model, enqueue=kind.sent.append, messages=MESSAGES, now=now, stale_minutes=15, max_attempts=3
        )
    # then
    assert (reaped.resent, reaped.requeued, reaped.failed) == ([queued.pk], [retried.pk], [exhausted.pk])
    assert sorted(kind.sent) == sorted([queued.pk, retried.pk])
    rows = {run.pk: (run.status, run.message) for run in kind.model.objects.all()}
    assert rows == {
        queued.pk: ("queued", ""),
        retried.pk: ("queued", "again after 15 min (1 of 3)"),
        exhausted.pk: ("failed", "gone after 3"),
        alive.pk: (kind.model.CLAIMED, ""),
    }


def test_a_run_that_never_beat_is_judged_by_its_last_change(kind, django_capture_on_commit_callbacks):
    run = kind.make()
    assert run.heartbeat is None
    soon = timezone.now() + dt.timedelta(minutes=10)
    later = timezone.now() + dt.timedelta(minutes=30)
    assert (
        lifecycle.run_reap_stale(
            kind.model, enqueue=kind.sent.append, messages=MESSAGES, now=soon, stale_minutes=15, max_attempts=3
        ).resent
        == []
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert lifecycle.run_reap_stale(
            kind.model, enqueue=kind.sent.append, messages=MESSAGES, now=later, stale_minutes=15, max_attempts=3
        ).resent == [run.pk]
    assert kind.sent == [run.pk]


# ---------------------------------------------------------------- review and publication


def _published_none(run, found=None):
    return None


def test_only_a_done_run_is_published_and_a_period_once(kind, world):
    user = world.users["community"]
    # given a working run, and a done one of the same scope and period
    working = kind.make(status=kind.model.CLAIMED)
    done = kind.make(status="done", version=2)
    refusal = AlreadyPublished("published already")
    # when
    with pytest.raises(RunNotDone) as not_done:
        lifecycle.run_publish(
            working,
            user=user,
            publication_model=kind.publication,
            published=_published_none,
            already_published=lambda run, found: refusal,
        )
    publication = lifecycle.run_publish(
        done,
        user=user,
        publication_model=kind.publication,
        published=_published_none,
        already_published=lambda run, found: refusal,
    )
    # then
    assert (not_done.value.code, not_done.value.status_code) == ("run_not_done", 409)
    assert (publication.run, publication.scope_key, publication.published_by) == (done, done.scope_key, user)
    assert getattr(publication, kind.model.PERIOD) == done.period_value
    # and a second publication of the scope and period is refused by the database's rule, as the caller says
    again = kind.make(status="done", version=3)
    with pytest.raises(AlreadyPublished) as twice:
        lifecycle.run_publish(
            again,
            user=user,
            publication_model=kind.publication,
            published=_published_none,
            already_published=lambda run, found: refusal,
        )
    assert twice.value is refusal


def test_only_a_done_unpublished_run_is_open_for_review(kind):
    working = kind.make(status=kind.model.CLAIMED)
    with pytest.raises(RunNotEditable) as not_done:
        run_lock_for_review(working, published=lambda run: False, published_message="published")
    assert (not_done.value.code, not_done.value.status_code) == ("run_not_editable", 409)
    done = kind.make(status="done", version=2)
    with pytest.raises(RunNotEditable) as published:
        run_lock_for_review(done, published=lambda run: True, published_message="published")
    assert published.value.message == "published"
    assert run_lock_for_review(done, published=lambda run: False, published_message="published") == done


def _fourth_community(world):
    return f.CommunityFactory(sub_district=world.s2, name="第四社区")


def test_unannounced_publications_have_their_notice_sent_again_until_told(kind, world):
    # given a publication of three minutes ago whose people were not told
    done = kind.make(status="done")
    publication = lifecycle.run_publish(
        done,
        user=world.users["community"],
        publication_model=kind.publication,
        published=_published_none,
        already_published=lambda run, found: AlreadyPublished("no"),
    )
    later = timezone.now() + dt.timedelta(minutes=3)
    # when the sweeper looks two minutes back, by publication and by run
    by_pk = lifecycle.publication_resend_notices(
        kind.publication, enqueue=kind.sent.append, now=later, older_than_minutes=2
    )
    by_run = lifecycle.publication_resend_notices(
        kind.publication, enqueue=kind.sent.append, now=later, older_than_minutes=2, by="run_id"
    )
    # then the notice was sent again, and once the people are told it is not
    assert (by_pk, by_run, kind.sent) == ([publication.pk], [done.pk], [publication.pk, done.pk])
    type(publication).objects.filter(pk=publication.pk).update(notified_at=later)
    assert (
        lifecycle.publication_resend_notices(
            kind.publication, enqueue=kind.sent.append, now=later, older_than_minutes=2
        )
        == []
    )
