from django.core.management.base import BaseCommand, CommandError

from website.core import backup


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump custom format; SQLite: online "
        "backup) and MEDIA_ROOT into one file in BACKUP_DIR, keeping the newest "
        "BACKUP_KEEP."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="another directory than BACKUP_DIR")
        parser.add_argument("--keep", type=int, help="how many to keep")

    def handle(self, *args, **options):
        try:
            path = backup.create_backup(options["dir"], options["keep"])
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
