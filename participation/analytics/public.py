"""Figures for the public: aggregates, suppressed by website.core.disclosure
(no published number lets anyone compute a group smaller than the minimum)."""

from django.core.cache import cache
from django.utils import timezone

from website.core.disclosure import Disclosure, Suppressed, is_suppressed
from website.core.i18n import active_language

from . import queries
from .models import FeedbackAnalysis

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


def plain(value):
    """A chart value: None (the bar left out) for a suppressed figure."""
    return None if is_suppressed(value) else value


def publish_report(figures, minimum=None):
    """The council report's figures for publishing (its public variant):
    every count through one Disclosure with the sums the report implies;
    NPS, shares and intervals only where the counts behind them are shown
    (an interval's width tells the counts, so the public variant has none)."""
    d = Disclosure(minimum)
    current, previous = figures["nps"]["current"], figures["nps"]["previous"]
    v = figures["volumes"]
    categories = ("promoters", "passives", "detractors")

    def score_group(prefix, row):
        keys = [d.count((prefix, k), row[k]) for k in categories]
        d.sum(d.count((prefix, "n"), row["n"]), keys)

    d.count("total", v["total"])
    score_group("now", current)
    d.count("unscored", v["total"] - current["n"])
    d.sum("total", [("now", "n"), "unscored"])
    d.count("handled", v["handled"])
    d.count("unhandled", v["total"] - v["handled"])
    d.sum("total", ["handled", "unhandled"])
    d.count("closed", v["closed"])
    d.sum("total", [d.count(("ch", r["channel"]), r["n"]) for r in v["by_channel"]])
    d.sum(
        ("now", "n"),
        [d.count(("chs", r["channel"]), r["scored"]) for r in v["by_channel"]],
    )
    score_group("before", previous)
    for i, row in enumerate(figures["monthly"]):
        score_group(("month", i), row)
    d.sum(("now", "n"), [(("month", i), "n") for i in range(len(figures["monthly"]))])
    units = figures["units"]
    for i, row in enumerate(units):
        score_group(("unit", i), row)
    other = d.count("other units", current["n"] - sum(r["n"] for r in units))
    d.sum(("now", "n"), [*((("unit", i), "n") for i in range(len(units))), other])
    tones = FeedbackAnalysis.Tone.values
    theme_rows = figures["themes"]["themes"]
    for row in theme_rows:
        parts = [d.count(("theme", row["slug"], t), row[t]) for t in tones]
        d.sum(d.count(("theme", row["slug"]), row["n"]), parts)
    d.sum(
        d.count("analysed", figures["themes"]["analysed"]),
        [d.count(("tone", t), figures["themes"]["tones"][t]) for t in tones],
    )

    def score_row(prefix, row):
        keys = [(prefix, k) for k in ("n", "promoters", "detractors")]
        return {
            **row,
            "n": d.value((prefix, "n")),
            **{k: d.value((prefix, k)) for k in categories},
            "nps": d.derived(row["nps"], *keys),
            "ci_low": None,
            "ci_high": None,
            "margin": None,
            "small_sample": False,
        }

    nps_rows = [
        (figures["nps_rows"][0][0], score_row("now", current)),
        (figures["nps_rows"][1][0], score_row("before", previous)),
    ]
    change = figures["nps"]["change"]
    if change is not None and any(is_suppressed(r["nps"]) for _l, r in nps_rows):
        change = Suppressed(d.minimum, derived=True)
    published = {
        **figures,
        "public": True,
        "nps_rows": nps_rows,
        "nps": {
            "current": nps_rows[0][1],
            "previous": nps_rows[1][1],
            "change": change,
        },
        "monthly": [
            score_row(("month", i), row) for i, row in enumerate(figures["monthly"])
        ],
        "units": [
            score_row(("unit", i), row) for i, row in enumerate(figures["units"])
        ],
        "volumes": {
            **v,
            "total": d.value("total"),
            "scored": d.value(("now", "n")),
            "handled": d.value("handled"),
            "handled_share": d.share("handled", "total"),
            "median_handling_days": d.derived(v["median_handling_days"], "closed"),
            "by_channel": [
                {
                    **r,
                    "n": d.value(("ch", r["channel"])),
                    "scored": d.value(("chs", r["channel"])),
                    "nps": d.derived(r["nps"], ("chs", r["channel"])),
                }
                for r in v["by_channel"]
            ],
        },
        "themes": {
            "themes": [
                {
                    **row,
                    "examples": [],
                    "n": d.value(("theme", row["slug"])),
                    **{t: d.value(("theme", row["slug"], t)) for t in tones},
                }
                for row in theme_rows
            ],
            "tones": {t: d.value(("tone", t)) for t in tones},
            "analysed": d.value("analysed"),
        },
        "suppressed_any": bool(d.hidden),
        "minimum": d.minimum,
    }
    return published
