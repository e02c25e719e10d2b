"""makemessages without fuzzy matching.

msgmerge's fuzzy matching guesses a translation for a new msgid from a similar
old one ("demo data" got "Mittaritiedot"); those guesses are wrong more often
than not and, being fuzzy, are silently left out of the compiled catalog. New
strings should show up as plainly untranslated, so check_translations catches
them.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = makemessages.Command.msgmerge_options + ["--no-fuzzy-matching"]
