"""Fixtures of the service record tests: past shifts with attendance, records made directly, English answers."""

import datetime as dt
import importlib

import pytest
from django.utils import timezone

import factories as f
from attendance.models import Attendance
from records.models import ServiceRecord

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


@pytest.fixture(autouse=True)
def seeded_points_rules(db):
    """The points table as the data migration seeds it on a fresh installation: a transactional test that ran before
    in the same process flushed the migrated rows (seeding again changes nothing where they are still there)."""
    from django.apps import apps

    importlib.import_module("records.migrations.0003_seed_points_rules").seed(apps, None)


@pytest.fixture
def api_language():
    return "en"  # messages asserted whole, in English


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)


@pytest.fixture
def attended(world, now):
    """attended(volunteer=None, minutes=120, community=None, ago=3 h, **shift fields) -> an Attendance row of a
    2-hour shift that started `ago` before now, checked in at its start and out after `minutes` (clipped)."""

    def make(volunteer=None, minutes=120, community=None, ago=3 * H, **fields):
        start = now - ago
        shift = f.ShiftFactory(
            community=community or world.a1,
            start=start,
            end=start + 2 * H,
            week=timezone.localdate(start) - dt.timedelta(days=timezone.localdate(start).weekday()),
            **fields,
        )
        return Attendance.objects.create(
            shift=shift,
            volunteer=volunteer or world.v1,
            method="coordinator",
            checked_in_at=start,
            checked_out_at=start + minutes * M,
            minutes_served=min(minutes, 120),
        )

    return make


@pytest.fixture
def record(world):
    """record(volunteer=None, minutes=60, status="approved", community=None, **fields) -> a manual record."""

    def make(volunteer=None, minutes=60, status="approved", community=None, **fields):
        volunteer = volunteer or world.v1
        values = {"title": "助老服务", "date": dt.date(2026, 3, 1), "recipient": "王秀英", "evidence": "签到表照片"}
        return ServiceRecord.objects.create(
            volunteer=volunteer,
            community=community or volunteer.home_community,
            minutes=minutes,
            status=status,
            source="manual",
            **{**values, **fields},
        )

    return make
