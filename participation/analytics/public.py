"""Figures for the public: aggregates, suppressed by website.core.disclosure
(no published number lets anyone compute a group smaller than the minimum)."""

from django.core.cache import cache
from django.utils import timezone

from website.core.disclosure import Disclosure
from website.core.i18n import active_language

from . import queries

CACHE_SECONDS = 600


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


def publish_feedback(nps, volumes, themes, minimum=None):
    """The feedback part of the public summary from the dashboard's figures
    (queries.nps()["current"], queries.volumes(), queries.themes()["themes"]).

    The counts and how the page lets them add up: received = the channels'
    sum = scored + not scored = handled + not handled; scored = promoters +
    passives + detractors. Themes overlap (one answer, several themes), so
    each stands alone."""
    d = Disclosure(minimum)
    total = d.count("total", volumes["total"])
    channels = [
        d.count(("channel", r["channel"]), r["n"]) for r in volumes["by_channel"]
    ]
    d.sum(total, channels)
    scored = d.count("scored", nps["n"])
    d.count("unscored", volumes["total"] - nps["n"])
    d.sum(total, [scored, "unscored"])
    categories = [
        d.count(key, nps[key]) for key in ("promoters", "passives", "detractors")
    ]
    d.sum(scored, categories)
    d.count("handled", volumes["handled"])
    d.count("unhandled", volumes["total"] - volumes["handled"])
    d.sum(total, ["handled", "unhandled"])
    # Not published, but figures rest on them: a median of 3 closed cases
    # or an NPS of a channel with 3 scores tells about those people.
    d.count("closed", volumes["closed"])
    for row in volumes["by_channel"]:
        d.count(("channel-scored", row["channel"]), row["scored"])
    for row in themes:
        d.count(("theme", row["slug"]), row["n"])
    return {
        "nps": {
            "n": d.value(scored),
            "nps": d.derived(nps["nps"], scored, "promoters", "detractors"),
            **{key: d.value(key) for key in categories},
        },
        "feedback_total": d.value(total),
        "handled_share": d.share("handled", total),
        "median_handling_days": d.derived(volumes["median_handling_days"], "closed"),
        "channels": [
            {
                "label": row["label"],
                "n": d.value(key),
                "nps": d.derived(row["nps"], key, ("channel-scored", row["channel"])),
            }
            for row, key in zip(volumes["by_channel"], channels, strict=True)
        ],
        "themes": [
            {"name": row["name"], "n": d.value(("theme", row["slug"]))}
            for row in themes
            if row["n"]
        ],
        "suppressed_any": bool(d.hidden),
    }


def _build(months):
    filters = queries.Filters.last_months(months)
    minimum = queries.min_group_size()
    from .sections import extra_sections

    return {
        "extra_sections": extra_sections(filters, public=True),
        "period": filters,
        "minimum": minimum,
        **publish_feedback(
            queries.nps(filters)["current"],
            queries.volumes(filters),
            queries.themes(filters)["themes"],
            minimum,
        ),
    }
