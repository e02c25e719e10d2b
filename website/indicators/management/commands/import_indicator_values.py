from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from website.indicators.importer import import_values, read_limited


class Command(BaseCommand):
    help = (
        "Import indicator values from a CSV in the shape of THL Sotkanet's export "
        "(see docs/indicator-import.md). A file with any bad row imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The CSV file to import.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate and count, but save nothing.",
        )

    # Operators read the output in English; the admin view speaks fi/sv.
    @no_translations
    def handle(self, path, dry_run=False, **options):
        try:
            with path.open("rb") as f:
                data = read_limited(f)
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        result = import_values(data, dry_run=dry_run)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(result.errors)} error(s) in {path}; nothing was imported."
            )
        if result.skipped:
            self.stdout.write(result.skipped_summary())
        self.stdout.write(self.style.SUCCESS(result.summary()))
