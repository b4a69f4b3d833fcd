"""`manage.py backup`: the database and the stored files into BACKUP_DIR (core.backup); prints the folder."""

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format, or SQLite's backup API) and MEDIA_ROOT into BACKUP_DIR."

    def handle(self, *args, **options):
        try:
            backup = backup_create()
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(backup.path))
