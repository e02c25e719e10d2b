"""Figures for the public: aggregates with small groups suppressed."""

from django.core.cache import cache
from django.utils import timezone

from website.core.i18n import active_language

from . import queries

CACHE_SECONDS = 600


def suppress(value, n):
    """The value, or None when it rests on fewer answers than the minimum."""
    return value if n >= queries.min_group_size() else None


def summary(months=12):
    """Context for the summary page, cached briefly (the page is public and
    the aggregates change slowly)."""
    language = active_language()
    key = f"participation-summary:{months}:{language}:{timezone.localdate()}"
    context = cache.get(key)
    if context is None:
        context = _build(months)
        cache.set(key, context, CACHE_SECONDS)
    return context


def _build(months):
    filters = queries.Filters.last_months(months)
    minimum = queries.min_group_size()
    nps = queries.nps(filters)["current"]
    volumes = queries.volumes(filters)
    themes = queries.themes(filters)
    channels = [
        {
            "label": row["label"],
            "n": row["n"],
            "nps": suppress(row["nps"], row["scored"]),
        }
        for row in volumes["by_channel"]
        if row["n"] >= minimum
    ]
    from .sections import extra_sections

    return {
        "extra_sections": extra_sections(filters, public=True),
        "period": filters,
        "minimum": minimum,
        "nps": {
            "n": nps["n"],
            "nps": suppress(nps["nps"], nps["n"]),
            "promoters": suppress(nps["promoters"], nps["n"]),
            "passives": suppress(nps["passives"], nps["n"]),
            "detractors": suppress(nps["detractors"], nps["n"]),
        },
        "feedback_total": volumes["total"],
        "handled_share": suppress(volumes["handled_share"], volumes["total"]),
        "median_handling_days": suppress(
            volumes["median_handling_days"], volumes["closed"]
        ),
        "channels": channels,
        "themes": [
            {"name": row["name"], "n": row["n"]}
            for row in themes["themes"]
            if row["n"] >= minimum
        ],
        "suppressed_themes": sum(
            1 for row in themes["themes"] if 0 < row["n"] < minimum
        ),
    }
