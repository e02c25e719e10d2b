from django.core.management.base import BaseCommand, CommandError

from website.core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup`: replaces the database's contents "
        "(created first if it was dropped) and unpacks the media files."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a yhdessa-….tar from BACKUP_DIR")
        parser.add_argument(
            "--noinput",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, file, interactive, **options):
        if interactive:
            answer = input(
                "This replaces the database and adds the backup's media files. "
                "Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = backup.restore(file)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {file} (made {manifest['created']}).")
