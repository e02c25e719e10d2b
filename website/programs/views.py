"""Public pages: the programs index, one period's overview of all programs
and one program's history across periods, always in the active language.
They are routes of the program page (models.ProgramIndexPage), `page`."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from website.core.routes import route_translations

from . import queries
from .models import (
    LEVEL_DESCRIPTIONS,
    LEVEL_SYMBOLS,
    Program,
    ProgramStatusCard,
    ReportingPeriod,
    StatusLevel,
)


def _legend():
    return [
        (level, level.label, LEVEL_SYMBOLS[level], LEVEL_DESCRIPTIONS[level])
        for level in StatusLevel
    ]


def _language_names():
    return dict(settings.LANGUAGES)


def index(request, page):
    locale = Locale.get_active()
    programs = Program.objects.filter(live=True, locale=locale).order_by(
        "sort_order", "name"
    )
    return render(
        request,
        "programs/index.html",
        {"page": page, "programs": programs, "periods": queries.periods(locale)},
    )


def period_overview(request, page, year, half):
    period = get_object_or_404(ReportingPeriod, year=year, half=half)
    locale = Locale.get_active()
    cards = list(queries.overview(period, locale))
    # Cards published only in another language: named, not shown (honest
    # notice instead of silently mixing languages).
    keys = [card.translation_key for card in cards]
    untranslated = list(
        ProgramStatusCard.objects.filter(live=True, period=period, program__live=True)
        .exclude(locale=locale)
        .exclude(translation_key__in=keys)
        .select_related("program", "locale")
        .order_by("program__sort_order", "program__name")
    )
    names = _language_names()
    for card in untranslated:
        card.language_code = card.locale.language_code
        card.language_name = names.get(card.language_code, card.language_code)
        with translation.override(card.language_code):
            card.url = period.get_url()
    return render(
        request,
        "programs/period_overview.html",
        {
            "page": page,
            "translations_override": route_translations(
                page, "period", args=[year, half], request=request
            ),
            "period": period,
            "cards": cards,
            "untranslated": untranslated,
            "legend": _legend(),
            "periods": queries.periods(locale),
            "title": gettext("Program status, %(period)s") % {"period": period.label},
        },
    )


def program_history(request, page, pk):
    program = get_object_or_404(
        Program.objects.filter(live=True).select_related("locale"), pk=pk
    )
    locale = Locale.get_active()
    translations = {
        p.locale.language_code: p
        for p in Program.objects.filter(
            live=True, translation_key=program.translation_key
        ).select_related("locale")
    }
    language = locale.language_code
    if program.locale_id != locale.pk:
        # e.g. a /sv/ URL with the Finnish program's id: go to the Swedish
        # program, or explain in Swedish that it exists only in Finnish.
        if language in translations:
            return redirect(translations[language].get_url())
        names = _language_names()
        source_language = program.locale.language_code
        return render(
            request,
            "programs/untranslated.html",
            {
                "page": page,
                "program": program,
                "source_language": source_language,
                "source_language_name": names.get(source_language, ""),
                "translations_override": {source_language: program.get_url()},
                "title": program.name,
            },
        )
    # The switcher leads to the same program in the other language, or to
    # the notice above (in that language) when it has no translation.
    links = {code: p.get_url() for code, p in translations.items()}
    missing = {}
    other_pages = route_translations(
        page, "program", args=[program.pk], request=request
    )
    for code, _name in settings.LANGUAGES:
        if code not in links and code in other_pages:
            missing[code] = other_pages[code]
    return render(
        request,
        "programs/program_history.html",
        {
            "page": page,
            "program": program,
            "cards": list(queries.history(program, locale)),
            "legend": _legend(),
            "translations_override": links,
            "translations_missing": missing,
            "title": program.name,
        },
    )
