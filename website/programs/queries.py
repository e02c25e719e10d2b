"""Read-only queries for the public pages and the welfare report.

Only live cards in the requested locale: a reader never sees the other
language's cards mixed in.
"""

from .models import ProgramStatusCard, ReportingPeriod


def _live_cards(locale):
    return ProgramStatusCard.objects.filter(
        live=True, locale=locale, program__live=True
    ).select_related("program", "period")


def overview(period, locale):
    """The live cards of ``period`` in ``locale``, in program sort order.

    One query, whatever the number of programs."""
    return (
        _live_cards(locale)
        .filter(period=period)
        .order_by("program__sort_order", "program__name", "pk")
    )


def history(program, locale):
    """The live cards of ``program`` (in any language; matched by translation
    key) in ``locale`` across periods, newest period first. One query."""
    return (
        _live_cards(locale)
        .filter(program__translation_key=program.translation_key)
        .order_by("-period__year", "-period__half")
    )


def periods(locale=None):
    """Reporting periods, newest first; with ``locale``, only those that have
    live cards in it."""
    qs = ReportingPeriod.objects.order_by("-year", "-half")
    if locale is not None:
        qs = qs.filter(
            status_cards__live=True,
            status_cards__locale=locale,
            status_cards__program__live=True,
        ).distinct()
    return qs


def live_cards(locale):
    """Every live card in ``locale`` (the open data API), newest period
    first, in program sort order. One query."""
    return _live_cards(locale).order_by(
        "-period__year", "-period__half", "program__sort_order", "program__name", "pk"
    )
