"""The migration that puts export jobs on the run kernel keeps the jobs there: each is there after, with its
requester, status, progress, message, heartbeat and file, and the kernel's columns filled in from what it held; and
each is still there when the migration is undone."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from migrating import migrate_to, migrate_to_latest

BEFORE = [("reports", "0002_export_heartbeat")]
AFTER = [("reports", "0003_export_run_kernel")]


def _at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, tzinfo=dt.UTC)


@pytest.mark.django_db(transaction=True)
def test_export_jobs_written_before_the_kernel_are_kept_by_its_migration(world):
    # given, before the migration, two exports of one coordinator (a done one with its file, a failed one of the
    # same kind) and a queued export of another kind of another user
    old = migrate_to(BEFORE)
    ExportJob = old.get_model("reports", "ExportJob")
    community, admin = world.users["community"], world.users["admin"]
    done = ExportJob.objects.create(
        kind="service_records",
        format="csv",
        requested_by_id=community.pk,
        status="done",
        progress=100,
        rows_done=5,
        rows_total=5,
        file="exports/service-records-1.csv",
        started_at=_at(1, 9),
        heartbeat_at=_at(1, 10),
        finished_at=_at(1, 10),
        expires_at=_at(8, 10),
        language="en",
    )
    failed = ExportJob.objects.create(
        kind="service_records",
        format="xlsx",
        requested_by_id=community.pk,
        status="failed",
        progress=40,
        error="导出文件生成失败，请重新申请导出。",
        started_at=_at(2, 9),
        heartbeat_at=_at(2, 9),
        finished_at=_at(2, 11),
    )
    queued = ExportJob.objects.create(
        kind="unit_ledgers", format="csv", requested_by_id=admin.pk, parameters={"unit": 3}
    )
    try:
        # when the migration runs
        new = migrate_to(AFTER)
        ExportJob = new.get_model("reports", "ExportJob")

        # then every job is there as it was, under the kernel's names
        fields = [
            "pk",
            "created_by_id",
            "kind",
            "format",
            "status",
            "progress",
            "rows_done",
            "message",
            "heartbeat",
            "file",
            "started_at",
            "finished_at",
            "expires_at",
            "parameters",
            "language",
        ]
        assert list(ExportJob.objects.order_by("pk").values_list(*fields)) == [
            (
                done.pk,
                community.pk,
                "service_records",
                "csv",
                "done",
                100,
                5,
                "",
                _at(1, 10),
                "exports/service-records-1.csv",
                _at(1, 9),
                _at(1, 10),
                _at(8, 10),
                {},
                "en",
            ),
            (
                failed.pk,
                community.pk,
                "service_records",
                "xlsx",
                "failed",
                40,
                0,
                "导出文件生成失败，请重新申请导出。",
                _at(2, 9),
                "",
                _at(2, 9),
                _at(2, 11),
                None,
                {},
                "",
            ),
            (
                queued.pk,
                admin.pk,
                "unit_ledgers",
                "csv",
                "queued",
                0,
                0,
                "",
                None,
                "",
                None,
                None,
                None,
                {"unit": 3},
                "",
            ),
        ]
        # and the kernel's columns are filled in: the requester's scope, the version among their exports of the
        # kind, an attempt for each job a worker started, and the last change (the queued one: its request)
        kernel = ["pk", "scope_key", "version", "attempts", "updated_at"]
        assert list(ExportJob.objects.order_by("pk").values_list(*kernel)) == [
            (done.pk, f"user:{community.pk}", 1, 1, _at(1, 10)),
            (failed.pk, f"user:{community.pk}", 2, 1, _at(2, 11)),
            (queued.pk, f"user:{admin.pk}", 1, 0, queued.created_at),
        ]
        # and a second version 2 of the coordinator's service records is refused
        with pytest.raises(IntegrityError), transaction.atomic():
            ExportJob.objects.create(
                kind="service_records",
                format="csv",
                created_by_id=community.pk,
                scope_key=f"user:{community.pk}",
                version=2,
                time_limit=600.0,
            )

        # and taken back before it (manage.py migrate reports 0002), every job is still there under the old names
        ExportJob = migrate_to(BEFORE).get_model("reports", "ExportJob")
        assert list(
            ExportJob.objects.order_by("pk").values_list("pk", "requested_by_id", "status", "error", "heartbeat_at")
        ) == [
            (done.pk, community.pk, "done", "", _at(1, 10)),
            (failed.pk, community.pk, "failed", "导出文件生成失败，请重新申请导出。", _at(2, 9)),
            (queued.pk, admin.pk, "queued", "", None),
        ]
    finally:
        migrate_to_latest()
