"""Fail when Finnish or Swedish is missing anywhere users can see it.

* every entry of locale/{fi,sv}/LC_MESSAGES/django.po is translated and none
  is fuzzy;
* the compiled .mo files say the same as the .po files;
* with --scan: `makemessages` finds no string in the code or templates that
  the catalogs lack (needs GNU gettext);
* e-mail templates come in pairs: every ``*_fi.<ext>`` under a folder named
  ``emails`` has its ``*_sv.<ext>``, and the other way round.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

LANGUAGES = ("fi", "sv")
EMAIL_TEMPLATE = re.compile(r"^(?P<stem>.+)_(?P<lang>fi|sv)\.(?P<ext>txt|html)$")


def catalog_problems(locale_dir):
    problems = []
    for language in LANGUAGES:
        folder = Path(locale_dir) / language / "LC_MESSAGES"
        po_path, mo_path = folder / "django.po", folder / "django.mo"
        if not po_path.exists():
            problems.append(f"{language}: {po_path} is missing")
            continue
        po = polib.pofile(str(po_path))
        for entry in po.untranslated_entries():
            problems.append(f"{language}: untranslated: {entry.msgid!r}")
        for entry in po.fuzzy_entries():
            problems.append(f"{language}: fuzzy: {entry.msgid!r}")
        if not mo_path.exists():
            problems.append(f"{language}: {mo_path} is missing (compilemessages)")
            continue
        compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(mo_path))}
        for entry in po.translated_entries():
            found = compiled.get((entry.msgctxt, entry.msgid))
            if found is None or (
                not entry.msgid_plural and found.msgstr != entry.msgstr
            ):
                problems.append(
                    f"{language}: django.mo is stale for {entry.msgid!r} "
                    "(run make messages)"
                )
    return problems


def email_template_problems(template_dirs):
    problems = []
    for folder in template_dirs:
        for path in Path(folder).rglob("*"):
            if "emails" not in path.parts:
                continue
            match = EMAIL_TEMPLATE.match(path.name)
            if not match:
                continue
            other = "sv" if match["lang"] == "fi" else "fi"
            pair = path.with_name(f"{match['stem']}_{other}.{match['ext']}")
            if not pair.exists():
                problems.append(f"e-mail template {path} has no {other} version")
    return problems


def scan_problems(base_dir):
    """Strings in code or templates that the committed catalogs lack."""
    if shutil.which("xgettext") is None:
        raise CommandError("--scan needs GNU gettext (xgettext)")
    base_dir = Path(base_dir)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "repo"
        shutil.copytree(
            base_dir,
            work,
            ignore=shutil.ignore_patterns(
                ".venv", ".git", "node_modules", "*.sqlite3", "media", "staticfiles"
            ),
        )
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", "fi"]
            + ["--no-location", "-i", ".venv/*", "-i", "node_modules/*"],
            cwd=work,
            check=True,
            capture_output=True,
            timeout=600,
        )
        fresh = polib.pofile(str(work / "locale" / "fi" / "LC_MESSAGES" / "django.po"))
    committed = polib.pofile(
        str(base_dir / "locale" / "fi" / "LC_MESSAGES" / "django.po")
    )
    known = {(e.msgctxt, e.msgid) for e in committed if not e.obsolete}
    return [
        f"not in the catalogs (run make messages): {e.msgid!r}"
        for e in fresh
        if (e.msgctxt, e.msgid) not in known
    ]


class Command(BaseCommand):
    help = "Fail when a user-facing string or e-mail template lacks fi or sv."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scan",
            action="store_true",
            help="Also run makemessages to find strings missing from the catalogs.",
        )

    def handle(self, **options):
        base_dir = Path(settings.BASE_DIR)
        problems = catalog_problems(base_dir / "locale")
        template_dirs = [d for t in settings.TEMPLATES for d in t.get("DIRS", [])]
        template_dirs += [p for p in base_dir.glob("*/templates")]
        template_dirs += [p for p in base_dir.glob("website/*/templates")]
        problems += email_template_problems(template_dirs)
        if options["scan"]:
            problems += scan_problems(base_dir)
        if problems:
            raise CommandError(
                f"{len(problems)} translation problem(s):\n" + "\n".join(problems)
            )
        self.stdout.write(self.style.SUCCESS("Finnish and Swedish are complete."))
