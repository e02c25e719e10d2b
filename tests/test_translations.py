"""Finnish and Swedish are complete (Language Act: every user-facing string,
page and e-mail exists in both languages)."""

import shutil

import polib
import pytest
from django.core.management import CommandError, call_command

from website.core.management.commands.check_translations import (
    catalog_problems,
    email_template_problems,
)


def test_check_translations_passes_on_the_repository():
    call_command("check_translations")


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
def test_every_string_in_code_and_templates_is_in_the_catalogs():
    call_command("check_translations", "--scan")


def _catalog(tmp_path, language, entries, fuzzy=()):
    folder = tmp_path / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    for msgid, msgstr in entries.items():
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr)
        if msgid in fuzzy:
            entry.flags.append("fuzzy")
        po.append(entry)
    po.save(str(folder / "django.po"))
    po.save_as_mofile(str(folder / "django.mo"))
    return po, folder


def test_untranslated_fuzzy_and_stale_entries_are_reported(tmp_path):
    _catalog(tmp_path, "fi", {"Search": "Hae", "Next": ""})
    po, folder = _catalog(tmp_path, "sv", {"Search": "Sök", "Next": "Nästa"}, {"Next"})
    po[0].msgstr = "Sökning"
    po.save(str(folder / "django.po"))  # .mo now stale
    problems = "\n".join(catalog_problems(tmp_path))
    assert "fi: untranslated: 'Next'" in problems
    assert "sv: fuzzy: 'Next'" in problems
    assert "sv: django.mo is stale for 'Search'" in problems


def test_email_templates_must_exist_in_both_languages(tmp_path):
    emails = tmp_path / "workshops" / "emails"
    emails.mkdir(parents=True)
    (emails / "confirmation_fi.txt").write_text("Kiitos")
    (emails / "confirmation_sv.txt").write_text("Tack")
    (emails / "reminder_fi.html").write_text("Muistutus")
    problems = email_template_problems([tmp_path])
    assert len(problems) == 1
    assert "reminder_fi.html has no sv version" in problems[0]


def test_command_fails_with_a_clear_message(tmp_path, settings):
    _catalog(tmp_path / "locale", "fi", {"Search": ""})
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match="untranslated: 'Search'"):
        call_command("check_translations")
