"""Demo programs and their half-yearly status cards (demo_data.py).

The Finnish cards are created and published; the Swedish ones go in as
wagtail-localize translations. Creates only what is missing, so running it
again changes nothing and keeps staff's edits.
"""

from django.db import transaction
from django.utils.html import escape

from website.core.demo import demo_key, ensure_translated_page
from website.core.translation import translate

from .demo_data import PERIODS, PROGRAMS
from .models import (
    DIMENSIONS,
    SECTIONS,
    Program,
    ProgramIndexPage,
    ProgramStatusCard,
    ReportingPeriod,
)

FI, SV = 0, 1


def _bullets(items, language):
    return "<ul>" + "".join(f"<li>{escape(i[language])}</li>" for i in items) + "</ul>"


def _ensure_program(fi, sv, row):
    key = demo_key(f"program-{row['key']}")
    program = Program.objects.filter(translation_key=key, locale=fi).first()
    if program is None:
        program = Program(
            name=row["name"][FI],
            description=row["description"][FI],
            owner=row["owner"][FI],
            sort_order=row["sort_order"],
            locale=fi,
            translation_key=key,
        )
        program.save()
        program.save_revision().publish()
    if not Program.objects.filter(translation_key=key, locale=sv).exists():

        def apply(shadow):
            shadow.name = row["name"][SV]
            shadow.description = row["description"][SV]
            shadow.owner = row["owner"][SV]

        translate(program, sv, apply)
    return program


def _ensure_card(fi, sv, row, program, period, data):
    key = demo_key(f"program-card-{row['key']}-{period.slug}")
    card = ProgramStatusCard.objects.filter(translation_key=key, locale=fi).first()
    if card is None:
        card = ProgramStatusCard(
            program=program,
            period=period,
            authors=row["authors"],
            locale=fi,
            translation_key=key,
        )
        for (name, _label), level in zip(DIMENSIONS, data["levels"], strict=True):
            setattr(card, name, level)
        for name, _label in SECTIONS:
            setattr(card, name, _bullets(data[name], FI))
        card.save()
        card.save_revision().publish()
    if not ProgramStatusCard.objects.filter(translation_key=key, locale=sv).exists():

        def apply(shadow):
            for name, _label in SECTIONS:
                setattr(shadow, name, _bullets(data[name], SV))

        translate(card, sv, apply)
    return card


@transaction.atomic
def load_programs(fi, sv):
    # 2024/1 before 2024/2: the report demo takes the newest 2024 period.
    periods = {}
    for year, half in PERIODS:
        periods[year, half], _created = ReportingPeriod.objects.get_or_create(
            year=year, half=half
        )
    for row in PROGRAMS:
        program = _ensure_program(fi, sv, row)
        for period_key, data in row["cards"].items():
            _ensure_card(fi, sv, row, program, periods[period_key], data)
    return {
        "programs": Program.objects.count(),
        "program status cards": ProgramStatusCard.objects.count(),
    }


# The program page; its slugs are the former URL include's prefixes
# (/fi/ohjelmat/, /sv/program/), so shared links keep working.
PAGE = {
    "title": ("Ohjelmat", "Program"),
    "slug": ("ohjelmat", "program"),
    "introduction": (
        "<p>Hyvinvointialueen ohjelmat ja niiden puolivuotiset tilannekatsaukset: "
        "miten kukin ohjelma etenee ja mitä seuraavaksi tehdään.</p>",
        "<p>Välfärdsområdets program och deras halvårsvisa lägesrapporter: hur "
        "varje program framskrider och vad som görs härnäst.</p>",
    ),
}


def ensure_program_page(home_fi, fi, sv):
    return ensure_translated_page(
        ProgramIndexPage, "program-index", home_fi, fi, sv, PAGE, show_in_menus=True
    )
