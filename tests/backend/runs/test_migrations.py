"""The kernel's migrations keep the runs that are there: a matching run and a post allocation run written before
them (with their publications) are there after, unchanged, and the rule over active runs still holds."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from migrating import migrate_to, migrate_to_latest

BEFORE = [("planning", "0004_fanout_and_notices"), ("allocation", "0002_publication_notified_at")]
AFTER = [("planning", "0005_one_active_run_until_it_ends"), ("allocation", "0003_run_kernel")]


@pytest.mark.django_db(transaction=True)
def test_runs_written_before_the_kernel_are_kept_by_its_migrations(world):
    # given, before the kernel's migrations, a done matching run with its publication, a solving one, and a
    # queued post allocation run
    old = migrate_to(BEFORE)
    MatchingRun, AllocationRun = old.get_model("planning", "MatchingRun"), old.get_model("allocation", "AllocationRun")
    scope = {
        "level": "community",
        "scope_key": f"community:{world.a1.pk}",
        "sub_district_id": world.s1.pk,
        "community_id": world.a1.pk,
    }
    week = dt.date(2026, 11, 30)
    done = MatchingRun.objects.create(
        **scope,
        district_id=world.s1.district_id,
        week=week,
        version=1,
        status="done",
        stage="Done",
        progress=100,
        time_limit=10,
        solver="highs",
        message="Filled.",
    )
    old.get_model("planning", "Publication").objects.create(
        scope_key=done.scope_key, week=week, run=done, published_at=dt.datetime(2026, 11, 28, tzinfo=dt.UTC)
    )
    solving = MatchingRun.objects.create(
        **scope,
        district_id=world.s1.district_id,
        week=week,
        version=2,
        status="solving",
        progress=40,
        attempts=1,
        time_limit=10,
        solver="highs",
    )
    queued = AllocationRun.objects.create(**scope, year=2027, version=1, status="queued", time_limit=10, attempts=0)
    try:
        # when the kernel's migrations run
        new = migrate_to(AFTER)
        MatchingRun = new.get_model("planning", "MatchingRun")
        AllocationRun = new.get_model("allocation", "AllocationRun")
        # then every row is there as it was, and allocation's new columns start empty
        assert list(MatchingRun.objects.order_by("pk").values_list("pk", "status", "progress", "message")) == [
            (done.pk, "done", 100, "Filled."),
            (solving.pk, "solving", 40, ""),
        ]
        assert new.get_model("planning", "Publication").objects.get().run_id == done.pk
        assert list(AllocationRun.objects.values_list("pk", "status", "stage", "progress", "heartbeat")) == [
            (queued.pk, "queued", "", 0, None)
        ]
        # and a second active run of the scope and period is still refused
        with pytest.raises(IntegrityError), transaction.atomic():
            AllocationRun.objects.create(**scope, year=2027, version=2, status="solving", time_limit=10)
        with pytest.raises(IntegrityError), transaction.atomic():
            MatchingRun.objects.create(
                **scope,
                district_id=world.s1.district_id,
                week=week,
                version=3,
                status="queued",
                time_limit=10,
                solver="highs",
            )
    finally:
        migrate_to_latest()  # the next tests of this process need every migration, not only the kernel's
