"""Dashboard and council-report charts, drawn like the welfare report's
(website.report.charts): server-side SVG, data table beside every chart,
markers and hatching as well as colour."""

from website.report.charts import LINESTYLES, MARKERS, PALETTE, _cached_svg


def monthly_chart(labels, series, unit=""):
    """labels: ["2025-01", ...]; series: [(name, [value or None, ...])]."""
    series = [
        (name, values) for name, values in series if any(v is not None for v in values)
    ]
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
        if unit:
            axes.set_ylabel(unit)
        axes.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        axes.spines[["top", "right"]].set_visible(False)
        if len(series) > 1:
            axes.legend(loc="upper left", frameon=False)

    return _cached_svg("analytics-monthly", payload, draw)


def share_bars(rows, unit="%"):
    """rows: [(label, value)] → horizontal bars with values as text."""
    rows = [(label, value) for label, value in rows if value is not None]
    if not rows:
        return None
    payload = {"rows": rows, "unit": unit}

    def draw(figure):
        axes = figure.subplots()
        positions = list(range(len(rows)))
        values = [float(v) for _l, v in rows]
        bars = axes.barh(positions, values, color=PALETTE[0])
        for bar, value in zip(bars, values, strict=True):
            axes.text(
                bar.get_width(), bar.get_y() + bar.get_height() / 2,
                f" {value:g} {unit}".rstrip(), va="center", fontsize=9,
            )  # fmt: skip
        axes.set_yticks(positions)
        axes.set_yticklabels([label for label, _v in rows])
        axes.invert_yaxis()
        axes.spines[["top", "right"]].set_visible(False)

    return _cached_svg("analytics-bars", payload, draw)
