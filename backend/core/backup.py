"""Backups of the database and the stored files (MEDIA_ROOT: exports, feedback reports), their restore, and the
fingerprint that proves a restore whole: row counts of every table and checksums of the plans, the service records
and the audit log.

A backup is a folder BACKUP_DIR/<UTC time>/ with `database.dump` (pg_dump's custom format) or `database.sqlite3`
(SQLite's online backup API: consistent while the server and workers write), `files.tar.gz` and `manifest.json`
(what, when, the migrations applied, and a SHA-256 of each file). It is written under a temporary name and renamed
when complete, so a folder with a manifest is a whole backup. Backups older than BACKUP_KEEP_DAYS are deleted.
"""

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

from core import clock

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
FILES = "files.tar.gz"


class BackupError(Exception):
    """A dump or restore tool failed, or a backup is incomplete or damaged."""


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest: dict


def _is_sqlite(db: dict) -> bool:
    return db["ENGINE"].endswith("sqlite3")


def _pg_args(db: dict) -> tuple[list[str], dict]:
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432), "-U", db.get("USER") or "postgres"]
    env = {**os.environ, **({"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {})}
    return args, env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _dump_database(db: dict, target: Path) -> str:
    if _is_sqlite(db):
        name = "database.sqlite3"
        source = sqlite3.connect(db["NAME"])
        copy = sqlite3.connect(target / name)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return name
    name = "database.dump"
    args, env = _pg_args(db)
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args, "-f", str(target / name), db["NAME"]],
        env,
    )
    return name


def backup_create(*, alias: str = "default", now: dt.datetime | None = None) -> Backup:
    """A whole backup of the database and MEDIA_ROOT in BACKUP_DIR; older ones beyond BACKUP_KEEP_DAYS removed."""
    now = now or clock.now().astimezone(dt.UTC)
    root = Path(settings.BACKUP_DIR)
    root.mkdir(parents=True, exist_ok=True)
    name = now.strftime("%Y%m%dT%H%M%SZ")
    draft = root / f".{name}.partial"
    shutil.rmtree(draft, ignore_errors=True)
    draft.mkdir()
    db = connections[alias].settings_dict
    database_file = _dump_database(db, draft)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(draft / FILES, "w:gz") as archive:
        if media.is_dir():
            archive.add(media, arcname="media")
    manifest = {
        "created_at": now.isoformat(),
        "engine": "sqlite" if _is_sqlite(db) else "postgresql",
        "database": database_file,
        "files": FILES,
        "migrations": sorted(
            f"{app}.{migration}" for app, migration in MigrationRecorder(connections[alias]).applied_migrations()
        ),
        "sha256": {file: _sha256(draft / file) for file in (database_file, FILES)},
    }
    (draft / MANIFEST).write_text(json.dumps(manifest, indent=1))
    final = root / name
    draft.rename(final)
    log.info("backup %s written (%s)", name, manifest["engine"])
    backup_prune(now=now)
    return Backup(path=final, manifest=manifest)


def backup_prune(*, now: dt.datetime) -> list[Path]:
    """Delete whole backups older than BACKUP_KEEP_DAYS (the newest is always kept)."""
    root = Path(settings.BACKUP_DIR)
    whole = sorted(path for path in root.iterdir() if (path / MANIFEST).is_file())
    cutoff = now - dt.timedelta(days=settings.BACKUP_KEEP_DAYS)
    removed = []
    for path in whole[:-1]:
        created = dt.datetime.fromisoformat(json.loads((path / MANIFEST).read_text())["created_at"])
        if created < cutoff:
            shutil.rmtree(path)
            removed.append(path)
    if removed:
        log.info("%d backups older than %s days removed", len(removed), settings.BACKUP_KEEP_DAYS)
    return removed


def backup_read(path: Path) -> Backup:
    """The backup at `path`, its files checked against the manifest."""
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{path} is not a whole backup (no {MANIFEST})")
    manifest = json.loads(manifest_path.read_text())
    for file, digest in manifest["sha256"].items():
        if _sha256(path / file) != digest:
            raise BackupError(f"{file} of {path.name} is damaged (checksum differs)")
    return Backup(path=path, manifest=manifest)


def backup_restore(*, backup: Backup, db: dict, media_root: Path) -> None:
    """The backup's database into `db` (a settings dict; its database must exist and be empty, or be a new SQLite
    file) and its files into `media_root`."""
    source = backup.path / backup.manifest["database"]
    if (backup.manifest["engine"] == "sqlite") != _is_sqlite(db):
        raise BackupError("the backup and the target database are of different kinds")
    if _is_sqlite(db):
        target = sqlite3.connect(db["NAME"])
        origin = sqlite3.connect(source)
        try:
            origin.backup(target)
        finally:
            origin.close()
            target.close()
    else:
        args, env = _pg_args(db)
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *args,
                "-d",
                db["NAME"],
                str(source),
            ],
            env,
        )
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(backup.path / FILES, "r:gz") as archive:
        members = [member for member in archive.getmembers() if member.name.startswith("media/")]
        for member in members:
            member.name = member.name.removeprefix("media/")
        archive.extractall(media_root, members=[m for m in members if m.name], filter="data")
    log.info("backup %s restored", backup.path.name)


def database_fingerprint(alias: str = "default") -> dict:
    """Row counts of every model's table, and a SHA-256 of the rows of BACKUP_CHECKSUMMED_MODELS in id order."""
    connection = connections[alias]
    tables = set(connection.introspection.table_names())
    counts, checksums = {}, {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table not in tables or model._meta.proxy:
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        for label in settings.BACKUP_CHECKSUMMED_MODELS:
            model = apps.get_model(label)
            columns = ", ".join(connection.ops.quote_name(field.column) for field in model._meta.concrete_fields)
            cursor.execute(
                f"SELECT {columns} FROM {connection.ops.quote_name(model._meta.db_table)} "
                f"ORDER BY {connection.ops.quote_name(model._meta.pk.column)}"
            )
            digest = hashlib.sha256()
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
            checksums[label] = digest.hexdigest()
    return {"counts": counts, "checksums": checksums}
