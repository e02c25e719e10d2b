"""Write docs/privacy.md from the personal-data register
(website/core/privacy.py); with --check, fail when the file is out of date
or a field that looks personal is declared neither way."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from website.core import privacy

DEFAULT_PATH = Path(settings.BASE_DIR) / "docs" / "privacy.md"
PROSE_MARKER = "<!-- Hand-written below this line. -->"


def render(existing=""):
    """The generated tables, followed by the hand-written part of the
    existing file (everything after PROSE_MARKER)."""
    prose = ""
    if PROSE_MARKER in existing:
        prose = existing.split(PROSE_MARKER, 1)[1]
    return privacy.inventory_markdown() + "\n" + PROSE_MARKER + prose


class Command(BaseCommand):
    help = "Write docs/privacy.md from the personal-data register."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(DEFAULT_PATH))
        parser.add_argument(
            "--check", action="store_true", help="Only check that it is current."
        )

    def handle(self, path, check=False, **options):
        problems = privacy.undeclared_fields() + privacy.stale_declarations()
        if problems:
            raise CommandError(
                "Declare these in the app's privacy.py: " + ", ".join(problems)
            )
        target = Path(path)
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        text = render(existing)
        if check:
            if text != existing:
                raise CommandError(
                    f"{target} is out of date: run manage.py privacy_inventory"
                )
            return
        target.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {target}.")
