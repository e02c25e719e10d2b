from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.associations.importers import import_csv, import_ptv


class Command(BaseCommand):
    help = (
        "Import associations from our CSV format or from PTV JSON "
        "(docs/association-import.md). Existing entries are updated, matched by "
        "external id or Finnish name. New entries stay unpublished unless "
        "--publish is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=["csv", "ptv"], default=None)
        parser.add_argument(
            "--publish", action="store_true", help="publish new entries at once"
        )

    def handle(self, file, format, publish, **options):
        if not file.exists():
            raise CommandError(f"{file} does not exist")
        format = format or ("ptv" if file.suffix.lower() == ".json" else "csv")
        text = file.read_text(encoding="utf-8-sig")
        importer = import_ptv if format == "ptv" else import_csv
        result = importer(text, publish=publish)
        for error in result.errors:
            self.stderr.write(error)
        self.stdout.write(f"{file.name}: {result}")
        if result.errors and not (result.created or result.updated):
            raise CommandError("nothing was imported")
