"""Server-side SVG charts (matplotlib) for the welfare report.

Rendered on the server so that the same chart appears on the page, in print
and in the WeasyPrint PDF, and works without JavaScript. Every chart comes
with a data table next to it (see the block templates); in the chart itself
series differ by marker and line style as well as colour (Okabe–Ito palette,
readable in greyscale print), and bars carry their values as text.

The SVG is embedded as a data-URI <img> with alt text: inline SVGs from
matplotlib would repeat element ids when a page has several charts.
"""

import base64
import functools
import hashlib
import io
import json

from django.core.cache import cache
from django.utils.formats import number_format
from django.utils.translation import get_language

PALETTE = [
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#7F7F7F",
]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
LINESTYLES = ["-", "--", "-.", ":"]
CACHE_SECONDS = 24 * 3600


@functools.cache
def _figure_class():
    """matplotlib on first use only: it is some 55 MB of a worker's memory
    that most requests (cached charts, other pages, exports) never need."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "svg.fonttype": "none",  # text stays text: smaller and selectable
            "svg.hashsalt": "yhdessa",  # deterministic output, so caching works
            "font.family": "DejaVu Sans",
            "font.size": 10,
        }
    )
    from matplotlib.figure import Figure

    return Figure


def _cached_svg(kind, payload, draw):
    """SVG data URI for ``payload``, drawn by ``draw(figure)`` once per distinct
    payload: the data itself is the cache key, so a changed value (also from a
    bulk import that sends no signals) renders a new chart."""
    digest = hashlib.sha256(
        json.dumps(
            [kind, get_language(), payload], sort_keys=True, default=str
        ).encode()
    ).hexdigest()
    key = f"report-chart:{digest}"
    uri = cache.get(key)
    if uri is None:
        figure = _figure_class()(figsize=(7.5, 3.8), dpi=100, layout="constrained")
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        uri = "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode(
            "ascii"
        )
        cache.set(key, uri, CACHE_SECONDS)
    return uri


def _fmt(value, decimal_pos=1):
    """A figure as the page's language writes it: 1 234,5 (fi, sv)."""
    return number_format(value, decimal_pos=decimal_pos, force_grouping=True)


def tick_label(value, _position=None):
    """Axis ticks in the page's language, without needless decimals."""
    value = round(float(value), 2)
    if value == int(value):
        return _fmt(int(value), decimal_pos=None)
    return _fmt(value, decimal_pos=1 if round(value, 1) == value else 2)


def localise_axis(axis):
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(tick_label))


def style_index(keys):
    """{series key: style number}: a series keeps its colour, marker and line
    style whatever the language sorts first (Hyvinkää/Hyvinge, Tuusula/Tusby),
    so the fi and sv charts of the same figures look the same."""
    return {key: i for i, key in enumerate(sorted(set(keys), key=str))}


def line_chart(series, unit=""):
    """series: [(label, [(year, value), ...], key), ...] → SVG data URI, or
    None when there is nothing to draw. `key` (language-independent, e.g. an
    area's slug) decides the series' colour, marker and line style."""
    series = [(label, points, key) for label, points, key in series if points]
    if not series:
        return None
    payload = {"series": series, "unit": unit}
    styles = style_index(key for _label, _points, key in series)

    def draw(figure):
        axes = figure.subplots()
        for label, points, key in series:
            i = styles[key]
            years = [year for year, _value in points]
            values = [float(value) for _year, value in points]
            axes.plot(
                years,
                values,
                label=label,
                gid=f"series-{key}",
                color=PALETTE[i % len(PALETTE)],
                marker=MARKERS[i % len(MARKERS)],
                linestyle=LINESTYLES[i % len(LINESTYLES)],
                linewidth=1.6,
                markersize=5,
            )
        all_years = sorted(
            {year for _label, points, _key in series for year, _v in points}
        )
        axes.set_xticks(all_years)
        axes.set_xticklabels([str(year) for year in all_years])
        localise_axis(axes.yaxis)
        if unit:
            axes.set_ylabel(unit)
        axes.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)

    return _cached_svg("line", payload, draw)


def bar_chart(bars, unit=""):
    """bars: [(label, value, emphasis), ...] with emphasis True for reference
    areas (region, country) → SVG data URI, or None when empty. Reference bars
    are hatched, and every bar is labelled with its value."""
    bars = [(label, value, emphasis) for label, value, emphasis in bars]
    if not bars:
        return None
    payload = {"bars": bars, "unit": unit}

    def draw(figure):
        axes = figure.subplots()
        labels = [label for label, _value, _emphasis in bars]
        values = [float(value) for _label, value, _emphasis in bars]
        positions = list(range(len(bars)))
        drawn = axes.barh(
            positions,
            values,
            color=[PALETTE[1] if emph else PALETTE[0] for _l, _v, emph in bars],
            hatch=None,
        )
        for patch, (_label, _value, emphasis) in zip(drawn, bars, strict=True):
            if emphasis:
                patch.set_hatch("//")
                patch.set_edgecolor("white")
        axes.set_yticks(positions)
        axes.set_yticklabels(labels)
        axes.invert_yaxis()
        localise_axis(axes.xaxis)
        for position, value in zip(positions, values, strict=True):
            axes.annotate(
                _fmt(value),
                (value, position),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
            )
        if unit:
            axes.set_xlabel(unit)
        axes.margins(x=0.12)
        axes.spines[["top", "right"]].set_visible(False)

    return _cached_svg("bar", payload, draw)
