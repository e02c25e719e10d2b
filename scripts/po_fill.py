"""Fill untranslated entries of locale/{fi,sv}/LC_MESSAGES/django.po and compile.

Run `make messages` first so the catalogs hold every current msgid. Sources:

  python scripts/po_fill.py table.json [more.json ...]
      {"msgid": {"fi": "…", "sv": "…"}} — for a plural entry the value is
      {"fi": ["singular", "plural"], "sv": [...]} and the key is the singular
      msgid. Keys may carry a context as "context\\x04msgid".
  python scripts/po_fill.py --from-po other/locale   (a locale dir to copy from)
      copies translations of the same msgids from another checkout's catalogs,
      which is how branches that each translated their own strings are merged.

Only empty (or fuzzy) entries are filled; existing translations are kept.
Prints what is still missing, so a run ends with nothing left.
"""

import argparse
import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fi", "sv")


def key(entry):
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def translated(entry):
    if entry.msgid_plural:
        return all(entry.msgstr_plural.values()) and "fuzzy" not in entry.flags
    return bool(entry.msgstr) and "fuzzy" not in entry.flags


def fill_entry(entry, value):
    if entry.msgid_plural:
        if isinstance(value, str):
            value = [value, value]
        entry.msgstr_plural = {i: v for i, v in enumerate(value)}
    else:
        if isinstance(value, list):
            value = value[0]
        entry.msgstr = value
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tables", nargs="*")
    parser.add_argument("--from-po", action="append", default=[])
    args = parser.parse_args()

    missing = 0
    for lang in LANGS:
        path = ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"
        catalog = polib.pofile(str(path), wrapwidth=0)
        source = {}
        for directory in args.from_po:
            other = Path(directory) / lang / "LC_MESSAGES" / "django.po"
            for entry in polib.pofile(str(other)):
                if translated(entry):
                    source[key(entry)] = (
                        [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
                        if entry.msgid_plural
                        else entry.msgstr
                    )
        for table in args.tables:
            for msgid, values in json.loads(Path(table).read_text()).items():
                if lang in values:
                    source[msgid] = values[lang]
        for entry in catalog:
            if entry.obsolete or translated(entry):
                continue
            if key(entry) in source:
                fill_entry(entry, source[key(entry)])
            else:
                missing += 1
                print(f"{lang}: missing {key(entry)!r}", file=sys.stderr)
        catalog.save(str(path))
        catalog.save_as_mofile(str(path.with_suffix(".mo")))
    print(f"{missing} entries still untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
