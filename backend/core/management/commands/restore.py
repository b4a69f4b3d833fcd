"""`manage.py restore <backup folder>`: into an empty database (the configured one, or --database-url) and
MEDIA_ROOT (or --media-root); the backup's checksums are verified first."""

from pathlib import Path

import environ
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from core.backup import BackupError, backup_read, backup_restore


class Command(BaseCommand):
    help = "Restore a backup folder made by `manage.py backup` into an empty database and the files folder."

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path)
        parser.add_argument("--database-url", help="restore into this database instead of the configured one")
        parser.add_argument("--media-root", type=Path, help="restore the files here instead of MEDIA_ROOT")

    def handle(self, *args, backup, database_url, media_root, **options):
        from django.conf import settings

        db = environ.Env.db_url_config(database_url) if database_url else connections["default"].settings_dict
        if not database_url and connections["default"].introspection.table_names():
            raise CommandError(
                "The configured database is not empty: restore into a new, empty one "
                "(create it, point DATABASE_URL at it, or pass --database-url)."
            )
        try:
            backup_restore(backup=backup_read(backup), db=db, media_root=media_root or Path(settings.MEDIA_ROOT))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored {backup.name}")
