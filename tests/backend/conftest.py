"""Shared fixtures of the backend tests: a small district with one object of each kind in and out of scope.

Scopes: sub-district S1 holds communities A1 and A2, S2 holds B1. Unit U1 sits in A1, U2 in B1. Volunteer
V1 lives in A1 (employed by U1), V2 in B1 (employed by U2). The signed-in roles are the district
administrator, the coordinator of S1, the coordinator of A1, the representative of U1 and V1.
"""

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection
from django.utils import translation
from rest_framework.test import APIClient

import factories as f
from accounts.models import User

ROLES = ["anonymous", "volunteer", "unit", "community", "subdistrict", "admin"]


@dataclass
class World:
    s1: object
    s2: object
    a1: object
    a2: object
    b1: object
    u1: object
    u2: object
    v1: object
    v2: object
    users: dict


@pytest.fixture
def world(db) -> World:
    f.SkillFactory(code="legal_advice", name="法律咨询")
    f.SkillFactory(code="first_aid", name="急救")
    s1, s2 = f.SubDistrictFactory(name="林山寨街道"), f.SubDistrictFactory(name="建设路街道")
    a1 = f.CommunityFactory(sub_district=s1, name="秦江社区")
    a2 = f.CommunityFactory(sub_district=s1, name="百花社区")
    b1 = f.CommunityFactory(sub_district=s2, name="西站社区")
    u1, u2 = f.UnitFactory(community=a1, name="中原区人民医院"), f.UnitFactory(community=b1, name="郑州第九中学")
    v1 = f.VolunteerFactory(
        home_community=a1,
        kind="in_office",
        employer_unit=u1,
        consent_share_with_unit=True,
        user__username="v1",
        user__phone="+8613912345678",
        skills={"legal_advice": 3},
    )
    v2 = f.VolunteerFactory(
        home_community=b1,
        kind="in_office",
        employer_unit=u2,
        consent_share_with_unit=True,
        user__username="v2",
    )
    users = {
        "admin": f.UserFactory(username="admin", role=User.Role.ADMIN, is_staff=True),
        "subdistrict": f.UserFactory(username="jiedao", role=User.Role.SUBDISTRICT, sub_district=s1),
        "community": f.UserFactory(username="shequ", role=User.Role.COMMUNITY, community=a1),
        "unit": f.UserFactory(username="danwei", role=User.Role.UNIT, unit=u1),
        "volunteer": v1.user,
    }
    return World(s1=s1, s2=s2, a1=a1, a2=a2, b1=b1, u1=u1, u2=u2, v1=v1, v2=v2, users=users)


@pytest.fixture
def seeded_deadlines(db):
    """The need deadline table as its data migration seeds it on a fresh installation: a transactional test that ran
    before in the same process flushed the migrated rows (seeding again changes nothing where they are still there).
    Used by the tests whose needs take their deadline from the table (`pytestmark = usefixtures(...)`)."""
    import importlib

    from django.apps import apps

    importlib.import_module("needs.migrations.0004_seed_deadline_rules").seed(apps, None)


@pytest.fixture
def api_language():
    """The language the tests ask for; None keeps the default (Chinese). A folder's conftest may return "en"
    so that its tests can assert English messages whole."""
    return None


@pytest.fixture(autouse=True)
def _translation(api_language):
    if api_language is None:
        yield
        return
    with translation.override(api_language):
        yield


@pytest.fixture
def client_as(world, api_language):
    """client_as("community") -> an APIClient signed in as that role ("anonymous": nobody)."""

    def make(role: str) -> APIClient:
        client = APIClient()
        if api_language is not None:
            client.defaults["HTTP_ACCEPT_LANGUAGE"] = api_language
        if role != "anonymous":
            client.force_authenticate(world.users[role])
        return client

    return make


@pytest.fixture
def eager():
    """Queued tasks run in this process at `delay`, with exceptions propagated."""
    from config import celery_app

    saved = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.update(task_always_eager=True, task_eager_propagates=True)
    yield
    celery_app.conf.update(task_always_eager=saved[0], task_eager_propagates=saved[1])


BACKEND = Path(__file__).resolve().parents[2] / "backend"


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def start_celery_worker(transactional_db, tmp_path):
    """start_celery_worker(queue, pool="solo", concurrency=1) -> log path: a real worker process on the configured
    broker (Redis in CI, the tests' filesystem queue otherwise), reading and writing this test's database. It listens
    on a queue of its own, so workers of other test sessions sharing the broker cannot take its tasks."""
    processes = []

    def start(queue: str, pool: str = "solo", concurrency: int = 1) -> Path:
        env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        log = tmp_path / f"worker-{len(processes)}.log"
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "config",
                    "worker",
                    "--pool",
                    pool,
                    "--concurrency",
                    str(concurrency),
                    "--loglevel",
                    "INFO",
                    "-Q",
                    queue,
                    "--without-heartbeat",
                    "--without-gossip",
                    "--without-mingle",
                    "-n",
                    f"{queue}@%h",
                ],
                cwd=BACKEND,
                env=env,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
            )
        )
        return log

    start.processes = processes  # the Popen of each worker started, for tests that kill one
    yield start
    for process in processes:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
