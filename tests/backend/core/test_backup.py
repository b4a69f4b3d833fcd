"""Backup and restore (core.backup, `manage.py backup` / `restore`): a seeded and planned district backed up,
restored into a new database of the same kind (SQLite, or PostgreSQL when DATABASE_URL names it) and new files
folder, comes back with the same row counts and the same plans, records and audit log."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from conftest import BACKEND, _database_url
from core.backup import BackupError, backup_create, backup_read

ON_POSTGRES = connection.vendor == "postgresql"


def _fingerprint(database_url: str) -> dict:
    """database_fingerprint() read by a process of its own, as a restored installation would read it."""
    code = (
        "import django, json; django.setup(); from core.backup import database_fingerprint; "
        "print(json.dumps(database_fingerprint()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BACKEND,
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def folders(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "exports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "exports" / "records-7.csv").write_bytes("姓名,时长\n张三,2\n".encode("utf-8-sig"))
    return tmp_path


@pytest.fixture
def restored_url(folders):
    """A new, empty database of the configured kind with a name of its own; dropped afterwards."""
    if not ON_POSTGRES:
        yield f"sqlite:///{folders / 'restored.sqlite3'}"
        return
    db = connection.settings_dict
    name = f"backup_restored_{os.getpid()}"
    admin = [
        "psql",
        "-h",
        db["HOST"] or "127.0.0.1",
        "-p",
        str(db["PORT"] or 5432),
        "-U",
        db["USER"],
        "-d",
        "postgres",
        "-qc",
    ]
    subprocess.run([*admin, f'DROP DATABASE IF EXISTS "{name}"'], check=True)
    subprocess.run([*admin, f'CREATE DATABASE "{name}"'], check=True)
    yield f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    subprocess.run([*admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True)


def test_a_backup_restored_into_a_new_database_matches_the_original(transactional_db, folders, restored_url):
    # given the demo district at small scale, this week planned and published (plans, records, audit entries)
    call_command("seed_demo", scale="small", seed=1, stdout=open(os.devnull, "w"))
    call_command("publish_demo_week", stdout=open(os.devnull, "w"))
    original = _fingerprint(_database_url())
    assert original["counts"]["planning_assignment"] > 0 and original["counts"]["records_servicerecord"] > 0
    assert original["counts"]["auditlog_logentry"] > 0
    # when it is backed up, and restored into a new database and a new files folder
    out = subprocess.run(
        [sys.executable, "manage.py", "backup"],
        cwd=BACKEND,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DATABASE_URL": _database_url(),
            "BACKUP_DIR": str(folders / "backups"),
            "MEDIA_ROOT": str(folders / "media"),
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        },
    )
    assert out.returncode == 0, out.stderr[-3000:]
    backup = Path(out.stdout.strip().splitlines()[-1])
    restore = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "restore",
            str(backup),
            "--database-url",
            restored_url,
            "--media-root",
            str(folders / "restored-media"),
        ],
        cwd=BACKEND,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert restore.returncode == 0, restore.stderr[-3000:]
    # then every table has as many rows, the plans, records and audit log are the same, and so are the files
    assert _fingerprint(restored_url) == original
    assert (folders / "restored-media" / "exports" / "records-7.csv").read_bytes() == (
        folders / "media" / "exports" / "records-7.csv"
    ).read_bytes()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["engine"] == ("postgresql" if ON_POSTGRES else "sqlite")
    assert "planning.0001_initial" in manifest["migrations"]


def test_backups_older_than_the_kept_days_are_removed_but_never_the_newest(db, folders, settings):
    # given backups made 20, 10 and 0 days ago with 14 days kept
    settings.BACKUP_KEEP_DAYS = 14
    now = dt.datetime(2026, 12, 7, 2, 30, tzinfo=dt.UTC)
    made = [backup_create(now=now - dt.timedelta(days=days)).path.name for days in (20, 10, 0)]
    # then the one of 20 days ago is gone
    assert sorted(p.name for p in settings.BACKUP_DIR.iterdir()) == made[1:]
    # and with nothing kept, the newest still stays
    settings.BACKUP_KEEP_DAYS = 0
    backup_create(now=now + dt.timedelta(days=30))
    assert len(list(settings.BACKUP_DIR.iterdir())) == 1


def test_a_damaged_backup_is_refused(db, folders):
    # given a backup whose files archive was changed afterwards
    backup = backup_create()
    with (backup.path / "files.tar.gz").open("ab") as archive:
        archive.write(b"x")
    # when it is read for a restore, then it is refused by its checksum
    with pytest.raises(BackupError, match="files.tar.gz of .* is damaged"):
        backup_read(backup.path)
