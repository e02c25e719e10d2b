"""Dashboard and council-report charts, drawn like the welfare report's
(website.report.charts): server-side SVG, data table beside every chart,
markers and hatching as well as colour."""

from website.report.charts import (
    LINESTYLES,
    MARKERS,
    PALETTE,
    _cached_svg,
    localise_axis,
    tick_label,
)


def _with_values(series):
    """The series that have at least one value to draw."""
    return [
        (name, values) for name, values in series if any(v is not None for v in values)
    ]


def monthly_chart(labels, series, unit=""):
    """labels: ["2025-01", ...]; series: [(name, [value or None, ...])]."""
    series = _with_values(series)
    if not labels or not series:
        return None
    payload = {"labels": labels, "series": series, "unit": unit}

    def draw(figure):
        axes = figure.subplots()
        positions = list(range(len(labels)))
        for i, (name, values) in enumerate(series):
            points = [
                (x, v) for x, v in zip(positions, values, strict=True) if v is not None
            ]
            axes.plot(
                [x for x, _v in points],
                [float(v) for _x, v in points],
                label=name,
                color=PALETTE[i % len(PALETTE)],
                marker=MARKERS[i % len(MARKERS)],
                linestyle=LINESTYLES[i % len(LINESTYLES)],
                linewidth=1.6,
                markersize=4,
            )
        step = max(1, len(labels) // 12)
        axes.set_xticks(positions[::step])
        axes.set_xticklabels(labels[::step], rotation=45, ha="right")
        localise_axis(axes.yaxis)
        if unit:
            axes.set_ylabel(unit)
        axes.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        axes.spines[["top", "right"]].set_visible(False)
        if len(series) > 1:
            axes.legend(loc="upper left", frameon=False)

    return _cached_svg("analytics-monthly", payload, draw)


HATCHES = ["", "//", "..", "xx"]


def _short(label, length=40):
    """Axis labels stay readable; the full text is in the table below."""
    return label if len(label) <= length else label[: length - 1].rstrip() + "…"


def grouped_bars(labels, series, unit=""):
    """labels: row labels; series: [(name, [value or None, ...])] → horizontal
    bars, one per series in each row, told apart by hatching as well as
    colour, each labelled with its value. None when there is nothing to draw."""
    series = _with_values(series)
    if not labels or not series:
        return None
    payload = {"labels": labels, "series": series, "unit": unit}

    def draw(figure):
        axes = figure.subplots()
        height = 0.8 / len(series)
        for i, (name, values) in enumerate(series):
            positions = [row - 0.4 + height * (i + 0.5) for row in range(len(labels))]
            numbers = [float(v) if v is not None else 0.0 for v in values]
            bars = axes.barh(
                positions,
                numbers,
                height=height,
                label=name,
                color=PALETTE[i % len(PALETTE)],
                hatch=HATCHES[i % len(HATCHES)],
                edgecolor="white",
            )
            for bar, value in zip(bars, values, strict=True):
                if value is None:
                    continue
                axes.annotate(
                    tick_label(value),
                    (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=8,
                )
        axes.set_yticks(list(range(len(labels))))
        axes.set_yticklabels([_short(str(label)) for label in labels])
        axes.invert_yaxis()
        localise_axis(axes.xaxis)
        if unit:
            axes.set_xlabel(unit)
        axes.margins(x=0.12)
        axes.spines[["top", "right"]].set_visible(False)
        if len(series) > 1:
            axes.legend(loc="lower right", frameon=False, fontsize=8)

    return _cached_svg("analytics-bars", payload, draw)
